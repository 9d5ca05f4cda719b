//! One function per subcommand: call the library once, build the reply.

use std::fs;

use chrono::{DateTime, Utc};
use license_format::constants::MAX_LICENSE_FILE_BYTES;
use license_format::time::parse_rfc3339;
use license_format::{document_kind, DocumentKind, Keyring};
use license_verifier::store::ImportOptions;
use license_verifier::{check_file, Decision, LicenseStore};
use serde_json::{json, Value};

use super::{read_bytes, reasons, render, Failure, Reply};
use crate::{CheckCommand, Cli, Command, SeatsCommand, UsersCommand};

type Outcome = Result<Reply, Failure>;

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn done(json: Value, text: String) -> Outcome {
    Ok(Reply::new(0, json, text))
}

pub(crate) fn dispatch(cli: &Cli, ring: Keyring) -> Outcome {
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
            let bytes = read_bytes(file, "license file", MAX_LICENSE_FILE_BYTES)?;
            if document_kind(&bytes) == Some(DocumentKind::ClockReset) {
                if *dry_run {
                    return Err(Failure::usage(
                        "--dry-run previews license files; a clock-reset file is applied or refused as a whole".into(),
                    ));
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
            Ok(Reply::new(
                if status.usable { 0 } else { 1 },
                reasons::with_warning_texts(to_json(&status), &status.warnings),
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
            let json = reasons::with_texts(to_json(&active), &active.file.reasons);
            done(json, render::active(&active))
        }),
        Command::Users(cmd) => with_store(cli, ring, |store| users(cmd, store, now)),
        Command::Seats(cmd) => with_store(cli, ring, |store| seats(cmd, store, now)),
        Command::Check(cmd) => with_store(cli, ring, |store| check(cmd, store, now)),
        Command::Events { limit, kind, since } => {
            let since = since
                .as_deref()
                .map(|t| instant("--since", t))
                .transpose()?;
            if let Some(unknown) = kind
                .iter()
                .find(|k| !license_verifier::store::EVENT_KINDS.contains(&k.as_str()))
            {
                return Err(Failure::usage(format!(
                    "--kind: unknown event kind {unknown:?}; the kinds are {}",
                    license_verifier::store::EVENT_KINDS.join(", ")
                )));
            }
            with_store(cli, ring, |store| {
                let events = store.events_where(*limit, kind, since, now)?;
                done(json!({ "events": events }), render::events(&events))
            })
        }
    }
}

/// Runs `f` on the opened store; says once when the store could not be written, so the
/// answer came from the stored state without advancing the clock's mark.
fn with_store(cli: &Cli, ring: Keyring, f: impl FnOnce(&LicenseStore) -> Outcome) -> Outcome {
    let store = open(cli, ring)?;
    let out = f(&store);
    if store.unwritable() {
        eprintln!(
            "license-verifier: warning: cannot write the license store {}: answered from the stored state, judged at the latest of the clock, the store's latest time and the license's issue time; the store's latest time was not advanced",
            store.path().display()
        );
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
        Failure::usage(format!(
            "{flag}: {e}; give an RFC 3339 time or a day YYYY-MM-DD"
        ))
    })
}

fn init(cli: &Cli, ring: Keyring, now: DateTime<Utc>) -> Outcome {
    let store = LicenseStore::create(&cli.store, ring, now)?;
    let (id, created) = (store.installation_id(), store.newly_created());
    let text = if created {
        "created license store"
    } else {
        "license store already exists:"
    };
    done(
        json!({ "store": cli.store, "installation_id": id, "created": created }),
        format!("{text} {}\ninstallation id: {id}\n", cli.store.display()),
    )
}

fn request(
    cli: &Cli,
    ring: Keyring,
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
    let what = if clock_reset {
        "clock-reset request"
    } else {
        "activation request"
    };
    let Some(path) = out else {
        return done(
            serde_json::from_str(&request).unwrap_or(Value::Null),
            request,
        );
    };
    fs::write(path, &request)
        .map_err(|e| Failure::usage(format!("cannot write {}: {e}", path.display())))?;
    done(
        json!({ "written": path, "installation_id": store.installation_id() }),
        format!(
            "wrote the {what} to {}: send it to the vendor\n",
            path.display()
        ),
    )
}

fn open(cli: &Cli, ring: Keyring) -> Result<LicenseStore, Failure> {
    Ok(LicenseStore::open(&cli.store, ring)?)
}

