//! `license-issuer`: the vendor's command line. Parses arguments, calls the library once
//! per subcommand, prints the outcome and maps it to the exit status of `--help`.

use std::process::ExitCode;

use clap::Parser as _;

mod cli;

use cli::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let lang = cli::args::lang_in_args();
            cli::i18n::set_language(lang.unwrap_or_else(cli::i18n::language_of_environment));
            return cli::usage_error(&e);
        }
    };
    let lang = cli.lang.unwrap_or_else(cli::i18n::language_of_environment);
    cli::i18n::set_language(lang);
    let json = cli.command.json();
    let outcome = match cli.command {
        Command::Keygen(args) => cli::keys::keygen(&args),
        Command::Issue(args) => cli::issue::issue(&args),
        Command::Batch(args) => cli::batch::batch(&args),
        Command::Inspect(args) => cli::inspect::inspect(&args),
        Command::ClockReset(args) => cli::clock_reset::clock_reset(&args),
        Command::Certify(args) => cli::certify::certify(&args),
        Command::Revoke(args) => cli::revoke::revoke(&args),
        Command::Ledger(command) => cli::ledger::ledger(&command),
    };
    match outcome {
        Ok(code) => code,
        Err(err) => cli::report_error(&err, json),
    }
}
