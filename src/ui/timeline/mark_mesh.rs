//! The marks' axis-aligned parts (bars, outlines, dashes, uncertain parts, hatching,
//! brackets, label plates) as plain triangles in two meshes per canvas, instead of one
//! rounded, anti-aliased shape each.
//!
//! Why: on a software renderer (llvmpipe) the frame's CPU time grows with the triangles it
//! is handed. A rounded filled rectangle tessellates to ~45 triangles and a rounded outline
//! to 70–90; the same rectangle as a mesh quad is 2, an outline 8. At 100k events and half a
//! year in view, 333 such shapes were 16,600 of the frame's 27,500 triangles (each shape of
//! one frame tessellated alone; docs/PERFORMANCE.md, issue 12 item 8). Axis-aligned edges
//! need no anti-aliasing to look sharp; diagonal hatching is drawn as 1.4-pt-wide
//! parallelograms (1 pt across at 45°), 2 triangles a line instead of ~9.

use std::cell::RefCell;

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::layers::ShapeIdx;
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, pos2};

/// Two meshes painted where they were reserved: the marks' fills and outlines first, then
/// the plates under labels (which must cover the fills of the mark they lie on).
pub struct MarkMeshes {
    fills: RefCell<Mesh>,
    plates: RefCell<Mesh>,
    slots: [ShapeIdx; 2],
}

impl MarkMeshes {
    /// Reserves the meshes' places in `painter`'s shapes: what is painted after this call
    /// (labels, markers' outlines, rings) lies over them.
    pub fn reserve(painter: &Painter) -> Self {
        Self {
            fills: RefCell::new(Mesh::default()),
            plates: RefCell::new(Mesh::default()),
            slots: [painter.add(Shape::Noop), painter.add(Shape::Noop)],
        }
    }

    /// Puts the meshes in their places.
    pub fn finish(self, painter: &Painter) {
        let [fills, plates] = self.slots;
        painter.set(fills, Shape::mesh(self.fills.into_inner()));
        painter.set(plates, Shape::mesh(self.plates.into_inner()));
    }

    pub fn fill_rect(&self, rect: Rect, color: Color32) {
        if rect.is_positive() && color != Color32::TRANSPARENT {
            self.fills.borrow_mut().add_colored_rect(rect, color);
        }
    }

    pub fn plate(&self, rect: Rect, color: Color32) {
        if rect.is_positive() {
            self.plates.borrow_mut().add_colored_rect(rect, color);
        }
    }

    /// A rectangle shading from `left` to `right`.
    pub fn gradient_rect(&self, rect: Rect, [left, right]: [Color32; 2]) {
        if !rect.is_positive() {
            return;
        }
        let corners = [
            (rect.left_top(), left),
            (rect.right_top(), right),
            (rect.right_bottom(), right),
            (rect.left_bottom(), left),
        ];
        self.quad(corners);
    }

    /// An outline inside `rect`, as four bars of the stroke's width.
    pub fn stroke_inside(&self, rect: Rect, stroke: Stroke) {
        let width = stroke
            .width
            .min(rect.width() / 2.0)
            .min(rect.height() / 2.0);
        if width <= 0.0 {
            return;
        }
        let inner = rect.shrink(width);
        for bar in [
            Rect::from_x_y_ranges(rect.x_range(), rect.top()..=inner.top()),
            Rect::from_x_y_ranges(rect.x_range(), inner.bottom()..=rect.bottom()),
            Rect::from_x_y_ranges(rect.left()..=inner.left(), inner.y_range()),
            Rect::from_x_y_ranges(inner.right()..=rect.right(), inner.y_range()),
        ] {
            self.fill_rect(bar, stroke.color);
        }
    }

    /// A line of `stroke` from `a` to `b`, either horizontal or vertical, centred on them.
    pub fn straight_line(&self, a: Pos2, b: Pos2, stroke: Stroke) {
        let half = stroke.width / 2.0;
        let rect = Rect::from_two_pos(a, b);
        let rect = if rect.height() < rect.width() {
            rect.expand2(egui::vec2(0.0, half))
        } else {
            rect.expand2(egui::vec2(half, 0.0))
        };
        self.fill_rect(rect, stroke.color);
    }

    /// A dashed outline: 4-point dashes 3 points apart along each side, centred on it; dashes
    /// outside `clip` are left out (a 1,900-pt bar zoomed in has 550 of them).
    pub fn dashed_outline(&self, rect: Rect, stroke: Stroke, clip: Rect) {
        const DASH: f32 = 4.0;
        const GAP: f32 = 3.0;
        let half = stroke.width / 2.0;
        let clip = clip.expand(stroke.width);
        let dashes = |from: f32, to: f32, dash: &mut dyn FnMut(f32, f32)| {
            let mut x = from;
            while x < to {
                dash(x, (x + DASH).min(to));
                x += DASH + GAP;
            }
        };
        for y in [rect.top(), rect.bottom()] {
            if y < clip.top() || y > clip.bottom() {
                continue;
            }
            // Start at the first dash in view.
            let first = rect.left()
                + ((clip.left() - rect.left()).max(0.0) / (DASH + GAP)).floor() * (DASH + GAP);
            dashes(first, rect.right().min(clip.right()), &mut |x0, x1| {
                self.fill_rect(
                    Rect::from_x_y_ranges(x0..=x1, (y - half)..=(y + half)),
                    stroke.color,
                );
            });
        }
        for x in [rect.left(), rect.right()] {
            if x < clip.left() || x > clip.right() {
                continue;
            }
            dashes(rect.top(), rect.bottom(), &mut |y0, y1| {
                self.fill_rect(
                    Rect::from_x_y_ranges((x - half)..=(x + half), y0..=y1),
                    stroke.color,
                );
            });
        }
    }

