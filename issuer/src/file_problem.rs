//! What exactly is wrong with an activation or clock-reset request, a key file or a
//! ledger: typed data with a stable code, as [`OrderProblem`](crate::OrderProblem) is for
//! orders.

use serde_json::{json, Map, Value};

use crate::problem::{cause, object};

/// Why a request cannot be used ([`Error::Request`](crate::Error::Request)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestProblem {
    /// The file is not an activation request.
    #[error("{cause}; ask the installation for the file its `request` command wrote")]
    NotAnActivationRequest {
        /// What the format reader found.
        cause: license_format::Error,
    },
    /// The text holds no complete JSON object, so no activation request.
    #[error("holds no activation request: no {{...}} JSON object was found; ask the installation for the file its `request` command wrote")]
    NoRequestFound,
    /// The text holds more than one JSON object: which is the request is not guessed.
    #[error("holds {count} JSON objects where one activation request was expected: keep only the request")]
    SeveralObjects {
        /// How many objects were found.
        count: usize,
    },
    /// The file is not a clock-reset request.
    #[error("{cause}; give the clock-reset request the installation wrote")]
    NotAClockResetRequest {
        /// What the format reader found.
        cause: license_format::Error,
    },
    /// The request's installation is not the one the order names.
    #[error("the request is from installation {installation_id:?} but {order_name} names installation_id {order_installation_id:?}: correct the order or use the request of the right installation")]
    OtherInstallation {
        /// The request's installation.
        installation_id: String,
        /// The order's file name.
        order_name: String,
        /// The order's installation.
        order_installation_id: String,
    },
    /// The request is for another product than the catalog's.
    #[error("the request is for product {product:?}, this issuer licenses {expected_product:?}: use the issuer of that product")]
    OtherProduct {
        /// The request's product.
        product: String,
        /// The catalog's product.
        expected_product: String,
    },
    /// The clock-reset request's nonce was answered already, for another request.
    #[error("nonce {nonce} was answered already, for another request (installation {installation_id:?}): a nonce is used once; ask the installation for a new request")]
    NonceUsed {
        /// The nonce.
        nonce: String,
        /// The installation of the request answered earlier.
        installation_id: String,
    },
}

impl RequestProblem {
    /// A stable code, lowercase kebab-case: the `problem` of the error's details.
    pub fn code(&self) -> &'static str {
        match self {
            RequestProblem::NotAnActivationRequest { .. } => "not-an-activation-request",
            RequestProblem::NoRequestFound => "no-request-found",
            RequestProblem::SeveralObjects { .. } => "several-objects",
            RequestProblem::NotAClockResetRequest { .. } => "not-a-clock-reset-request",
            RequestProblem::OtherInstallation { .. } => "other-installation",
            RequestProblem::OtherProduct { .. } => "other-product",
            RequestProblem::NonceUsed { .. } => "nonce-used",
        }
    }

    /// The problem's data, beside `problem` in the error's details; a format error is
    /// `cause`: its `code` and details.
    pub fn details(&self) -> Map<String, Value> {
        object(match self {
            RequestProblem::NotAnActivationRequest { cause: e }
            | RequestProblem::NotAClockResetRequest { cause: e } => json!({ "cause": cause(e) }),
            RequestProblem::NoRequestFound => json!({}),
            RequestProblem::SeveralObjects { count } => json!({ "count": count }),
            RequestProblem::OtherInstallation {
                installation_id,
                order_name,
                order_installation_id,
            } => json!({"installation_id": installation_id, "order_name": order_name,
                "order_installation_id": order_installation_id}),
            RequestProblem::OtherProduct {
                product,
                expected_product,
            } => json!({"product": product, "expected_product": expected_product}),
            RequestProblem::NonceUsed {
                nonce,
                installation_id,
            } => json!({"nonce": nonce, "installation_id": installation_id}),
        })
    }
}

/// Why a key file is not a key ([`Error::KeyFile`](crate::Error::KeyFile)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyFileProblem {
    /// A private key file that is not text.
    #[error("is not PEM text: give the .key file written by keygen")]
    PrivateNotText,
    /// A public key file that is not text.
    #[error("is not PEM text: give the .pub file written by keygen")]
    PublicNotText,
    /// A public key where the private key was asked for.
    #[error("this is a public key: give the private key (.key) written by keygen")]
    PublicKeyGiven,
    /// An unencrypted private key file the format reader refuses.
    #[error("{cause}: give the .key file written by keygen")]
    NotAPrivateKey {
        /// What the format reader found.
        cause: license_format::Error,
    },
    /// An encrypted key whose PEM cannot be read.
    #[error("damaged encrypted key PEM ({detail}): give the .key file written by keygen")]
    DamagedPem {
        /// The PEM reader's words.
        detail: String,
    },
    /// A PEM block of another kind than an encrypted private key.
    #[error(
        "holds a {label} block, not an ENCRYPTED PRIVATE KEY: give the .key file written by keygen"
    )]
    WrongLabel {
        /// The block's label.
        label: String,
    },
    /// An encrypted key whose structure cannot be read.
    #[error("damaged encrypted key ({detail}): give the .key file written by keygen")]
    DamagedKey {
        /// The PKCS#8 reader's words.
        detail: String,
    },
    /// A public key file the format reader refuses.
    #[error("{cause}: give the .pub file written by keygen")]
    NotAPublicKey {
        /// What the format reader found.
        cause: license_format::Error,
    },
}

