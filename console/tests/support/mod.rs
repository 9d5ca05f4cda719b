//! A console on a free loopback port over a store of its own, and a plain HTTP/1.1
//! client that sends exactly the headers a test gives (a browser or HTTP library would
//! fix `Host` and cookies for us, and the attacks need them wrong).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

#[path = "../../../verifier/tests/common/mod.rs"]
pub mod common;

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveTime, Utc};
use common::{current, keyring, Lic};
use license_console::{Config, Console};
use license_format::time::format_rfc3339;
use license_verifier::LicenseStore;
use serde_json::{json, Value};

/// The start (UTC) of the day `days` from today: a term of whole days reads on the
/// screens as an administrator's does (the screenshots are made from them).
fn day_from_now(days: i64) -> Value {
    let today = Utc::now().date_naive().and_time(NaiveTime::MIN).and_utc();
    json!(format_rfc3339(&(today + Duration::days(days))))
}

/// A current license for Acme (C-1), from 30 days ago to a year from now in whole days,
/// with the server and web services and `seats` of each plan given.
pub fn license(serial: u64, seats: &[(&str, u32)]) -> Lic {
    let plans: Vec<Value> = seats
        .iter()
        .map(|(code, n)| json!({"code": code, "seats": n, "valid_until": null}))
        .collect();
    current()
        .serial(serial)
        .set("issued_at", day_from_now(-31))
        .set("valid_from", day_from_now(-30))
        .set("valid_until", day_from_now(366))
        .set(
            "system_licenses",
            json!([
                {"code": "superoffice-server", "valid_until": null},
                {"code": "online-web-services", "valid_until": null}
            ]),
        )
        .set("user_plans", json!(plans))
}

/// A new store at `path` with `lic` imported, at the real clock's time.
pub fn store_with(path: &Path, lic: &Lic) -> LicenseStore {
    let store = LicenseStore::create(path, keyring(), Utc::now()).unwrap();
    store
        .import(lic.sign().as_bytes(), false, Utc::now())
        .unwrap();
    store
}

/// The console over the store at `path`, on a free loopback port, serving on a thread
/// of its own for the rest of the process: its login URL.
pub fn start_console(path: PathBuf) -> String {
    let console = Console::bind(Config {
        store: path,
        trust: keyring().into(),
        listen: "127.0.0.1:0".parse().unwrap(),
        allow_remote: false,
        token: None,
        hostname: "console-test".into(),
        clock: Utc::now,
    })
    .unwrap();
    let url = console.login_url();
    std::thread::spawn(move || console.run());
    url
}

/// Every page behind the login, as the navigation reaches them.
pub const PAGES: [&str; 6] = [
    "/licenses",
    "/licenses/sales-premium",
    "/users",
    "/import",
    "/activation",
    "/events",
];

/// A running console.
pub struct Server {
    pub addr: SocketAddr,
    pub token: String,
    pub store: PathBuf,
    _dir: tempfile::TempDir,
}

impl Server {
    /// A store with `lic` imported (if any) and `users` with login rights, served.
    pub fn start(lic: Option<&Lic>, users: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("license-store.db");
        let now = chrono::Utc::now();
        let db = LicenseStore::create(&store, keyring(), now).unwrap();
        if let Some(lic) = lic {
            db.import(lic.sign().as_bytes(), false, now).unwrap();
        }
        for user in users {
            db.add_user(user, true, now).unwrap();
        }
        drop(db);
        Server::serve(store, dir)
    }

    fn serve(store: PathBuf, dir: tempfile::TempDir) -> Server {
        let url = start_console(store.clone());
        let token = url.split("token=").nth(1).unwrap().to_owned();
        let addr = url
            .strip_prefix("http://")
            .and_then(|rest| rest.split('/').next())
            .unwrap()
            .parse()
            .unwrap();
        Server {
            addr,
            token,
            store,
            _dir: dir,
        }
    }

    /// `GET path` with `headers`, `Host` set to the bound address unless given.
    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Resp {
        self.request("GET", path, headers, b"")
    }

    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
        let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            head.push_str(&format!("Host: {}\r\n", self.addr));
        }
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        let mut stream = TcpStream::connect(self.addr).unwrap();
        stream.write_all(head.as_bytes()).unwrap();
        // A refused large body may close the connection before it is all sent.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        Resp::parse(&raw)
    }

    /// With the bearer token.
    pub fn api(&self, method: &str, path: &str, body: &str) -> Resp {
        let auth = format!("Bearer {}", self.token);
        self.request(
            method,
            path,
            &[("Authorization", &auth), ("Accept-Language", "en")],
            body.as_bytes(),
        )
    }

    /// Logs in through the token URL: the session cookie and the CSRF token of its
    /// forms.
    pub fn login(&self) -> Session {
        let r = self.get(&format!("/login?token={}", self.token), &[]);
        assert_eq!(r.status, 303, "{}", r.body);
        let cookie = r.header("set-cookie").unwrap();
        let value = cookie.split(';').next().unwrap().to_owned();
        let page = self.get("/licenses", &[("Cookie", &value)]);
        let csrf = page
            .body
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .to_owned();
        Session {
            cookie: value,
            csrf,
        }
    }

    /// A form POST in a session.
    pub fn post_form(&self, session: &Session, path: &str, form: &[(&str, &str)]) -> Resp {
        let body: Vec<String> = form
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        self.request(
            "POST",
            path,
            &[
                ("Cookie", &session.cookie),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            body.join("&").as_bytes(),
        )
    }
}

/// Form encoding of a value.
pub fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// A response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    fn parse(raw: &[u8]) -> Resp {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no HTTP response: {:?}", String::from_utf8_lossy(raw)));
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        let chunked = headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        if chunked {
            body = dechunk(&body);
        }
        Resp {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = body.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&body[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            return out;
        }
        let start = end + 2;
        out.extend_from_slice(&body[start..start + size]);
        body = &body[start + size + 2..];
    }
}
