//! Batch issuing: one order per line of a JSONL stream, one file per order.
//!
//! The calling thread reads and checks orders and hands out license ids and serials
//! inside an IMMEDIATE ledger transaction; worker threads (one per core) sign,
//! self-verify and write the files, which is where the time goes; the calling thread
//! inserts each ledger row as results come back, committing every [`GROUP`] licenses,
//! so a file's record and the file agree. Orders are streamed: at most a window of
//! them is in memory at once.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, Read as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::thread;
use std::time::Duration;

use chrono::{DateTime, SubsecRound as _, Utc};
use serde::Serialize;

use crate::ledger::{license_id, LedgerTx};
use crate::order::{too_large, MAX_ORDER_BYTES};
use crate::output::write_new;
use crate::{bind, BoundOrder, Error, Issued, Issuer, Ledger, Order, OrderProblem, Result};

/// Licenses per ledger transaction: large enough that commits cost little, small
/// enough that another issuer waits well under a second for the lock.
pub const GROUP: usize = 4096;

/// Pause between two ledger transactions of a batch, so other issuers get the lock.
const GROUP_PAUSE: Duration = Duration::from_millis(10);

/// Orders handed to a worker at once: fewer wake-ups than one by one.
const CHUNK: usize = 16;

/// Chunks queued per worker thread.
const QUEUED_CHUNKS: usize = 4;

/// How a batch runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchOptions {
    /// Where the license files go, one per order, named `LICENSE_ID.lic`.
    pub out_dir: PathBuf,
    /// Stop at the first refused order.
    pub fail_fast: bool,
    /// Allow orders without `installation_id` (licenses valid on any installation).
    pub unbound: bool,
    /// Signing threads; at least 1.
    pub workers: usize,
    /// Sign a new license even for an order id the ledger holds already.
    pub reissue: bool,
}

impl BatchOptions {
    /// Options writing into `out_dir`, with one signing thread per core.
    pub fn new(out_dir: impl Into<PathBuf>) -> Self {
        let workers = thread::available_parallelism().map_or(1, |n| n.get());
        BatchOptions {
            out_dir: out_dir.into(),
            fail_fast: false,
            unbound: false,
            workers,
            reissue: false,
        }
    }
}

/// Something that happened to one line; the CLI turns these into output.
#[derive(Debug)]
pub enum BatchEvent<'a> {
    /// The line's license was recorded (its transaction committed) and written, or the
    /// ledger held one for its order id already (then no file was written).
    Issued {
        /// The line number, from 1.
        line: u64,
        /// The license id.
        license_id: &'a str,
        /// The customer's id.
        customer_id: &'a str,
        /// The serial within (customer id, installation id).
        serial: u64,
        /// The file written, or where a license issued before was written.
        path: &'a Path,
        /// Whether the license was issued before, for the same order id.
        already_issued: bool,
    },
    /// The line was refused; nothing was recorded for it.
    Refused {
        /// The line number, from 1.
        line: u64,
        /// Why, naming the file, line, member and fix.
        error: &'a Error,
    },
    /// Lines done so far (issued, issued before or refused), as signing progresses:
    /// ahead of the `Issued` events, which wait for their transaction to commit.
    Progress {
        /// Non-blank lines done.
        done: u64,
    },
}

/// What a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BatchReport {
    /// Licenses issued, not counting those issued before.
    pub issued: u64,
    /// Lines whose order id the ledger held already: nothing new was issued for them.
    pub already_issued: u64,
    /// Lines refused.
    pub refused: u64,
    /// Whether `fail_fast` stopped the batch before the end of the input.
    pub stopped_early: bool,
}

struct Job {
    line: u64,
    seq: u64,
    serial: u64,
    bound: BoundOrder,
}

/// What a worker made of one job.
enum Outcome {
    /// Signed, verified and written to `path`; the ledger row is still to be inserted.
    Written(Box<Issued>, PathBuf),
    /// The order cannot be issued (a payload rule); a refusal of its line.
    Refused(Error),
    /// The file could not be written; the batch stops.
    Failed(Error),
}

struct Done {
    line: u64,
    seq: u64,
    outcome: Outcome,
}

