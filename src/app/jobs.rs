//! Long work (loading a large project, exporting, rebuilding an index) on its own thread,
//! so the window keeps drawing. The UI polls each frame for the result, shows
//! [`Job::fraction`] and the message, and can cancel. A job that panics reports
//! [`JobResult::Failed`] instead of taking the app down.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};

/// Shared between the work and the UI. Work updates it as it goes and checks
/// [`Progress::cancelled`] between steps.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
    message: Mutex<String>,
}

impl Progress {
    /// Steps to do; 0 (the default) means unknown, shown as a busy indicator.
    pub fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn set_done(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
    }

    pub fn advance(&self, steps: u64) {
        self.done.fetch_add(steps, Ordering::Relaxed);
    }

    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// `done / total` in 0–1, `None` while the total is unknown.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total();
        (total > 0).then(|| (self.done() as f64 / total as f64).clamp(0.0, 1.0) as f32)
    }

    /// What the work is doing now ("Reading events…").
    pub fn set_message(&self, message: &str) {
        // A panic while the lock was held leaves the message as it was, which is fine.
        let mut guard = self
            .message
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        message.clone_into(&mut guard);
    }

    pub fn message(&self) -> String {
        self.message
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Whether the UI asked the work to stop. Work checks this between steps and returns
    /// early with whatever stands for "not finished" in its result type.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// How a job ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobResult<T> {
    /// The work returned (also when it stopped early on cancel: its value says so).
    Done(T),
    /// The work panicked, or its thread could not be started.
    Failed(String),
}

/// Work running on its own thread.
pub struct Job<T> {
    name: String,
    progress: Arc<Progress>,
    receiver: Option<mpsc::Receiver<JobResult<T>>>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread named `name`.
    pub fn spawn(name: &str, work: impl FnOnce(&Progress) -> T + Send + 'static) -> Self {
        Self::spawn_with_notify(name, work, || {})
    }

    /// As [`Job::spawn`], and calls `notify` from the worker thread when the result is
    /// ready: pass `move || ctx.request_repaint()` so the UI polls without a busy loop.
    pub fn spawn_with_notify(
        name: &str,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
        notify: impl FnOnce() + Send + 'static,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let (sender, receiver) = mpsc::channel();
        let shared = Arc::clone(&progress);
        let thread_name = name.to_owned();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // The work only reaches the app through its result, so a panic half-way leaves
                // nothing inconsistent behind: unwind safety holds.
                let result = match catch_unwind(AssertUnwindSafe(|| work(&shared))) {
                    Ok(value) => JobResult::Done(value),
                    Err(payload) => JobResult::Failed(format!(
                        "{thread_name} failed: {}",
                        panic_message(payload.as_ref())
                    )),
                };
                // The receiver is gone when the job was dropped: nobody wants the result.
                let _ = sender.send(result);
                notify();
            });
        let receiver = match spawned {
            Ok(_) => receiver,
            Err(err) => {
                let (sender, receiver) = mpsc::channel();
                let _ = sender.send(JobResult::Failed(format!("could not start {name}: {err}")));
                receiver
            }
        };
        Self {
            name: name.to_owned(),
            progress,
            receiver: Some(receiver),
        }
    }

    /// The result once the work has ended, exactly once; `None` before and after.
    pub fn poll(&mut self) -> Option<JobResult<T>> {
        let result = match self.receiver.as_ref()?.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return None,
            // The thread ended without sending: only possible if it was killed from outside.
            Err(mpsc::TryRecvError::Disconnected) => {
                JobResult::Failed(format!("{} stopped without a result", self.name))
            }
        };
        self.receiver = None;
        Some(result)
    }

    /// Blocks until the work ends (for the command line and tests; never on the UI thread).
    pub fn wait(mut self) -> JobResult<T> {
        match self.receiver.take().map(|r| r.recv()) {
            Some(Ok(result)) => result,
            _ => JobResult::Failed(format!("{} stopped without a result", self.name)),
        }
    }
}

