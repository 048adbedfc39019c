//! The map's base layer: graticule, land and country borders as one mesh, rebuilt only
//! when the view, the size or the theme changes.
//!
//! egui re-tessellates every shape every frame; the ~10,000 border points would cost that
//! each frame. Here the land is triangulated once (in `geo::World`, in lon/lat), moved with
//! one affine transform, and the borders are tessellated once per view, so that a frame
//! that does not pan or zoom only copies one prepared mesh.

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::epaint::{PathShape, TessellationOptions, Tessellator, Vertex, WHITE_UV};
use egui::{Color32, Mesh, Pos2, Rect, Stroke, emath::TSTransform, pos2, vec2};

use crate::geo::{MapView, Viewport, World};

/// The map's colours for one theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub water: Color32,
    pub land: Color32,
    pub border: Color32,
    pub graticule: Color32,
}

impl Palette {
    /// Land a step lighter than the water in the dark theme and nearly white in the light
    /// one: the map stays a quiet background for the accent-coloured markers.
    pub fn new(dark_mode: bool) -> Self {
        if dark_mode {
            Self {
                water: Color32::from_rgb(20, 26, 34),
                land: Color32::from_rgb(50, 55, 62),
                border: Color32::from_rgb(92, 99, 108),
                graticule: Color32::from_rgb(34, 42, 52),
            }
        } else {
            Self {
                water: Color32::from_rgb(212, 225, 238),
                land: Color32::from_rgb(247, 246, 241),
                border: Color32::from_rgb(158, 164, 172),
                graticule: Color32::from_rgb(196, 211, 226),
            }
        }
    }
}

/// What the base mesh was built for.
#[derive(Clone, Copy, Debug, PartialEq)]
struct BaseKey {
    view: MapView,
    rect: Rect,
    palette: Palette,
    pixels_per_point: f32,
}

/// The cached base layer and what it cost.
#[derive(Default)]
pub struct BaseCache {
    /// Land in `(lon, −lat)` with the land colour, so that the projection is a uniform
    /// scale and a translation (see `MapView::affine`).
    land: Option<(Color32, Mesh)>,
    built: Option<(BaseKey, Arc<Mesh>)>,
    /// How long the last rebuild took, and how many rebuilds there were.
    pub last_build: Duration,
    pub builds: u64,
}

impl BaseCache {
    /// The base mesh for this view; rebuilt only when something it depends on changed.
    pub fn mesh(
        &mut self,
        world: &World,
        view: &MapView,
        rect: Rect,
        palette: Palette,
        pixels_per_point: f32,
        options: TessellationOptions,
    ) -> Arc<Mesh> {
        let viewport = &Viewport {
            left: f64::from(rect.left()),
            top: f64::from(rect.top()),
            width: f64::from(rect.width()),
            height: f64::from(rect.height()),
        };
        let key = BaseKey {
            view: *view,
            rect,
            palette,
            pixels_per_point,
        };
        if let Some((built_for, mesh)) = &self.built
            && *built_for == key
        {
            return Arc::clone(mesh);
        }
        let started = Instant::now();
        if self.land.as_ref().is_none_or(|(c, _)| *c != palette.land) {
            self.land = Some((palette.land, land_template(world, palette.land)));
        }
        let mut mesh = Mesh::default();
        let mut tessellator = Tessellator::new(pixels_per_point, options, [1, 1], Vec::new());
        tessellator.set_clip_rect(rect);
        graticule(
            &mut tessellator,
            &mut mesh,
            view,
            viewport,
            rect,
            palette.graticule,
        );
        if let Some((_, land)) = &self.land {
            let (scale, [tx, ty]) = view.affine(viewport);
            let mut placed = land.clone();
            placed.transform(TSTransform::new(vec2(tx as f32, ty as f32), scale as f32));
            mesh.append(placed);
        }
        borders(
            &mut tessellator,
            &mut mesh,
            world,
            view,
            viewport,
            palette.border,
        );
        let mesh = Arc::new(mesh);
        self.built = Some((key, Arc::clone(&mesh)));
        self.last_build = started.elapsed();
        self.builds += 1;
        mesh
    }
}

fn land_template(world: &World, color: Color32) -> Mesh {
    Mesh {
        indices: world.indices.clone(),
        vertices: world
            .points
            .iter()
            .map(|&[lon, lat]| Vertex {
                pos: pos2(lon, -lat),
                uv: WHITE_UV,
                color,
            })
            .collect(),
        ..Default::default()
    }
}