    /// Diagonal lines ("/") 6 points apart across `rect`, counted from `phase_x` (the
    /// unclipped part's left edge, so that the lines move with the mark when it pans).
    pub fn hatch(&self, rect: Rect, phase_x: f32, stroke: Stroke) {
        const SPACING: f32 = 6.0;
        // A 45° line `stroke.width` across is √2 times as wide along x.
        let half = stroke.width * std::f32::consts::SQRT_2 / 2.0;
        let h = rect.height();
        let steps = ((rect.left() - h - phase_x) / SPACING).ceil();
        let mut x = phase_x + steps * SPACING;
        while x < rect.right() {
            // The line from (x, bottom) to (x + h, top), clipped to the rect's width.
            let x0 = x.max(rect.left());
            let x1 = (x + h).min(rect.right());
            if x1 > x0 {
                let y_at = |px: f32| rect.bottom() - (px - x);
                let (a, b) = (pos2(x0, y_at(x0)), pos2(x1, y_at(x1)));
                self.quad([
                    (pos2(a.x - half, a.y), stroke.color),
                    (pos2(a.x + half, a.y), stroke.color),
                    (pos2(b.x + half, b.y), stroke.color),
                    (pos2(b.x - half, b.y), stroke.color),
                ]);
            }
            x += SPACING;
        }
    }

    /// A bracket at `x` across `y`, its serifs `inward` (negative: pointing left): three
    /// straight bars.
    pub fn bracket(&self, x: f32, y: egui::Rangef, inward: f32, stroke: Stroke) {
        self.straight_line(pos2(x, y.min), pos2(x, y.max), stroke);
        let half = stroke.width / 2.0;
        for y in [y.min, y.max] {
            let (x0, x1) = if inward > 0.0 {
                (x - half, x + inward)
            } else {
                (x + inward, x + half)
            };
            self.straight_line(pos2(x0, y), pos2(x1, y), stroke);
        }
    }

    /// A convex polygon's fill, as a fan. Its outline, drawn over it, gives the edge.
    pub fn convex_fill(&self, points: &[Pos2], color: Color32) {
        if points.len() < 3 || color == Color32::TRANSPARENT {
            return;
        }
        let mut mesh = self.fills.borrow_mut();
        let base = mesh.vertices.len() as u32;
        mesh.vertices.extend(points.iter().map(|&pos| Vertex {
            pos,
            uv: WHITE_UV,
            color,
        }));
        for i in 1..points.len() as u32 - 1 {
            mesh.indices.extend([base, base + i, base + i + 1]);
        }
    }

    fn quad(&self, corners: [(Pos2, Color32); 4]) {
        let mut mesh = self.fills.borrow_mut();
        let base = mesh.vertices.len() as u32;
        mesh.vertices
            .extend(corners.iter().map(|&(pos, color)| Vertex {
                pos,
                uv: WHITE_UV,
                color,
            }));
        mesh.indices
            .extend([base, base + 1, base + 2, base, base + 2, base + 3]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triangles(meshes: &MarkMeshes) -> usize {
        meshes.fills.borrow().indices.len() / 3
    }

    fn meshes() -> MarkMeshes {
        MarkMeshes {
            fills: RefCell::default(),
            plates: RefCell::default(),
            slots: [ShapeIdx(0), ShapeIdx(1)],
        }
    }

    #[test]
    fn an_outline_is_four_bars_and_a_hatch_line_two_triangles() {
        let m = meshes();
        let rect = Rect::from_min_max(pos2(10.0, 0.0), pos2(1910.0, 14.0));
        m.stroke_inside(rect, Stroke::new(1.5, Color32::RED));
        assert_eq!(triangles(&m), 8);
        let m = meshes();
        m.hatch(rect, rect.left(), Stroke::new(1.0, Color32::RED));
        // 1,900 pt at 6 pt a line, plus the lines that enter from the left: ~320 lines.
        let lines = triangles(&m) / 2;
        assert!((317..=322).contains(&lines), "{lines}");
        // Every hatch vertex stays within the rect's height and, but for half a line's
        // width, its width.
        let fills = m.fills.borrow();
        assert!(fills.vertices.iter().all(|v| {
            v.pos.y >= rect.top() - 1e-3
                && v.pos.y <= rect.bottom() + 1e-3
                && v.pos.x >= rect.left() - 1.0
                && v.pos.x <= rect.right() + 1.0
        }));
    }

    #[test]
    fn hatching_keeps_its_phase_when_the_part_is_clipped() {
        // The same part, whole and with its first 100 pt clipped off: the lines left are
        // the same lines.
        let whole = meshes();
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(300.0, 14.0));
        whole.hatch(rect, 0.0, Stroke::new(1.0, Color32::RED));
        let clipped = meshes();
        let right = Rect::from_min_max(pos2(100.0, 0.0), rect.max);
        clipped.hatch(right, 0.0, Stroke::new(1.0, Color32::RED));
        let tops = |m: &MarkMeshes| -> Vec<i32> {
            m.fills
                .borrow()
                .vertices
                .iter()
                .filter(|v| v.pos.y == 0.0 && v.pos.x > 120.0)
                .map(|v| (v.pos.x * 10.0).round() as i32)
                .collect()
        };
        assert_eq!(tops(&whole), tops(&clipped));
    }

    #[test]
    fn nothing_is_added_for_empty_or_transparent_rects() {
        let m = meshes();
        m.fill_rect(Rect::NOTHING, Color32::RED);
        m.fill_rect(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(5.0, 5.0)),
            Color32::TRANSPARENT,
        );
        m.stroke_inside(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(0.0, 5.0)),
            Stroke::new(1.0, Color32::RED),
        );
        assert_eq!(triangles(&m), 0);
    }
}
