//! Lanes: grouping events by participant, location, kind, status or tag.
//!
//! Which lanes exist and which events each holds is a pure function of the project and the
//! mode; it is built once per mode switch and filter change, with one index per lane so
//! that drawing culls each lane on its own, and follows edits of a few events one event at
//! a time (`lanes_update`).

use std::collections::HashMap;

use super::event_index::EventIndex;
pub use crate::model::LaneMode;
use crate::model::{EventKind, EventStatus, Id, Project};

/// What a lane stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum LaneKey {
    All,
    Entity(Id),
    Kind(EventKind),
    Status(EventStatus),
    /// Events with no participant, location or tag, in modes that group by one.
    Unassigned,
}

/// One lane: its key, its name, and the events in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    pub label: String,
    pub num_events: usize,
    /// Time of the lane's first event, for sorting by first appearance.
    pub first_secs: Option<i64>,
    /// Rows the lane needs so that no two overlapping events share one (at most
    /// [`MAX_ROWS_PER_LANE`]). A theme line runs through the first row; concurrent events of
    /// one actor sit on rows below it.
    pub rows: usize,
    pub index: EventIndex,
}

/// A grouped lane shows at most this many rows; beyond, items cluster as "+N". Three rows
/// keep thirty lanes on a 1080-pt screen.
pub const MAX_ROWS_PER_LANE: usize = 3;

/// How lanes are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LaneSort {
    /// Most events first.
    #[default]
    Count,
    Name,
    /// Earliest first event first.
    FirstAppearance,
}

impl LaneSort {
    pub const ALL: [Self; 3] = [Self::Count, Self::Name, Self::FirstAppearance];

    pub fn label(self) -> &'static str {
        match self {
            Self::Count => "most events first",
            Self::Name => "by name",
            Self::FirstAppearance => "by first appearance",
        }
    }
}

/// Builds the lanes of `mode`, in `sort` order, over the events with `passes[i]` (all when
/// `passes` is shorter). Events in several lanes (a meeting of three actors) appear in each.
pub fn build_lanes(
    project: &Project,
    mode: LaneMode,
    sort: LaneSort,
    passes: &[bool],
) -> Vec<Lane> {
    let events = &project.events;
    let lookup = project.lookup();
    let mut groups: Vec<(LaneKey, String, Vec<u32>)> = Vec::new();
    let mut slot: HashMap<LaneKey, usize> = HashMap::new();
    let mut add = |key: LaneKey, label: &dyn Fn() -> String, event: u32| {
        let i = *slot.entry(key).or_insert_with(|| {
            groups.push((key, label(), Vec::new()));
            groups.len() - 1
        });
        // An actor listed twice in one event is still one occurrence.
        if groups[i].2.last() != Some(&event) {
            groups[i].2.push(event);
        }
    };
    for (i, event) in events.iter().enumerate() {
        if !passes.get(i).copied().unwrap_or(true) {
            continue;
        }
        let i = i as u32;
        match mode {
            LaneMode::None => add(LaneKey::All, &|| "All events".to_owned(), i),
            LaneMode::Kind => add(
                LaneKey::Kind(event.kind),
                &|| event.kind.label().to_owned(),
                i,
            ),
            LaneMode::Status => add(
                LaneKey::Status(event.status),
                &|| event.status.label().to_owned(),
                i,
            ),
            LaneMode::Participant | LaneMode::Location | LaneMode::Tag => {
                let ids: Vec<Id> = match mode {
                    LaneMode::Participant => event.participant_ids().collect(),
                    LaneMode::Location => event.location_ids().collect(),
                    _ => event.tags.to_vec(),
                };
                if ids.is_empty() {
                    add(
                        LaneKey::Unassigned,
                        &|| unassigned_label(mode).to_owned(),
                        i,
                    );
                }
                for id in ids {
                    add(
                        LaneKey::Entity(id),
                        &|| lookup.name_of(project, id).to_owned(),
                        i,
                    );
                }
            }
        }
    }
    let mut lanes: Vec<Lane> = groups
        .into_iter()
        .map(|(key, label, members)| {
            let index = EventIndex::build_subset(events, members.iter().copied());
            let rows = super::lanes_update::lane_rows(&index, mode);
            Lane {
                key,
                label,
                num_events: members.len(),
                first_secs: index.time_range().map(|(a, _)| a),
                rows,
                index,
            }
        })
        .collect();
    sort_lanes(&mut lanes, sort, mode);
    lanes
}

