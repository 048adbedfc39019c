//! `--frame-stats`: the CPU time of frames, logged once a second (to the log file and to
//! standard error), with the app repainting continuously so that the frame rate is the most
//! this machine can draw.
//!
//! Two figures: the time of our UI pass (measured here), and eframe's figure for the whole
//! previous frame (UI pass, tessellation and painting on the CPU side).

use std::time::{Duration, Instant};

/// Log once a second: often enough to follow a pan, rarely enough not to cost anything.
const REPORT_EVERY: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct FrameStats {
    frame_started: Option<Instant>,
    ui_secs: Vec<f32>,
    total_secs: Vec<f32>,
    last_report: Option<Instant>,
}

impl FrameStats {
    pub fn begin_frame(&mut self) {
        self.frame_started = Some(Instant::now());
    }

    pub fn record_integration(&mut self, cpu_usage: Option<f32>) {
        if let Some(secs) = cpu_usage {
            self.total_secs.push(secs);
        }
    }

    pub fn end_frame(&mut self) {
        if let Some(start) = self.frame_started.take() {
            self.ui_secs.push(start.elapsed().as_secs_f32());
        }
        let now = Instant::now();
        let last = *self.last_report.get_or_insert(now);
        if now.duration_since(last) >= REPORT_EVERY && !self.ui_secs.is_empty() {
            let fps = self.ui_secs.len() as f32 / now.duration_since(last).as_secs_f32();
            // At info under its own target: the log file has it, and `--frame-stats` lets
            // this target through to standard error as before (app::logging).
            log::info!(
                target: crate::app::logging::FRAME_STATS_TARGET,
                "frame-stats: {fps:.1} fps; ui pass mean {:.2} ms, max {:.2} ms; whole frame (cpu) mean {:.2} ms, max {:.2} ms",
                mean_ms(&self.ui_secs),
                max_ms(&self.ui_secs),
                mean_ms(&self.total_secs),
                max_ms(&self.total_secs),
            );
            self.ui_secs.clear();
            self.total_secs.clear();
            self.last_report = Some(now);
        }
    }
}

fn mean_ms(v: &[f32]) -> f32 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f32>() / v.len() as f32 * 1000.0
    }
}

fn max_ms(v: &[f32]) -> f32 {
    v.iter().copied().fold(0.0, f32::max) * 1000.0
}
