//! One function per subcommand: call the library once, build the reply.

use std::fs;

use chrono::{DateTime, Utc};
use license_format::constants::MAX_LICENSE_FILE_BYTES;
use license_format::time::parse_rfc3339;
use license_format::{document_kind, DocumentKind, Trust};
use license_verifier::store::ImportOptions;
use license_verifier::{check_file, Decision, LicenseStore};
use serde_json::{json, Value};

use super::i18n::{n, s, t};
use super::{read_bytes, render, Failure, Reply};
use crate::{CheckCommand, Cli, Command, SeatsCommand, UsersCommand};
use license_verifier::text::{self as words, json};

type Outcome = Result<Reply, Failure>;

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn done(json: Value, text: String) -> Outcome {
    Ok(Reply::new(0, json, text))
}

pub(crate) fn dispatch(cli: &Cli, ring: Trust) -> Outcome {
    let now = Utc::now();
    match &cli.command {
        Command::Verify {
            file,
            at,
            installation_id,
        } => verify(file, at.as_deref(), installation_id.as_deref(), &ring, now),
        Command::Init => init(cli, ring, now),
        Command::Request { out, clock_reset } => {
            request(cli, ring, out.as_deref(), *clock_reset, now)
        }
        Command::Import {
            file,
            dry_run,
            force,
        } => {
            // The largest kind's limit: the library holds each kind to its own.
            let limit = DocumentKind::RevocationList.max_bytes();
            let bytes = read_bytes(file, "what-license-file", limit)?;
            if document_kind(&bytes) == Some(DocumentKind::RevocationList) {
                return with_store(cli, ring, |store| {
                    let report = store.import_revocation_list(&bytes, *dry_run, now)?;
                    done(to_json(&report), render::revocation_list(&report))
                });
            }
            if document_kind(&bytes) == Some(DocumentKind::ClockReset) {
                if *dry_run {
                    return Err(Failure::usage(t("error-usage-dry-run-reset", &[])));
                }
                return with_store(cli, ring, |store| {
                    let report = store.import_clock_reset(&bytes, now)?;
                    done(to_json(&report), render::clock_reset(&report))
                });
            }
            with_store(cli, ring, |store| {
                import(store, &bytes, *dry_run, *force, now)
            })
        }
        Command::Status => with_store(cli, ring, |store| {
            let status = store.status(now)?;
            let answer = json::status(super::i18n::language(), &status);
            Ok(Reply::new(
                answer.exit,
                answer.json,
                render::status(&status),
            ))
        }),
        Command::List => with_store(cli, ring, |store| {
            let screen = store.licenses_screen(cli.language(), now)?;
            done(to_json(&screen), render::list(&screen))
        }),
        Command::Show { code: Some(code) } => with_store(cli, ring, |store| {
            let detail = store.show(code, cli.language(), now)?;
            done(to_json(&detail), render::show(&detail))
        }),
        Command::History => with_store(cli, ring, |store| {
            let entries = store.history(now)?;
            done(json!({ "licenses": entries }), render::history(&entries))
        }),
        Command::Show { code: None } => with_store(cli, ring, |store| {
            let Some(active) = store.active_detail(now)? else {
                return Err(license_verifier::Error::NoLicense.into());
            };
            let json = json::with_texts(
                super::i18n::language(),
                to_json(&active),
                &active.file.reasons,
            );
            done(json, render::active(&active))
        }),
        Command::Users(cmd) => with_store(cli, ring, |store| users(cmd, store, now)),
        Command::Seats(cmd) => with_store(cli, ring, |store| seats(cmd, store, now)),
        Command::Check(cmd) => with_store(cli, ring, |store| check(cmd, store, now)),
        Command::Serve {
            listen,
            allow_remote,
            token_file,
        } => serve(cli, ring, *listen, *allow_remote, token_file.as_deref()),
        Command::Events { limit, kind, since } => {
            let since = since
                .as_deref()
                .map(|t| instant("--since", t))
                .transpose()?;
            if let Some(unknown) = kind
                .iter()
                .find(|k| !license_verifier::store::EVENT_KINDS.contains(&k.as_str()))
            {
                let kinds = license_verifier::store::EVENT_KINDS.join(", ");
                let args = [("kind", s(unknown)), ("kinds", s(&kinds))];
                return Err(Failure::usage(t("error-usage-unknown-kind", &args)));
            }
            with_store(cli, ring, |store| {
                let events = store.events_where(*limit, kind, since, now)?;
                let mut json = json!({ "events": events });
                if let Some(list) = json["events"].as_array_mut() {
                    for (item, event) in list.iter_mut().zip(&events) {
                        item["text"] = words::event(super::i18n::language(), &event.detail).into();
                    }
                }
                done(json, render::events(&events))
            })
        }
    }
}

