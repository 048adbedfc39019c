//! The import dialog's page for a Parquet file or partitioned folder (issue 16): what the
//! dataset holds (files, rows, days, which preset), the slice to read (days, actor,
//! country, event code, limit), the columns of a table no preset knows, and the slice's
//! first rows. The dataset may be far bigger than memory, so nothing of it is read on the
//! UI thread: the preview is the import itself stopped after a few rows, on a thread.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::RichText;

use crate::import::parquet::{
    DatasetSummary, FieldNames, Preset, Slice, SliceFields, preview_path,
};
use crate::import::{CsvMapping, ImportOptions};
use crate::model::Project;
use crate::ui::background_preview::{BackgroundPreview, reading_ui};
use crate::ui::import_dialog::Target;
use crate::ui::import_preview_ui::{preview_table_ui, suspicious_dates_ui, warning_color};

/// Rows in the preview: as many as the other formats show.
const PREVIEW_ROWS: usize = 20;

/// What the dialog's fields are called in messages.
const FIELD_NAMES: FieldNames = FieldNames {
    from: "From",
    to: "To",
    limit: "Limit",
};

/// The preview was made for these fields and this mapping.
type PreviewKey = (SliceFields, Option<CsvMapping>);

/// The Parquet page's choices.
pub struct ParquetChoices {
    pub path: PathBuf,
    pub summary: DatasetSummary,
    pub fields: SliceFields,
    /// The columns of a table no preset knows; unused for GDELT, ACLED and POLECAT.
    pub mapping: CsvMapping,
    /// New project or merged into the open one.
    pub target: Target,
    /// The open project as the dialog found it, for a dataset of GDELT mentions only: they
    /// add reports to its events (taken once, when the page first shows).
    pub into: Option<Arc<Project>>,
    preview: BackgroundPreview<PreviewKey>,
}

impl ParquetChoices {
    pub fn new(path: &Path, summary: DatasetSummary) -> Self {
        let mapping = match &summary.preset {
            Preset::Mapped(m) => (**m).clone(),
            _ => CsvMapping::default(),
        };
        Self {
            path: path.to_owned(),
            summary,
            fields: SliceFields::default(),
            mapping,
            target: Target::NewProject,
            into: None,
            preview: BackgroundPreview::default(),
        }
    }

    /// The mapping, for a table no preset knows (a given mapping would override a preset).
    fn mapping(&self) -> Option<CsvMapping> {
        matches!(self.summary.preset, Preset::Mapped(_)).then(|| self.mapping.clone())
    }

    /// How to read the dataset: named after it, mapped when no preset applies.
    pub fn options(&self, file_name: &str) -> ImportOptions {
        ImportOptions {
            file_name: file_name.to_owned(),
            mapping: self.mapping(),
            ..ImportOptions::default()
        }
    }

    /// The slice the fields ask for, or what is wrong with them.
    pub fn slice(&self) -> Result<Slice, String> {
        self.fields.slice(&FIELD_NAMES)
    }

    /// The dataset, the slice, the columns and the preview. Returns whether Import can
    /// start: the slice is valid and its first rows hold an event or are still being
    /// read. A narrow slice of a big dataset can take as long to yield its first rows as to
    /// be imported (a rare actor's 20 rows may lie in the last of 92 daily files), so Import
    /// does not wait for them; a slice that holds nothing is then refused by the import
    /// itself, which says so and leaves the project as it was.
    pub fn ui(&mut self, ui: &mut egui::Ui, file_name: &str, open: &Arc<Project>) -> bool {
        if self.summary.holds_only_mentions() {
            // Mentions only add to events: into the open project, never a new one. Kept as
            // the document's shared copy: a deep copy of a big project, made here on the UI
            // thread, would hold up the window while it is made.
            self.target = Target::MergeIntoOpen;
            if self.into.is_none() {
                self.into = Some(Arc::clone(open));
            }
        }
        summary_ui(ui, &self.summary);
        ui.separator();
        ui.strong("Slice");
        slice_fields_ui(ui, &mut self.fields, &self.summary);
        let slice = self.slice();
        if let Err(err) = &slice {
            ui.colored_label(ui.visuals().error_fg_color, err);
        }
        if matches!(self.summary.preset, Preset::Mapped(_)) {
            let columns = self.summary.columns.clone();
            crate::ui::csv_mapping_ui::table_mapping_ui(ui, &mut self.mapping, &columns);
        }
        ui.separator();
        ui.label(RichText::new("First rows of the slice as they will be read").strong());
        let Ok(slice) = slice else {
            return false;
        };
        if let Some(warning) = size_warning(&self.summary, &slice) {
            ui.colored_label(warning_color(ui.visuals()), warning);
        }
        let key = (self.fields.clone(), self.mapping());
        let (path, into) = (self.path.clone(), self.into.clone());
        let mut options = self.options(file_name);
        self.preview.update(ui.ctx(), &key, move |work| {
            options.work = work.clone();
            preview_path(&path, &options, &slice, into.as_deref(), PREVIEW_ROWS)
                .map_err(|e| e.to_string())
        });
        match self.preview.rows() {
            None => {
                reading_ui(ui);
                ui.weak("Import need not wait for them.");
            }
            Some(Ok(rows)) => {
                preview_table_ui(ui, rows);
                suspicious_dates_ui(ui, rows);
            }
            Some(Err(err)) => {
                ui.colored_label(ui.visuals().error_fg_color, as_previewed(err));
            }
        }
        self.preview.has_an_event() || self.preview.is_running()
    }

