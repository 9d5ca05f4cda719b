//! The console in a real browser: headless Chromium, driven over WebDriver (fantoccini),
//! logs in with the URL `serve` prints, opens a plan's details, imports a newer license
//! through its preview, fills a plan until the refusal and reads every page in Dutch. It
//! saves screenshots of the Licenses page and a plan's details; with `LIC_SCREENSHOTS=DIR`
//! it keeps them there: docs/console-licenses.png and docs/console-plan.png were made
//! with `LIC_SCREENSHOTS=$PWD/docs cargo test -p license-console --test browser` (a
//! relative directory is taken from console/, where cargo runs the test).
//!
//! Needs Debian's `chromium` and `chromium-driver`, or the programs named by `CHROME` and
//! `CHROMEDRIVER`. Under CI (`CI=true`) the test fails when they are missing; elsewhere it
//! runs when the build found them (build.rs) and is ignored, with the reason, when not.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod support;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use license_verifier::{text, Lang, LicenseStore};
use serde_json::json;

use support::{license, start_console, store_with};

/// The longest wait for a page or an element: a page of this console loads in
/// milliseconds, so reaching it means the console or the browser is stuck.
const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
/// The window's height; its width is 1280.
const HEIGHT: u32 = 900;

/// The English of the pages (console/i18n/en.ftl and the verifier's states and notices):
/// none of it may show on a Dutch page. Words Dutch shares (Code, Token, Status) are not
/// here, and neither are product names and codes.
const ENGLISH: &[&str] = &[
    "Licenses",
    "Users and seats",
    "Import",
    "Activation",
    "System events",
    "System licenses",
    "User plans",
    "Customer",
    "License",
    "Serial number",
    "Issuer",
    "State",
    "Valid until",
    "last day",
    "Name",
    "Seats",
    "Log out",
    "Preview",
    "Description",
    "Enables",
    "User",
    "Assigned",
    "Holders",
    "Back to the licenses",
    "Add a user",
    "Assign a seat",
    "Release",
    "Remove",
    "Download",
    "active",
    "not licensed",
    "perpetual",
    "in use",
    "free",
    "seats",
    "assigned",
    "login",
    "yes",
    "and",
    "the",
];

/// Chromium's WebDriver, listening on a free loopback port; killed on drop, so that a
/// failed test leaves no process behind.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The program named by `var`, else `default`; the test fails, naming the package, when
/// it is not there.
fn tool(var: &str, default: &str, package: &str) -> PathBuf {
    let path = std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from);
    assert!(
        path.is_file(),
        "{} is not installed: the browser test needs it (apt-get install {package}, \
         or name it with {var}=PATH)",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn start_driver(program: &Path) -> Driver {
    let port = free_port();
    let child = Command::new(program)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
    let mut driver = Driver { child, port };
    let deadline = Instant::now() + WAIT;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Some(status) = driver.child.try_wait().unwrap() {
            panic!("{} stopped before listening: {status}", program.display());
        }
        assert!(Instant::now() < deadline, "chromedriver did not listen");
        std::thread::sleep(POLL);
    }
    driver
}

/// A session of headless Chromium at a fixed size, in English (the console follows
/// `Accept-Language`), runnable as root in CI.
async fn browser(driver: &Driver, chrome: &Path) -> Client {
    let options = json!({
        "goog:chromeOptions": {
            "binary": chrome,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,900", // HEIGHT
                "--lang=en-US",
            ],
            "prefs": { "intl.accept_languages": "en-US,en" },
        }
    });
    let serde_json::Value::Object(capabilities) = options else {
        unreachable!("a JSON object")
    };
    ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a Chromium session")
}

/// What the walk through the console needs: its address, its store (for the expected
/// words) and a directory for files and screenshots.
struct Site {
    base: String,
    login: String,
    store: LicenseStore,
    dir: PathBuf,
}

