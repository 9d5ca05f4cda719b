//! Writes `tests/vectors/*.lic`, `*.reset`, `*.cert`, `*.revocation` and `*.pem` from `keys-example/`: `cargo run -p license-system-tests --bin gen-vectors`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors");
    if let Err(e) = write_all(&dir) {
        eprintln!("gen-vectors: error: {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

fn write_all(dir: &std::path::Path) -> std::io::Result<()> {
    // Generate before removing anything: a generator that panics leaves the committed
    // files in place.
    let vectors = license_system_tests::generate();
    std::fs::create_dir_all(dir)?;
    for old in std::fs::read_dir(dir)? {
        let path = old?.path();
        if path.extension().is_some_and(|e| {
            ["lic", "reset", "pem", "cert", "revocation"]
                .iter()
                .any(|x| e == *x)
        }) {
            std::fs::remove_file(path)?;
        }
    }
    for v in &vectors {
        std::fs::write(dir.join(&v.name), &v.contents)?;
    }
    println!("wrote {} vectors to {}", vectors.len(), dir.display());
    Ok(())
}
