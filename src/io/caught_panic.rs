//! Panics caught on purpose. A few readers of other programs' files (calamine for workbooks,
//! the parquet crate) have panicked on damaged input; the importers catch such a panic and
//! turn it into an error. The crash hook (`app::crash`) asks [`reports_suppressed`] so that
//! a panic handled this way writes no crash report: it is an error shown to the analyst,
//! not a crash. It lives here, below both `import` and `app`, so that importers can use it.

use std::cell::Cell;

thread_local! {
    /// How many [`suppress_reports_here`] calls this thread is inside.
    static SUPPRESSED: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f`, which catches a panic on purpose (`catch_unwind`), without a crash report for
/// that panic: it is handled, not a crash.
pub fn suppress_reports_here<R>(f: impl FnOnce() -> R) -> R {
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            let _ = SUPPRESSED.try_with(|depth| depth.set(depth.get().saturating_sub(1)));
        }
    }
    let _ = SUPPRESSED.try_with(|depth| depth.set(depth.get() + 1));
    let _leave = Leave;
    f()
}

/// Whether this thread is inside [`suppress_reports_here`].
pub fn reports_suppressed() -> bool {
    SUPPRESSED.try_with(Cell::get).is_ok_and(|depth| depth > 0)
}

/// Runs `read`, turning a panic in it into `None`, without a crash report.
pub fn catch_panic<T>(read: impl FnOnce() -> T) -> Option<T> {
    suppress_reports_here(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppression_holds_inside_and_ends_after_a_caught_panic() {
        assert!(!reports_suppressed());
        let caught = suppress_reports_here(|| {
            assert!(reports_suppressed());
            suppress_reports_here(|| assert!(reports_suppressed()));
            assert!(reports_suppressed(), "nested calls count");
            std::panic::catch_unwind(|| {
                assert!(reports_suppressed());
                panic!("caught on purpose");
            })
        });
        assert!(caught.is_err());
        assert!(!reports_suppressed());
        // A panic out of `f` itself also leaves the thread unsuppressed.
        let escaped = std::panic::catch_unwind(|| suppress_reports_here(|| panic!("escaping")));
        assert!(escaped.is_err());
        assert!(!reports_suppressed());
    }

    #[test]
    fn a_caught_panic_is_none_and_a_value_is_kept() {
        assert_eq!(catch_panic(|| 7), Some(7));
        assert_eq!(catch_panic(|| -> u8 { panic!("damaged input") }), None);
        assert!(!reports_suppressed());
    }
}