impl Site {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

async fn wait_for(c: &Client, locator: Locator<'_>) -> Element {
    c.wait()
        .at_most(WAIT)
        .every(POLL)
        .for_element(locator)
        .await
        .unwrap_or_else(|e| panic!("waiting for {locator:?}: {e}"))
}

/// Clicks `button` and waits until the page it was on is gone: the next page may hold
/// an element of the same name (a notice), which must not be read from the old one.
async fn submit(c: &Client, button: Locator<'_>) {
    let old = c.find(Locator::Css("html")).await.unwrap();
    c.find(button).await.unwrap().click().await.unwrap();
    let deadline = Instant::now() + WAIT;
    loop {
        match old.tag_name().await {
            Err(e) if e.is_stale_element_reference() => return,
            // Chromium may say the same of a node caught while its page is replaced.
            Err(e) if e.to_string().contains("does not belong to the document") => return,
            Err(e) => panic!("after clicking {button:?}: {e}"),
            Ok(_) => assert!(Instant::now() < deadline, "{button:?} loaded no page"),
        }
        tokio::time::sleep(POLL).await;
    }
}

async fn text_of(c: &Client, locator: Locator<'_>) -> String {
    wait_for(c, locator).await.text().await.unwrap()
}

async fn nav(c: &Client, href: &str) {
    let link = format!("header nav a[href='{href}']");
    submit(c, Locator::Css(&link)).await;
}

/// The login URL sets the session and lands on the Licenses page.
async fn login(c: &Client, site: &Site) {
    c.goto(&site.login).await.unwrap();
    let customer = text_of(c, Locator::Css("dd.customer")).await;
    assert_eq!(c.current_url().await.unwrap().path(), "/licenses");
    assert_eq!(customer, "Acme (C-1)");
}

/// A plan's name leads to its details: the catalog's description and its state, in the
/// library's words.
async fn details(c: &Client, site: &Site) {
    submit(c, Locator::LinkText("Sales Premium")).await;
    let description = text_of(c, Locator::Css("dd.description")).await;
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/licenses/sales-premium"
    );
    let expected = site
        .store
        .show("sales-premium", Lang::En, Utc::now())
        .unwrap();
    assert_eq!(description, expected.description);
    let state = text_of(c, Locator::Css("dd.state")).await;
    assert_eq!(
        state,
        text::grant_state(Lang::En, expected.row.state.as_ref())
    );
    assert_eq!(state, "active");
}

/// Uploads `text` as the file `name` on the import page; the preview it shows.
async fn upload(c: &Client, site: &Site, name: &str, text: &str) -> String {
    nav(c, "/import").await;
    let file = site.dir.join(name);
    std::fs::write(&file, text).unwrap();
    let input = wait_for(c, Locator::Id("file")).await;
    input.send_keys(file.to_str().unwrap()).await.unwrap();
    submit(c, Locator::Id("preview")).await;
    text_of(c, Locator::Css("pre.preview")).await
}

/// The preview holds exactly the lines of `import --dry-run`; confirmed, the Licenses
/// page shows the new serial.
async fn import(c: &Client, site: &Site, newer: &str) {
    let preview = upload(c, site, "acme-2.lic", newer).await;
    let report = site
        .store
        .import(newer.as_bytes(), true, Utc::now())
        .unwrap();
    let lines = text::import_lines(Lang::En, &report);
    assert_eq!(preview.trim_end(), lines.join("\n"));
    assert!(lines.len() > 1, "the preview shows the changes: {lines:?}");
    submit(c, Locator::Id("confirm")).await;
    let done = text_of(c, Locator::Css(".notice.done")).await;
    assert!(done.contains("LIC-2"), "{done}");
    nav(c, "/licenses").await;
    let serial = "//dt[.='Serial number']/following-sibling::dd[1]";
    assert_eq!(text_of(c, Locator::XPath(serial)).await, "2");
}

