//! A small deterministic mutator: the same seed gives the same inputs on every machine.

pub use license_system_tests::Rng;

/// Applies one or more of the mutations a hostile or broken input would show.
pub struct Mutator {
    rng: Rng,
    last: Vec<u8>,
}

const TOKENS: &[&[u8]] = &[
    b"\"serial\":1,",
    b"\"code\":\"sales-premium\",",
    b"18446744073709551616",
    b"-9223372036854775809",
    b"1e999",
    b"null",
    b"\"\\ud800\"",
    b"\xff\xfe",
    b"\xc3\x28",
    b"-----BEGIN LICENSE FILE-----\n",
    b"-----END LICENSE FILE-----\n",
    b"-----BEGIN PUBLIC KEY-----\n",
    b"{\"a\":",
    b"}",
    b"]",
    b"\"extensions\":{\"x\":1,\"x\":2},",
];

impl Mutator {
    pub fn new(rng: Rng) -> Self {
        Mutator {
            rng,
            last: Vec::new(),
        }
    }

    pub fn mutate(&mut self, input: &[u8]) -> Vec<u8> {
        let mut out = input.to_vec();
        for _ in 0..=self.rng.below(3) {
            self.once(&mut out);
        }
        self.last = out.clone();
        out
    }

    fn once(&mut self, out: &mut Vec<u8>) {
        let at = self.rng.below(out.len() + 1);
        match self.rng.below(10) {
            0 => out.truncate(at),
            1 => {
                // Splice: the tail of the previous mutant after our head.
                let from = self.rng.below(self.last.len() + 1);
                out.truncate(at);
                out.extend_from_slice(&self.last[from..]);
            }
            2 => {
                let token = TOKENS[self.rng.below(TOKENS.len())];
                out.splice(at..at, token.iter().copied());
            }
            3 => {
                let depth = 1 + self.rng.below(400);
                let nest: Vec<u8> = std::iter::repeat_n(b'[', depth)
                    .chain(std::iter::repeat_n(b']', depth))
                    .collect();
                out.splice(at..at, nest);
            }
            4 if !out.is_empty() => {
                // Duplicate a slice in place (members given twice, repeated lines).
                let start = self.rng.below(out.len());
                let end = (start + 1 + self.rng.below(64)).min(out.len());
                let copy = out[start..end].to_vec();
                out.splice(start..start, copy);
            }
            5 if !out.is_empty() => {
                let i = self.rng.below(out.len());
                out[i] = self.rng.next_u64() as u8;
            }
            6 if !out.is_empty() => {
                let i = self.rng.below(out.len());
                out[i] ^= 1 << self.rng.below(8);
            }
            7 if self.rng.below(50) == 0 => {
                // Oversized: past every limit of the format.
                out.resize(out.len() + 1024 * 1024 + 1, b'A');
            }
            8 if !out.is_empty() => {
                let start = self.rng.below(out.len());
                let end = (start + 1 + self.rng.below(16)).min(out.len());
                out.drain(start..end);
            }
            _ => {
                let digits = b"99999999999999999999999999";
                out.splice(
                    at..at,
                    digits[..1 + self.rng.below(digits.len() - 1)]
                        .iter()
                        .copied(),
                );
            }
        }
    }
}
