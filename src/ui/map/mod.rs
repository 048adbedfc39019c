//! The world map of the Locations panel: where the project's events happen, one marker per
//! place, sized by its number of events. Wheel to zoom at the pointer, drag to pan,
//! double-click (or "Fit") to show every marker; click a marker to select the place.

mod base;

use std::time::{Duration, Instant};

use egui::{
    Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, WidgetInfo, accesskit::Role, pos2,
    vec2,
};

use crate::app::{Document, Selected, Selection, SelectionLinks};
use crate::geo::{
    Bounds, MAX_RADIUS_PX, MapView, Marker, Viewport, World, hit_test, layout_markers, place_labels,
};
use crate::ui::actions::Action;
use crate::ui::panels::PanelContext;
use crate::ui::style;
use base::{BaseCache, Palette};

/// One wheel notch (50 points in egui) zooms by 1.25×, as on the timeline: ln(1.25) / 50.
const ZOOM_PER_SCROLL_POINT: f64 = 0.004_46;
/// Room around the markers when fitting: the largest marker's radius plus a little, so that
/// no disc touches the edge.
const FIT_MARGIN_PX: f64 = MAX_RADIUS_PX + 8.0;
/// Label text: small, as the panel is narrow, but above egui's 10 pt "small" for legibility
/// on the map's texture.
const LABEL_FONT_SIZE: f32 = 11.5;
/// Gap between a marker's disc and its label.
const LABEL_GAP: f32 = 3.0;
/// Labels are tried for the 150 places with most events only. A 1920×1080 window's map
/// (~420×420 pt) holds at most ~160 labels of ~70×16 pt even packed edge to edge, and the
/// greedy placement costs (tried × placed); with 2,000 places on screen, trying them all took
/// several milliseconds a frame for labels that could not fit anyway.
const MAX_LABELS_TRIED: usize = 150;

/// What the map keeps between frames.
#[derive(Default)]
pub struct MapState {
    view: Option<MapView>,
    /// The document (by instance) the view was fitted to: a newly opened project refits.
    fitted_instance: Option<u64>,
    fit_requested: bool,
    markers: Vec<Marker>,
    /// The document revision and filter generation the markers were laid out for.
    markers_for: Option<((u64, u64), u64)>,
    base: BaseCache,
    /// CPU time of the last `map_ui` call (painting included, egui's tessellation not).
    last_frame: Duration,
}

impl MapState {
    pub fn view(&self) -> Option<&MapView> {
        self.view.as_ref()
    }

    /// Shows this part of the world from the next frame on (clamped to the world then).
    pub fn set_view(&mut self, view: MapView) {
        self.view = Some(view);
    }

    pub fn request_fit(&mut self) {
        self.fit_requested = true;
    }

    pub fn markers(&self) -> &[Marker] {
        &self.markers
    }

    /// CPU time of the last frame's `map_ui`.
    pub fn last_frame_cost(&self) -> Duration {
        self.last_frame
    }

    /// How long the last rebuild of the land and borders mesh took, and how many there were.
    pub fn base_rebuilds(&self) -> (Duration, u64) {
        (self.base.last_build, self.base.builds)
    }

    fn refresh_markers(&mut self, cx: &PanelContext<'_>) {
        let key = (cx.doc.revision(), cx.filtered.generation());
        if self.markers_for != Some(key) {
            let filtered = cx.filtered;
            self.markers = layout_markers(
                cx.doc.project(),
                |id| filtered.locations.get(&id).map_or(0, |a| a.num_events),
                &filtered.result.locations,
                &filtered.result.events,
            );
            self.markers_for = Some(key);
        }
    }

    fn fitted_view(&self, viewport: &Viewport) -> MapView {
        let bounds = self
            .markers
            .iter()
            .fold(Bounds::EMPTY, |b, m| b.including(m.lon, m.lat));
        MapView::fit(viewport, &bounds, FIT_MARGIN_PX)
    }
}

/// The accent colour of markers, as the timeline's overview strip.
fn marker_color(dark_mode: bool) -> Color32 {
    style::accent_color(dark_mode)
}