    /// Stops the preview, so that it does not compete with the import for the cores; it is
    /// read again if the dialog comes back to this page.
    pub fn stop_preview(&mut self) {
        self.preview.invalidate();
    }

    /// While the import runs: the dataset and the slice being read.
    pub fn importing_ui(&self, ui: &mut egui::Ui) {
        summary_ui(ui, &self.summary);
        if let Ok(slice) = self.slice() {
            ui.label(format!("Reading the slice: {}", slice.describe()));
        }
        ui.separator();
    }
}

/// The import's error as the preview shows it: nothing has been imported yet, so the
/// import's closing words ("nothing was imported") would read as if it had been tried.
fn as_previewed(err: &str) -> &str {
    err.strip_suffix("; nothing was imported").unwrap_or(err)
}

/// Events a project is built to hold: the budget the timeline, the panels and saving are
/// measured at (docs/PERFORMANCE.md, 1M events).
const EVENTS_BUDGET: u64 = 1_000_000;

/// A warning when the slice asks for the whole of a dataset bigger than a project holds
/// well: a slice is what the import is for.
fn size_warning(summary: &DatasetSummary, slice: &Slice) -> Option<String> {
    let rows = slice
        .limit
        .map_or(summary.num_rows, |l| summary.num_rows.min(l as u64));
    (!slice.filters_rows() && rows > EVENTS_BUDGET).then(|| {
        format!(
            "⚠ No slice chosen: all {} rows would be imported. Detente is built for projects of up to {} events; choose days, an actor or a limit.",
            crate::model::group_thousands(rows),
            crate::model::group_thousands(EVENTS_BUDGET)
        )
    })
}

/// What the dataset holds, from its footers.
fn summary_ui(ui: &mut egui::Ui, summary: &DatasetSummary) {
    let holds = if summary.holds_only_mentions() {
        "GDELT 2.0 mentions only".to_owned()
    } else {
        match &summary.preset {
            Preset::Mapped(_) => "a table no preset knows: choose its columns below".to_owned(),
            preset => preset.name().to_owned(),
        }
    };
    egui::Grid::new("parquet_summary")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label("Dataset");
            ui.label(summary.describe());
            ui.end_row();
            ui.label("Holds");
            ui.label(holds);
            ui.end_row();
            ui.label("Days");
            ui.label(
                summary
                    .days_text()
                    .unwrap_or_else(|| "not told by the partitions or statistics".to_owned()),
            );
            ui.end_row();
        });
    if summary.holds_only_mentions() {
        ui.label(
            "Each mention of one of the open project's GDELT events (ids gdelt-N) becomes a report of it, dated when it was published; From and To select mentions by that date. A mention imported before is not added again.",
        );
    }
}

/// The slice's fields, two to a row, each named for screen readers.
fn slice_fields_ui(ui: &mut egui::Ui, fields: &mut SliceFields, summary: &DatasetSummary) {
    let day_hint = summary.days.map_or_else(
        || "YYYY-MM-DD".to_owned(),
        |(first, _)| crate::import::parquet::day_text(first),
    );
    let last_hint = summary.days.map_or_else(
        || "YYYY-MM-DD".to_owned(),
        |(_, last)| crate::import::parquet::day_text(last),
    );
    egui::Grid::new("parquet_slice")
        .num_columns(4)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            field_ui(ui, "From", &mut fields.from, &day_hint);
            field_ui(ui, "To", &mut fields.to, &last_hint);
            ui.end_row();
            if summary.holds_only_mentions() {
                // Mentions have no actor, country or event code: the project's events
                // are what they are added to.
                field_ui(ui, "Limit", &mut fields.limit, "mentions: all");
                ui.end_row();
                return;
            }
            field_ui(ui, "Actor", &mut fields.actor, "code or name: USA, Russia");
            field_ui(ui, "Country", &mut fields.country, "code or name: UKR");
            ui.end_row();
            field_ui(ui, "Event code", &mut fields.event_code, "CAMEO prefix: 04");
            field_ui(ui, "Limit", &mut fields.limit, "rows: all");
            ui.end_row();
        });
    ui.weak("Blank fields ask for everything. Only the files, row groups and columns the slice needs are read.");
}

/// One labelled field of the slice.
fn field_ui(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str) {
    ui.label(label);
    // 170 pt: an actor's name or "2025-12-18" with room to spare, two to a row in the
    // 760 pt dialog. Sized, not just desired: a grid's first column is as narrow as its
    // first frame made it, and a desired width gives way to that.
    let size = egui::vec2(170.0, ui.spacing().interact_size.y);
    ui.add_sized(size, egui::TextEdit::singleline(text).hint_text(hint))
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
}

#[cfg(test)]
mod tests {
    use super::as_previewed;

    #[test]
    fn the_preview_drops_the_imports_closing_words_only() {
        assert_eq!(
            as_previewed("d: no row falls in the slice (actor \"X\"); nothing was imported"),
            "d: no row falls in the slice (actor \"X\")"
        );
        let other = "d: the file is damaged";
        assert_eq!(as_previewed(other), other);
    }
}