impl KeyFileProblem {
    /// A stable code, lowercase kebab-case: the `problem` of the error's details.
    pub fn code(&self) -> &'static str {
        match self {
            KeyFileProblem::PrivateNotText => "private-not-text",
            KeyFileProblem::PublicNotText => "public-not-text",
            KeyFileProblem::PublicKeyGiven => "public-key-given",
            KeyFileProblem::NotAPrivateKey { .. } => "not-a-private-key",
            KeyFileProblem::DamagedPem { .. } => "damaged-pem",
            KeyFileProblem::WrongLabel { .. } => "wrong-label",
            KeyFileProblem::DamagedKey { .. } => "damaged-key",
            KeyFileProblem::NotAPublicKey { .. } => "not-a-public-key",
        }
    }

    /// The problem's data, beside `problem` in the error's details.
    pub fn details(&self) -> Map<String, Value> {
        object(match self {
            KeyFileProblem::PrivateNotText
            | KeyFileProblem::PublicNotText
            | KeyFileProblem::PublicKeyGiven => json!({}),
            KeyFileProblem::NotAPrivateKey { cause: e }
            | KeyFileProblem::NotAPublicKey { cause: e } => json!({ "cause": cause(e) }),
            KeyFileProblem::DamagedPem { detail } | KeyFileProblem::DamagedKey { detail } => {
                json!({ "detail": detail })
            }
            KeyFileProblem::WrongLabel { label } => json!({ "label": label }),
        })
    }
}

/// Why a file is not a usable ledger ([`Error::LedgerUnusable`](crate::Error::LedgerUnusable)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerProblem {
    /// SQLite cannot open the file.
    #[error("cannot be opened as a ledger ({detail})")]
    CannotOpen {
        /// SQLite's words.
        detail: String,
    },
    /// The file is not an SQLite database, or is damaged.
    #[error("is not a readable SQLite database ({detail})")]
    NotSqlite {
        /// SQLite's words.
        detail: String,
    },
    /// The file is an SQLite database, but damaged.
    #[error("is damaged ({detail})")]
    Damaged {
        /// SQLite's words.
        detail: String,
    },
    /// The file or its directory cannot be written, so no license can be recorded.
    #[error("cannot be written ({detail}): the file or its directory is read-only")]
    ReadOnly {
        /// SQLite's words.
        detail: String,
    },
    /// An SQLite database of another program.
    #[error("is an SQLite database of another program, not a license ledger")]
    OtherProgram,
    /// An SQLite database whose application id is another program's.
    #[error("has application id {application_id:#x}, not a license ledger's")]
    OtherApplicationId {
        /// The database's application id.
        application_id: i64,
    },
    /// A ledger of a newer schema than this program knows.
    #[error("was written by a newer license-issuer (schema {schema}, this one knows up to {known}); upgrade license-issuer")]
    Newer {
        /// The ledger's schema version.
        schema: usize,
        /// The newest schema this program knows.
        known: usize,
    },
    /// An empty file, opened for reading only.
    #[error("the ledger is empty or was never initialised")]
    Uninitialised,
}

impl LedgerProblem {
    /// A stable code, lowercase kebab-case: the `problem` of the error's details.
    pub fn code(&self) -> &'static str {
        match self {
            LedgerProblem::CannotOpen { .. } => "cannot-open",
            LedgerProblem::NotSqlite { .. } => "not-sqlite",
            LedgerProblem::Damaged { .. } => "damaged",
            LedgerProblem::ReadOnly { .. } => "read-only",
            LedgerProblem::OtherProgram => "other-program",
            LedgerProblem::OtherApplicationId { .. } => "other-application-id",
            LedgerProblem::Newer { .. } => "newer",
            LedgerProblem::Uninitialised => "uninitialised",
        }
    }

    /// The problem's data, beside `problem` in the error's details; an application id is
    /// hexadecimal text (`"0x7"`), as SQLite's tools show it.
    pub fn details(&self) -> Map<String, Value> {
        object(match self {
            LedgerProblem::CannotOpen { detail }
            | LedgerProblem::NotSqlite { detail }
            | LedgerProblem::Damaged { detail }
            | LedgerProblem::ReadOnly { detail } => {
                json!({ "detail": detail })
            }
            LedgerProblem::OtherApplicationId { application_id } => {
                json!({ "application_id": format!("{application_id:#x}") })
            }
            LedgerProblem::Newer { schema, known } => json!({"schema": schema, "known": known}),
            LedgerProblem::OtherProgram | LedgerProblem::Uninitialised => json!({}),
        })
    }
}