/// Shows the map in all of `ui`'s available space, with a marker for each place that passes
/// the shared filter, sized by its number of passing events.
pub fn map_ui(
    ui: &mut egui::Ui,
    state: &mut MapState,
    cx: &PanelContext<'_>,
    actions: &mut Vec<Action>,
) {
    let (doc, selection, links) = (cx.doc, cx.selection, cx.links);
    let started = Instant::now();
    let size = ui.available_size().max(vec2(60.0, 60.0));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, "Map"));
    let viewport = Viewport {
        left: f64::from(rect.left()),
        top: f64::from(rect.top()),
        width: f64::from(rect.width()),
        height: f64::from(rect.height()),
    };
    state.refresh_markers(cx);

    let instance = doc.revision().0;
    if state.view.is_none() || state.fitted_instance != Some(instance) || state.fit_requested {
        state.view = Some(state.fitted_view(&viewport));
        state.fitted_instance = Some(instance);
        state.fit_requested = false;
    }
    let mut view = state.view.unwrap_or_default();
    view.clamp(&viewport);
    handle_input(ui, &response, rect, &viewport, &mut view);
    if response.double_clicked() {
        view = state.fitted_view(&viewport);
    }
    state.view = Some(view);

    let dark = ui.visuals().dark_mode;
    let palette = Palette::new(dark);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, palette.water);
    let world = World::embedded();
    let mesh = state.base.mesh(
        world,
        &view,
        rect,
        palette,
        ui.ctx().pixels_per_point(),
        ui.ctx().tessellation_options(|o| *o),
    );
    painter.add(Shape::Mesh(mesh));

    markers_ui(
        ui, &painter, state, doc, &view, &viewport, rect, selection, links, actions,
    );
    credit_ui(&painter, rect, palette, ui.visuals());
    let fit_rect = Rect::from_min_size(rect.min + vec2(6.0, 6.0), vec2(34.0, 20.0));
    let fit = ui
        .put(fit_rect, egui::Button::new("Fit").small())
        .on_hover_text("Show every place (or double-click the map). Wheel: zoom; drag: pan.");
    if fit.clicked() {
        state.request_fit();
    }
    state.last_frame = started.elapsed();
}

fn handle_input(
    ui: &egui::Ui,
    response: &egui::Response,
    rect: Rect,
    viewport: &Viewport,
    view: &mut MapView,
) {
    if response.dragged() {
        let d = response.drag_delta();
        view.pan_by(viewport, [f64::from(d.x), f64::from(d.y)]);
    }
    // The pointer may be over a marker (a widget on top of the map): the wheel still zooms.
    if ui.rect_contains_pointer(rect) {
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        let cursor = pointer.map_or(viewport.center(), |p| [f64::from(p.x), f64::from(p.y)]);
        if scroll.y != 0.0 {
            view.zoom_at(
                viewport,
                cursor,
                (f64::from(scroll.y) * ZOOM_PER_SCROLL_POINT).exp(),
            );
        }
        if scroll.x != 0.0 {
            view.pan_by(viewport, [f64::from(scroll.x), 0.0]);
        }
        if zoom != 1.0 {
            view.zoom_at(viewport, cursor, f64::from(zoom));
        }
    }
}

