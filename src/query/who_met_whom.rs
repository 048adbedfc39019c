//! Who met whom: for the events that pass the filter, which actors shared events, how
//! often, and when last.

use rustc_hash::FxHashMap;

use crate::model::{Id, Project, TimeSecs};

/// Two actors and the events they shared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The two actors, in id order.
    pub a: Id,
    pub b: Id,
    /// Positions in `Project::events`, in project order.
    pub events: Vec<u32>,
    /// The latest end of a shared event, for "when last".
    pub last_secs: Option<TimeSecs>,
}

/// Pairs over the events with `passes[i]`, most shared events first, then most recent.
/// A meeting of n actors makes n(n−1)/2 pairs; events with more than
/// [`MAX_PARTICIPANTS_PAIRED`] participants (a summit) are left out, as they say little about
/// who met whom and would swamp the list.
pub fn who_met_whom(project: &Project, passes: &[bool]) -> Vec<Pair> {
    // Pairs are found with the actors in symbol order (ordering ids by text costs two table
    // lookups per comparison: 14 % of a filter change at 1M events) and put in text order
    // once each at the end.
    let mut pairs: FxHashMap<(Id, Id), Pair> = FxHashMap::default();
    for (i, event) in project.events.iter().enumerate() {
        if !passes.get(i).copied().unwrap_or(false) {
            continue;
        }
        let mut actors: Vec<Id> = event.participant_ids().collect();
        actors.sort_unstable_by(|x, y| x.cmp_by_symbol(*y));
        actors.dedup();
        if actors.len() < 2 || actors.len() > MAX_PARTICIPANTS_PAIRED {
            continue;
        }
        let last = event.date.bounds().ok().map(|b| b.latest_secs);
        for (x, &a) in actors.iter().enumerate() {
            for &b in &actors[x + 1..] {
                let pair = pairs.entry((a, b)).or_insert_with(|| Pair {
                    a,
                    b,
                    events: Vec::new(),
                    last_secs: None,
                });
                pair.events.push(i as u32);
                pair.last_secs = pair.last_secs.max(last);
            }
        }
    }
    let mut out: Vec<Pair> = pairs
        .into_values()
        .map(|mut pair| {
            if pair.b < pair.a {
                std::mem::swap(&mut pair.a, &mut pair.b);
            }
            pair
        })
        .collect();
    // Each pair's names are looked up once for the sort (ties on count and date are
    // common in a large project, and each comparison by id would look up both names again).
    out.sort_by_cached_key(|p| {
        (
            std::cmp::Reverse(p.events.len()),
            std::cmp::Reverse(p.last_secs),
            p.a.as_str(),
            p.b.as_str(),
        )
    });
    out
}

/// Events with more participants than this are not paired (see [`who_met_whom`]): 12 covers
/// any negotiating round with two or three delegations.
pub const MAX_PARTICIPANTS_PAIRED: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;

    #[test]
    fn pairs_of_the_sample() {
        let p = sample_project().unwrap();
        let all = vec![true; p.events.len()];
        let pairs = who_met_whom(&p, &all);
        let find = |a: &str, b: &str| {
            let (a, b) = (Id::new(a), Id::new(b));
            pairs
                .iter()
                .find(|x| (x.a == a && x.b == b) || (x.a == b && x.b == a))
                .cloned()
        };
        let witkoff_dmitriev = find("a-witkoff", "a-dmitriev").unwrap();
        assert_eq!(witkoff_dmitriev.events.len(), 1);
        // The US delegation shares two events with nobody; Umerov meets it once.
        assert_eq!(find("a-umerov", "a-us-delegation").unwrap().events.len(), 1);
        assert!(find("a-zelenskyy", "a-witkoff").is_none());
        // Miami: 5 participants → 10 pairs; Berlin: 3 → 3; Umerov: 2 → 1.
        assert_eq!(pairs.len(), 14);
    }

    #[test]
    fn the_filter_applies() {
        let p = sample_project().unwrap();
        let only_berlin: Vec<bool> = p.events.iter().map(|e| e.id == "ev-berlin-talks").collect();
        let pairs = who_met_whom(&p, &only_berlin);
        assert_eq!(pairs.len(), 3);
        assert!(pairs.iter().all(|x| x.events == [0]));
    }
}