/// Country borders and coasts, only for rings that reach into the view.
fn borders(
    tessellator: &mut Tessellator,
    mesh: &mut Mesh,
    world: &World,
    view: &MapView,
    viewport: &Viewport,
    color: Color32,
) {
    // Hairlines when the whole world is shown (borders ~3 px apart in Europe would merge
    // into a grey smear at 1 px), a full pixel from regional zoom (4 px per degree) on.
    let width = if view.scale_px_per_deg < 4.0 {
        0.6
    } else {
        1.0
    };
    let stroke = Stroke::new(width, color);
    let visible = view.visible_bounds(viewport);
    let (scale, [tx, ty]) = view.affine(viewport);
    let mut points: Vec<Pos2> = Vec::new();
    for ring in world.rings.iter().filter(|r| r.bounds.intersects(&visible)) {
        points.clear();
        for &[lon, lat] in world.ring_points(ring) {
            let p = pos2(
                (f64::from(lon) * scale + tx) as f32,
                (-f64::from(lat) * scale + ty) as f32,
            );
            if points
                .last()
                .is_none_or(|last| last.distance_sq(p) >= MIN_STEP_PX * MIN_STEP_PX)
            {
                points.push(p);
            }
        }
        while points.len() > 1
            && points
                .first()
                .zip(points.last())
                .is_some_and(|(a, b)| a.distance_sq(*b) < MIN_STEP_PX * MIN_STEP_PX)
        {
            points.pop();
        }
        if points.len() >= 3 {
            stroke_ring(tessellator, mesh, &points, stroke);
        }
    }
}

/// Strokes a closed ring as open runs split where it turns back by more than 120°: egui's
/// join at such a hairpin throws its feathering hundreds of pixels out.
fn stroke_ring(tessellator: &mut Tessellator, mesh: &mut Mesh, ring: &[Pos2], stroke: Stroke) {
    /// cos 120°: a sharper turn ends the run.
    const MAX_TURN_COS: f32 = -0.5;
    let n = ring.len();
    let mut run: Vec<Pos2> = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let p = ring[i % n];
        run.push(p);
        if i == 0 || i == n {
            continue;
        }
        let incoming = (p - ring[i - 1]).normalized();
        let outgoing = (ring[(i + 1) % n] - p).normalized();
        if incoming.dot(outgoing) < MAX_TURN_COS {
            tessellator.tessellate_path(&PathShape::line(std::mem::take(&mut run), stroke), mesh);
            run.push(p);
        }
    }
    if run.len() >= 2 {
        tessellator.tessellate_path(&PathShape::line(run, stroke), mesh);
    }
}

/// Border points closer than this to the previous one are dropped. Sub-pixel steps add
/// nothing visible, and where a coast turns back on itself within them, egui's feathering
/// made a spike hundreds of pixels long (seen across the Atlantic from a Moroccan cape at
/// world zoom); 0.75 pt also halves the vertices at world zoom.
const MIN_STEP_PX: f32 = 0.75;

/// Meridians and parallels every 30°, 10°, 5° or 1°: the finest step that leaves at least
/// 60 px between lines, so the grid orients without competing with the borders.
fn graticule(
    tessellator: &mut Tessellator,
    mesh: &mut Mesh,
    view: &MapView,
    viewport: &Viewport,
    rect: Rect,
    color: Color32,
) {
    const MIN_GAP_PX: f64 = 60.0;
    let step = [1.0, 5.0, 10.0, 30.0]
        .into_iter()
        .find(|s| s * view.scale_px_per_deg >= MIN_GAP_PX)
        .unwrap_or(30.0);
    let stroke = Stroke::new(1.0, color);
    let visible = view.visible_bounds(viewport);
    let top = view.screen_from_lonlat(viewport, 0.0, 90.0)[1].max(f64::from(rect.top()));
    let bottom = view.screen_from_lonlat(viewport, 0.0, -90.0)[1].min(f64::from(rect.bottom()));
    let left = view.screen_from_lonlat(viewport, -180.0, 0.0)[0].max(f64::from(rect.left()));
    let right = view.screen_from_lonlat(viewport, 180.0, 0.0)[0].min(f64::from(rect.right()));
    let mut line = |a: Pos2, b: Pos2| {
        tessellator.tessellate_path(&PathShape::line(vec![a, b], stroke), mesh);
    };
    let mut lon = (visible.min_lon.max(-180.0) / step).ceil() * step;
    while lon <= visible.max_lon.min(180.0) {
        let x = view.screen_from_lonlat(viewport, lon, 0.0)[0] as f32;
        line(pos2(x, top as f32), pos2(x, bottom as f32));
        lon += step;
    }
    let mut lat = (visible.min_lat.max(-90.0) / step).ceil() * step;
    while lat <= visible.max_lat.min(90.0) {
        let y = view.screen_from_lonlat(viewport, 0.0, lat)[1] as f32;
        line(pos2(left as f32, y), pos2(right as f32, y));
        lat += step;
    }
}