#[allow(clippy::too_many_arguments)] // one call site; a struct would only rename them
fn markers_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    state: &MapState,
    doc: &Document,
    view: &MapView,
    viewport: &Viewport,
    rect: Rect,
    selection: &Selection,
    links: &SelectionLinks,
    actions: &mut Vec<Action>,
) {
    let project = doc.project();
    let visuals = ui.visuals();
    let accent = marker_color(visuals.dark_mode);
    let highlight = visuals.selection.stroke.color;
    let map_id = ui.scope_id().with("map_markers");
    let mut on_screen: Vec<(usize, Pos2)> = Vec::new();
    let mut clicked = None;
    for (i, m) in state.markers.iter().enumerate() {
        let [x, y] = view.screen_from_lonlat(viewport, m.lon, m.lat);
        let center = pos2(x as f32, y as f32);
        let r = m.radius as f32;
        if !rect.expand(r).contains(center) {
            continue;
        }
        on_screen.push((i, center));
        let location = &project.locations[m.location];
        let item = Selected::Location(location.id);
        let selected = selection.contains(&item);
        let linked = links.locations.contains(&location.id);
        // One widget per marker, in drawing order, so that the one drawn on top is also the
        // one egui hits, and so that AccessKit lists every place by name.
        let hit_rect = Rect::from_center_size(center, vec2(2.0 * r, 2.0 * r)).intersect(rect);
        let response = ui.interact(hit_rect, map_id.with(location.id), Sense::click());
        response.widget_info(|| {
            WidgetInfo::selected(
                Role::Button,
                true,
                selected,
                format!("Map marker: {}", location.name),
            )
        });
        if response.clicked() {
            // A pointer click goes to the disc under it (the square widget has corners);
            // an AccessKit or keyboard click to this marker.
            let target = response
                .interact_pointer_pos()
                .and_then(|p| {
                    hit_test(
                        &state.markers,
                        view,
                        viewport,
                        [f64::from(p.x), f64::from(p.y)],
                    )
                })
                .unwrap_or(i);
            let additive = ui.input(|inp| inp.modifiers.command || inp.modifiers.shift);
            clicked = Some((target, additive));
        }
        let hovered = response.hovered();
        response.on_hover_ui(|ui| {
            ui.strong(&location.name);
            let country = location.country.as_deref().map(|c| {
                crate::geo::country_name(c).map_or_else(|| c.to_owned(), |n| format!("{n} ({c})"))
            });
            if let Some(country) = country {
                ui.label(country);
            }
            let events = if m.events == 1 { "event" } else { "events" };
            ui.label(format!("{} {events}", m.events));
            if m.candidate_only {
                ui.weak("Named only as a possible place");
            }
        });
        paint_marker(
            painter, m, center, accent, highlight, selected, linked, hovered, visuals,
        );
    }
    if let Some((target, additive)) = clicked {
        let item = Selected::Location(project.locations[state.markers[target].location].id);
        actions.push(if additive {
            Action::ToggleSelect(item)
        } else {
            Action::Select(item)
        });
    }
    labels(painter, state, doc, &on_screen, rect, visuals);
}

#[allow(clippy::too_many_arguments)] // the look of one marker depends on all of them
fn paint_marker(
    painter: &egui::Painter,
    m: &Marker,
    center: Pos2,
    accent: Color32,
    highlight: Color32,
    selected: bool,
    linked: bool,
    hovered: bool,
    visuals: &egui::Visuals,
) {
    let r = m.radius as f32;
    // A thin halo in the panel colour separates overlapping discs and lifts them off land.
    let halo = Stroke::new(1.0, visuals.panel_fill);
    if m.candidate_only {
        // Hollow and dashed, as the timeline draws what is not firm.
        painter.circle_filled(center, r, accent.gamma_multiply(0.12));
        let points: Vec<Pos2> = (0..=48)
            .map(|k| {
                let a = k as f32 / 48.0 * std::f32::consts::TAU;
                center + vec2(a.cos(), a.sin()) * r
            })
            .collect();
        painter.extend(Shape::dashed_line(
            &points,
            Stroke::new(1.8, accent),
            4.0,
            3.0,
        ));
    } else {
        let alpha = if selected || linked || hovered {
            1.0
        } else {
            0.78
        };
        painter.circle(center, r, accent.gamma_multiply(alpha), halo);
    }
    if selected || linked {
        let width = if selected { 2.5 } else { 1.5 };
        painter.circle_stroke(center, r + 3.0, Stroke::new(width, highlight));
    } else if hovered {
        painter.circle_stroke(
            center,
            r + 2.0,
            Stroke::new(1.0, visuals.strong_text_color()),
        );
    }
}

