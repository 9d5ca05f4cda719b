//! The text armor around the envelope (FORMAT.md §2), labelled by document kind
//! (FORMAT.md §13).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use std::sync::OnceLock;

use memchr::memmem::Finder;

use crate::constants::ARMOR_LINE_WIDTH;
use crate::{ArmorProblem, DocumentKind, Error, Result};

/// Wraps envelope bytes in the license-file armor exactly as writers must emit it: LF
/// line endings, 64 base64 characters a line, a final newline.
pub fn armor(envelope: &[u8]) -> String {
    armor_as(DocumentKind::LicenseFile, envelope)
}

/// As [`armor`], with the BEGIN and END lines of `kind` (FORMAT.md §2.1, §13).
pub fn armor_as(kind: DocumentKind, envelope: &[u8]) -> String {
    let body = STANDARD.encode(envelope);
    let mut out = String::with_capacity(body.len() + body.len() / ARMOR_LINE_WIDTH + 64);
    out.push_str(kind.armor_begin());
    out.push('\n');
    // The base64 alphabet is ASCII, so every chunk boundary is a char boundary.
    for line in body.as_bytes().chunks(ARMOR_LINE_WIDTH) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(kind.armor_end());
    out.push('\n');
    out
}

/// Finds the single license-file block in `input` and returns the envelope bytes it
/// holds.
///
/// Accepts a UTF-8 BOM, CRLF or LF, text around the block and any ASCII whitespace
/// inside the body. Refuses input over 1 MiB before looking at it.
///
/// # Errors
/// [`Error::TooLarge`], [`Error::Armor`], [`Error::WrongDocumentKind`] or
/// [`Error::Base64`].
pub fn dearmor(input: &[u8]) -> Result<Vec<u8>> {
    dearmor_as(DocumentKind::LicenseFile, input)
}

/// As [`dearmor`], for the armor of `kind` and under its size limit
/// ([`DocumentKind::max_bytes`]). Input with no block of `kind` but a block of another
/// kind is refused as [`Error::WrongDocumentKind`].
///
/// # Errors
/// [`Error::TooLarge`], [`Error::Armor`], [`Error::WrongDocumentKind`] or
/// [`Error::Base64`].
pub fn dearmor_as(kind: DocumentKind, input: &[u8]) -> Result<Vec<u8>> {
    if input.len() > kind.max_bytes() {
        return Err(Error::TooLarge {
            what: kind.noun(),
            size: input.len(),
            limit: kind.max_bytes(),
        });
    }
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let (body_start, body) = find_block(kind, input)?;
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
                return Err(Error::Armor(ArmorProblem::ForeignCharacter {
                    line: line_number(input, body_start + i),
                    byte: b,
                }));
            }
        }
    }
    STANDARD
        .decode(&compact)
        .map_err(|e| Error::Base64(e.into()))
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

/// One substring searcher per kind and marker, built once: building one costs more
/// than a search.
static BEGIN: [OnceLock<Finder<'static>>; DocumentKind::ALL.len()] =
    [const { OnceLock::new() }; DocumentKind::ALL.len()];
static END: [OnceLock<Finder<'static>>; DocumentKind::ALL.len()] =
    [const { OnceLock::new() }; DocumentKind::ALL.len()];

fn begin_finder(kind: DocumentKind) -> &'static Finder<'static> {
    BEGIN[kind.index()].get_or_init(|| Finder::new(kind.armor_begin().as_bytes()))
}

fn end_finder(kind: DocumentKind) -> &'static Finder<'static> {
    END[kind.index()].get_or_init(|| Finder::new(kind.armor_end().as_bytes()))
}

/// Whether `input` (BOM already dropped) has a BEGIN line of `kind`.
pub(crate) fn has_begin_line(input: &[u8], kind: DocumentKind) -> bool {
    marker_lines(input, begin_finder(kind)).next().is_some()
}

/// The 1-based number of the line holding byte `pos`: only error messages need it.
fn line_number(input: &[u8], pos: usize) -> usize {
    memchr::memchr_iter(b'\n', &input[..pos]).count() + 1
}

/// Finds the one BEGIN line and the first END line after it (FORMAT.md §2.2 steps 4 and
/// 5) and returns where the body starts and the body between them.
fn find_block(kind: DocumentKind, input: &[u8]) -> Result<(usize, &[u8])> {
    let mut begins = marker_lines(input, begin_finder(kind));
    let Some(begin) = begins.next() else {
        return Err(no_block(kind, input));
    };
    if let Some(second) = begins.next() {
        return Err(Error::Armor(ArmorProblem::SecondBlock {
            kind,
            line: line_number(input, second.start),
        }));
    }
    let body_start = (begin.end + 1).min(input.len());
    let rest = &input[body_start..];
    match marker_lines(rest, end_finder(kind)).next() {
        Some(end) => Ok((body_start, &rest[..end.start])),
        None => Err(Error::Armor(ArmorProblem::Unterminated { kind })),
    }
}

/// The refusal for input without a block of `kind`: a document of another kind is named
/// as such (FORMAT.md §13), anything else is *no block*.
fn no_block(kind: DocumentKind, input: &[u8]) -> Error {
    let other = DocumentKind::ALL
        .into_iter()
        .find(|k| *k != kind && has_begin_line(input, *k));
    match other {
        Some(other) => Error::WrongDocumentKind {
            expected: kind.format(),
            found: other.format(),
        },
        None => Error::Armor(ArmorProblem::NoBlock { kind }),
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
        assert!(matches!(
            dearmor(two.as_bytes()),
            Err(Error::Armor(ArmorProblem::SecondBlock { .. }))
        ));
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
        use crate::constants::{MAX_CLOCK_RESET_BYTES, MAX_LICENSE_FILE_BYTES};
        let big = vec![b'A'; MAX_LICENSE_FILE_BYTES + 1];
        assert!(matches!(dearmor(&big), Err(Error::TooLarge { .. })));
        let reset = DocumentKind::ClockReset;
        let big = vec![b'A'; MAX_CLOCK_RESET_BYTES + 1];
        let err = dearmor_as(reset, &big).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("clock-reset file is 65537 bytes, over the limit of 65536"),
            "{err}"
        );
    }

    #[test]
    fn each_kind_reads_its_own_armor_and_names_the_other() {
        let reset = DocumentKind::ClockReset;
        let text = armor_as(reset, b"{}");
        assert!(text.starts_with("-----BEGIN CLOCK RESET-----\n"));
        assert!(text.ends_with("-----END CLOCK RESET-----\n"));
        assert_eq!(dearmor_as(reset, text.as_bytes()).unwrap(), b"{}");
        let err = dearmor(text.as_bytes()).unwrap_err();
        assert_eq!(
            err,
            Error::WrongDocumentKind {
                expected: "license-file/v1",
                found: "clock-reset/v1"
            }
        );
        let err = dearmor_as(reset, armor(b"{}").as_bytes()).unwrap_err();
        assert!(matches!(
            err,
            Error::WrongDocumentKind {
                found: "license-file/v1",
                ..
            }
        ));
        let err = dearmor_as(reset, b"text").unwrap_err().to_string();
        assert_eq!(err, "armor: no clock reset found: the input has no -----BEGIN CLOCK RESET----- line; give the clock-reset file the vendor sent");
    }
}
