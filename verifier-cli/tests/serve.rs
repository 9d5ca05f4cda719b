//! `license-verifier serve` as the README starts it: the first line is the URL to open,
//! the address and the token are checked, and a store the process cannot write makes a
//! read-only console that says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use common::{current, Env};

/// A running `serve`, killed when dropped.
struct Serving {
    child: Child,
    first_line: String,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(mut cmd: Command) -> Serving {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first_line)
        .unwrap();
    Serving { child, first_line }
}

/// `GET` of a URL `http://HOST:PORT/PATH`; the raw response.
fn get(url: &str, headers: &[(&str, &str)]) -> String {
    http("GET", url, headers, "")
}

fn http(method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> String {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut stream = TcpStream::connect(host).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(req.as_bytes()).unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).unwrap();
    out
}

fn cookie_of(response: &str) -> String {
    let line = response
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
        .unwrap_or_else(|| panic!("no cookie: {response}"));
    line.split_once(':')
        .unwrap()
        .1
        .trim()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn the_first_line_is_the_url_and_it_opens_the_licenses_screen() {
    let env = Env::licensed(&current());
    let mut cmd = env.process();
    cmd.args(["serve", "--listen", "127.0.0.1:0"]);
    let s = serve(cmd);
    let url = s.first_line.trim();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let token = url.split_once("/login?token=").unwrap().1;
    assert!(token.len() >= 32, "{token}");
    let login = get(url, &[]);
    assert!(login.starts_with("HTTP/1.1 303"), "{login}");
    let base = url.split("/login").next().unwrap();
    let page = get(
        &format!("{base}/licenses"),
        &[("Cookie", &cookie_of(&login))],
    );
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(
        page.contains("Acme") && page.contains("Sales Premium"),
        "{page}"
    );
    let dutch = get(
        &format!("{base}/licenses"),
        &[("Cookie", &cookie_of(&login)), ("Accept-Language", "nl")],
    );
    assert!(
        dutch.contains("Gebruikerslicenties (abonnementen)"),
        "{dutch}"
    );
}

#[test]
fn another_address_than_loopback_needs_allow_remote_and_is_warned_about() {
    let env = Env::licensed(&current());
    let out = env
        .cmd()
        .args(["serve", "--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--allow-remote") && err.contains("TLS"),
        "{err}"
    );

    let mut cmd = env.process();
    cmd.args(["serve", "--listen", "0.0.0.0:0", "--allow-remote"]);
    let mut s = serve(cmd);
    assert!(
        s.first_line.starts_with("http://0.0.0.0:"),
        "{}",
        s.first_line
    );
    let login = get(&s.first_line.trim().replace("0.0.0.0", "127.0.0.1"), &[]);
    let base = s
        .first_line
        .split("/login")
        .next()
        .unwrap()
        .replace("0.0.0.0", "127.0.0.1");
    let page = get(
        &format!("{base}/licenses"),
        &[("Cookie", &cookie_of(&login))],
    );
    assert!(page.contains("behind TLS"), "{page}");
    let _ = s.child.kill();
    let mut err = String::new();
    s.child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.contains("TLS"), "{err}");
}

#[test]
fn a_token_file_must_hold_a_strong_token() {
    let env = Env::licensed(&current());
    let weak = env.file("weak.token", "secret\n");
    let out = env
        .cmd()
        .args(["serve", "--listen", "127.0.0.1:0", "--token-file", &weak])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("at least 32"),
        "{out:?}"
    );
    let strong = "0123456789abcdef0123456789abcdef01";
    let file = env.file("strong.token", &format!("{strong}\n"));
    let mut cmd = env.process();
    cmd.args(["serve", "--listen", "127.0.0.1:0", "--token-file", &file]);
    let s = serve(cmd);
    assert!(
        s.first_line.trim().ends_with(&format!("token={strong}")),
        "{}",
        s.first_line
    );
}

/// A store this process may read but not write: run as `nobody` when the tests run as
/// root (CI), else with the write bits taken away.
#[cfg(unix)]
#[test]
fn a_store_the_server_cannot_write_makes_a_read_only_console_that_says_so() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = Env::licensed(&current());
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap();
    let bin_dir = tempfile::tempdir().unwrap();
    let bin = bin_dir.path().join("license-verifier");
    std::fs::copy(env!("CARGO_BIN_EXE_license-verifier"), &bin).unwrap();
    for dir in [bin_dir.path(), env.dir.path()] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let store = env.store();
    std::fs::set_permissions(
        &store,
        std::fs::Permissions::from_mode(if as_root { 0o644 } else { 0o444 }),
    )
    .unwrap();
    if !as_root {
        std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let mut cmd = if as_root {
        // setpriv is util-linux; without it the test fails rather than passing silently.
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        cmd
    } else {
        Command::new(&bin)
    };
    cmd.arg("--store").arg(&store).args([
        "--trust",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../keys-example/vendor.pub"),
    ]);
    cmd.args(["serve", "--listen", "127.0.0.1:0"])
        .env("LC_ALL", "C")
        .current_dir("/");
    let s = serve(cmd);
    let url = s.first_line.trim().to_owned();
    assert!(url.starts_with("http://"), "no URL: {url:?}");
    let cookie = cookie_of(&get(&url, &[]));
    let base = url.split("/login").next().unwrap();
    let users = get(&format!("{base}/users"), &[("Cookie", &cookie)]);
    assert!(users.contains("Read-only"), "{users}");
    assert!(!users.contains("action=\"/users/add\""), "{users}");
    let import = get(&format!("{base}/import"), &[("Cookie", &cookie)]);
    assert!(!import.contains("action=\"/import/preview\""), "{import}");
    let bearer = format!("Bearer {}", url.split("token=").nth(1).unwrap());
    let status = get(
        &format!("{base}/api/v1/status"),
        &[("Authorization", &bearer)],
    );
    assert!(status.contains("\"result\":\"yes\""), "{status}");
    let add = http(
        "POST",
        &format!("{base}/api/v1/users"),
        &[("Authorization", &bearer)],
        r#"{"name":"mallory"}"#,
    );
    assert!(add.starts_with("HTTP/1.1 500"), "{add}");
    assert!(
        add.contains("\"code\":\"cannot-write\"") && add.contains("the license store"),
        "{add}"
    );
    assert!(!add.contains(env.dir.path().to_str().unwrap()), "{add}");
    assert!(!users.contains(env.dir.path().to_str().unwrap()), "{users}");
    if !as_root {
        std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}
