//! Measures what the Locations map costs per frame, without a window:
//! `cargo run --release --example map_frame_cost`.
//!
//! Three cases, 300 frames each, in a 420×420 pt map (the side panel at 1920×1080):
//! an empty frame (the baseline), a still map (the cached base mesh is reused), and a map
//! panned every frame (land and borders rebuilt each time); first on the sample, then on a
//! generated project of 100,000 events at 2,000 places. Each frame is egui's UI pass
//! plus its tessellation, the CPU work eframe does before handing triangles to the GPU.
//!
//! Measured 2026-11-26 (release, 2 shared cores under load): first use of the world 7.7 ms,
//! of the gazetteer 40 ms; a suggestion 0.05 ms. Sample: still 0.14 ms a frame, panned
//! 0.57 ms (base rebuilt in 0.26 ms). 100k events at 2,000 places, all on screen: 22 ms a
//! frame, of which 20 ms is egui tessellating 2,000 discs (477,000 vertices) — marker
//! drawing, not the base map, is what needs work at that size.

use std::time::{Duration, Instant};

use detente::app::{DateDisplay, Document, FilteredView, Selection, SelectionLinks};
use detente::model::{EventPlace, Filter, Id, Location, LocationPrecision, Project};
use detente::ui::map::{MapState, map_ui};
use detente::ui::panels::PanelContext;

const FRAMES: u32 = 300;

fn main() {
    // First use: parse and triangulate the world, inflate and index the gazetteer.
    let started = Instant::now();
    let world = detente::geo::World::embedded();
    let world_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    let gazetteer = detente::geo::Gazetteer::embedded();
    let gazetteer_ms = started.elapsed().as_secs_f64() * 1000.0;
    println!(
        "first use: world {world_ms:.1} ms ({} points, {} triangles), gazetteer {gazetteer_ms:.1} ms ({} cities)",
        world.points.len(),
        world.indices.len() / 3,
        gazetteer.len()
    );
    let started = Instant::now();
    let queries = ["s", "m", "ber", "kiev", "new y", "paris, fr"];
    for _ in 0..100 {
        for q in queries {
            std::hint::black_box(gazetteer.suggest(q, 8));
        }
    }
    println!(
        "suggest: {:.3} ms per query (mean over 100 rounds of {queries:?})",
        started.elapsed().as_secs_f64() * 1000.0 / (100 * queries.len()) as f64
    );
    let sample = Document::sample().expect("the sample loads");
    measure("sample", &sample);
    measure("100k events, 2k places", &large(&sample, 100_000, 2_000));
}

/// `num_events` copies of the sample's first event, spread over `num_places` places at
/// pseudo-random coordinates (a fixed linear congruential sequence, so runs compare).
fn large(sample: &Document, num_events: usize, num_places: usize) -> Document {
    let mut project: Project = sample.project().clone();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let places: Vec<Location> = (0..num_places)
        .map(|i| Location {
            id: Id::new(&format!("l-gen-{i}")),
            name: format!("Place {i}"),
            country: None,
            lat: Some(next() * 130.0 - 55.0),
            lon: Some(next() * 360.0 - 180.0),
            precision: LocationPrecision::City,
            geonames_id: None,
            aliases: Vec::new(),
        })
        .collect();
    let template = project.events[0].clone();
    let events = (0..num_events).map(|i| {
        let mut event = template.clone();
        event.id = format!("ev-gen-{i}").into();
        // Skewed, as real data is: a few hubs hold most events.
        let place = ((next().powi(3)) * num_places as f64) as usize;
        event.places = [EventPlace {
            location: places[place.min(num_places - 1)].id,
            candidate: i % 10 == 0,
        }]
        .into_iter()
        .collect();
        event
    });
    project.events.extend(events);
    project.locations.extend(places);
    Document::new(project, detente::app::Origin::Untitled)
}

fn measure(name: &str, doc: &Document) {
    println!(
        "-- {name}: {} events, {} places",
        doc.project().events.len(),
        doc.project().locations.len()
    );
    let mut filtered = FilteredView::default();
    filtered.refresh(doc, &Filter::default());
    let (selection, links) = (Selection::default(), SelectionLinks::default());
    let cx = PanelContext {
        doc,
        selection: &selection,
        links: &links,
        filtered: &filtered,
        date_display: &DateDisplay::default(),
        read_only: false,
    };
    let run = |label: &str, mode: u8| {
        let ctx = egui::Context::default();
        let mut state = MapState::default();
        let mut actions = Vec::new();
        let (mut ui_time, mut tess_time, mut map_time) =
            (Duration::ZERO, Duration::ZERO, Duration::ZERO);
        let mut vertices = 0;
        for frame in 0..FRAMES + 10 {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(420.0, 420.0),
                )),
                ..Default::default()
            };
            if mode == 2
                && let Some(mut view) = state.view().copied()
            {
                // Pan by 3 pt a frame, back and forth, as a drag would.
                let step = if (frame / 60) % 2 == 0 { 3.0 } else { -3.0 };
                view.center_lon += step / view.scale_px_per_deg;
                state.set_view(view);
            }
            let started = Instant::now();
            let output = ctx.run_ui(input, |ui| {
                if mode > 0 {
                    map_ui(ui, &mut state, &cx, &mut actions);
                }
            });
            let ui_done = Instant::now();
            let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
            // No renderer takes the font texture: say so, or dropping it complains.
            let mut textures = output.textures_delta;
            textures.clear();
            let tess_done = Instant::now();
            // The first frames load the world and lay out fonts: not what a frame costs.
            if frame >= 10 {
                ui_time += ui_done - started;
                tess_time += tess_done - ui_done;
                map_time += state.last_frame_cost();
                vertices = primitives
                    .iter()
                    .map(|p| match &p.primitive {
                        egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                        egui::epaint::Primitive::Callback(_) => 0,
                    })
                    .sum();
            }
        }
        let ms = |d: Duration| d.as_secs_f64() * 1000.0 / f64::from(FRAMES);
        let (rebuild, rebuilds) = state.base_rebuilds();
        println!(
            "{label:<22} ui pass {:.3} ms (map_ui {:.3} ms), tessellation {:.3} ms, total {:.3} ms; {vertices} vertices; base rebuilt {rebuilds}× (last {:.3} ms)",
            ms(ui_time),
            ms(map_time),
            ms(tess_time),
            ms(ui_time + tess_time),
            rebuild.as_secs_f64() * 1000.0,
        );
    };
    run("empty frame", 0);
    run("map, still", 1);
    run("map, panned each frame", 2);
}