/// Runs `f` on the opened store; says once when the store could not be written, so the
/// answer came from the stored state without advancing the clock's mark.
fn with_store(cli: &Cli, ring: Trust, f: impl FnOnce(&LicenseStore) -> Outcome) -> Outcome {
    let store = open(cli, ring)?;
    let out = f(&store);
    if store.unwritable() {
        let path = store.path().display().to_string();
        super::warn(&t("warning-unwritable", &[("path", s(&path))]));
    }
    out
}

fn import(
    store: &LicenseStore,
    bytes: &[u8],
    dry_run: bool,
    force: bool,
    now: DateTime<Utc>,
) -> Outcome {
    let options = ImportOptions::default()
        .dry_run(dry_run)
        .confirm_customer_change(force);
    let report = store.import_with(bytes, options, now)?;
    done(to_json(&report), render::import(&report))
}

/// An instant from the command line: RFC 3339, or a day (`YYYY-MM-DD`) from its start in
/// UTC, as orders read their dates.
fn instant(flag: &str, text: &str) -> Result<DateTime<Utc>, Failure> {
    if let Ok(day) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(day.and_time(chrono::NaiveTime::MIN).and_utc());
    }
    parse_rfc3339(text).map_err(|e| {
        let why = t(&format!("problem-format-timestamp-{}", e.code()), &[]);
        let reason = t(
            "problem-format-timestamp",
            &[("value", s(text)), ("reason", s(&why))],
        );
        let args = [("flag", s(flag)), ("reason", s(&reason))];
        Failure::usage(t("error-usage-bad-time", &args))
    })
}

fn init(cli: &Cli, ring: Trust, now: DateTime<Utc>) -> Outcome {
    let store = LicenseStore::create(&cli.store, ring, now)?;
    let (id, created) = (store.installation_id(), store.newly_created());
    let path = cli.store.display().to_string();
    let head = if created {
        "init-created"
    } else {
        "init-exists"
    };
    let text = format!(
        "{}\n{}\n",
        t(head, &[("path", s(&path))]),
        t("init-installation", &[("id", s(id))])
    );
    done(
        json!({ "store": cli.store, "installation_id": id, "created": created }),
        text,
    )
}

fn request(
    cli: &Cli,
    ring: Trust,
    out: Option<&std::path::Path>,
    clock_reset: bool,
    now: DateTime<Utc>,
) -> Outcome {
    let store = LicenseStore::open(&cli.store, ring)?;
    let request = if clock_reset {
        store.clock_reset_request(&hostname(), now)?.to_json()
    } else {
        store.activation_request(&hostname(), now).to_json()
    };
    let written = if clock_reset {
        "request-written-clock-reset"
    } else {
        "request-written-activation"
    };
    // `-` is standard output, as everywhere a file is named.
    let Some(path) = out.filter(|p| p.as_os_str() != "-") else {
        return done(
            serde_json::from_str(&request).unwrap_or(Value::Null),
            request,
        );
    };
    let shown = path.display().to_string();
    fs::write(path, &request).map_err(|e| {
        let reason = e.to_string();
        let args = [("path", s(&shown)), ("reason", s(&reason))];
        Failure::usage(t("error-usage-cannot-write", &args))
    })?;
    done(
        json!({ "written": path, "installation_id": store.installation_id() }),
        t(written, &[("path", s(&shown))]) + "\n",
    )
}

fn open(cli: &Cli, ring: Trust) -> Result<LicenseStore, Failure> {
    Ok(LicenseStore::open(&cli.store, ring)?)
}

fn verify(
    file: &std::path::Path,
    at: Option<&str>,
    installation: Option<&str>,
    ring: &Trust,
    now: DateTime<Utc>,
) -> Outcome {
    let at = match at {
        Some(text) => instant("--at", text)?,
        None => now,
    };
    let bytes = read_bytes(file, "what-license-file", MAX_LICENSE_FILE_BYTES)?;
    let report = check_file(&bytes, ring, at, installation)?;
    let answer = json::file_check(super::i18n::language(), &report);
    Ok(Reply::new(
        answer.exit,
        answer.json,
        render::verify(&report),
    ))
}

fn users(cmd: &UsersCommand, store: &LicenseStore, now: DateTime<Utc>) -> Outcome {
    let lang = super::i18n::language();
    match cmd {
        UsersCommand::Add { name, no_login } => {
            store.add_user(name, !no_login, now)?;
            done(
                json!({ "user": name, "login": !no_login }),
                words::user_added(lang, name, !no_login) + "\n",
            )
        }
        UsersCommand::Login { name, state } => {
            let login = state == "on";
            let changed = store.set_login(name, login, now)?;
            done(
                json!({ "user": name, "login": login, "changed": changed }),
                words::login_set(lang, name, login, changed) + "\n",
            )
        }
        UsersCommand::Remove { name } => {
            let released = store.remove_user(name, now)?;
            let text = words::user_removed(lang, name, &released) + "\n";
            done(json!({ "user": name, "released": released }), text)
        }
        UsersCommand::List => {
            let users = store.users(now)?;
            done(json!({ "users": users }), render::users(&users))
        }
    }
}

