# De fouten van de formaat-crate in het Nederlands (de argumenten komen uit
# license_format::Error::details). Elke melding heeft haar tweeling in en.ftl.

