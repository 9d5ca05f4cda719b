//! The text armor around the envelope (FORMAT.md §2).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use std::sync::OnceLock;

use memchr::memmem::Finder;

use crate::constants::{ARMOR_BEGIN, ARMOR_END, ARMOR_LINE_WIDTH, MAX_LICENSE_FILE_BYTES};
use crate::{Error, Result};

/// Wraps envelope bytes in the armor exactly as writers must emit it: LF line endings,
/// 64 base64 characters a line, a final newline.
pub fn armor(envelope: &[u8]) -> String {
    let body = STANDARD.encode(envelope);
    let mut out = String::with_capacity(body.len() + body.len() / ARMOR_LINE_WIDTH + 64);
    out.push_str(ARMOR_BEGIN);
    out.push('\n');
    // The base64 alphabet is ASCII, so every chunk boundary is a char boundary.
    for line in body.as_bytes().chunks(ARMOR_LINE_WIDTH) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(ARMOR_END);
    out.push('\n');
    out
}

/// Finds the single armored block in `input` and returns the envelope bytes it holds.
///
/// Accepts a UTF-8 BOM, CRLF or LF, text around the block and any ASCII whitespace
/// inside the body. Refuses input over 1 MiB before looking at it.
///
/// # Errors
/// [`Error::TooLarge`], [`Error::Armor`] or [`Error::Base64`].
pub fn dearmor(input: &[u8]) -> Result<Vec<u8>> {
    if input.len() > MAX_LICENSE_FILE_BYTES {
        return Err(Error::TooLarge {
            what: "license file",
            size: input.len(),
            limit: MAX_LICENSE_FILE_BYTES,
        });
    }
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let (body_start, body) = find_block(input)?;
    // Fast path: the lines as writers make them, trimmed and joined. The decoder refuses
    // every byte outside the base64 alphabet, so if it accepts, the body held nothing but
    // base64 and whitespace at line ends, and the result is the same as the slow path's.
    let mut joined = Vec::with_capacity(body.len());
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', body).chain([body.len()]) {
        joined.extend_from_slice(body[start..end].trim_ascii());
        start = (end + 1).min(body.len());
    }
    if let Ok(envelope) = STANDARD.decode(&joined) {
        return Ok(envelope);
    }
    decode_body(input, body_start, body)
}

/// The exact rules of FORMAT.md §2.2 steps 7 and 8, with the line of a foreign character.
fn decode_body(input: &[u8], body_start: usize, body: &[u8]) -> Result<Vec<u8>> {
    let mut compact = Vec::with_capacity(body.len());
    for (i, &b) in body.iter().enumerate() {
        match BYTE_CLASS[usize::from(b)] {
            BASE64 => compact.push(b),
            SPACE => {}
            _ => {
                let pos = body_start + i;
                return Err(Error::Armor(format!(
                    "line {}: character {} is not allowed in the body (only base64 and whitespace): the file was damaged; ask for it again",
                    line_number(input, pos),
                    describe_byte(b)
                )));
            }
        }
    }
    STANDARD
        .decode(&compact)
        .map_err(|e| Error::Base64(e.to_string()))
}

const OTHER: u8 = 0;
const BASE64: u8 = 1;
const SPACE: u8 = 2;

/// The class of every byte in an armor body (FORMAT.md §2.2 step 7): the base64
/// alphabet with `=`, ASCII whitespace, or anything else.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = match c {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/' | b'=' => BASE64,
            b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' => SPACE,
            _ => OTHER,
        };
        b += 1;
    }
    table
};

/// A whole line of the input: where it starts, and where it ends before its LF.
struct Line {
    start: usize,
    end: usize,
}

/// The whole lines of `input` whose key (the line without surrounding ASCII whitespace)
/// is `marker`. Found by searching for the marker rather than by splitting every line:
/// this runs on every verification.
fn marker_lines<'a>(
    input: &'a [u8],
    marker: &'static Finder<'static>,
) -> impl Iterator<Item = Line> + 'a {
    let marker_bytes = marker.needle();
    marker.find_iter(input).filter_map(move |at| {
        let start = memchr::memrchr(b'\n', &input[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &input[at..]).map_or(input.len(), |i| at + i);
        (input[start..end].trim_ascii() == marker_bytes).then_some(Line { start, end })
    })
}

