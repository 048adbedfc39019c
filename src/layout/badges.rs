//! Where the "disputed" badges go: one at the top right of each drawn mark whose event's
//! reports disagree (docs/DISPUTES.md). Pure: the painter (`ui::timeline::badges`) draws a
//! disc with a glyph at each, and the SVG export could draw the same.

use super::lane_layout::LanesDrawList;
use super::mark_geometry::{bar_height, bar_x};
use super::time_view::TimeView;
use super::{ItemMark, POINT_MARKER_PX};

/// A badge's radius: a 12-point disc reads as a mark of its own beside a 12-point marker or
/// a 16-point bar, and holds its glyph at 11 points (at 10 points, 9-point text, the "≠"
/// was two specks in the screenshots).
pub const BADGE_RADIUS_PX: f64 = 6.0;

/// One badge, centred at (`x`, `y`) in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Badge {
    /// The event's position in the project's list.
    pub event: u32,
    pub x: f64,
    pub y: f64,
}

/// A badge for each drawn mark of an event that `disputed` says is disputed, in drawing
/// order (an event on several lanes gets one on each of its marks).
pub fn dispute_badges(
    layout: &LanesDrawList,
    view: &TimeView,
    row_height: f64,
    disputed: impl Fn(u32) -> bool,
) -> Vec<Badge> {
    layout
        .items()
        .filter(|item| disputed(item.event))
        .map(|item| badge_of(item, view, row_height))
        .collect()
}

/// On the mark's top right corner: a point marker's, or the visible end of a bar (a bar that
/// runs past the canvas keeps its badge on screen, inside the right edge).
fn badge_of(item: &ItemMark, view: &TimeView, row_height: f64) -> Badge {
    let y_mid = item.y + row_height / 2.0;
    if item.is_point {
        let half = POINT_MARKER_PX / 2.0;
        return Badge {
            event: item.event,
            x: item.x_center + half - 1.0,
            y: y_mid - half,
        };
    }
    let (_, right) = bar_x(item);
    let right = right
        .max(item.x_latest)
        .min(view.max_x() - BADGE_RADIUS_PX - 1.0);
    Badge {
        event: item.event,
        x: right,
        // On the bar's top edge, 2 points up, so that it covers little of a label inside.
        y: y_mid - bar_height(row_height) / 2.0 - 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{DrawList, LaneDraw};

    fn item(event: u32, x0: f64, x1: f64, is_point: bool) -> ItemMark {
        ItemMark {
            event,
            row: 0,
            y: 100.0,
            x_earliest: x0,
            x_latest: x1,
            core_x: None,
            is_point,
            x_center: f64::midpoint(x0, x1),
            label_x: x1 + 4.0,
            label_max_width: 50.0,
        }
    }

    #[test]
    fn disputed_marks_get_a_badge_at_their_top_right() {
        let view = TimeView::new(0.0, 800.0, 0.0, 800.0);
        let layout = LanesDrawList {
            lanes: vec![LaneDraw {
                lane: 0,
                y_top: 100.0,
                height: 24.0,
                collapsed: false,
                list: DrawList {
                    items: vec![
                        item(0, 10.0, 11.0, true),
                        item(1, 100.0, 300.0, false),
                        item(2, 400.0, 2000.0, false),
                        item(3, 500.0, 600.0, false),
                    ],
                    ..DrawList::default()
                },
            }],
            ..LanesDrawList::default()
        };
        let badges = dispute_badges(&layout, &view, 24.0, |e| e != 3);
        assert_eq!(
            badges,
            [
                // The point marker's corner: 6 points right of and above its centre.
                Badge {
                    event: 0,
                    x: 15.5,
                    y: 106.0
                },
                // The bar's end, on its top edge (a 16-point bar in a 24-point row).
                Badge {
                    event: 1,
                    x: 300.0,
                    y: 102.0
                },
                // A bar past the canvas: inside its right edge.
                Badge {
                    event: 2,
                    x: 793.0,
                    y: 102.0
                },
            ]
        );
    }
}