/// Issues one license per line of `input` (blank lines are skipped). `source_name`
/// names the input in messages, as `NAME:LINE`.
///
/// # Errors
/// A failure that concerns the whole batch: reading the input, the ledger, or writing
/// an output file (an existing file is never replaced). Licenses of transactions
/// committed before it stay issued; the failing transaction's files are removed.
pub fn run_batch(
    issuer: &Issuer,
    ledger: &mut Ledger,
    source_name: &str,
    input: impl BufRead,
    options: &BatchOptions,
    now: DateTime<Utc>,
    on_event: &mut dyn FnMut(BatchEvent<'_>),
) -> Result<BatchReport> {
    let now = now.trunc_subsecs(0);
    // Once for the whole batch: every line would be signed with the same key, at `now`.
    issuer.check_signing(
        &ledger.begin()?,
        license_format::DocumentKind::LicenseFile,
        now,
    )?;
    fs::create_dir_all(&options.out_dir).map_err(Error::io(&options.out_dir))?;
    thread::scope(|scope| {
        let worker = Worker {
            issuer,
            source_name,
            out_dir: &options.out_dir,
            now,
        };
        let (done_tx, done_rx) = mpsc::channel::<Vec<Done>>();
        let queues: Vec<SyncSender<Vec<Job>>> = (0..options.workers.max(1))
            .map(|_| spawn_worker(scope, worker, done_tx.clone()))
            .collect();
        drop(done_tx);
        let mut run = Run {
            source_name,
            input,
            options,
            now,
            on_event,
            report: BatchReport::default(),
            line: 0,
            eof: false,
            done: 0,
        };
        while !run.eof && !run.report.stopped_early {
            run.group(ledger.begin()?, &queues, &done_rx)?;
            if !run.eof {
                // Leave the lock free for a moment: an `issue` waiting for it polls
                // every few milliseconds and gets its turn between two groups.
                thread::sleep(GROUP_PAUSE);
            }
        }
        Ok(run.report)
    })
}

/// What every worker shares: the issuer and where the files go.
#[derive(Clone, Copy)]
struct Worker<'a> {
    issuer: &'a Issuer,
    source_name: &'a str,
    out_dir: &'a Path,
    now: DateTime<Utc>,
}

fn spawn_worker<'s>(
    scope: &'s thread::Scope<'s, '_>,
    worker: Worker<'s>,
    done: Sender<Vec<Done>>,
) -> SyncSender<Vec<Job>> {
    let (tx, rx) = mpsc::sync_channel::<Vec<Job>>(QUEUED_CHUNKS);
    scope.spawn(move || {
        for chunk in rx {
            let results = chunk.into_iter().map(|job| worker.work(job)).collect();
            if done.send(results).is_err() {
                return; // the batch was abandoned
            }
        }
    });
    tx
}

impl Worker<'_> {
    /// Signs, self-verifies and writes one license: the costly part, done off the
    /// ledger thread so that every core signs.
    fn work(&self, job: Job) -> Done {
        let installation = job.bound.installation_id.as_deref();
        let payload = self.issuer.payload(
            &job.bound.order,
            installation,
            job.seq,
            job.serial,
            self.now,
        );
        let outcome = match self.issuer.sign(payload) {
            // The order passed its own checks, so a payload rule can only be a limit
            // such as the largest serial: a refusal of this line, named like an order
            // mistake.
            Err(Error::Format(cause @ license_format::Error::InvalidPayload { .. })) => {
                let source_name = format!("{}:{}", self.source_name, job.line);
                let field = match &cause {
                    license_format::Error::InvalidPayload { field, .. } => field.clone(),
                    _ => String::new(),
                };
                Outcome::Refused(Error::Order {
                    source_name,
                    field,
                    problem: Box::new(OrderProblem::PayloadRule { cause }),
                })
            }
            // A signature that does not verify means a broken key or machine: stop.
            Err(e @ Error::SelfCheck(_)) => Outcome::Failed(e),
            Err(e) => Outcome::Refused(e),
            Ok(mut issued) => {
                issued.order_id.clone_from(&job.bound.order.order_id);
                let path = self
                    .out_dir
                    .join(format!("{}.lic", issued.payload.license_id));
                match write_new(&path, issued.text.as_bytes()) {
                    Ok(()) => Outcome::Written(Box::new(issued), path),
                    Err(e) => Outcome::Failed(e),
                }
            }
        };
        Done {
            line: job.line,
            seq: job.seq,
            outcome,
        }
    }
}

struct Run<'a, R> {
    source_name: &'a str,
    input: R,
    options: &'a BatchOptions,
    now: DateTime<Utc>,
    on_event: &'a mut dyn FnMut(BatchEvent<'_>),
    report: BatchReport,
    line: u64,
    eof: bool,
    /// Non-blank lines done, for [`BatchEvent::Progress`].
    done: u64,
}

