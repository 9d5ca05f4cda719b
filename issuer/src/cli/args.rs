//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use license_format::Lang;
use license_issuer::ledger::DEFAULT_LEDGER;

const AFTER_HELP: &str = "\
Dates in orders: a date (YYYY-MM-DD) means the whole of that day in UTC.
  valid_from \"2026-12-01\" starts at 2026-12-01T00:00:00Z;
  valid_until \"2027-11-30\" ends at 2027-12-01T00:00:00Z (exclusive).
  Full RFC 3339 timestamps are accepted too. No valid_from: now. No valid_until
  (or null): perpetual. No grace_days: 14.

Exit status:
  0  done (inspect: the signature holds, or no --trust key was given; batch:
     every line issued)
  1  a clean no (inspect: the signature does not hold against the --trust keys;
     ledger show: no such license; batch: some lines refused, the rest issued)
  2  an error: a mistake in an order, request or the command line, a key or
     ledger problem, output that could not be written, a batch that could not
     run. A refused order records nothing.

Order ids: an order may carry \"order_id\", the vendor's own reference. Issuing
  an order id again gives back the license issued for it (no new serial);
  --reissue signs a new one.

\"-\" names standard input (--order, --orders, --request, inspect) or standard
  output (--out), never a file.

Environment:
  LICENSE_ISSUER_NAME        the vendor's display name (--issuer)
  LICENSE_LEDGER             the ledger file (--ledger), default license-ledger.db
  LICENSE_ISSUER_PASSPHRASE  passphrase of an encrypted key (never an argument)";

/// Issue signed license files: vendor keys, orders, activation requests, the ledger.
#[derive(Debug, Parser)]
#[command(name = "license-issuer", version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of the messages: en or nl (also NL, nl-NL). Default: LICENSE_LANG, else
    /// LC_ALL, LC_MESSAGES or LANG (nl_NL.UTF-8 is Dutch), else English.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

/// `--lang`'s value, case-insensitive.
pub fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::from_tag(tag)
        .ok_or_else(|| format!("{tag:?} is not a language of this program: use en or nl"))
}

/// The language `--lang` asks for on a command line clap could not read, so that its
/// error is in that language too.
pub fn lang_in_args() -> Option<Lang> {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| Lang::from_tag(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::from_tag),
            None => None,
        })
}

