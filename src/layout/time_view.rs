//! The visible time range and its mapping to screen x, in f64.
//!
//! f64 seconds keep sub-millisecond precision across ±10,000 years (2^53 s ≈ 285 million
//! years), so zooming to minutes on a century-long project loses nothing; f32 would be off
//! by minutes at today's epoch offset.

use crate::model::TimeSecs;

/// The narrowest view: one minute across the whole canvas would be absurd; one second per
/// 100 px is already finer than any diplomatic source reports.
pub const MIN_SECS_PER_PX: f64 = 0.01;
/// The widest view: 20,000 years (the supported calendar) across 200 px.
pub const MAX_SECS_PER_PX: f64 = 20_000.0 * 365.25 * 86_400.0 / 200.0;

/// Which seconds are shown where: `x = min_x + (t - start_secs) / secs_per_px`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeView {
    /// Screen x of the left edge of the canvas, in points.
    pub min_x: f64,
    /// Width of the canvas, in points.
    pub width_px: f64,
    /// Time at `min_x`.
    pub start_secs: f64,
    pub secs_per_px: f64,
}

impl TimeView {
    pub fn new(min_x: f64, width_px: f64, start_secs: f64, end_secs: f64) -> Self {
        let width_px = width_px.max(1.0);
        let secs_per_px =
            ((end_secs - start_secs) / width_px).clamp(MIN_SECS_PER_PX, MAX_SECS_PER_PX);
        Self {
            min_x,
            width_px,
            start_secs,
            secs_per_px,
        }
    }

    pub fn x_from_time(&self, secs: f64) -> f64 {
        self.min_x + (secs - self.start_secs) / self.secs_per_px
    }

    pub fn time_from_x(&self, x: f64) -> f64 {
        self.start_secs + (x - self.min_x) * self.secs_per_px
    }

    pub fn end_secs(&self) -> f64 {
        self.start_secs + self.width_px * self.secs_per_px
    }

    pub fn max_x(&self) -> f64 {
        self.min_x + self.width_px
    }

