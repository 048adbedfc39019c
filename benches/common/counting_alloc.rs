//! A global allocator that counts the bytes in use and their peak, for the memory reports
//! of the `load` and `transfer` benches and the memory tests (`tests/transfer_streaming.rs`,
//! `tests/history_memory.rs`). Included by `#[path]`, not a bench of its own.

// A counting global allocator cannot be written without `unsafe`: it only forwards to the
// system allocator and adds to counters.
#![allow(unsafe_code)]
// Each includer uses the counters it needs.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering};

/// Counts the bytes the program has asked for and not yet freed, while `COUNTING` is on.
/// Off (the timed runs), it costs one relaxed load per call.
struct CountingAlloc;

pub static COUNTING: AtomicBool = AtomicBool::new(false);
pub static IN_USE: AtomicIsize = AtomicIsize::new(0);
pub static PEAK: AtomicIsize = AtomicIsize::new(0);
/// Allocations made (not bytes) while `COUNTING` is on: a deep copy of a project makes at
/// least one per event, so this tells a copy from a move.
pub static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

fn count(delta: isize) {
    if COUNTING.load(Ordering::Relaxed) {
        let now = IN_USE.fetch_add(delta, Ordering::Relaxed) + delta;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        if COUNTING.load(Ordering::Relaxed) {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        if COUNTING.load(Ordering::Relaxed) {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size as isize - layout.size() as isize);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAlloc = CountingAlloc;