/// A revocation list withdrawing LIC-2, uploaded on the import page: the preview holds
/// exactly the lines of the library's dry run; confirmed, the Licenses page says the
/// license is revoked, with the vendor's reason (in the vendor's words, here Dutch), in
/// its header and banner; the Dutch pages that follow show it too.
async fn revoke(c: &Client, site: &Site) {
    let list =
        support::common::revocation_list(1, &[("LIC-2", Some("bestelling terugbetaald"))], &[]);
    let preview = upload(c, site, "vendor.revocation", &list).await;
    let report = site
        .store
        .import_revocation_list(list.as_bytes(), true, Utc::now())
        .unwrap();
    let lines = text::revocation_lines(Lang::En, &report);
    assert_eq!(preview.trim_end(), lines.join("\n"));
    submit(c, Locator::Id("confirm")).await;
    let done = text_of(c, Locator::Css(".notice.done")).await;
    assert!(done.contains("revocation list 1 imported"), "{done}");
    nav(c, "/licenses").await;
    let banner = text_of(c, Locator::Css(".banner")).await;
    assert!(
        banner.contains(
            "LIC-2 was revoked by the vendor on 2026-03-01, reason: bestelling terugbetaald"
        ),
        "{banner}"
    );
    let state = "//dt[.='State']/following-sibling::dd[1]";
    assert_eq!(
        text_of(c, Locator::XPath(state)).await,
        "revoked on 2026-03-01"
    );
}

/// Adds `user` through the form.
async fn add_user(c: &Client, user: &str) {
    let input = wait_for(c, Locator::Id("new-user")).await;
    input.send_keys(user).await.unwrap();
    submit(c, Locator::Id("add-user")).await;
    let done = text_of(c, Locator::Css(".notice.done")).await;
    assert!(done.contains(user), "{done}");
}

/// Asks for a seat of `plan` for `user`: the notice that answers, and whether it is a
/// refusal.
async fn assign(c: &Client, user: &str, plan: &str) -> (String, bool) {
    let input = wait_for(c, Locator::Id("seat-user")).await;
    input.send_keys(user).await.unwrap();
    let select = c.find(Locator::Id("seat-plan")).await.unwrap();
    select.select_by_value(plan).await.unwrap();
    submit(c, Locator::Id("assign")).await;
    let notice = wait_for(c, Locator::Css(".notice")).await;
    let refused = notice.attr("class").await.unwrap().unwrap_or_default();
    (notice.text().await.unwrap(), refused.contains("refused"))
}

/// Seats of sales-premium until the plan is full; the next one is refused in the words
/// of the command line.
async fn seats_until_full(c: &Client, site: &Site, seats: u32) {
    nav(c, "/users").await;
    let names = ["fleur", "gijs", "hanna", "ivo", "jet"];
    assert!(
        names.len() > seats as usize,
        "a name for each seat and one more"
    );
    let users: Vec<String> = names[..=seats as usize]
        .iter()
        .map(|n| n.to_string())
        .collect();
    for user in &users {
        add_user(c, user).await;
    }
    let (last, full) = users.split_at(seats as usize);
    for user in last {
        let (said, refused) = assign(c, user, "sales-premium").await;
        assert!(!refused && said.contains(user.as_str()), "{said}");
    }
    let (said, refused) = assign(c, &full[0], "sales-premium").await;
    assert!(refused, "a seat past the plan's {seats}: {said}");
    let e = site
        .store
        .assign_seat(&full[0], "sales-premium", false, Utc::now())
        .unwrap_err();
    assert_eq!(said, text::error(Lang::En, e.code(), &e.details()));
    assert!(
        said.starts_with(&format!(
            "no free seat of sales-premium: all {seats} licensed seats are held"
        )),
        "{said}"
    );
}

/// A PNG of the page, in the temporary directory and, with `LIC_SCREENSHOTS`, there.
async fn screenshot(c: &Client, site: &Site, path: &str, name: &str) {
    c.goto(&site.url(path)).await.unwrap();
    wait_for(c, Locator::Css("main h1")).await;
    // The whole page, its plans and seat bars included: the window as tall as the page
    // and the browser's own bars.
    let script =
        "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight";
    let height = c.execute(script, vec![]).await.unwrap();
    let height = height.as_u64().expect("a height in pixels") as u32;
    c.set_window_size(1280, height.max(HEIGHT)).await.unwrap();
    let png = c.screenshot().await.unwrap();
    c.set_window_size(1280, HEIGHT).await.unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name} is a PNG");
    std::fs::write(site.dir.join(name), &png).unwrap();
    if let Some(dir) = std::env::var_os("LIC_SCREENSHOTS").filter(|d| !d.is_empty()) {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(Path::new(&dir).join(name), &png).unwrap();
    }
}

