//! `license-verifier`: verify license files, activate this installation by importing
//! one, and answer access questions offline. See `--help` and README.md.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use license_format::Lang;

const EXIT_CODES: &str = "Exit status:
  0  yes / done
  1  a clean no: a check that answers no, `status` not usable, `verify` of a genuine file
     that is expired, not yet valid or for another installation, an action refused by the
     license rules (no free seat, plan not licensed, an older serial)
  2  an error: malformed, forged or unverifiable input, unknown key, other product, usage,
     I/O, a damaged store";

/// Verify license files, activate this installation and answer access questions offline.
#[derive(Parser)]
#[command(name = "license-verifier", version, after_help = EXIT_CODES)]
struct Cli {
    /// The license store of this installation.
    #[arg(
        long,
        global = true,
        env = "LICENSE_STORE",
        default_value = "license-store.db"
    )]
    store: PathBuf,
    /// Trust this public key file (PEM, one or more keys) to sign license files, instead
    /// of the keys built in; repeatable. With --trust or --trust-root, nothing built in
    /// is trusted.
    #[arg(long = "trust", value_name = "PUB", global = true)]
    trust: Vec<PathBuf>,
    /// Trust this root key file (PEM) only to certify issuing keys, whose key
    /// certificate a file carries, instead of the roots built in; repeatable.
    #[arg(long = "trust-root", value_name = "PUB", global = true)]
    trust_root: Vec<PathBuf>,
    /// Print JSON on stdout.
    #[arg(long, global = true)]
    json: bool,
    /// Language: en or nl (also NL, nl-NL). Default: LICENSE_LANG, else LC_ALL,
    /// LC_MESSAGES or LANG (nl_NL.UTF-8 is Dutch), else English.
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

impl Cli {
    /// The language to answer in: `--lang`, else the environment.
    fn language(&self) -> Lang {
        self.lang
            .unwrap_or_else(|| license_i18n::language_from(|name| std::env::var(name).ok()))
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check one license file without a store: signature, term, binding.
    Verify {
        /// The license file (`-` is standard input).
        file: PathBuf,
        /// The instant to check at (RFC 3339, or a day YYYY-MM-DD from its start in UTC),
        /// instead of now.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Check that the license is for this installation id.
        #[arg(long, value_name = "ID")]
        installation_id: Option<String>,
    },
    /// Create the store (idempotent) and print the installation id.
    Init,
    /// Write the activation request for this installation (or, with --clock-reset, a
    /// request for a clock reset).
    Request {
        /// Write it to FILE instead of stdout (`-` is stdout).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Ask the vendor for a clock reset: for a system clock that was once set ahead
        /// and is right again, while this store still judges by the later time.
        #[arg(long)]
        clock_reset: bool,
    },
    /// Activate a license file from the vendor, or apply a clock-reset file.
    Import {
        /// The license file or clock-reset file (`-` is standard input).
        file: PathBuf,
        /// Show what would change, change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Confirm that the file may replace the license of another customer.
        #[arg(long)]
        force: bool,
    },
    /// The startup check: is the product licensed now.
    Status,
    /// The Licenses screen: every license with its status and seats.
    List,
    /// The active license in full, or one module or plan in detail.
    /// Without a code: the active license in full. With one: that module or plan, and
    /// the holders of a plan.
    Show {
        /// The license code, e.g. sales-premium.
        code: Option<String>,
    },
    /// Every license imported, oldest first: when, which serial, what it changed.
    History,
    /// Users and their login rights.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Seats of the user plans.
    #[command(subcommand)]
    Seats(SeatsCommand),
    /// Ask an access question; exit 0 for yes, 1 for no.
    #[command(subcommand)]
    Check(CheckCommand),
    /// Serve the web console (the Licenses screen in a browser, and a JSON API under
    /// /api/v1/). The first line printed is the URL to open, with its secret token.
    Serve {
        /// The address to listen on; another than loopback needs --allow-remote.
        #[arg(long, value_name = "ADDR", default_value = license_console::DEFAULT_LISTEN)]
        listen: std::net::SocketAddr,
        /// Allow an address reachable from other machines (put the console behind TLS).
        #[arg(long)]
        allow_remote: bool,
        /// Read the token from this file instead of drawing a random one (at least 32
        /// printable characters).
        #[arg(long, value_name = "FILE")]
        token_file: Option<PathBuf>,
    },
    /// The system events log, newest first.
    Events {
        /// How many events to show.
        #[arg(long, default_value_t = 20)]
        limit: u32,
        /// Only events of this kind (repeatable), e.g. import, seat-assigned, clock.
        #[arg(long, value_name = "KIND")]
        kind: Vec<String>,
        /// Only events at or after this instant (RFC 3339) or day (YYYY-MM-DD, from its
        /// start in UTC).
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
    },
}

#[derive(Subcommand)]
enum UsersCommand {
    /// Add a user (with login rights unless --no-login).
    Add {
        /// The user's name.
        name: String,
        /// Add the user without login rights.
        #[arg(long)]
        no_login: bool,
    },
    /// Grant (on) or withdraw (off) login rights.
    Login {
        /// The user's name.
        name: String,
        /// on or off.
        #[arg(value_parser = ["on", "off"])]
        state: String,
    },
    /// Remove a user and release the user's seats.
    Remove {
        /// The user's name.
        name: String,
    },
    /// List the users.
    List,
}

#[derive(Subcommand)]
enum SeatsCommand {
    /// Assign a seat of a plan to a user.
    Assign(AssignArgs),
    /// Release a user's seat of a plan.
    Release {
        /// The user.
        user: String,
        /// The plan.
        plan: String,
    },
    /// List the seats, of every plan or of one.
    List {
        /// Only this plan.
        plan: Option<String>,
    },
}

#[derive(Args)]
struct AssignArgs {
    /// The user.
    user: String,
    /// The plan, e.g. sales-premium.
    plan: String,
    /// Release the user's other exclusive plan in the same step.
    #[arg(long = "move")]
    move_seat: bool,
}

#[derive(Subcommand)]
enum CheckCommand {
    /// Is a system license active.
    System {
        /// The system license code.
        code: String,
    },
    /// May a capability be used (by a user, for per-user capabilities).
    Capability {
        /// The capability, e.g. web-client.
        cap: String,
        /// The user asking.
        #[arg(long, value_name = "NAME")]
        user: Option<String>,
    },
    /// Is a seat of a plan free.
    Seats {
        /// The plan.
        plan: String,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(cli::usage_error(&e)),
    };
    ExitCode::from(cli::run(cli))
}