impl Command {
    /// Whether `--json` was given: errors are then also printed as JSON on stdout.
    pub fn json(&self) -> bool {
        match self {
            Command::Keygen(a) => a.json,
            Command::Issue(a) => a.json,
            Command::Batch(a) => a.json,
            Command::Inspect(a) => a.json,
            Command::ClockReset(a) => a.json,
            Command::Certify(a) => a.json,
            Command::Revoke(a) => a.json,
            Command::Ledger(LedgerCommand::List { common, .. })
            | Command::Ledger(LedgerCommand::Show { common, .. })
            | Command::Ledger(LedgerCommand::Revocations { common })
            | Command::Ledger(LedgerCommand::Certificates { common }) => common.json,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make a new signing key: NAME.key (mode 0600) and NAME.pub; prints the key id.
    Keygen(KeygenArgs),
    /// Sign one order into a license file, record it in the ledger, write it.
    #[command(after_help = AFTER_HELP)]
    Issue(IssueArgs),
    /// Issue one license per line of a JSONL file, each named LICENSE_ID.lic.
    #[command(after_help = AFTER_HELP)]
    Batch(BatchArgs),
    /// Show a license file, key certificate or revocation list and whether its
    /// signature holds against the given keys.
    Inspect(InspectArgs),
    /// Answer an installation's clock-reset request with a signed clock reset: its
    /// clock mark becomes now. The same request again gets the same file again.
    ClockReset(ClockResetArgs),
    /// Sign, with a root key, a key certificate for an issuing key: which documents it
    /// may sign for this product, for documents issued in a window. Files the issuing key
    /// signs with --cert then verify on installations that trust only the root.
    #[command(after_help = CERTIFY_HELP)]
    Certify(CertifyArgs),
    /// Sign the next revocation list: every license and key revoked in this ledger so
    /// far, and those given now. Installations that import it refuse them.
    #[command(after_help = REVOKE_HELP)]
    Revoke(RevokeArgs),
    /// What was issued, to whom, bound to what, valid until when, with which key.
    #[command(subcommand)]
    Ledger(LedgerCommand),
}

const CERTIFY_HELP: &str = "\
Dates: a date (YYYY-MM-DD) is the whole day in UTC: --valid-from 2026-12-01 starts
  at 2026-12-01T00:00:00Z, --valid-until 2027-11-30 ends at 2027-12-01T00:00:00Z
  (exclusive). RFC 3339 timestamps are accepted too. The window bounds when
  documents are issued, not how long they are used.

Output: --out FILE, or \"-\" for standard output; by default KID.cert in the
  current directory (KID: the certified key's id). An existing file is replaced
  only with --force. The certificate is recorded in the ledger (ledger
  certificates).";

const REVOKE_HELP: &str = "\
The list is cumulative: it holds every revocation recorded in this ledger, each
  with the date it was first revoked; an id revoked before keeps its first entry.
  Its serial is the ledger's last one plus one. A list cannot revoke its own
  signing key or the root of its --cert: sign it with another key.

Output: --out FILE, or \"-\" for standard output; by default
  revocation-list-SERIAL.revocation in the current directory. An existing file is
  replaced only with --force. `ledger revocations` shows what was revoked.";

#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Directory to write the key files into.
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    /// Base name of the key files.
    #[arg(long, default_value = "vendor")]
    pub name: String,
    /// Encrypt the private key (PKCS#8 PBES2, PBKDF2-SHA256 + AES-256-CBC); the
    /// passphrase comes from LICENSE_ISSUER_PASSPHRASE or is asked twice on a terminal.
    #[arg(long)]
    pub encrypt: bool,
    /// Replace existing key files.
    #[arg(long)]
    pub force: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Who signs, and where it is recorded: what every command that signs takes.
#[derive(Debug, Args)]
pub struct Vendor {
    /// The vendor's display name, written into every document signed.
    #[arg(long, env = "LICENSE_ISSUER_NAME", value_name = "NAME")]
    pub issuer: Option<String>,
    /// The ledger file.
    #[arg(
        long,
        env = "LICENSE_LEDGER",
        value_name = "PATH",
        default_value = DEFAULT_LEDGER
    )]
    pub ledger: PathBuf,
}

#[derive(Debug, Args)]
pub struct Signing {
    /// The private key file written by keygen.
    #[arg(long, value_name = "KEY")]
    pub key: PathBuf,
    #[command(flatten)]
    pub vendor: Vendor,
    /// The signing key's certificate (written by `certify`): carried in every file
    /// signed, so that installations trusting only the root key accept it.
    #[arg(long, value_name = "CERT")]
    pub cert: Option<PathBuf>,
    /// The root's public key: the --cert signature is checked under it, and every file
    /// signed is verified through it as an installation will.
    #[arg(long, value_name = "ROOT.pub", requires = "cert")]
    pub root_pub: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CertifyArgs {
    /// The root's private key, which signs the certificate.
    #[arg(long, value_name = "ROOT.key")]
    pub root: PathBuf,
    /// The issuing key to certify: its public key file (.pub).
    #[arg(long, value_name = "ISSUING.pub")]
    pub key: PathBuf,
    /// Start of the window (date or RFC 3339), inclusive; default: now.
    #[arg(long, value_name = "DATE")]
    pub valid_from: Option<String>,
    /// End of the window (date or RFC 3339): a date's whole day is inside it.
    #[arg(long, value_name = "DATE")]
    pub valid_until: String,
    /// What the key may sign, comma-separated: license-file, clock-reset,
    /// revocation-list (default: all three).
    #[arg(long, value_name = "USAGE", value_delimiter = ',')]
    pub usage: Vec<String>,
    #[command(flatten)]
    pub vendor: Vendor,
    /// Write the certificate here ("-": standard output; default: KID.cert).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace an existing --out file.
    #[arg(long)]
    pub force: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    #[command(flatten)]
    pub signing: Signing,
    /// A license this ledger issued, to revoke; repeat for several.
    #[arg(long = "license", value_name = "LICENSE_ID")]
    pub licenses: Vec<String>,
    /// A key to revoke, by its key id (16 hex digits); repeat for several.
    #[arg(long = "key-id", value_name = "KID")]
    pub key_ids: Vec<String>,
    /// Why, in words shown to customers (one line of text).
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Write the list here ("-": standard output; default:
    /// revocation-list-SERIAL.revocation).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace an existing --out file.
    #[arg(long)]
    pub force: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct IssueArgs {
    #[command(flatten)]
    pub signing: Signing,
    /// The order (JSON; "-" for standard input).
    #[arg(long, value_name = "ORDER.json")]
    pub order: PathBuf,
    /// An offline installation's activation request ("-" for standard input); binds
    /// the license to it. Text around it, as in an e-mail, is allowed.
    #[arg(long, value_name = "REQUEST.json")]
    pub request: Option<PathBuf>,
    /// Issue a license valid on any installation (the order names none).
    #[arg(long)]
    pub unbound: bool,
    /// Sign a new license (a new serial) even if the order's order_id was issued before.
    #[arg(long)]
    pub reissue: bool,
    /// Write the license file here ("-": standard output, the default).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace an existing --out file.
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ClockResetArgs {
    #[command(flatten)]
    pub signing: Signing,
    /// The installation's clock-reset request ("-" for standard input).
    #[arg(long, value_name = "REQUEST.json")]
    pub request: PathBuf,
    /// Write the clock-reset file here ("-": standard output, the default).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace an existing --out file.
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    #[command(flatten)]
    pub signing: Signing,
    /// The orders, one JSON object per line ("-" for standard input).
    #[arg(long, value_name = "ORDERS.jsonl")]
    pub orders: PathBuf,
    /// Directory for the license files.
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    /// Stop at the first refused line.
    #[arg(long)]
    pub fail_fast: bool,
    /// Allow orders that name no installation.
    #[arg(long)]
    pub unbound: bool,
    /// Sign new licenses even for order ids issued before.
    #[arg(long)]
    pub reissue: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The license file, key certificate or revocation list ("-" for standard input).
    pub file: PathBuf,
    /// A public key (.pub) to check the signature against; repeat for several. For a
    /// file that carries a key certificate, give the root key.
    #[arg(long, value_name = "PUB")]
    pub trust: Vec<PathBuf>,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// List issued licenses, oldest first.
    List {
        /// Only this customer's licenses.
        #[arg(long, value_name = "ID")]
        customer: Option<String>,
        #[command(flatten)]
        common: LedgerArgs,
    },
    /// Show one license's record and its file.
    Show {
        /// The license id, e.g. LIC-000042.
        license_id: String,
        #[command(flatten)]
        common: LedgerArgs,
    },
    /// List revoked licenses and keys (when, why, in which list) and the lists signed.
    Revocations {
        #[command(flatten)]
        common: LedgerArgs,
    },
    /// List the key certificates signed with this ledger.
    Certificates {
        #[command(flatten)]
        common: LedgerArgs,
    },
}

#[derive(Debug, Args)]
pub struct LedgerArgs {
    /// The ledger file.
    #[arg(
        long,
        env = "LICENSE_LEDGER",
        value_name = "PATH",
        default_value = DEFAULT_LEDGER
    )]
    pub ledger: PathBuf,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}
