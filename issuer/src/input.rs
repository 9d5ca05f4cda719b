//! Reading untrusted input files with a size limit, so that a huge file (or
//! `/dev/zero`) is refused after `limit + 1` bytes instead of filling memory.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::{Error, Result};

/// The name standard input is given in messages and the path that selects it.
pub const STDIN: &str = "-";

/// Reads at most `limit` bytes of `path`, or of standard input for `-` (never a file of
/// that name), and gives the name messages use for it: the path, or `standard input`.
///
/// # Errors
/// As [`read_limited`].
pub fn read_named(path: &Path, what: &'static str, limit: usize) -> Result<(String, Vec<u8>)> {
    if path.as_os_str() == STDIN {
        let name = Path::new("standard input");
        let bytes = read_limited_from(std::io::stdin().lock(), name, what, limit)?;
        return Ok((name.display().to_string(), bytes));
    }
    Ok((path.display().to_string(), read_limited(path, what, limit)?))
}

/// The name messages use for a file argument: the path, or `standard input` for `-`.
pub(crate) fn named(path: &Path) -> (String, bool) {
    if path.as_os_str() == STDIN {
        ("standard input".to_owned(), true)
    } else {
        (path.display().to_string(), false)
    }
}

/// Reads at most `limit` bytes of the file `path`.
///
/// # Errors
/// [`Error::TooLarge`] when there is more, naming `what` and the limit; [`Error::Io`].
pub fn read_limited(path: &Path, what: &'static str, limit: usize) -> Result<Vec<u8>> {
    let file = File::open(path).map_err(Error::io(path))?;
    read_limited_from(file, path, what, limit)
}

/// As [`read_limited`], from an open reader; `path` names it in errors.
///
/// # Errors
/// [`Error::TooLarge`] or [`Error::Io`].
pub fn read_limited_from(
    reader: impl Read,
    path: &Path,
    what: &'static str,
    limit: usize,
) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    // One byte over the limit is enough to know the input is too large.
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(Error::io(path))?;
    if bytes.len() > limit {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            what,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_over_the_limit_is_refused_without_reading_it_all() {
        let endless = std::io::repeat(b'x');
        let err = read_limited_from(endless, Path::new("big.lic"), "license file", 16)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "big.lic: over the limit of 16 bytes: no license file is this large; check the path"
        );
        let ok = read_limited_from(&b"0123456789abcdef"[..], Path::new("x"), "key file", 16);
        assert_eq!(ok.unwrap().len(), 16);
    }
}
