//! `inspect`: a license file for a person, and whether its signature holds.

use std::process::ExitCode;

use license_format::constants::MAX_LICENSE_FILE_BYTES;
use license_issuer::input::read_limited;
use license_issuer::inspect::{inspect as decode, SignatureStatus};
use license_issuer::keyfile::read_keyring;
use license_issuer::Result;

use super::args::InspectArgs;

pub fn inspect(args: &InspectArgs) -> Result<ExitCode> {
    let keyring = read_keyring(&args.trust)?;
    let bytes = read_limited(&args.file, "license file", MAX_LICENSE_FILE_BYTES)?;
    let inspection = decode(&bytes, &keyring)?;
    if args.json {
        super::print_json(&inspection)?;
    } else {
        super::emit(&inspection.to_text())?;
    }
    Ok(match inspection.signature {
        SignatureStatus::Valid | SignatureStatus::NotChecked => ExitCode::SUCCESS,
        SignatureStatus::UnknownKey | SignatureStatus::Bad => super::NO,
    })
}
