//! A small deterministic random source for tests: the same seed gives the same inputs,
//! delays and mutations on every machine, so a failure replays exactly.

/// xorshift64*: deterministic and fast; quality is ample for choosing test inputs.
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (0 is replaced by 1: xorshift never leaves 0).
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}
