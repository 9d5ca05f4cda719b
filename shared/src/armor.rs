//! The text armor around the envelope (FORMAT.md §2).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

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
    let body = find_block(input)?;
    let mut compact = Vec::with_capacity(body.iter().map(|(_, l)| l.len()).sum());
    for (line_no, line) in body {
        // Writers' lines hold base64 only, up to the line break: copy them whole. Lines
        // with whitespace inside (re-wrapped, indented) take the byte-by-byte path.
        let trimmed = line.trim_ascii();
        if trimmed
            .iter()
            .all(|&b| BYTE_CLASS[usize::from(b)] == BASE64)
        {
            compact.extend_from_slice(trimmed);
            continue;
        }
        for &b in trimmed {
            match BYTE_CLASS[usize::from(b)] {
                BASE64 => compact.push(b),
                SPACE => {}
                _ => {
                    return Err(Error::Armor(format!(
                        "line {line_no}: character {} is not allowed in the body (only base64 and whitespace): the file was damaged; ask for it again",
                        describe_byte(b)
                    )))
                }
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

type BodyLines<'a> = Vec<(usize, &'a [u8])>;

/// Returns the body lines (with 1-based line numbers) between the one BEGIN and END pair.
fn find_block(input: &[u8]) -> Result<BodyLines<'_>> {
    let mut body: Option<BodyLines<'_>> = None;
    let mut closed = false;
    for (index, raw) in input.split(|&b| b == b'\n').enumerate() {
        let line_no = index + 1;
        let line = raw.trim_ascii();
        if line == ARMOR_BEGIN.as_bytes() {
            if body.is_some() {
                return Err(Error::Armor(format!(
                    "line {line_no}: a second {ARMOR_BEGIN} line: a file holds exactly one license; split it into one file per license"
                )));
            }
            body = Some(Vec::new());
        } else if line == ARMOR_END.as_bytes() {
            if body.is_some() && !closed {
                closed = true;
            }
        } else if let Some(lines) = body.as_mut().filter(|_| !closed) {
            lines.push((line_no, raw));
        }
    }
    match (body, closed) {
        (None, _) => Err(Error::Armor(format!(
            "no license found: the input has no {ARMOR_BEGIN} line; give the license file the vendor sent"
        ))),
        (Some(_), false) => Err(Error::Armor(format!(
            "{ARMOR_BEGIN} without {ARMOR_END}: the file is cut short; copy the whole file"
        ))),
        (Some(lines), true) => Ok(lines),
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
    fn refuses_oversize_before_parsing() {
        let big = vec![b'A'; MAX_LICENSE_FILE_BYTES + 1];
        assert!(matches!(dearmor(&big), Err(Error::TooLarge { .. })));
    }
}
