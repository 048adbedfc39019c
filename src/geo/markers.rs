//! Where the map puts its markers, how big they are, which one a click hits, and which
//! labels fit.

use std::collections::HashSet;

use super::view::{MapView, Viewport};
use crate::model::{Id, Project};

/// A place with one event is a 14 px disc: above the ~12 px that a pointer hits without
/// aiming, and small enough that two cities 20 px apart stay apart.
pub const MIN_RADIUS_PX: f64 = 7.0;
/// A hub is capped at a 44 px disc (reached at 36 events), so that it does not bury its
/// neighbours in a 300 px wide panel.
pub const MAX_RADIUS_PX: f64 = 22.0;
/// How far outside its disc a click still picks a marker: forgiving for small discs, but
/// less than the gap between two neighbouring minimum discs.
const HIT_SLOP_PX: f64 = 2.0;

/// The radius for a place named by `events` events. The area, not the radius, grows with
/// the count (radius ∝ √count), as readers compare proportional symbols by area.
pub fn marker_radius(events: usize) -> f64 {
    (4.0 + 3.0 * (events as f64).sqrt()).clamp(MIN_RADIUS_PX, MAX_RADIUS_PX)
}

/// One place on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Index in `Project::locations`.
    pub location: usize,
    pub id: Id,
    pub lon: f64,
    pub lat: f64,
    /// Events that name the place, candidates included.
    pub events: usize,
    pub radius: f64,
    /// Named only as a possible place ("in Miami or elsewhere in the United States"): drawn
    /// hollow and dashed, as the timeline draws what is not firm.
    pub candidate_only: bool,
}

/// The markers for the locations that have coordinates, events, and pass the filter
/// (`visible_locations[i]` for `project.locations[i]`, `passing_events[i]` for
/// `project.events[i]`; missing entries count as passing). `num_events` gives each place's
/// number of passing events. In drawing order: larger first, so that smaller ones lie on top
/// and stay clickable.
pub fn layout_markers(
    project: &Project,
    num_events: impl Fn(Id) -> usize,
    visible_locations: &[bool],
    passing_events: &[bool],
) -> Vec<Marker> {
    // Firm when a passing event names it as its place, not only as a possibility.
    let firm: HashSet<Id> = project
        .events
        .iter()
        .enumerate()
        .filter(|(i, _)| passing_events.get(*i).copied().unwrap_or(true))
        .flat_map(|(_, e)| e.places.iter())
        .filter(|p| !p.candidate)
        .map(|p| p.location)
        .collect();
    let mut markers: Vec<Marker> = project
        .locations
        .iter()
        .enumerate()
        .filter(|(i, _)| visible_locations.get(*i).copied().unwrap_or(true))
        .filter_map(|(i, location)| {
            let (lat, lon) = location.lat_lon()?;
            let valid = lat.is_finite()
                && lon.is_finite()
                && (-90.0..=90.0).contains(&lat)
                && (-180.0..=180.0).contains(&lon);
            let events = num_events(location.id);
            (valid && events > 0).then(|| Marker {
                location: i,
                id: location.id,
                lon,
                lat,
                events,
                radius: marker_radius(events),
                candidate_only: !firm.contains(&location.id),
            })
        })
        .collect();
    markers.sort_by(|a, b| {
        b.radius
            .total_cmp(&a.radius)
            .then(a.location.cmp(&b.location))
    });
    markers
}

/// The marker under `point` (screen points): the topmost, i.e. the last drawn, whose disc
/// (plus a small slop) contains it.
pub fn hit_test(
    markers: &[Marker],
    view: &MapView,
    viewport: &Viewport,
    point: [f64; 2],
) -> Option<usize> {
    markers.iter().rposition(|m| {
        let [x, y] = view.screen_from_lonlat(viewport, m.lon, m.lat);
        let r = m.radius + HIT_SLOP_PX;
        (x - point[0]).powi(2) + (y - point[1]).powi(2) <= r * r
    })
}

/// A box on screen: `[min_x, min_y, max_x, max_y]`.
pub type ScreenBox = [f64; 4];

