//! Background work, all of it in one list: opening a project, saving, autosaving,
//! exporting and importing each run as a task with a label, its `Progress` and a
//! `CancelToken` that the work checks (writers through `CancelWriter`, readers through
//! `WatchedReader`, importers between rows, the project loader between chunks). The list is
//! plain Rust, generic over what the work hands back; the status bar (`ui::tasks`) shows
//! it and the app takes the results.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use crate::io::Work;

/// What a task does, so that the app can tell its results and its rules apart (one save at
/// a time; an autosave is waited for before its file is discarded).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TaskKind {
    Open,
    Save,
    Autosave,
    Export,
    Import,
    /// Projecting a large project as of a day.
    AsOf,
}

/// What `Progress` counts for a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressUnit {
    Bytes,
    Rows,
    /// Files of a dataset (the footers of a Parquet folder).
    Files,
}

/// Which task, to cancel or wait for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TaskId(u64);

struct Running<T> {
    id: TaskId,
    kind: TaskKind,
    label: String,
    unit: ProgressUnit,
    started: Instant,
    work: Work,
    answer: Receiver<T>,
    thread: Option<JoinHandle<()>>,
}

/// A running task as the status bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskStatus {
    pub id: TaskId,
    pub kind: TaskKind,
    pub label: String,
    pub unit: ProgressUnit,
    /// Units done and the total, 0 when unknown.
    pub done: u64,
    pub total: u64,
    pub cancelling: bool,
    pub elapsed: Duration,
}

/// Finished work, and whether Cancel had been pressed before it finished.
pub struct Finished<T> {
    pub id: TaskId,
    pub kind: TaskKind,
    pub outcome: T,
    pub cancelled: bool,
}

/// The running tasks.
pub struct TaskList<T> {
    running: Vec<Running<T>>,
    next_id: u64,
}

impl<T> Default for TaskList<T> {
    fn default() -> Self {
        Self {
            running: Vec::new(),
            next_id: 0,
        }
    }
}

impl<T: Send + 'static> TaskList<T> {
    /// Runs `work` on a thread of its own; `finished` is called on that thread once the
    /// result is ready (the UI asks for a frame there).
    pub fn spawn(
        &mut self,
        kind: TaskKind,
        label: String,
        unit: ProgressUnit,
        finished: impl FnOnce() + Send + 'static,
        work: impl FnOnce(&Work) -> T + Send + 'static,
    ) -> TaskId {
        let (tx, rx) = channel();
        let handed = Work::default();
        let kept = handed.clone();
        let thread = std::thread::spawn(move || {
            let _ = tx.send(work(&handed));
            finished();
        });
        self.next_id += 1;
        let id = TaskId(self.next_id);
        self.running.push(Running {
            id,
            kind,
            label,
            unit,
            started: Instant::now(),
            work: kept,
            answer: rx,
            thread: Some(thread),
        });
        id
    }

    pub fn is_busy(&self) -> bool {
        !self.running.is_empty()
    }

    pub fn is_running(&self, id: TaskId) -> bool {
        self.running.iter().any(|t| t.id == id)
    }

    /// Asks the task to stop; it stays listed ("cancelling") until it has.
    pub fn cancel(&self, id: TaskId) {
        if let Some(task) = self.running.iter().find(|t| t.id == id) {
            task.work.cancel.cancel();
        }
    }

    /// Cancels the task and waits until its thread has ended (work that checks its token
    /// ends within one chunk). Its result is still handed back by [`Self::poll`].
    pub fn cancel_and_wait(&mut self, id: TaskId) {
        if let Some(task) = self.running.iter_mut().find(|t| t.id == id) {
            task.work.cancel.cancel();
            if let Some(thread) = task.thread.take() {
                let _ = thread.join();
            }
        }
    }

    /// Finished work, in the order the tasks were started. Work that ended without a
    /// result (a panic) is dropped from the list.
    pub fn poll(&mut self) -> Vec<Finished<T>> {
        let mut done = Vec::new();
        self.running.retain(|t| match t.answer.try_recv() {
            Ok(outcome) => {
                done.push(Finished {
                    id: t.id,
                    kind: t.kind,
                    outcome,
                    cancelled: t.work.cancel.is_cancelled(),
                });
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        done
    }

    /// The running tasks, oldest first.
    pub fn statuses(&self) -> Vec<TaskStatus> {
        self.running
            .iter()
            .map(|t| {
                let (done, total) = t.work.progress.get();
                TaskStatus {
                    id: t.id,
                    kind: t.kind,
                    label: t.label.clone(),
                    unit: t.unit,
                    done,
                    total,
                    cancelling: t.work.cancel.is_cancelled(),
                    elapsed: t.started.elapsed(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::sync_channel;

    /// Polls until every task has finished (each test's work ends by itself).
    fn drain<T: Send + 'static>(tasks: &mut TaskList<T>) -> Vec<Finished<T>> {
        let mut all = Vec::new();
        while tasks.is_busy() {
            all.extend(tasks.poll());
            std::thread::sleep(Duration::from_millis(1));
        }
        all
    }

    #[test]
    fn the_list_shows_progress_and_a_cancel_stops_the_work() {
        let mut tasks = TaskList::default();
        let (started_tx, started_rx) = sync_channel(1);
        let id = tasks.spawn(
            TaskKind::Import,
            "Importing rows".to_owned(),
            ProgressUnit::Rows,
            || {},
            move |work: &Work| {
                work.progress.set_total(1_000_000);
                let mut rows = 0;
                while rows < 1_000_000 && !work.cancel.is_cancelled() {
                    rows += 1;
                    work.progress.add(1);
                    if rows == 10 {
                        let _ = started_tx.send(());
                    }
                    std::thread::sleep(Duration::from_micros(50));
                }
                rows
            },
        );
        started_rx.recv().unwrap();
        let status = &tasks.statuses()[0];
        assert_eq!((status.kind, status.total), (TaskKind::Import, 1_000_000));
        assert!(status.done >= 10 && !status.cancelling);
        tasks.cancel(id);
        assert!(tasks.statuses()[0].cancelling);
        let finished = drain(&mut tasks);
        assert_eq!(finished.len(), 1);
        assert!(finished[0].cancelled);
        assert!(finished[0].outcome < 1_000_000, "the work stopped early");
    }

    #[test]
    fn cancel_and_wait_returns_once_the_work_has_stopped() {
        let mut tasks = TaskList::default();
        let id = tasks.spawn(
            TaskKind::Autosave,
            "Autosaving".to_owned(),
            ProgressUnit::Bytes,
            || {},
            |work: &Work| {
                while !work.cancel.is_cancelled() {
                    std::thread::sleep(Duration::from_millis(1));
                }
                "stopped"
            },
        );
        tasks.cancel_and_wait(id);
        // The thread has ended, so its answer is there at the first poll.
        let finished = tasks.poll();
        assert_eq!(finished.len(), 1);
        assert_eq!(finished[0].outcome, "stopped");
        assert!(!tasks.is_running(id));
    }
}
