//! The C interface from the languages products use: a C program compiled with `cc`
//! against the header, linked with the shared and with the static library, run plain,
//! under AddressSanitizer and under Valgrind; and the Python binding's tests. Both run
//! the scenarios of `scenarios.tsv`, and their answers are compared with the command
//! line's `--json` for the same question.
//!
//! A missing tool (cc, python3, valgrind) fails the test under CI (`CI=true`) and
//! elsewhere skips it, saying so on stderr even when output is captured.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

const CRATE: &str = env!("CARGO_MANIFEST_DIR");

/// The artifacts the tests need: the libraries `cargo test` built for this test (the
/// crate's lib target is a cdylib and a staticlib too, with the `example-keys` of the
/// dev-dependency), and the command line.
struct Built {
    deps: PathBuf,
    cli: PathBuf,
}

impl Built {
    fn shared(&self) -> PathBuf {
        self.deps.join("liblicense_verifier_ffi.so")
    }
    fn archive(&self) -> PathBuf {
        self.deps.join("liblicense_verifier_ffi.a")
    }
}

/// Finds the libraries beside this test's executable, and builds `license-verifier`
/// (trusting the example keys, as this test's library does) with the cargo that runs
/// the test, into the same target directory: `cargo test -p license-verifier-ffi`
/// builds no binary of another package. Under `cargo test --workspace` it is there and
/// fresh, and the build does little.
fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let exe = std::env::current_exe().unwrap();
        let deps = exe.parent().unwrap().to_path_buf();
        let profile_dir = deps.parent().unwrap();
        let mut cargo = Command::new(env!("CARGO"));
        cargo
            // From the workspace root: `--features` then names the package built.
            .current_dir(Path::new(CRATE).join(".."))
            .env("CARGO_TARGET_DIR", profile_dir.parent().unwrap())
            .env_remove("LICENSE_TRUSTED_KEYS")
            .args([
                "build",
                "--locked",
                "-p",
                "license-verifier-cli",
                "--bin",
                "license-verifier",
            ])
            .args(["--features", "example-keys"]);
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            cargo.arg("--release");
        }
        let out = cargo.output().unwrap();
        assert!(
            out.status.success(),
            "cargo build: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let built = Built {
            cli: profile_dir.join("license-verifier"),
            deps,
        };
        for path in [built.shared(), built.archive(), built.cli.clone()] {
            assert!(path.exists(), "{} was not built", path.display());
        }
        built
    })
}

/// The tool on the PATH; `None` (the test skips, saying so) when it is missing outside
/// CI; a failure under CI.
fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        assert!(
            // CI as tests/build.rs reads it: set, and not empty, `false` or `0`.
            std::env::var("CI").map_or(true, |v| v.is_empty() || v == "false" || v == "0"),
            "{name} is not installed, and CI needs it (see .ci/run)"
        );
        // Straight to stderr, past the test harness's capture: a skip is never silent.
        let _ = writeln!(std::io::stderr(), "SKIPPED: {name} is not installed");
    }
    found
}

/// A fresh directory of fixtures for one test.
fn fixtures() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::fixtures(dir.path());
    dir
}

fn scenarios_table() -> PathBuf {
    Path::new(CRATE).join("tests/scenarios.tsv")
}

/// How the C program is compiled and run.
#[derive(Clone, Copy, Debug)]
enum Way {
    Shared,
    Static,
    AddressSanitizer,
    Valgrind,
}

/// Compiles the C test into `out` and returns the program.
fn compile(cc: &Path, way: Way, out: &Path) -> PathBuf {
    let b = built();
    let exe = out.join(format!("test_license_verifier_{way:?}"));
    let mut cmd = Command::new(cc);
    cmd.args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-g"])
        .arg("-I")
        .arg(Path::new(CRATE).join("include"))
        .arg(Path::new(CRATE).join("tests/c/test_license_verifier.c"))
        .arg("-o")
        .arg(&exe);
    match way {
        Way::Shared | Way::AddressSanitizer => {
            if let Way::AddressSanitizer = way {
                cmd.args(["-fsanitize=address", "-fno-omit-frame-pointer"]);
            }
            // The path itself, not -l: the static library lies beside it.
            cmd.arg(b.shared())
                .arg(format!("-Wl,-rpath,{}", b.deps.display()));
        }
        Way::Static | Way::Valgrind => {
            cmd.arg(b.archive());
        }
    }
    cmd.args(["-lpthread", "-ldl", "-lm", "-lrt", "-lutil"]);
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "cc ({way:?}): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    exe
}