fn overlaps(a: &ScreenBox, b: &ScreenBox) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Greedy label placement. `candidates[i]` are the places label `i` may go, best first;
/// labels come in priority order (the caller puts larger markers first). Each label takes
/// its first place that overlaps no label placed before it and no obstacle (such as the
/// credit line), or is left out.
pub fn place_labels(candidates: &[Vec<ScreenBox>], obstacles: &[ScreenBox]) -> Vec<Option<usize>> {
    let mut placed: Vec<ScreenBox> = Vec::new();
    candidates
        .iter()
        .map(|boxes| {
            let choice = boxes
                .iter()
                .position(|b| !placed.iter().chain(obstacles).any(|p| overlaps(b, p)))?;
            placed.push(boxes[choice]);
            Some(choice)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radius_grows_with_the_square_root_and_is_clamped() {
        assert_eq!(marker_radius(1), MIN_RADIUS_PX);
        assert!(marker_radius(4) > marker_radius(1));
        // Four times the events, about twice the radius (less the constant part).
        assert!(((marker_radius(16) - 4.0) / (marker_radius(4) - 4.0) - 2.0).abs() < 1e-9);
        assert_eq!(marker_radius(36), MAX_RADIUS_PX);
        assert_eq!(marker_radius(10_000), MAX_RADIUS_PX);
    }

    #[test]
    fn sample_markers_are_sized_and_candidates_hollow() {
        let project = crate::io::sample_project().unwrap();
        let doc_counts = {
            let mut counts = std::collections::HashMap::new();
            for e in &project.events {
                for id in e.location_ids() {
                    *counts.entry(id).or_insert(0) += 1;
                }
            }
            counts
        };
        let count = |id: Id| doc_counts.get(&id).copied().unwrap_or(0);
        let markers = layout_markers(&project, count, &[], &[]);
        let by_id = |id: &str| markers.iter().find(|m| m.id == Id::new(id)).unwrap();
        let miami = by_id("l-miami");
        assert!(!miami.candidate_only, "Miami hosts the talks");
        assert!(miami.events >= 2);
        assert!(by_id("l-united-states").candidate_only);
        assert!(!by_id("l-berlin").candidate_only);
        // Drawing order: larger first.
        assert!(markers.windows(2).all(|w| w[0].radius >= w[1].radius));
        // The filter hides what it excludes.
        let miami_index = miami.location;
        let mut visible = vec![true; project.locations.len()];
        visible[miami_index] = false;
        let filtered = layout_markers(&project, count, &visible, &[]);
        assert!(filtered.iter().all(|m| m.location != miami_index));
        assert_eq!(filtered.len(), markers.len() - 1);
        // With only Umerov's meeting passing, Miami is only a possible place.
        let passing: Vec<bool> = project
            .events
            .iter()
            .map(|e| e.id == "ev-umerov-us-meeting")
            .collect();
        let markers = layout_markers(&project, count, &[], &passing);
        let miami = markers.iter().find(|m| m.id == Id::new("l-miami")).unwrap();
        assert!(miami.candidate_only);
    }

    fn marker(location: usize, lon: f64, radius: f64) -> Marker {
        Marker {
            location,
            id: Id::new(&format!("l-{location}")),
            lon,
            lat: 0.0,
            events: 1,
            radius,
            candidate_only: false,
        }
    }

    #[test]
    fn hit_test_prefers_the_topmost_and_smaller() {
        let view = MapView {
            center_lon: 0.0,
            center_lat: 0.0,
            scale_px_per_deg: 10.0,
        };
        let vp = Viewport {
            left: 0.0,
            top: 0.0,
            width: 200.0,
            height: 200.0,
        };
        // A big disc at lon 0 and a small one 1° (10 px) east, inside it; drawn big first.
        let markers = [marker(0, 0.0, 20.0), marker(1, 1.0, 7.0)];
        let [cx, cy] = vp.center();
        assert_eq!(hit_test(&markers, &view, &vp, [cx + 10.0, cy]), Some(1));
        assert_eq!(hit_test(&markers, &view, &vp, [cx - 10.0, cy]), Some(0));
        // Beyond the small disc but within the big one's slop.
        assert_eq!(hit_test(&markers, &view, &vp, [cx + 21.0, cy]), Some(0));
        assert_eq!(hit_test(&markers, &view, &vp, [cx - 23.0, cy]), None);
        assert_eq!(hit_test(&[], &view, &vp, [cx, cy]), None);
    }

    #[test]
    fn labels_do_not_overlap() {
        let candidates = vec![
            vec![[0.0, 0.0, 50.0, 10.0], [-50.0, 0.0, 0.0, 10.0]],
            // Overlaps the first label's first place: falls back to its second.
            vec![[40.0, 5.0, 90.0, 15.0], [40.0, 20.0, 90.0, 30.0]],
            // Overlaps both placed labels in both places: left out.
            vec![[10.0, 2.0, 20.0, 8.0], [45.0, 22.0, 60.0, 28.0]],
            // Overlaps the obstacle.
            vec![[200.0, 200.0, 220.0, 210.0]],
        ];
        let obstacles = [[190.0, 190.0, 300.0, 220.0]];
        assert_eq!(
            place_labels(&candidates, &obstacles),
            vec![Some(0), Some(1), None, None]
        );
    }
}