fn verify(
    file: &std::path::Path,
    at: Option<&str>,
    installation: Option<&str>,
    ring: &Keyring,
    now: DateTime<Utc>,
) -> Outcome {
    let at = match at {
        Some(text) => instant("--at", text)?,
        None => now,
    };
    let bytes = read_bytes(file, "license file", MAX_LICENSE_FILE_BYTES)?;
    let report = check_file(&bytes, ring, at, installation)?;
    Ok(Reply::new(
        if report.valid { 0 } else { 1 },
        reasons::with_texts(to_json(&report), &report.reasons),
        render::verify(&report),
    ))
}

fn users(cmd: &UsersCommand, store: &LicenseStore, now: DateTime<Utc>) -> Outcome {
    match cmd {
        UsersCommand::Add { name, no_login } => {
            store.add_user(name, !no_login, now)?;
            let rights = if *no_login { "without" } else { "with" };
            done(
                json!({ "user": name, "login": !no_login }),
                format!("added user {name} {rights} login rights\n"),
            )
        }
        UsersCommand::Login { name, state } => {
            let login = state == "on";
            let changed = store.set_login(name, login, now)?;
            let text = format!(
                "login rights of user {name}: {state}{}\n",
                if changed { "" } else { " (unchanged)" }
            );
            done(
                json!({ "user": name, "login": login, "changed": changed }),
                text,
            )
        }
        UsersCommand::Remove { name } => {
            let released = store.remove_user(name, now)?;
            let seats = if released.is_empty() {
                String::new()
            } else {
                format!(", released {}", released.join(", "))
            };
            done(
                json!({ "user": name, "released": released }),
                format!("removed user {name}{seats}\n"),
            )
        }
        UsersCommand::List => {
            let users = store.users(now)?;
            done(json!({ "users": users }), render::users(&users))
        }
    }
}

fn seats(cmd: &SeatsCommand, store: &LicenseStore, now: DateTime<Utc>) -> Outcome {
    match cmd {
        SeatsCommand::Assign(a) => {
            let r = store.assign_seat(&a.user, &a.plan, a.move_seat, now)?;
            let text = if r.already_held {
                format!("user {} already holds a seat of {}\n", r.user, r.plan)
            } else {
                let moved = if r.released.is_empty() {
                    String::new()
                } else {
                    format!(" (moved from {})", r.released.join(", "))
                };
                format!(
                    "assigned a seat of {} to {}{moved}: {} of {} used\n",
                    r.plan,
                    r.user,
                    r.seats_used,
                    reasons::count(r.seats_total, "seat", "seats")
                )
            };
            done(to_json(&r), text)
        }
        SeatsCommand::Release { user, plan } => {
            store.release_seat(user, plan, now)?;
            done(
                json!({ "user": user, "plan": plan, "released": true }),
                format!("released the seat of {plan} held by {user}\n"),
            )
        }
        SeatsCommand::List { plan } => {
            let rows = store.seats(plan.as_deref(), now)?;
            done(json!({ "seats": rows }), render::seats(&rows))
        }
    }
}

fn check(cmd: &CheckCommand, store: &LicenseStore, now: DateTime<Utc>) -> Outcome {
    let decision = |d: Decision, json: Value| {
        Reply::new(if d.allowed { 0 } else { 1 }, json, render::decision(&d))
    };
    match cmd {
        CheckCommand::System { code } => {
            let d = store.check_system(code, now)?;
            let json = reasons::with_texts(to_json(&d), &d.reasons);
            Ok(decision(d, json))
        }
        CheckCommand::Capability { cap, user } => {
            let d = store.check_capability(cap, user.as_deref(), now)?;
            let json = reasons::with_texts(to_json(&d), &d.reasons);
            Ok(decision(d, json))
        }
        CheckCommand::Seats { plan } => {
            let c = store.check_seats(plan, now)?;
            let json = reasons::with_texts(to_json(&c), &c.decision.reasons);
            let mut reply = decision(c.decision.clone(), json);
            reply.text.push_str(&format!(
                "{}: {} of {} used, {} free\n",
                c.plan,
                c.seats_used,
                reasons::count(c.seats_total, "seat", "seats"),
                c.seats_free
            ));
            Ok(reply)
        }
    }
}

/// This host's name, for the vendor's records.
fn hostname() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}