static BEGIN: OnceLock<Finder<'static>> = OnceLock::new();
static END: OnceLock<Finder<'static>> = OnceLock::new();

/// A substring searcher for a marker, built once: building one costs more than a search.
fn finder(
    cell: &'static OnceLock<Finder<'static>>,
    marker: &'static str,
) -> &'static Finder<'static> {
    cell.get_or_init(|| Finder::new(marker.as_bytes()))
}

/// The 1-based number of the line holding byte `pos`: only error messages need it.
fn line_number(input: &[u8], pos: usize) -> usize {
    memchr::memchr_iter(b'\n', &input[..pos]).count() + 1
}

/// Finds the one BEGIN line and the first END line after it (FORMAT.md §2.2 steps 4 and
/// 5) and returns where the body starts and the body between them.
fn find_block(input: &[u8]) -> Result<(usize, &[u8])> {
    let mut begins = marker_lines(input, finder(&BEGIN, ARMOR_BEGIN));
    let Some(begin) = begins.next() else {
        return Err(Error::Armor(format!(
            "no license found: the input has no {ARMOR_BEGIN} line; give the license file the vendor sent"
        )));
    };
    if let Some(second) = begins.next() {
        return Err(Error::Armor(format!(
            "line {}: a second {ARMOR_BEGIN} line: a file holds exactly one license; split it into one file per license",
            line_number(input, second.start)
        )));
    }
    let body_start = (begin.end + 1).min(input.len());
    let rest = &input[body_start..];
    match marker_lines(rest, finder(&END, ARMOR_END)).next() {
        Some(end) => Ok((body_start, &rest[..end.start])),
        None => Err(Error::Armor(format!(
            "{ARMOR_BEGIN} without {ARMOR_END}: the file is cut short; copy the whole file"
        ))),
    }
}

fn describe_byte(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("{:?}", b as char)
    } else {
        format!("0x{b:02x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_wraps_at_64() {
        let data: Vec<u8> = (0..=255).collect();
        let text = armor(&data);
        assert!(text.ends_with("-----END LICENSE FILE-----\n"));
        assert!(text
            .lines()
            .all(|l| l.len() <= 64 || l.starts_with("-----")));
        assert_eq!(dearmor(text.as_bytes()).unwrap(), data);
    }

    #[test]
    fn refuses_second_block_even_after_end() {
        let one = armor(b"{}");
        let two = format!("{one}{one}");
        assert!(matches!(dearmor(two.as_bytes()), Err(Error::Armor(m)) if m.contains("second")));
    }

    #[test]
    fn accepts_crlf_bom_and_rewrapped_body() {
        let text = armor(b"hello envelope bytes, long enough to wrap over lines........");
        let crlf = format!("\u{feff}mail text\r\n{}", text.replace('\n', "\r\n"));
        assert_eq!(
            dearmor(crlf.as_bytes()).unwrap(),
            b"hello envelope bytes, long enough to wrap over lines........"
        );
    }

    #[test]
    fn names_the_line_of_a_foreign_character_and_of_a_second_block() {
        let text = armor(&[7u8; 100]).replacen("\n", "\n\n", 1);
        let bad = text.replacen("Bwc", "\u{e9}wc", 1);
        let err = dearmor(format!("mail\n{bad}").as_bytes()).unwrap_err();
        assert!(err.to_string().contains("line 4: character 0xc3"), "{err}");
        let two = format!("{text}text\n  {text}");
        let err = dearmor(two.as_bytes()).unwrap_err();
        assert!(
            err.to_string().starts_with("armor: line 8: a second"),
            "{err}"
        );
    }

    #[test]
    fn ignores_markers_that_are_not_whole_lines() {
        let text = format!("x-----BEGIN LICENSE FILE-----\n{}", armor(b"{}"));
        assert_eq!(dearmor(text.as_bytes()).unwrap(), b"{}");
        assert!(dearmor(b"x-----BEGIN LICENSE FILE-----\n").is_err());
    }

    #[test]
    fn refuses_oversize_before_parsing() {
        let big = vec![b'A'; MAX_LICENSE_FILE_BYTES + 1];
        assert!(matches!(dearmor(&big), Err(Error::TooLarge { .. })));
    }
}
