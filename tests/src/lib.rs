//! Workspace-level test support: the one harness every crate's command-line tests run
//! the binaries through ([`cli`]), the deterministic generator of `tests/vectors/`
//! (license files and clock resets), and the one seeded random source of the
//! workspace's tests ([`Rng`]).
//!
//! Every vector is made from `keys-example/` and fixed payloads, and Ed25519 signatures
//! are deterministic, so running the generator twice gives the same bytes; the test
//! `vectors_are_fresh` holds the committed files to that.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// A generator run by developers: a broken example key or pointer must stop it loudly.
#![allow(clippy::expect_used, clippy::unwrap_used)]

pub mod cli;
mod rng;
mod vectors;

pub use rng::Rng;
pub use vectors::{generate, Vector};