pub(super) fn unassigned_label(mode: LaneMode) -> &'static str {
    match mode {
        LaneMode::Participant => "(no participants)",
        LaneMode::Location => "(no place)",
        LaneMode::Tag => "(no tag)",
        _ => "(other)",
    }
}

/// Orders lanes; kinds and statuses keep their natural order under "by name", and the
/// unassigned lane always comes last.
pub fn sort_lanes(lanes: &mut [Lane], sort: LaneSort, mode: LaneMode) {
    let natural = |key: &LaneKey| match key {
        LaneKey::Kind(k) => *k as usize,
        LaneKey::Status(s) => *s as usize,
        _ => 0,
    };
    lanes.sort_by(|a, b| {
        let last = |l: &Lane| l.key == LaneKey::Unassigned;
        last(a).cmp(&last(b)).then_with(|| match sort {
            LaneSort::Count => b
                .num_events
                .cmp(&a.num_events)
                .then_with(|| a.label.cmp(&b.label)),
            LaneSort::Name if matches!(mode, LaneMode::Kind | LaneMode::Status) => {
                natural(&a.key).cmp(&natural(&b.key))
            }
            LaneSort::Name => a.label.to_lowercase().cmp(&b.label.to_lowercase()),
            LaneSort::FirstAppearance => a
                .first_secs
                .cmp(&b.first_secs)
                .then_with(|| a.label.cmp(&b.label)),
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;

    fn labels(lanes: &[Lane]) -> Vec<&str> {
        lanes.iter().map(|l| l.label.as_str()).collect()
    }

    #[test]
    fn participant_lanes_hold_each_actors_events() {
        let p = sample_project().unwrap();
        let lanes = build_lanes(&p, LaneMode::Participant, LaneSort::Count, &[]);
        let first = &lanes[0];
        assert_eq!(first.num_events, 2, "{:?}", labels(&lanes));
        assert!(["US delegation", "Volodymyr Zelenskyy"].contains(&first.label.as_str()));
        let witkoff = lanes.iter().find(|l| l.label == "Steve Witkoff").unwrap();
        assert_eq!(witkoff.num_events, 1);
        assert_eq!(witkoff.rows, 1, "one event, one row");
        let us = lanes.iter().find(|l| l.label == "US delegation").unwrap();
        assert_eq!(
            us.rows, 2,
            "the Miami talks and the Umerov meeting are concurrent"
        );
        // Every participation is in exactly one lane.
        let total: usize = lanes.iter().map(|l| l.num_events).sum();
        let participations: usize = p.events.iter().map(|e| e.participants.len()).sum();
        assert_eq!(total, participations);
    }

    #[test]
    fn location_lanes_count_candidates_and_unplaced_events() {
        let p = sample_project().unwrap();
        let lanes = build_lanes(&p, LaneMode::Location, LaneSort::Name, &[]);
        assert_eq!(
            labels(&lanes),
            ["Berlin", "Miami", "United States", "(no place)"]
        );
        let miami = &lanes[1];
        assert_eq!(miami.num_events, 2);
        assert_eq!(
            miami.rows, 2,
            "the Miami talks and the Umerov meeting overlap"
        );
        assert_eq!(lanes[3].num_events, 2, "the two statements have no place");
    }

    #[test]
    fn kind_and_status_lanes_keep_their_natural_order() {
        let p = sample_project().unwrap();
        let lanes = build_lanes(&p, LaneMode::Kind, LaneSort::Name, &[]);
        assert_eq!(labels(&lanes), ["meeting", "talks", "statement"]);
        let lanes = build_lanes(&p, LaneMode::Status, LaneSort::Count, &[]);
        assert_eq!(labels(&lanes), ["held", "expected"]);
        assert_eq!(lanes[0].num_events, 3);
    }

    #[test]
    fn none_is_one_lane_of_everything_and_first_appearance_sorts_by_time() {
        let p = sample_project().unwrap();
        let lanes = build_lanes(&p, LaneMode::None, LaneSort::Count, &[]);
        assert_eq!(lanes.len(), 1);
        assert_eq!(lanes[0].num_events, 5);
        let lanes = build_lanes(&p, LaneMode::Tag, LaneSort::FirstAppearance, &[]);
        assert_eq!(labels(&lanes), ["peace process", "security guarantees"]);
    }
}
