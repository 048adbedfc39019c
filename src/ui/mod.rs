//! The egui front end. It reads the document and pushes [`actions::Action`]s; the app
//! applies them in one place.

pub mod about;
pub mod actions;
mod app;
pub mod as_of_bar;
pub mod background_preview;
pub mod csv_mapping_ui;
mod details;
mod file_dialog;
pub mod filter_bar;
mod fonts;
pub mod forms;
mod frame_stats;
mod getting_started;
pub mod image_export;
pub mod import_dialog;
pub mod import_inputs_ui;
pub mod import_preview_ui;
mod import_read;
pub mod intake;
pub mod map;
mod menu;
pub mod notices;
pub mod palette;
pub mod panels;
pub mod parquet_import_ui;
pub mod place_picker;
pub mod project_form;
pub mod settings_window;
pub mod sheet_choice_ui;
pub mod style;
pub mod tasks;
pub mod timeline;
mod unsaved;
pub mod window_icon;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::DetenteApp;
pub use notices::Notice;

/// How the window starts, from the command line.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    pub file: Option<PathBuf>,
    pub frame_stats: bool,
    pub theme: Option<egui::ThemePreference>,
    pub window_size: Option<[f32; 2]>,
    pub group_by: Option<crate::layout::LaneMode>,
    /// `None` is glow (see `run_app`).
    pub renderer: Option<eframe::Renderer>,
    /// `--as-of DATE`: open showing the project as of that day.
    pub as_of: Option<crate::query::AsOf>,
    /// `--add-report FILE`: open the intake's input dialog on this report.
    pub add_report: Option<PathBuf>,
    /// Where the log goes (About shows it) and where a crash report would be.
    pub log_place: crate::app::logging::LogPlace,
}

/// The command line's names for the start options, read by `main.rs`, which alone knows both
/// the command line and the UI (the UI does not use `cli`; see ARCHITECTURE.md, "Layers").
impl StartOptions {
    /// `--theme dark|light|system`; any other name follows the system.
    pub fn theme_named(name: &str) -> egui::ThemePreference {
        match name {
            "dark" => egui::ThemePreference::Dark,
            "light" => egui::ThemePreference::Light,
            _ => egui::ThemePreference::System,
        }
    }

    /// `--group-by participant|location|kind|status|tag`; any other name is no lanes.
    pub fn lanes_named(name: &str) -> crate::layout::LaneMode {
        use crate::layout::LaneMode;
        match name {
            "participant" => LaneMode::Participant,
            "location" => LaneMode::Location,
            "kind" => LaneMode::Kind,
            "status" => LaneMode::Status,
            "tag" => LaneMode::Tag,
            _ => LaneMode::None,
        }
    }

    /// `--renderer glow|wgpu`; any other name is wgpu.
    pub fn renderer_named(name: &str) -> eframe::Renderer {
        match name {
            "glow" => eframe::Renderer::Glow,
            _ => eframe::Renderer::Wgpu,
        }
    }
}

/// Opens the app window on the file of `options`, or on the embedded sample.
pub fn run_app(options: StartOptions) -> ExitCode {
    // OpenGL by default: on Mesa's software rasteriser at 1920×1080, panning a 1M-event
    // project ran at 34 fps with glow and 6.7 fps with wgpu (docs/PERFORMANCE.md); with a GPU
    // both are far above 60. Where OpenGL cannot start and no renderer was asked for, wgpu
    // (Vulkan, Metal, DirectX) gets its turn.
    let chosen = options.renderer;
    let result = match run_with(options.clone(), chosen.unwrap_or(eframe::Renderer::Glow)) {
        Err(err) if chosen.is_none() => {
            log::warn!("OpenGL could not start ({err}); trying wgpu");
            run_with(options, eframe::Renderer::Wgpu)
        }
        other => other,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            log::error!("could not open the window: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run_with(options: StartOptions, renderer: eframe::Renderer) -> Result<(), eframe::Error> {
    let mut native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Detente")
            .with_app_id(window_icon::APP_ID)
            .with_inner_size(options.window_size.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size([800.0, 500.0]),
        renderer,
        ..Default::default()
    };
    native.viewport.icon = window_icon::icon();
    eframe::run_native(
        "Detente",
        native,
        Box::new(move |cc| {
            let description = renderer_description(renderer, cc);
            log::info!("the window started, drawn with {description}");
            crate::app::crash::set_renderer(description);
            let theme = options.theme.map(|t| match t {
                egui::ThemePreference::Dark => crate::app::ThemeChoice::Dark,
                egui::ThemePreference::Light => crate::app::ThemeChoice::Light,
                egui::ThemePreference::System => crate::app::ThemeChoice::System,
            });
            let mut app = DetenteApp::launch(options.file.as_deref(), crate::app::config_dir())
                .with_theme_override(theme)
                .with_frame_stats(options.frame_stats)
                .with_log_place(options.log_place);
            if let Some(mode) = options.group_by {
                app.timeline_mut().set_mode(mode);
            }
            if let Some(day) = options.as_of {
                app.apply(&cc.egui_ctx, actions::Action::SetAsOf(Some(day)));
            }
            if let Some(report) = options.add_report {
                app.apply(&cc.egui_ctx, actions::Action::AddReportFile(report));
            }
            Ok(Box::new(app))
        }),
    )
}

/// The renderer for a crash report: glow, or wgpu with its back end and adapter (which
/// tells a software rasteriser such as llvmpipe from a GPU).
fn renderer_description(renderer: eframe::Renderer, cc: &eframe::CreationContext<'_>) -> String {
    match renderer {
        eframe::Renderer::Glow => "glow (OpenGL)".to_owned(),
        eframe::Renderer::Wgpu => cc.wgpu_render_state.as_ref().map_or_else(
            || "wgpu".to_owned(),
            |state| {
                let info = state.adapter.get_info();
                format!(
                    "wgpu ({:?}: {}, driver {} {})",
                    info.backend, info.name, info.driver, info.driver_info
                )
            },
        ),
    }
}