    /// The visible range as whole seconds, widened to include partly visible seconds.
    pub fn visible_secs(&self) -> (TimeSecs, TimeSecs) {
        (
            self.start_secs.floor() as TimeSecs,
            self.end_secs().ceil() as TimeSecs,
        )
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the time under `x` where it is.
    pub fn zoom_at(&mut self, x: f64, factor: f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let anchor = self.time_from_x(x);
        self.secs_per_px = (self.secs_per_px / factor).clamp(MIN_SECS_PER_PX, MAX_SECS_PER_PX);
        self.start_secs = anchor - (x - self.min_x) * self.secs_per_px;
    }

    /// Moves the content right by `dx` points (a drag to the right shows earlier times).
    pub fn pan_px(&mut self, dx: f64) {
        if dx.is_finite() {
            self.start_secs -= dx * self.secs_per_px;
        }
    }

    /// Shows `[start, end]` with `margin` of the width left free on each side.
    pub fn fit(&mut self, start_secs: f64, end_secs: f64, margin: f64) {
        let span = (end_secs - start_secs).max(MIN_SECS_PER_PX * self.width_px);
        let usable = self.width_px * (1.0 - 2.0 * margin);
        self.secs_per_px = (span / usable.max(1.0)).clamp(MIN_SECS_PER_PX, MAX_SECS_PER_PX);
        let mid = start_secs + (end_secs - start_secs) / 2.0;
        self.start_secs = mid - self.width_px / 2.0 * self.secs_per_px;
    }

    /// Shows `[start, end]` between `left_px` from the left edge and `right_px` from the
    /// right edge (room for labels, which run to the right of their items).
    pub fn fit_between(&mut self, start_secs: f64, end_secs: f64, left_px: f64, right_px: f64) {
        let span = (end_secs - start_secs).max(MIN_SECS_PER_PX * self.width_px);
        // Never squeeze the data into less than half the canvas, however wide the margins.
        let usable = (self.width_px - left_px - right_px)
            .max(self.width_px / 2.0)
            .max(1.0);
        self.secs_per_px = (span / usable).clamp(MIN_SECS_PER_PX, MAX_SECS_PER_PX);
        self.start_secs = start_secs - left_px.min(self.width_px / 4.0) * self.secs_per_px;
    }

    /// The same screen mapping read on a clock `offset_secs` ahead of UTC: the time of a
    /// point in it is the wall-clock time there, so that an axis built from it puts its
    /// midnights at the zone's midnights.
    #[must_use]
    pub fn shifted(self, offset_secs: f64) -> Self {
        Self {
            start_secs: self.start_secs + offset_secs,
            ..self
        }
    }

    /// Keeps the same visible range on a canvas that moved or changed width: a details
    /// pane opening beside the timeline narrows the canvas, and keeping the scale instead
    /// pushed the event just clicked under the pane.
    #[must_use]
    pub fn with_canvas(mut self, min_x: f64, width_px: f64) -> Self {
        let width_px = width_px.max(1.0);
        // Under half a point is rounding of the panels' edges, not a new width.
        if (width_px - self.width_px).abs() >= 0.5 {
            let span_secs = self.width_px * self.secs_per_px;
            self.secs_per_px = (span_secs / width_px).clamp(MIN_SECS_PER_PX, MAX_SECS_PER_PX);
        }
        self.min_x = min_x;
        self.width_px = width_px;
        self
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_shifted_view_maps_wall_clock_times_where_their_instants_are() {
        let view = TimeView::new(100.0, 1000.0, 1_766_016_000.0, 1_766_620_800.0);
        let berlin = view.shifted(3600.0);
        for utc in [1_766_016_000.0, 1_766_100_000.0, 1_766_620_000.0] {
            let x = view.x_from_time(utc);
            assert!((berlin.x_from_time(utc + 3600.0) - x).abs() < 1e-9);
            assert!((berlin.time_from_x(x) - (utc + 3600.0)).abs() < 1e-6);
        }
    }
    use super::*;

    #[test]
    fn a_narrower_canvas_shows_the_same_range() {
        let view = TimeView::new(200.0, 800.0, 1_766_016_000.0, 1_766_620_800.0);
        let narrower = view.with_canvas(200.0, 560.0);
        assert!((narrower.start_secs - view.start_secs).abs() < 1e-6);
        assert!((narrower.end_secs() - view.end_secs()).abs() < 1e-3);
        // Moving without resizing keeps the scale exactly.
        let moved = view.with_canvas(230.0, 800.0);
        assert_eq!(moved.secs_per_px, view.secs_per_px);
    }

    const YEAR: f64 = 365.25 * 86_400.0;

    #[test]
    fn round_trip_at_extreme_zoom_on_a_century() {
        // A century-long project zoomed to a minute per 1000 px, far from the epoch.
        let mut view = TimeView::new(100.0, 1000.0, 1_750_000_000.0, 1_750_000_060.0);
        assert!((view.secs_per_px - 0.06).abs() < 1e-9);
        for x in [100.0, 350.5, 1099.0] {
            let t = view.time_from_x(x);
            assert!((view.x_from_time(t) - x).abs() < 1e-6);
        }
        view.start_secs = -9_999.0 * YEAR;
        let t = view.time_from_x(600.0);
        assert!((view.x_from_time(t) - 600.0).abs() < 1e-3);
    }

    #[test]
    fn zoom_keeps_the_time_under_the_cursor() {
        let mut view = TimeView::new(0.0, 1000.0, 0.0, 86_400.0 * 30.0);
        let x = 730.0;
        let before = view.time_from_x(x);
        view.zoom_at(x, 3.7);
        assert!((view.time_from_x(x) - before).abs() < 1e-6);
        view.zoom_at(x, 1.0 / 50.0);
        assert!((view.time_from_x(x) - before).abs() < 1e-3);
    }

    #[test]
    fn zoom_is_clamped() {
        let mut view = TimeView::new(0.0, 1000.0, 0.0, 1000.0);
        view.zoom_at(0.0, 1e12);
        assert_eq!(view.secs_per_px, MIN_SECS_PER_PX);
        view.zoom_at(0.0, 1e-30);
        assert_eq!(view.secs_per_px, MAX_SECS_PER_PX);
        view.zoom_at(0.0, f64::NAN);
        assert_eq!(view.secs_per_px, MAX_SECS_PER_PX);
    }

    #[test]
    fn pan_moves_content_with_the_pointer() {
        let mut view = TimeView::new(0.0, 1000.0, 0.0, 1000.0);
        let t = view.time_from_x(500.0);
        view.pan_px(100.0);
        assert!((view.x_from_time(t) - 600.0).abs() < 1e-9);
    }

    #[test]
    fn fit_between_leaves_room_for_labels() {
        let mut view = TimeView::new(0.0, 1000.0, 0.0, 1.0);
        view.fit_between(1000.0, 2000.0, 40.0, 200.0);
        assert!((view.x_from_time(1000.0) - 40.0).abs() < 1e-6);
        assert!((view.x_from_time(2000.0) - 800.0).abs() < 1e-6);
        // Margins wider than the canvas still leave half of it for the data.
        let mut narrow = TimeView::new(0.0, 300.0, 0.0, 1.0);
        narrow.fit_between(1000.0, 2000.0, 40.0, 400.0);
        assert!((narrow.x_from_time(2000.0) - narrow.x_from_time(1000.0) - 150.0).abs() < 1e-6);
    }

    #[test]
    fn fit_leaves_margins() {
        let mut view = TimeView::new(0.0, 1000.0, 0.0, 1.0);
        view.fit(1000.0, 2000.0, 0.05);
        assert!((view.x_from_time(1000.0) - 50.0).abs() < 1e-6);
        assert!((view.x_from_time(2000.0) - 950.0).abs() < 1e-6);
    }
}