/// A line's license: its line, license id, customer id and serial.
type Row = (u64, String, String, u64);

/// The state of one ledger transaction.
struct Group<'t> {
    tx: LedgerTx<'t>,
    next_seq: u64,
    serials: HashMap<(String, String), u64>,
    /// Order ids handed out in this transaction and not yet recorded, with their license.
    order_ids: HashMap<String, (String, String, u64)>,
    /// Licenses written in this transaction, and their files.
    written: Vec<(Row, PathBuf)>,
    /// Lines whose order id was issued before.
    already: Vec<Row>,
    /// Jobs handed to workers whose results have not come back.
    in_flight: usize,
}

impl<R: BufRead> Run<'_, R> {
    /// Runs one transaction of up to [`GROUP`] orders; on error its files are removed.
    fn group(
        &mut self,
        tx: LedgerTx<'_>,
        queues: &[SyncSender<Vec<Job>>],
        done: &Receiver<Vec<Done>>,
    ) -> Result<()> {
        let next_seq = tx.last_seq()? + 1;
        let mut group = Group {
            tx,
            next_seq,
            serials: HashMap::new(),
            order_ids: HashMap::new(),
            written: Vec::new(),
            already: Vec::new(),
            in_flight: 0,
        };
        let mut outcome = self.fill_and_drain(&mut group, queues, done);
        if outcome.is_err() {
            // Let the workers finish what they hold so that their files can be removed.
            while group.in_flight > 0 {
                let Ok(results) = done.recv() else { break };
                group.in_flight -= results.len();
                for d in results {
                    if let Outcome::Written(issued, path) = d.outcome {
                        group.written.push((row(d.line, &issued), path));
                    }
                }
            }
        }
        let Group {
            tx,
            written,
            already,
            ..
        } = group;
        if outcome.is_ok() {
            outcome = tx.commit();
        }
        match outcome {
            Ok(()) => {
                self.report.issued += written.len() as u64;
                self.report.already_issued += already.len() as u64;
                let fresh = written.iter().map(|(row, path)| (row, path.clone(), false));
                let before = already.iter().map(|row| {
                    let path = self.options.out_dir.join(format!("{}.lic", row.1));
                    (row, path, true)
                });
                for ((line, license_id, customer_id, serial), path, already_issued) in
                    fresh.chain(before)
                {
                    (self.on_event)(BatchEvent::Issued {
                        line: *line,
                        license_id,
                        customer_id,
                        serial: *serial,
                        path: &path,
                        already_issued,
                    });
                }
                Ok(())
            }
            Err(e) => {
                for (_, path) in &written {
                    let _ = fs::remove_file(path); // best effort: the record was rolled back
                }
                Err(e)
            }
        }
    }

    fn fill_and_drain(
        &mut self,
        group: &mut Group<'_>,
        queues: &[SyncSender<Vec<Job>>],
        done: &Receiver<Vec<Done>>,
    ) -> Result<()> {
        let window = queues.len() * QUEUED_CHUNKS * CHUNK;
        let (mut sent, mut chunks) = (0usize, 0usize);
        loop {
            while group.in_flight < window
                && sent < GROUP
                && !self.eof
                && !self.report.stopped_early
            {
                let mut chunk = Vec::with_capacity(CHUNK);
                while chunk.len() < CHUNK
                    && sent + chunk.len() < GROUP
                    && !self.eof
                    && !self.report.stopped_early
                {
                    chunk.extend(self.next_job(group)?);
                }
                if chunk.is_empty() {
                    continue;
                }
                sent += chunk.len();
                group.in_flight += chunk.len();
                // A worker only stops when its queue is dropped, so the send succeeds.
                let _ = queues[chunks % queues.len()].send(chunk);
                chunks += 1;
            }
            if group.in_flight == 0 {
                return Ok(());
            }
            let Ok(results) = done.recv() else {
                return Ok(());
            };
            group.in_flight -= results.len();
            self.progress(results.len());
            let mut failure = None;
            for finished in results {
                match finished.outcome {
                    Outcome::Written(issued, path) => {
                        group.written.push((row(finished.line, &issued), path));
                        if failure.is_none() {
                            failure = group.tx.insert(finished.seq, &issued).err();
                        }
                    }
                    Outcome::Refused(e) => self.refuse(finished.line, &e),
                    Outcome::Failed(e) => failure = failure.or(Some(e)),
                }
            }
            if let Some(e) = failure {
                return Err(e);
            }
        }
    }

    /// Reads the next non-blank line and turns it into a job, or reports it refused.
    fn next_job(&mut self, group: &mut Group<'_>) -> Result<Option<Job>> {
        let mut bytes = Vec::new();
        let limit = MAX_ORDER_BYTES as u64 + 1;
        let read = (&mut self.input)
            .take(limit)
            .read_until(b'\n', &mut bytes)
            .map_err(Error::io(self.source_name))?;
        if read == 0 {
            self.eof = true;
            return Ok(None);
        }
        self.line += 1;
        if bytes.len() > MAX_ORDER_BYTES {
            self.skip_rest_of_line()?;
            self.refuse(
                self.line,
                &too_large(&format!("{}:{}", self.source_name, self.line)),
            );
            self.progress(1);
            return Ok(None);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        let name = format!("{}:{}", self.source_name, self.line);
        let bound = Order::parse(&bytes, &name, self.now).and_then(|order| {
            let installation_id = bind(&order, &name, None, self.options.unbound)?;
            Ok(BoundOrder {
                order,
                installation_id,
            })
        });
        let bound = match bound {
            Ok(bound) => bound,
            Err(e) => {
                self.refuse(self.line, &e);
                self.progress(1);
                return Ok(None);
            }
        };
        if self.done_by_order_id(group, &bound)? {
            return Ok(None);
        }
        let key = (
            bound.order.customer.id.clone(),
            bound.installation_id.clone().unwrap_or_default(),
        );
        let last = match group.serials.get(&key) {
            Some(serial) => *serial,
            None => group
                .tx
                .last_serial(&key.0, bound.installation_id.as_deref())?,
        };
        if let Some(order_id) = &bound.order.order_id {
            let license = (license_id(group.next_seq), key.0.clone(), last + 1);
            group.order_ids.insert(order_id.clone(), license);
        }
        group.serials.insert(key, last + 1);
        let job = Job {
            line: self.line,
            seq: group.next_seq,
            serial: last + 1,
            bound,
        };
        group.next_seq += 1;
        Ok(Some(job))
    }

    /// Reads past the end of an overlong line without holding it.
    fn skip_rest_of_line(&mut self) -> Result<()> {
        loop {
            let buf = self.input.fill_buf().map_err(Error::io(self.source_name))?;
            if buf.is_empty() {
                return Ok(());
            }
            let (used, done) = match buf.iter().position(|b| *b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            self.input.consume(used);
            if done {
                return Ok(());
            }
        }
    }

    /// Whether the line is done by its order id: issued before (in the ledger or earlier
    /// in this transaction; reported with that license when the transaction commits, and
    /// nothing new is signed), or refused because it was issued to another customer,
    /// which `--reissue` does not change.
    fn done_by_order_id(&mut self, group: &mut Group<'_>, bound: &BoundOrder) -> Result<bool> {
        let Some(order_id) = bound.order.order_id.as_deref() else {
            return Ok(false);
        };
        let found = match group.order_ids.get(order_id) {
            Some(license) => Some(license.clone()),
            None => group.tx.license_of_order(order_id)?,
        };
        let Some((license_id, customer_id, serial)) = found else {
            return Ok(false);
        };
        if let Err(e) = bound.order.check_order_id_owner(&license_id, &customer_id) {
            self.refuse(self.line, &e);
        } else if self.options.reissue {
            return Ok(false);
        } else if let Err(e) = crate::issuer::check_not_revoked(&group.tx, order_id, &license_id) {
            if !matches!(e, Error::IssuedRevoked { .. }) {
                return Err(e);
            }
            self.refuse(self.line, &e);
        } else {
            let row = (self.line, license_id, customer_id, serial);
            group.already.push(row);
        }
        self.progress(1);
        Ok(true)
    }

    fn progress(&mut self, lines: usize) {
        self.done += lines as u64;
        (self.on_event)(BatchEvent::Progress { done: self.done });
    }

    fn refuse(&mut self, line: u64, error: &Error) {
        self.report.refused += 1;
        (self.on_event)(BatchEvent::Refused { line, error });
        if self.options.fail_fast {
            self.report.stopped_early = true;
        }
    }
}

/// The summary row of a line's license.
fn row(line: u64, issued: &Issued) -> Row {
    let p = &issued.payload;
    (line, p.license_id.clone(), p.customer.id.clone(), p.serial)
}

#[cfg(test)]
#[path = "batch_tests.rs"]
mod tests;