/// Names beside the markers, larger places first, where they fit without overlapping.
fn labels(
    painter: &egui::Painter,
    state: &MapState,
    doc: &Document,
    on_screen: &[(usize, Pos2)],
    rect: Rect,
    visuals: &egui::Visuals,
) {
    let mut order: Vec<&(usize, Pos2)> = on_screen.iter().collect();
    order.sort_by(|a, b| {
        let (ma, mb) = (&state.markers[a.0], &state.markers[b.0]);
        mb.events
            .cmp(&ma.events)
            .then(ma.location.cmp(&mb.location))
    });
    order.truncate(MAX_LABELS_TRIED);
    let font = FontId::proportional(LABEL_FONT_SIZE);
    let text_color = visuals.strong_text_color();
    let galleys: Vec<_> = order
        .iter()
        .map(|(i, _)| {
            let name = &doc.project().locations[state.markers[*i].location].name;
            painter.layout_no_wrap(name.clone(), font.clone(), text_color)
        })
        .collect();
    let to_box = |r: Rect| {
        [
            f64::from(r.min.x),
            f64::from(r.min.y),
            f64::from(r.max.x),
            f64::from(r.max.y),
        ]
    };
    let candidates: Vec<Vec<[f64; 4]>> = order
        .iter()
        .zip(&galleys)
        .map(|((i, center), galley)| {
            let r = state.markers[*i].radius as f32 + LABEL_GAP;
            let size = galley.size() + vec2(6.0, 2.0);
            // Right of the disc, then left, then above, then below.
            [
                Rect::from_min_size(pos2(center.x + r, center.y - size.y / 2.0), size),
                Rect::from_min_size(pos2(center.x - r - size.x, center.y - size.y / 2.0), size),
                Rect::from_min_size(pos2(center.x - size.x / 2.0, center.y - r - size.y), size),
                Rect::from_min_size(pos2(center.x - size.x / 2.0, center.y + r), size),
            ]
            .into_iter()
            .filter(|b| rect.contains_rect(*b))
            .map(to_box)
            .collect()
        })
        .collect();
    // Labels keep clear of the Fit button, the credit line and every disc.
    let mut obstacles = vec![
        to_box(fit_and_credit_rect(rect, true)),
        to_box(fit_and_credit_rect(rect, false)),
    ];
    obstacles.extend(on_screen.iter().map(|(i, c)| {
        let r = state.markers[*i].radius as f32;
        to_box(Rect::from_center_size(*c, vec2(2.0 * r, 2.0 * r)))
    }));
    let background = visuals.panel_fill.gamma_multiply(0.75);
    for ((choice, galley), boxes) in place_labels(&candidates, &obstacles)
        .into_iter()
        .zip(galleys)
        .zip(&candidates)
    {
        let Some(choice) = choice else { continue };
        let [x0, y0, x1, y1] = boxes[choice].map(|v| v as f32);
        let label_rect = Rect::from_min_max(pos2(x0, y0), pos2(x1, y1));
        painter.rect_filled(label_rect, 3.0, background);
        painter.galley(label_rect.min + vec2(3.0, 1.0), galley, text_color);
    }
}

/// The Fit button (top left) or the credit line (bottom right), as obstacles for labels.
fn fit_and_credit_rect(rect: Rect, fit: bool) -> Rect {
    if fit {
        Rect::from_min_size(rect.min, vec2(46.0, 32.0))
    } else {
        Rect::from_min_max(rect.max - vec2(150.0, 18.0), rect.max)
    }
}

/// Natural Earth asks for "Made with Natural Earth".
fn credit_ui(painter: &egui::Painter, rect: Rect, palette: Palette, visuals: &egui::Visuals) {
    let color = visuals.weak_text_color();
    let galley = painter.layout_no_wrap(
        "Made with Natural Earth".to_owned(),
        FontId::proportional(10.0),
        color,
    );
    let text_rect =
        Align2::RIGHT_BOTTOM.anchor_size(rect.right_bottom() - vec2(4.0, 3.0), galley.size());
    // A band of water behind it, so that borders do not run through the text.
    painter.rect_filled(
        text_rect.expand(2.0),
        2.0,
        palette.water.gamma_multiply(0.85),
    );
    painter.galley(text_rect.min, galley, color);
}