fn seats(cmd: &SeatsCommand, store: &LicenseStore, now: DateTime<Utc>) -> Outcome {
    let lang = super::i18n::language();
    match cmd {
        SeatsCommand::Assign(a) => {
            let r = store.assign_seat(&a.user, &a.plan, a.move_seat, now)?;
            done(to_json(&r), words::seat_assigned(lang, &r) + "\n")
        }
        SeatsCommand::Release { user, plan } => {
            store.release_seat(user, plan, now)?;
            done(
                json!({ "user": user, "plan": plan, "released": true }),
                words::seat_released(lang, user, plan) + "\n",
            )
        }
        SeatsCommand::List { plan } => {
            let rows = store.seats(plan.as_deref(), now)?;
            done(json!({ "seats": rows }), render::seats(&rows))
        }
    }
}

fn check(cmd: &CheckCommand, store: &LicenseStore, now: DateTime<Utc>) -> Outcome {
    let lang = super::i18n::language();
    match cmd {
        CheckCommand::System { code } => {
            let d = store.check_system(code, now)?;
            Ok(decision(json::decision(lang, &d), &d))
        }
        CheckCommand::Capability { cap, user } => {
            let d = store.check_capability(cap, user.as_deref(), now)?;
            Ok(decision(json::decision(lang, &d), &d))
        }
        CheckCommand::Seats { plan } => {
            let c = store.check_seats(plan, now)?;
            let mut reply = decision(json::seat_check(lang, &c), &c.decision);
            let args = [
                ("plan", s(&c.plan)),
                ("used", n(c.seats_used as f64)),
                ("total", n(c.seats_total)),
                ("free", n(c.seats_free as f64)),
            ];
            reply.text.push_str(&(t("seats-summary", &args) + "\n"));
            Ok(reply)
        }
    }
}

fn decision(answer: json::Answer, d: &Decision) -> Reply {
    Reply::new(answer.exit, answer.json, render::decision(d))
}

/// `serve`: binds, prints the URL (the first line on stdout), then serves until the
/// process is stopped.
fn serve(
    cli: &Cli,
    ring: Trust,
    listen: std::net::SocketAddr,
    allow_remote: bool,
    token_file: Option<&std::path::Path>,
) -> Outcome {
    let token = token_file
        .map(|path| super::read_text(path, "what-token-file", 4096))
        .transpose()?;
    let config = license_console::Config {
        store: cli.store.clone(),
        trust: ring,
        listen,
        allow_remote,
        token,
        hostname: hostname(),
        clock: Utc::now,
    };
    let console = license_console::Console::bind(config).map_err(serve_failure)?;
    let url = console.login_url();
    if cli.json {
        let line =
            json!({ "url": url, "address": console.address(), "remote": console.is_remote() });
        println!("{line}");
    } else {
        println!("{url}");
    }
    if console.is_remote() {
        super::warn(&t("warning-serve-remote", &[]));
    }
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    console.run().map_err(|e| {
        let reason = e.to_string();
        Failure::usage(t("error-serve-stopped", &[("reason", s(&reason))]))
    })?;
    Ok(Reply::new(0, Value::Null, String::new()))
}

fn serve_failure(e: license_console::Error) -> Failure {
    match e {
        license_console::Error::Store(e) => e.into(),
        license_console::Error::RemoteNotAllowed { addr } => {
            let addr = addr.to_string();
            Failure::usage(t("error-serve-remote", &[("addr", s(&addr))]))
        }
        license_console::Error::Listen { addr, source } => {
            let (addr, reason) = (addr.to_string(), source.to_string());
            Failure::usage(t(
                "error-serve-listen",
                &[("addr", s(&addr)), ("reason", s(&reason))],
            ))
        }
        license_console::Error::WeakToken => {
            let min = license_console::MIN_TOKEN_CHARS as f64;
            Failure::usage(t("error-serve-weak-token", &[("min", n(min))]))
        }
        other => {
            let reason = other.to_string();
            Failure::usage(t("error-serve-random", &[("reason", s(&reason))]))
        }
    }
}

/// This host's name, for the vendor's records: `HOSTNAME` when set (a container names
/// itself so), else the system's.
fn hostname() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| gethostname::gethostname().into_string().ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}
