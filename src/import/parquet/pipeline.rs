//! Reading the planned row groups on three threads: one decodes Parquet, one lays GDELT's
//! rows out as records, and the caller's builds events from them. Building was the longest
//! of the two steps when it also laid rows out (4.0 s against 2.8 s of decoding for a 1M-row
//! slice, docs/PERFORMANCE.md): with the layout on its own thread, the two cores share
//! three steps of about 2.8, 1.3 and 2.7 s.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use arrow_array::RecordBatch;
use csv::ByteRecord;

use super::Planned;
use super::gdelt_rows::GdeltRecords;
use crate::io::Work;

/// Batches decoded, or laid out, ahead of the next step: enough to keep both cores busy,
/// few enough that memory stays at a few batches (8,192 rows each).
const BATCHES_IN_FLIGHT: usize = 4;

/// A batch's rows as the builder gets them.
pub(super) enum Rows {
    /// Laid out as GDELT's 61 fields.
    Records(Vec<ByteRecord>),
    /// As decoded (the tables other than GDELT's are built from the columns).
    Batch(RecordBatch),
}

impl Rows {
    pub fn len(&self) -> usize {
        match self {
            Self::Records(r) => r.len(),
            Self::Batch(b) => b.num_rows(),
        }
    }
}

/// A batch and the file it came from, or why reading stopped.
type Message<T> = Result<(Arc<str>, T), String>;

/// Time spent on each thread, waits for the next step left out.
pub(super) struct Spent {
    pub decoding: Duration,
    pub laying_out: Duration,
    pub building: Duration,
}

/// Decodes `planned` (at most `limit` rows), lays the rows out as GDELT records when
/// `lay_out` is set, and hands each batch to `build` on this thread, with the name of its
/// file. Stops at the first error: of decoding (named after its file), or of `build` (as it
/// returns it). A panic of another thread (the parquet crate's, on a corrupt file) is raised
/// again here, for `guarded` to catch.
pub(super) fn read_planned(
    planned: &[Planned],
    limit: Option<usize>,
    work: &Work,
    lay_out: bool,
    build: &mut dyn FnMut(&str, &Rows) -> Result<(), String>,
) -> (Result<(), String>, Spent) {
    let (decoded_tx, decoded_rx) = sync_channel(BATCHES_IN_FLIGHT);
    let (rows_tx, rows_rx) = sync_channel(BATCHES_IN_FLIGHT);
    // Used records go back to be filled again: no allocation per row after the first batches.
    let (spare_tx, spare_rx) = sync_channel(BATCHES_IN_FLIGHT + 2);
    let mut failed = None;
    let mut building = Duration::ZERO;
    let (decoding, laying_out) = std::thread::scope(|scope| {
        // A panic of the parquet crate on a corrupt file comes back through `join` as an
        // error: it is no crash, so these threads write no crash report either.
        let decoder = scope.spawn(move || {
            crate::io::caught_panic::suppress_reports_here(|| {
                decode(planned, limit, work, &decoded_tx)
            })
        });
        let layout = scope.spawn(move || {
            crate::io::caught_panic::suppress_reports_here(|| {
                lay_out_rows(lay_out, &decoded_rx, &rows_tx, &spare_rx)
            })
        });
        for message in &rows_rx {
            let (label, rows) = match message {
                Ok(sent) => sent,
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            };
            let started = Instant::now();
            let built = build(&label, &rows);
            building += started.elapsed();
            if let Err(e) = built {
                failed = Some(e);
                break;
            }
            if let Rows::Records(records) = rows {
                let _ = spare_tx.try_send(records);
            }
        }
        // Dropping the receiver stops the other threads at their next batch.
        drop(rows_rx);
        let joined = |handle: std::thread::ScopedJoinHandle<'_, Duration>| {
            handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        (joined(decoder), joined(layout))
    });
    let spent = Spent {
        decoding,
        laying_out,
        building,
    };
    (failed.map_or(Ok(()), Err), spent)
}

/// The middle step: each decoded batch laid out as records (or passed on as it is), sent on
/// in order. Returns the time spent laying out.
fn lay_out_rows(
    lay_out: bool,
    decoded: &Receiver<Message<RecordBatch>>,
    rows: &SyncSender<Message<Rows>>,
    spare: &Receiver<Vec<ByteRecord>>,
) -> Duration {
    let mut records_of = GdeltRecords::new();
    let mut spent = Duration::ZERO;
    for message in decoded {
        let next = match message {
            Ok((label, batch)) if lay_out => {
                let started = Instant::now();
                let mut records = spare.try_recv().unwrap_or_default();
                let laid_out = records_of.convert(&batch, &mut records);
                spent += started.elapsed();
                match laid_out {
                    Ok(()) => Ok((label, Rows::Records(records))),
                    Err(e) => Err(format!("{label}: {e}")),
                }
            }
            Ok((label, batch)) => Ok((label, Rows::Batch(batch))),
            Err(e) => Err(e),
        };
        let stop = next.is_err();
        // The builder has stopped (an error): so does this step.
        if rows.send(next).is_err() || stop {
            break;
        }
    }
    spent
}

/// Decodes the planned row groups in order, at most `limit` rows, sending each batch on and
/// moving the progress by each group's rows. Returns the time spent decoding, waits for the
/// next step left out.
fn decode(
    planned: &[Planned],
    limit: Option<usize>,
    work: &Work,
    tx: &SyncSender<Message<RecordBatch>>,
) -> Duration {
    let started = Instant::now();
    let mut waiting = Duration::ZERO;
    let mut sent = 0usize;
    'files: for p in planned {
        let label: Arc<str> = Arc::from(p.label.as_str());
        for &(group, rows) in &p.groups {
            let left = limit.map(|l| l.saturating_sub(sent));
            if left == Some(0) {
                break 'files;
            }
            let result = p
                .open
                .read(group, &p.columns, p.test.clone(), left, &mut |batch| {
                    if work.cancel.is_cancelled() {
                        return Err("cancelled".into());
                    }
                    sent += batch.num_rows();
                    let wait = Instant::now();
                    let delivered = tx.send(Ok((Arc::clone(&label), batch.clone())));
                    waiting += wait.elapsed();
                    // The next step has stopped (an error): so does decoding.
                    delivered.map_err(|_| "stopped".to_owned())
                });
            if let Err(e) = result {
                let _ = tx.send(Err(format!("{label}: {e}")));
                break 'files;
            }
            work.progress.add(rows);
        }
    }
    started.elapsed().saturating_sub(waiting)
}