impl<T> Job<T> {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Until [`Job::poll`] has handed out the result.
    pub fn is_running(&self) -> bool {
        self.receiver.is_some()
    }

    /// Asks the work to stop; [`Job::poll`] then gives whatever it returned.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn fraction(&self) -> Option<f32> {
        self.progress.fraction()
    }
}

impl<T> Drop for Job<T> {
    /// A job nobody waits for is asked to stop; its thread is not joined, so dropping a
    /// job never blocks the UI.
    fn drop(&mut self) {
        self.progress.cancel();
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panicked".to_owned())
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    /// Polls as the UI would, for at most 10 s (these jobs take milliseconds; the margin
    /// is for a loaded CI machine).
    fn poll_until_done<T: Send + 'static>(job: &mut Job<T>) -> JobResult<T> {
        let start = Instant::now();
        loop {
            if let Some(result) = job.poll() {
                return result;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "job did not finish"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    #[test]
    fn a_job_finishes_with_its_value_and_progress() {
        let mut job = Job::spawn("sum", |progress| {
            progress.set_total(100);
            progress.set_message("adding");
            let mut sum = 0u64;
            for i in 0..100 {
                sum += i;
                progress.advance(1);
            }
            sum
        });
        assert_eq!(poll_until_done(&mut job), JobResult::Done(4950));
        assert_eq!(job.fraction(), Some(1.0));
        assert_eq!(job.progress().message(), "adding");
        assert!(!job.is_running());
        assert_eq!(job.poll(), None, "the result is handed out once");
    }

    #[test]
    fn a_cancelled_job_stops_early() {
        let (started_tx, started_rx) = mpsc::channel();
        let mut job = Job::spawn("endless", move |progress| {
            progress.set_total(1_000_000);
            let _ = started_tx.send(());
            let mut steps = 0u64;
            while !progress.cancelled() {
                steps += 1;
                progress.advance(1);
                std::thread::sleep(Duration::from_micros(100));
            }
            steps
        });
        started_rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(job.is_running());
        job.cancel();
        let JobResult::Done(steps) = poll_until_done(&mut job) else {
            panic!("expected the work's own result");
        };
        assert!(steps < 1_000_000);
        assert!(job.fraction().unwrap() < 1.0);
    }

    #[test]
    fn a_panicking_job_fails_without_taking_the_app_down() {
        let job = Job::spawn("doomed", |_: &Progress| -> u32 {
            panic!("bad input at line 3")
        });
        assert_eq!(
            job.wait(),
            JobResult::Failed("doomed failed: bad input at line 3".to_owned())
        );
        let job = Job::spawn("formatted", |_: &Progress| -> u32 {
            panic!("{} events", 7)
        });
        assert_eq!(
            job.wait(),
            JobResult::Failed("formatted failed: 7 events".to_owned())
        );
        // The app carries on: new jobs run.
        assert_eq!(Job::spawn("after", |_| 1).wait(), JobResult::Done(1));
    }

    #[test]
    fn notify_is_called_when_the_result_is_ready() {
        let (tx, rx) = mpsc::channel();
        let mut job = Job::spawn_with_notify(
            "notified",
            |_| "ok",
            move || {
                let _ = tx.send(());
            },
        );
        rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(job.poll(), Some(JobResult::Done("ok")));
    }

    #[test]
    fn dropping_a_job_asks_it_to_stop() {
        let (tx, rx) = mpsc::channel();
        let job = Job::spawn("dropped", move |progress| {
            while !progress.cancelled() {
                std::thread::sleep(Duration::from_millis(1));
            }
            let _ = tx.send("stopped");
        });
        drop(job);
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)).unwrap(), "stopped");
    }

    #[test]
    fn fraction_is_unknown_without_a_total() {
        let progress = Progress::default();
        assert_eq!(progress.fraction(), None);
        progress.set_total(4);
        progress.set_done(1);
        assert_eq!(progress.fraction(), Some(0.25));
        progress.set_done(9);
        assert_eq!(progress.fraction(), Some(1.0));
    }
}