fn shown(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Builds and runs the C test one way, then compares its answers with the command line's.
fn c_test(way: Way) {
    let Some(cc) = tool("cc") else { return };
    let valgrind = match way {
        Way::Valgrind => match tool("valgrind") {
            Some(v) => Some(v),
            None => return,
        },
        _ => None,
    };
    let fix = fixtures();
    let work = tempfile::tempdir().unwrap();
    let exe = compile(&cc, way, work.path());
    let answers = work.path().join("answers");
    std::fs::create_dir(&answers).unwrap();
    let mut cmd = match &valgrind {
        Some(v) => {
            let mut c = Command::new(v);
            let supp = Path::new(CRATE).join("tests/c/valgrind.supp");
            c.env("LIC_ROUNDS", "3")
                .args(["--error-exitcode=1", "--leak-check=full", "--quiet"])
                .args([
                    "--num-callers=50",
                    "--errors-for-leak-kinds=definite,indirect,possible",
                ])
                .arg(format!("--suppressions={}", supp.display()))
                .arg(&exe);
            c
        }
        None => Command::new(&exe),
    };
    let out = cmd
        .arg(scenarios_table())
        .arg(fix.path())
        .arg(&answers)
        .env("LICENSE_LANG", "en")
        .env("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0")
        .output()
        .unwrap();
    assert!(out.status.success(), "C test ({way:?}): {}", shown(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("; 0 failed"),
        "{}",
        shown(&out)
    );
    same_as_the_command_line(fix.path(), &answers);
}

/// Each scenario's JSON from C equals the command line's for the same question, and so
/// does its exit status (checked against the table by the C program).
fn same_as_the_command_line(fixtures: &Path, answers: &Path) {
    let mut compared = 0;
    for s in scenarios() {
        let (exit, cli) = cli_answer(fixtures, &s);
        assert_eq!(
            exit, s.exit,
            "{}: the command line's exit status: {cli:#}",
            s.name
        );
        let path = answers.join(format!("{}.json", s.name));
        let c: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            normalised(c),
            normalised(cli),
            "{}: C and the command line differ",
            s.name
        );
        compared += 1;
    }
    assert!(compared >= 10);
}

/// One line of the table.
struct Scenario {
    name: String,
    question: String,
    target: String,
    arg: Option<String>,
    user: Option<String>,
    keys: Option<String>,
    exit: i32,
}

fn scenarios() -> Vec<Scenario> {
    let text = std::fs::read_to_string(scenarios_table()).unwrap();
    let field = |f: &str| (f != "-").then(|| f.to_owned());
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 8, "{line}");
            Scenario {
                name: f[0].into(),
                question: f[1].into(),
                target: f[2].into(),
                arg: field(f[3]),
                user: field(f[4]),
                keys: field(f[5]),
                exit: f[6].parse().unwrap(),
            }
        })
        .collect()
}

/// `license-verifier --json` for a scenario's question.
fn cli_answer(fixtures: &Path, s: &Scenario) -> (i32, Value) {
    let mut cmd = Command::new(&built().cli);
    cmd.arg("--json").env("LICENSE_LANG", "en");
    if let Some(keys) = &s.keys {
        cmd.arg("--trust").arg(fixtures.join(keys));
    }
    let target = fixtures.join(&s.target);
    let arg = s.arg.clone().unwrap_or_default();
    match s.question.as_str() {
        "verify" => cmd.arg("verify").arg(&target),
        question => {
            cmd.arg("--store").arg(&target);
            match question {
                "status" => cmd.arg("status"),
                "system" => cmd.args(["check", "system", &arg]),
                "capability" => cmd.args(["check", "capability", &arg]),
                "seats" => cmd.args(["check", "seats", &arg]),
                other => panic!("{}: unknown question {other}", s.name),
            }
        }
    };
    if let Some(user) = &s.user {
        cmd.args(["--user", user]);
    }
    let out = cmd.output().unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{}: {e}: {}", s.name, shown(&out)));
    (out.status.code().unwrap_or(-1), json)
}

/// The JSON with instants of the last minutes as "<now>": the two answers were made a
/// moment apart.
fn normalised(value: Value) -> Value {
    match value {
        Value::Object(map) => map.into_iter().map(|(k, v)| (k, normalised(v))).collect(),
        Value::Array(list) => list.into_iter().map(normalised).collect(),
        Value::String(text) => match license_format::time::parse_rfc3339(&text) {
            Ok(at) if (at - chrono::Utc::now()).num_seconds().abs() < 600 => "<now>".into(),
            _ => Value::String(text),
        },
        other => other,
    }
}

#[test]
fn c_linked_with_the_shared_library() {
    c_test(Way::Shared);
}

#[test]
fn c_linked_with_the_static_library() {
    c_test(Way::Static);
}

#[test]
fn c_under_address_sanitizer() {
    c_test(Way::AddressSanitizer);
}

#[test]
fn c_under_valgrind() {
    c_test(Way::Valgrind);
}

/// A product that may not write the store (file 0444, directory 0555) gets the same
/// answers. Root may write anything, so as root the program runs as `nobody`.
#[test]
fn a_store_this_process_may_not_write() {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    use std::os::unix::process::CommandExt as _;
    let Some(cc) = tool("cc") else { return };
    let fix = fixtures();
    let work = tempfile::tempdir().unwrap();
    let exe = compile(&cc, Way::Static, work.path());
    let store = fix.path().join("licensed.db");
    let before = std::fs::read(&store).unwrap();
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    mode(&store, 0o444);
    mode(fix.path(), 0o555);
    mode(work.path(), 0o755);
    let mut cmd = Command::new(&exe);
    cmd.arg("--read-only").arg(&store);
    if std::fs::metadata("/proc/self").unwrap().uid() == 0 {
        cmd.uid(65534).gid(65534);
    }
    let out = cmd.output().unwrap();
    mode(fix.path(), 0o755);
    assert!(out.status.success(), "{}", shown(&out));
    assert_eq!(
        std::fs::read(&store).unwrap(),
        before,
        "the store was written"
    );
    assert!(!fix.path().join("licensed.db-journal").exists());
}

#[test]
fn python_binding() {
    let Some(python) = tool("python3") else {
        return;
    };
    let fix = fixtures();
    let b = built();
    let out = Command::new(python)
        .arg(Path::new(CRATE).join("tests/python/test_license_verifier.py"))
        .env("LICENSE_VERIFIER_LIB", b.shared())
        .env("LIC_FIXTURES", fix.path())
        .env("LIC_SCENARIOS", scenarios_table())
        .env("LIC_CLI", &b.cli)
        .env("LICENSE_LANG", "en")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "python: {}", shown(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("\nOK"),
        "{}",
        shown(&out)
    );
}
