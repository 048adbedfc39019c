//! For a spreadsheet in the import dialog: which sheet (with its row count) and which row is
//! the header. The columns are then mapped with the CSV mapping's own widgets.
//!
//! The sheets' names and the header row are read on the UI thread when the dialog opens and
//! at each change of sheet or header row (the file's bytes were read off it); the preview,
//! which parses the sheet's rows, is made on a thread (`ui::background_preview`): a
//! 50,000-row workbook took 5.2 s to preview in a debug build.

use crate::import::{CsvMapping, SheetSummary, row_cells, sheet_summaries};

/// The sheet and header row chosen, and what they were read from.
pub struct SheetChoice {
    /// The workbook's sheets, or why they cannot be read.
    pub sheets: Result<Vec<SheetSummary>, String>,
    pub sheet: Option<String>,
    /// 1-based, as the spreadsheet numbers rows.
    pub header_row: usize,
    /// The header row's cells: the columns the mapping offers.
    pub header_cells: Vec<String>,
}

impl SheetChoice {
    /// Reads the workbook's sheets and chooses the first with data and its detected header.
    pub fn read(bytes: &[u8]) -> Self {
        let sheets = sheet_summaries(bytes).map_err(|e| e.to_string());
        let first = sheets
            .as_ref()
            .ok()
            .and_then(|s| s.iter().find(|s| s.num_rows > 0).or(s.first()))
            .cloned();
        let mut choice = Self {
            sheets,
            sheet: first.as_ref().map(|s| s.name.clone()),
            header_row: first.and_then(|s| s.header_row).unwrap_or(1),
            header_cells: Vec::new(),
        };
        choice.read_header(bytes);
        choice
    }

    fn read_header(&mut self, bytes: &[u8]) {
        self.header_cells = self
            .sheet
            .as_deref()
            .and_then(|sheet| row_cells(bytes, sheet, self.header_row).ok())
            .unwrap_or_default();
    }

    /// The mapping guessed from the header's names, keeping how dates and lists are written.
    pub fn guess_mapping(&self, mapping: &CsvMapping) -> CsvMapping {
        let names: Vec<&str> = self.header_cells.iter().map(String::as_str).collect();
        CsvMapping {
            date_format: mapping.date_format,
            list_separator: mapping.list_separator.clone(),
            ..CsvMapping::from_header(&names)
        }
    }
}

/// The sheet combo and the header row; returns whether either changed (the mapping is then
/// guessed again from the new header).
pub fn sheet_choice_ui(ui: &mut egui::Ui, choice: &mut SheetChoice, bytes: &[u8]) -> bool {
    let sheets = match &choice.sheets {
        Ok(sheets) => sheets.clone(),
        Err(err) => {
            ui.colored_label(ui.visuals().error_fg_color, err);
            return false;
        }
    };
    let before = (choice.sheet.clone(), choice.header_row);
    ui.horizontal(|ui| {
        ui.label("Sheet");
        let shown = |s: &SheetSummary| {
            format!(
                "{} ({})",
                s.name,
                crate::model::count(s.num_rows, "row", "rows")
            )
        };
        let selected = sheets
            .iter()
            .find(|s| Some(&s.name) == choice.sheet.as_ref())
            .map_or_else(|| "—".to_owned(), shown);
        egui::ComboBox::from_id_salt("import_sheet")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                for s in &sheets {
                    if ui
                        .selectable_label(choice.sheet.as_ref() == Some(&s.name), shown(s))
                        .clicked()
                    {
                        choice.sheet = Some(s.name.clone());
                        choice.header_row = s.header_row.unwrap_or(1);
                    }
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Sheet"));
        let label = ui.label("Header row");
        // Excel's last row: 1,048,576.
        ui.add(egui::DragValue::new(&mut choice.header_row).range(1..=1_048_576))
            .labelled_by(label.id);
    });
    let changed = (choice.sheet.clone(), choice.header_row) != before;
    if changed {
        choice.read_header(bytes);
    }
    changed
}
