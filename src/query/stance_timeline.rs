//! Stances over time for one issue: one lane per holder, one segment per reported position,
//! each lasting until the holder's next reported position.

use crate::model::{Id, Project, Stance, TimeSecs};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StanceSegment {
    pub position: Id,
    pub stance: Stance,
    /// From the position's as-of date...
    pub from_secs: TimeSecs,
    /// ...until the next position of the same holder, or `None`: still held as far as the
    /// sources say.
    pub to_secs: Option<TimeSecs>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StanceLane {
    pub holder: Id,
    pub segments: Vec<StanceSegment>,
}

/// The lanes of `issue`, holders in order of their first reported position. Positions that
/// `passes` rejects, or whose date cannot be placed, are left out.
pub fn stance_lanes(project: &Project, issue: Id, passes: &[bool]) -> Vec<StanceLane> {
    let mut dated: Vec<(Id, TimeSecs, Id, Stance)> = project
        .positions
        .iter()
        .enumerate()
        .filter(|(i, p)| p.issue == issue && passes.get(*i).copied().unwrap_or(true))
        .filter_map(|(_, p)| {
            Some((
                p.holder,
                p.as_of.bounds().ok()?.earliest_secs,
                p.id,
                p.stance,
            ))
        })
        .collect();
    dated.sort_by_key(|&(_, t, id, _)| (t, id));
    let mut lanes: Vec<StanceLane> = Vec::new();
    for (holder, t, id, stance) in dated {
        let lane = if let Some(i) = lanes.iter_mut().position(|l| l.holder == holder) {
            &mut lanes[i]
        } else {
            lanes.push(StanceLane {
                holder,
                segments: Vec::new(),
            });
            let last = lanes.len() - 1;
            &mut lanes[last]
        };
        if let Some(prev) = lane.segments.last_mut() {
            prev.to_secs = Some(t);
        }
        lane.segments.push(StanceSegment {
            position: id,
            stance,
            from_secs: t,
            to_secs: None,
        });
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::{DateSpec, Position};

    #[test]
    fn security_guarantees_has_three_holders_and_a_shift_shows() {
        let mut p = sample_project().unwrap();
        let issue = Id::new("i-security-guarantees");
        let lanes = stance_lanes(&p, issue, &[]);
        let holders: Vec<&str> = lanes.iter().map(|l| l.holder.as_str()).collect();
        assert_eq!(holders.len(), 3, "{holders:?}");
        assert!(
            lanes
                .iter()
                .all(|l| l.segments.len() == 1 && l.segments[0].to_secs.is_none())
        );
        // A later position of the US closes the earlier one.
        p.positions.push(Position {
            id: Id::new("p-us-later"),
            holder: Id::new("a-us"),
            issue,
            stance: Stance::Considering,
            summary: "later".into(),
            conditions: String::new(),
            as_of: DateSpec::parse("2026-01-10").unwrap(),
            certainty: Default::default(),
            claims: Vec::new(),
        });
        let lanes = stance_lanes(&p, issue, &[]);
        let us = lanes.iter().find(|l| l.holder == Id::new("a-us")).unwrap();
        assert_eq!(us.segments.len(), 2);
        assert_eq!(us.segments[0].stance, Stance::Reluctant);
        assert_eq!(us.segments[0].to_secs, Some(us.segments[1].from_secs));
    }
}
