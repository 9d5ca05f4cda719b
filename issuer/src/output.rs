//! Writing license files whole or not at all: a file appears under its name only complete,
//! and only when its ledger record is about to be committed.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::{Error, Result};

/// A file written under a temporary name in its final directory; [`PendingFile::persist`]
/// renames it into place, dropping it removes it.
#[derive(Debug)]
pub(crate) struct PendingFile {
    temp: NamedTempFile,
    path: PathBuf,
}

impl PendingFile {
    /// Writes and syncs `bytes` to a fresh temporary file in `path`'s directory, so that
    /// the rename that puts it in place stays within one file system.
    pub(crate) fn create(path: &Path, bytes: &[u8]) -> Result<PendingFile> {
        if path.is_dir() {
            let problem = std::io::Error::other("is a directory: give a file name for the license");
            return Err(Error::io(path)(problem));
        }
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        // Errors name the path the user gave, never the hidden temporary name.
        let mut temp = tempfile::Builder::new()
            .prefix(".license-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| write_error(path, e))?;
        temp.write_all(bytes)
            .and_then(|()| temp.as_file().sync_all())
            .map_err(Error::io(path))?;
        Ok(PendingFile {
            temp,
            path: path.to_owned(),
        })
    }

    /// Moves the file to its final name; an existing file there is replaced only when
    /// `replace` is true (checked by the rename itself, so no other file slips in
    /// between a check and the write).
    pub(crate) fn persist(self, replace: bool) -> Result<PlacedFile> {
        let path = self.path;
        let placed = if replace {
            self.temp.persist(&path).map(drop)
        } else {
            self.temp.persist_noclobber(&path).map(drop)
        };
        match placed {
            Ok(()) => Ok(PlacedFile { path }),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(Error::Exists { path })
            }
            Err(e) => Err(Error::io(&path)(e.error)),
        }
    }
}

/// A file put in place before its record was committed: removed again if the commit
/// fails, so that no license is delivered that the ledger does not hold.
#[derive(Debug)]
#[must_use = "remove the file if the record is not committed"]
pub(crate) struct PlacedFile {
    path: PathBuf,
}

impl PlacedFile {
    /// Removes the file (best effort: the caller reports the commit's error).
    pub(crate) fn remove(self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Commits `tx` with `text` delivered to `path`, if given: the file is written whole
/// under a temporary name, put in place (over an existing file only with `force`), and
/// removed again if the commit fails, so that no document is delivered that the ledger
/// does not hold.
///
/// # Errors
/// [`Error::Exists`], [`Error::Io`], [`Error::NoSuchDirectory`], [`Error::Ledger`];
/// nothing is recorded then.
pub(crate) fn commit_with_file(
    tx: crate::ledger::LedgerTx<'_>,
    path: Option<&Path>,
    text: &str,
    force: bool,
) -> Result<()> {
    let pending = path
        .map(|p| PendingFile::create(p, text.as_bytes()))
        .transpose()?;
    let placed = pending.map(|p| p.persist(force)).transpose()?;
    if let Err(e) = tx.commit() {
        if let Some(placed) = placed {
            placed.remove();
        }
        return Err(e);
    }
    Ok(())
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

/// Whether `path` holds exactly `bytes`: delivering the same license again to the same
/// file is then nothing to do, and needs no `--force`.
pub(crate) fn holds(path: &Path, bytes: &[u8]) -> bool {
    fs::read(path).is_ok_and(|found| found == bytes)
}

/// Writes a new file, refusing to replace one (batch output is named by license id, so
/// an existing file belongs to some other ledger). Not synced one by one: the ledger
/// holds every file whole, and it is synced at each commit.
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = fs::OpenOptions::new()
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
