//! How often each event number (GDELT's GLOBALEVENTID) has been seen in an import, so that
//! a repeated number gets a `-2`, `-3` suffix.
//!
//! Exports are mostly in ascending order (GDELT assigns the numbers in sequence, and a
//! BigQuery or DuckDB slice keeps the order it is asked for): a number above every one so
//! far is new without a lookup, and is only appended to a sorted list. Counting every
//! number in a hash map instead was 2.5% of the CPU of a one-month, 1M-row slice. Numbers
//! out of order, and repeats, go to a map, so any order stays correct.

use rustc_hash::FxHashMap;

#[derive(Default)]
pub(crate) struct SeenNumbers {
    /// Numbers seen in ascending order, each once so far unless in `counts`.
    ascending: Vec<u64>,
    /// How often a number has been seen, for those out of order or seen more than once.
    counts: FxHashMap<u64, u32>,
}

impl SeenNumbers {
    /// Notes one more sighting of `number` and says how many there have been (1 for a new
    /// one).
    pub fn see(&mut self, number: u64) -> u32 {
        if self.ascending.last().is_none_or(|&last| number > last) {
            self.ascending.push(number);
            return 1;
        }
        let in_order = self.ascending.binary_search(&number).is_ok();
        let count = self.counts.entry(number).or_insert(u32::from(in_order));
        *count += 1;
        *count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascending_numbers_are_new_and_repeats_are_counted() {
        let mut seen = SeenNumbers::default();
        assert_eq!(seen.see(10), 1);
        assert_eq!(seen.see(12), 1);
        assert_eq!(seen.see(12), 2);
        assert_eq!(seen.see(11), 1, "out of order, not seen before");
        assert_eq!(seen.see(11), 2);
        assert_eq!(seen.see(10), 2);
        assert_eq!(seen.see(10), 3);
        assert_eq!(seen.see(13), 1);
        assert!(
            seen.counts.len() <= 3,
            "only the numbers out of order or repeated"
        );
    }

    proptest! {
        #[test]
        fn counts_as_a_map_of_every_number_would(numbers in prop::collection::vec(0u64..40, 0..200)) {
            let mut seen = SeenNumbers::default();
            let mut all: FxHashMap<u64, u32> = FxHashMap::default();
            for n in numbers {
                let expected = {
                    let c = all.entry(n).or_insert(0);
                    *c += 1;
                    *c
                };
                prop_assert_eq!(seen.see(n), expected);
            }
        }
    }
}
