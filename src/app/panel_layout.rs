//! How the window's width is shared between the side panel, the timeline and the details
//! pane, and what of it is remembered between runs. Pure: the UI asks these functions for
//! sizes and hands them to egui's panels.

/// The timeline is what the analyst came for: with both panels at their default widths it
/// keeps at least this share of the window (55 %: at 1024 pt that is 563 pt, room for a
/// week of daily ticks with their labels).
pub const MIN_TIMELINE_SHARE: f32 = 0.55;

/// Between each panel's edge and the timeline's canvas egui leaves this much (the panel's
/// separator and the central panel's spacing; measured in the layout kittest at 1024 pt).
pub const PANEL_GAP: f32 = 8.0;

/// The defaults aim a little above [`MIN_TIMELINE_SHARE`], so that rounding to whole pixels
/// never takes the timeline under it.
const DEFAULT_TIMELINE_SHARE: f32 = 0.56;

/// Narrower than 180 pt, the participants table shows one column and the details' excerpts
/// wrap every two or three words.
pub const MIN_PANEL_WIDTH: f32 = 180.0;

/// Wider than 520 pt a panel's rows are longer than a line of text reads comfortably, and
/// at 1920 pt the two panels would take more than half the window.
pub const MAX_DEFAULT_PANEL_WIDTH: f32 = 520.0;

/// A panel dragged past this share of the window would leave the timeline a sliver.
pub const MAX_PANEL_SHARE: f32 = 0.45;

/// The panels as the analyst left them; kept with the settings.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PanelLayout {
    /// The side panel (participants, locations, positions, sources) is shown.
    pub side_open: bool,
    /// Its width in points, once dragged; `None` takes the default for the window.
    pub side_width: Option<f32>,
    /// The details pane's width once dragged. Whether it shows is not kept: it shows
    /// whenever something is selected, unless the analyst closed it for that selection.
    pub details_width: Option<f32>,
}

impl Default for PanelLayout {
    fn default() -> Self {
        Self {
            side_open: true,
            side_width: None,
            details_width: None,
        }
    }
}

impl PanelLayout {
    /// The side panel's width for a window `window_width` points wide.
    pub fn side_width_for(&self, window_width: f32) -> f32 {
        clamp_width(
            self.side_width
                .unwrap_or_else(|| default_panel_width(window_width)),
            window_width,
        )
    }

    /// The details pane's width for a window `window_width` points wide.
    pub fn details_width_for(&self, window_width: f32) -> f32 {
        clamp_width(
            self.details_width
                .unwrap_or_else(|| default_panel_width(window_width)),
            window_width,
        )
    }

    /// The widths a panel may be dragged to in a window `window_width` points wide.
    pub fn width_range(window_width: f32) -> std::ops::RangeInclusive<f32> {
        MIN_PANEL_WIDTH..=max_panel_width(window_width)
    }

    /// Brings stored values back into range (a hand-edited or damaged settings file).
    /// Returns what had to change, for a warning.
    pub fn validate(&mut self) -> Vec<String> {
        let mut fixed = Vec::new();
        for (name, width) in [
            ("side panel", &mut self.side_width),
            ("details pane", &mut self.details_width),
        ] {
            if let Some(w) = *width
                && (!w.is_finite() || w < MIN_PANEL_WIDTH)
            {
                fixed.push(format!("{name} width {w} is too small; using the default"));
                *width = None;
            }
        }
        fixed
    }
}

/// Each panel takes an equal part of what the timeline leaves, so that with both shown the
/// timeline keeps [`MIN_TIMELINE_SHARE`], within readable limits.
pub fn default_panel_width(window_width: f32) -> f32 {
    let for_panels = window_width * (1.0 - DEFAULT_TIMELINE_SHARE) - 2.0 * PANEL_GAP;
    (for_panels / 2.0).clamp(MIN_PANEL_WIDTH, MAX_DEFAULT_PANEL_WIDTH)
}

fn max_panel_width(window_width: f32) -> f32 {
    (window_width * MAX_PANEL_SHARE).max(MIN_PANEL_WIDTH)
}

fn clamp_width(width: f32, window_width: f32) -> f32 {
    if width.is_finite() {
        width.clamp(MIN_PANEL_WIDTH, max_panel_width(window_width))
    } else {
        default_panel_width(window_width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_1024_the_timeline_keeps_55_percent_with_both_panels() {
        let layout = PanelLayout::default();
        let window = 1024.0;
        let timeline = window
            - layout.side_width_for(window)
            - layout.details_width_for(window)
            - 2.0 * PANEL_GAP;
        assert!(timeline / window >= MIN_TIMELINE_SHARE, "{timeline}");
    }

    #[test]
    fn wide_windows_cap_the_panels_and_narrow_ones_keep_them_readable() {
        assert_eq!(default_panel_width(3840.0), MAX_DEFAULT_PANEL_WIDTH);
        assert_eq!(default_panel_width(600.0), MIN_PANEL_WIDTH);
        let layout = PanelLayout::default();
        let window = 1920.0;
        let timeline = window
            - layout.side_width_for(window)
            - layout.details_width_for(window)
            - 2.0 * PANEL_GAP;
        assert!(timeline / window >= MIN_TIMELINE_SHARE, "{timeline}");
    }

    #[test]
    fn a_dragged_width_is_kept_within_the_window() {
        let layout = PanelLayout {
            side_width: Some(900.0),
            details_width: Some(250.0),
            ..PanelLayout::default()
        };
        assert_eq!(layout.side_width_for(1000.0), 450.0);
        assert_eq!(layout.details_width_for(1000.0), 250.0);
        assert_eq!(layout.side_width_for(2400.0), 900.0);
    }

    #[test]
    fn damaged_widths_fall_back_to_the_default() {
        let mut layout = PanelLayout {
            side_width: Some(f32::NAN),
            details_width: Some(3.0),
            ..PanelLayout::default()
        };
        assert_eq!(layout.validate().len(), 2);
        assert_eq!(layout, PanelLayout::default());
    }
}
