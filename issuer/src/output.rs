//! Writing license files so that a file appears under its name only once its ledger
//! record is committed.

use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// A file written under a temporary name beside its final path; [`PendingFile::persist`]
/// renames it into place, dropping it removes it.
#[derive(Debug)]
pub(crate) struct PendingFile {
    temp: PathBuf,
    path: PathBuf,
    persisted: bool,
}

impl PendingFile {
    /// Writes `bytes` to a fresh temporary file in `path`'s directory.
    pub(crate) fn create(path: &Path, bytes: &[u8]) -> Result<PendingFile> {
        if path.is_dir() {
            let problem = std::io::Error::other("is a directory: give a file name for the license");
            return Err(Error::io(path)(problem));
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        // Errors name the path the user gave, never the hidden temporary name.
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| write_error(path, e))?;
        let pending = PendingFile {
            temp,
            path: path.to_owned(),
            persisted: false,
        };
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(Error::io(path))?;
        Ok(pending)
    }

    /// Moves the file to its final name, replacing a file there.
    pub(crate) fn persist(mut self) -> std::io::Result<()> {
        fs::rename(&self.temp, &self.path)?;
        self.persisted = true;
        Ok(())
    }
}

/// The error for a license file that cannot be created at `path`.
fn write_error(path: &Path, e: std::io::Error) -> Error {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    match dir {
        Some(dir) if e.kind() == std::io::ErrorKind::NotFound && !dir.is_dir() => {
            Error::NoSuchDirectory {
                path: path.to_owned(),
                dir: dir.to_owned(),
            }
        }
        _ => Error::io(path)(e),
    }
}

/// Refuses to replace an existing file at `path` unless `force` is given; checked before
/// anything is signed or recorded.
///
/// # Errors
/// [`Error::Exists`].
pub fn check_replace(path: &Path, force: bool) -> Result<()> {
    if !force && fs::symlink_metadata(path).is_ok_and(|m| !m.is_dir()) {
        return Err(Error::Exists {
            path: path.to_owned(),
        });
    }
    Ok(())
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if !self.persisted {
            // Best effort: a leftover hidden temp file is harmless.
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Writes a new file, refusing to replace one (batch output is named by license id, so
/// an existing file belongs to some other ledger). Not synced one by one: the ledger
/// holds every file whole, and it is synced at each commit.
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Error::Exists {
                path: path.to_owned(),
            },
            _ => Error::io(path)(e),
        })?;
    file.write_all(bytes).map_err(Error::io(path))
}