/// Whether `phrase` stands in `text` as words of its own: not inside a longer word or
/// a code such as `seat-assigned`.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// `text` without the catalog's Dutch names of products, some of which stay English
/// (Customer Centre).
fn without_product_names(text: &str) -> String {
    let mut names: Vec<&str> = license_catalog::builtin()
        .entries()
        .map(|e| e.name.get(Lang::Nl))
        .collect();
    // The longest first, so that a name inside another goes with it.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .fold(text.to_owned(), |t, name| t.replace(name, "(product)"))
}

/// After the switch to Dutch, no page shows an English word, and the header speaks
/// the help page's Dutch.
async fn dutch(c: &Client, site: &Site) {
    c.goto(&site.url("/licenses")).await.unwrap();
    submit(c, Locator::LinkText("Nederlands")).await;
    let header = text_of(c, Locator::Css("dl.header")).await;
    for word in ["Klant", "Volgnummer"] {
        assert!(header.contains(word), "{header}");
    }
    for path in support::PAGES {
        c.goto(&site.url(path)).await.unwrap();
        wait_for(c, Locator::Css("html[lang='nl'] main h1")).await;
        let shown = without_product_names(&text_of(c, Locator::Css("body")).await);
        let english: Vec<&str> = ENGLISH
            .iter()
            .copied()
            .filter(|w| has_phrase(&shown, w))
            .collect();
        assert!(
            english.is_empty(),
            "{path} in Dutch shows {english:?}:\n{shown}"
        );
        assert!(has_phrase(&shown, "Licenties"), "{path}:\n{shown}");
    }
}

async fn walk(c: Client, site: Site, newer: String, seats: u32) {
    login(&c, &site).await;
    details(&c, &site).await;
    import(&c, &site, &newer).await;
    seats_until_full(&c, &site, seats).await;
    screenshot(&c, &site, "/licenses", "console-licenses.png").await;
    screenshot(&c, &site, "/licenses/sales-premium", "console-plan.png").await;
    revoke(&c, &site).await;
    dutch(&c, &site).await;
}

/// A store as an administrator has it: a few users holding seats of two plans.
fn realistic_store(path: &Path) -> LicenseStore {
    let first = license(
        1,
        &[
            ("sales-premium", 1),
            ("sales-essentials", 5),
            ("service-essentials", 3),
        ],
    );
    let store = store_with(path, &first);
    let now = Utc::now();
    for (user, plan) in [
        ("anna", "sales-essentials"),
        ("bram", "sales-essentials"),
        ("carla", "sales-essentials"),
        ("daan", "service-essentials"),
        ("eva", "service-essentials"),
    ] {
        store.add_user(user, true, now).unwrap();
        store.assign_seat(user, plan, false, now).unwrap();
    }
    store
}

#[test]
#[cfg_attr(
    not(any(ci, browser)),
    ignore = "needs chromium and chromium-driver: runs where the build finds them, in CI (CI=true), or with --include-ignored"
)]
fn the_console_works_in_chromium_in_english_and_dutch() {
    let chrome = tool("CHROME", "/usr/bin/chromium", "chromium");
    let driver = start_driver(&tool(
        "CHROMEDRIVER",
        "/usr/bin/chromedriver",
        "chromium-driver",
    ));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("license-store.db");
    let store = realistic_store(&path);
    let seats = 2;
    let newer = license(
        2,
        &[
            ("sales-premium", seats),
            ("sales-essentials", 5),
            ("service-essentials", 5),
        ],
    );
    let login = start_console(path);
    let base = login.split("/login").next().unwrap().to_owned();
    let site = Site {
        base,
        login,
        store,
        dir: dir.path().to_owned(),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    // The walk runs in a task of its own, so that a failed step still ends the browser's
    // session (and with it Chromium) before the failure is reported; a local task, as the
    // store it holds stays on this thread.
    tokio::task::LocalSet::new().block_on(&runtime, async {
        let client = browser(&driver, &chrome).await;
        let walk = walk(client.clone(), site, newer.sign(), seats);
        let walked = tokio::task::spawn_local(walk).await;
        let _ = client.close().await;
        if let Err(e) = walked {
            std::panic::resume_unwind(e.into_panic());
        }
    });
}
