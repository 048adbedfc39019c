//! Measures what the Locations map costs per frame, without a window:
//! `cargo run --release --example map_frame_cost`.
//!
//! Three cases, 300 frames each, in a 420×420 pt map (the side panel at 1920×1080):
//! an empty frame (the baseline), a still map (the cached base mesh is reused), and a map
//! panned every frame (land and borders rebuilt each time). Each frame is egui's UI pass
//! plus its tessellation, the CPU work eframe does before handing triangles to the GPU.

use std::time::{Duration, Instant};

use detente::app::{Document, Selection, SelectionLinks};
use detente::ui::map::{MapState, map_ui};

const FRAMES: u32 = 300;

fn main() {
    let doc = Document::sample().expect("the sample loads");
    let visible = vec![true; doc.project().locations.len()];
    let (selection, links) = (Selection::default(), SelectionLinks::default());
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
                    map_ui(
                        ui,
                        &mut state,
                        &doc,
                        &visible,
                        &selection,
                        &links,
                        &mut actions,
                    );
                }
            });
            let ui_done = Instant::now();
            let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
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
