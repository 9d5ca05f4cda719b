//! Format constants: markers, versions and limits (FORMAT.md §2-§9, §13-§15). Every parser takes
//! its limits from here so that the spec and the code cannot drift apart.

/// The armor's first line (FORMAT.md §2).
pub const ARMOR_BEGIN: &str = "-----BEGIN LICENSE FILE-----";
/// The armor's last line (FORMAT.md §2).
pub const ARMOR_END: &str = "-----END LICENSE FILE-----";
/// Characters per body line written by writers (FORMAT.md §2).
pub const ARMOR_LINE_WIDTH: usize = 64;
/// Largest license file accepted, checked before anything is parsed (FORMAT.md §2).
pub const MAX_LICENSE_FILE_BYTES: usize = 1024 * 1024;
/// The envelope's `format` value (FORMAT.md §3).
pub const FORMAT_V1: &str = "license-file/v1";
/// The envelope's `alg` value (FORMAT.md §3).
pub const ALG_ED25519: &str = "ed25519";
/// Domain separator that starts every signed message: `FORMAT_V1 || 0x00` (FORMAT.md §5).
pub const SIGNATURE_CONTEXT: &[u8] = b"license-file/v1\0";
/// Length of a key id in bytes; its text form is twice as many hex digits (FORMAT.md §4).
pub const KEY_ID_BYTES: usize = 8;
/// Largest `grace_days` (FORMAT.md §6).
pub const MAX_GRACE_DAYS: u32 = 90;
/// Largest seat count of one plan (FORMAT.md §6).
pub const MAX_SEATS: u32 = 1_000_000;
/// Largest serial: the largest integer that every JSON implementation holds exactly
/// (FORMAT.md §6).
pub const MAX_SERIAL: u64 = (1 << 53) - 1;
/// The activation request's `format` value (FORMAT.md §8).
pub const REQUEST_FORMAT_V1: &str = "activation-request/v1";
/// Largest activation request accepted (FORMAT.md §8).
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;
/// Largest PEM key or keyring text accepted (FORMAT.md §9).
pub const MAX_KEY_FILE_BYTES: usize = 64 * 1024;
/// The clock-reset document's armor first line (FORMAT.md §13, §15).
pub const CLOCK_RESET_ARMOR_BEGIN: &str = "-----BEGIN CLOCK RESET-----";
/// The clock-reset document's armor last line (FORMAT.md §13, §15).
pub const CLOCK_RESET_ARMOR_END: &str = "-----END CLOCK RESET-----";
/// The clock-reset document's envelope `format` value (FORMAT.md §15).
pub const CLOCK_RESET_FORMAT_V1: &str = "clock-reset/v1";
/// Domain separator of a clock-reset signature: `CLOCK_RESET_FORMAT_V1 || 0x00`
/// (FORMAT.md §13).
pub const CLOCK_RESET_SIGNATURE_CONTEXT: &[u8] = b"clock-reset/v1\0";
/// Largest clock-reset document accepted, checked before anything is parsed
/// (FORMAT.md §15).
pub const MAX_CLOCK_RESET_BYTES: usize = 64 * 1024;
/// The clock-reset request's `format` value (FORMAT.md §14).
pub const CLOCK_RESET_REQUEST_FORMAT_V1: &str = "clock-reset-request/v1";
/// Length of a clock-reset nonce in bytes (128 bits); its text form is twice as many
/// lowercase hex digits (FORMAT.md §14).
pub const NONCE_BYTES: usize = 16;
/// Longest identifier (`license_id`, `customer.id`, `installation_id`), in bytes: ids are
/// printable ASCII without spaces (FORMAT.md §1.4 rule 8).
pub const MAX_ID_BYTES: usize = 128;
/// Longest display name (`issuer`, `customer.name`), in UTF-8 bytes (FORMAT.md §1.4
/// rule 8).
pub const MAX_NAME_BYTES: usize = 256;
/// Longest `hostname` of a request, in UTF-8 bytes (FORMAT.md §1.4 rule 8).
pub const MAX_HOSTNAME_BYTES: usize = 255;
/// The key certificate's armor first line (FORMAT.md §13, §16).
pub const KEY_CERTIFICATE_ARMOR_BEGIN: &str = "-----BEGIN KEY CERTIFICATE-----";
/// The key certificate's armor last line (FORMAT.md §13, §16).
pub const KEY_CERTIFICATE_ARMOR_END: &str = "-----END KEY CERTIFICATE-----";
/// The key certificate's envelope `format` value (FORMAT.md §16).
pub const KEY_CERTIFICATE_FORMAT_V1: &str = "key-certificate/v1";
/// Domain separator of a key certificate's signature: `KEY_CERTIFICATE_FORMAT_V1 || 0x00`
/// (FORMAT.md §13).
pub const KEY_CERTIFICATE_SIGNATURE_CONTEXT: &[u8] = b"key-certificate/v1\0";
/// Largest key certificate accepted, checked before anything is parsed (FORMAT.md §16).
pub const MAX_KEY_CERTIFICATE_BYTES: usize = 64 * 1024;
/// The revocation list's armor first line (FORMAT.md §13, §17).
pub const REVOCATION_LIST_ARMOR_BEGIN: &str = "-----BEGIN REVOCATION LIST-----";
/// The revocation list's armor last line (FORMAT.md §13, §17).
pub const REVOCATION_LIST_ARMOR_END: &str = "-----END REVOCATION LIST-----";
/// The revocation list's envelope `format` value (FORMAT.md §17).
pub const REVOCATION_LIST_FORMAT_V1: &str = "revocation-list/v1";
/// Domain separator of a revocation list's signature: `REVOCATION_LIST_FORMAT_V1 || 0x00`
/// (FORMAT.md §13).
pub const REVOCATION_LIST_SIGNATURE_CONTEXT: &[u8] = b"revocation-list/v1\0";
/// Largest revocation list accepted (FORMAT.md §17): a cumulative list only grows, and
/// 1 MiB holds several thousand entries.
pub const MAX_REVOCATION_LIST_BYTES: usize = 1024 * 1024;
