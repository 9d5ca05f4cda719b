//! Finding an activation request in the text it came in (FORMAT.md §8, "Finding a
//! request in surrounding text"): customers paste requests into e-mails, which add a
//! greeting and a signature, quote them with `> `, turn line ends into CRLF and may
//! start with a byte order mark.

use crate::RequestProblem;

/// The one JSON object in `text`, as bytes to parse. A leading BOM is dropped and every
/// line loses its leading quote markers (`>`, each with one space after it, also after
/// blanks); then the text outside objects is skipped, and each `{` there starts an
/// object that ends at its balancing `}` (braces inside JSON strings do not count).
/// CRLF needs nothing: a carriage return is JSON whitespace.
///
/// # Errors
/// [`RequestProblem::NoRequestFound`] when there is no complete object,
/// [`RequestProblem::SeveralObjects`] when there are two or more: which one is the
/// request is then not for this program to guess.
pub(crate) fn find_request(text: &[u8]) -> Result<Vec<u8>, RequestProblem> {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let unquoted = unquote(text);
    let objects = objects(&unquoted);
    match objects.as_slice() {
        [] => Err(RequestProblem::NoRequestFound),
        [one] => Ok(unquoted[one.clone()].to_vec()),
        several => Err(RequestProblem::SeveralObjects {
            count: several.len(),
        }),
    }
}

/// The text with each line's leading quote markers removed.
fn unquote(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for line in text.split_inclusive(|b| *b == b'\n') {
        let mut rest = line;
        loop {
            let blank = rest
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t'))
                .count();
            match rest[blank..].strip_prefix(b">") {
                Some(after) => rest = after.strip_prefix(b" ").unwrap_or(after),
                None => break,
            }
        }
        out.extend_from_slice(rest);
    }
    out
}

/// The byte ranges of the complete top-level JSON objects in `text`.
fn objects(text: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for (i, &b) in text.iter().enumerate() {
        if depth == 0 {
            // Prose: only an opening brace matters; its quotes and stray braces do not.
            if b == b'{' {
                (depth, start, in_string, escaped) = (1, i, false, false);
            }
            continue;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    found.push(start..i + 1);
                }
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const REQUEST: &str = r#"{"format":"activation-request/v1","product":"superoffice-crm","installation_id":"inst-7","hostname":"h { }","created_at":"2026-11-29T10:00:00Z"}"#;

    fn found(text: &str) -> String {
        String::from_utf8(find_request(text.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn the_request_alone_is_itself() {
        assert_eq!(found(REQUEST), REQUEST);
    }

    #[test]
    fn text_around_it_is_skipped() {
        let mail =
            format!("Hi,\n\nhere is our request: \"see below\" }}\n{REQUEST}\n\nRegards,\nOla\n");
        assert_eq!(found(&mail), REQUEST);
    }

    #[test]
    fn crlf_quotes_and_a_bom_are_taken_off() {
        let pretty = REQUEST.replace(",\"", ",\r\n  \"");
        let quoted: String = pretty.lines().map(|l| format!("> > {l}\r\n")).collect();
        let mail = format!("\u{FEFF}On Monday Ola wrote:\r\n{quoted}\r\nThanks\r\n");
        let json = found(&mail);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["installation_id"], "inst-7");
        assert_eq!(value["hostname"], "h { }");
    }

    #[test]
    fn no_object_or_two_are_refused() {
        let none = find_request(b"Hi, the request is attached.\n{ not closed");
        assert_eq!(none, Err(RequestProblem::NoRequestFound));
        let two = find_request(format!("{REQUEST}\n{REQUEST}").as_bytes());
        assert_eq!(two, Err(RequestProblem::SeveralObjects { count: 2 }));
    }
}
