//! The CSV column mapping dialog: which column holds what, how dates are written (chosen,
//! never guessed), header or not; saved beside the file for the next import of the same data.

use crate::import::{ColumnRef, CsvMapping, DateFormat};

/// The column menus offer at most this many columns: a menu of more cannot be looked
/// through, and splitting a first line of a million delimiters into cells on every frame
/// stalled the dialog. Wider files map further columns by number in a saved mapping.
const MAX_COLUMNS_OFFERED: usize = 1_000;

/// The header cells of the first line, split with the mapping's (or a guessed) delimiter,
/// the first [`MAX_COLUMNS_OFFERED`] of them.
fn first_line_cells(bytes: &[u8], delimiter: Option<char>) -> Vec<String> {
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    let line = line.trim_end_matches('\r');
    let delimiter = delimiter.unwrap_or_else(|| {
        if line.contains('\t') {
            '\t'
        } else if line.contains(';') {
            ';'
        } else {
            ','
        }
    });
    line.split(delimiter)
        .take(MAX_COLUMNS_OFFERED)
        .map(|c| c.trim().trim_matches('"').to_owned())
        .collect()
}

/// One field's column: none, a header name, or a column number.
fn column_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<ColumnRef>,
    cells: &[String],
    has_header: bool,
) {
    let text = match value {
        None => "—".to_owned(),
        Some(ColumnRef::Name(n)) => n.clone(),
        Some(ColumnRef::Number(i)) => format!("column {i}"),
    };
    ui.label(label);
    egui::ComboBox::from_id_salt(("csv_column", label))
        .selected_text(text)
        .width(160.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "—");
            for (i, cell) in cells.iter().enumerate() {
                let choice = if has_header && !cell.is_empty() {
                    ColumnRef::Name(cell.clone())
                } else {
                    ColumnRef::Number(i + 1)
                };
                let shown = if has_header {
                    format!("{} ({})", cell, i + 1)
                } else {
                    format!("column {}: {cell}", i + 1)
                };
                ui.selectable_value(value, Some(choice), shown);
            }
        })
        .response
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("Column for {label}"))
        });
    ui.end_row();
}

/// Where a mapping for `data` is kept: beside it, `data.csv.mapping.json`.
pub fn mapping_path(data: &std::path::Path) -> std::path::PathBuf {
    let mut name = data.file_name().unwrap_or_default().to_os_string();
    name.push(".mapping.json");
    data.with_file_name(name)
}

pub fn mapping_ui(ui: &mut egui::Ui, mapping: &mut CsvMapping, bytes: &[u8]) {
    ui.separator();
    ui.strong("Columns");
    ui.horizontal(|ui| {
        ui.checkbox(&mut mapping.has_header, "First line is a header");
        ui.label("Separator");
        egui::ComboBox::from_id_salt("csv_delimiter")
            .selected_text(match mapping.delimiter {
                None => "detect",
                Some('\t') => "tab",
                Some(';') => "semicolon",
                Some(',') => "comma",
                Some(_) => "other",
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut mapping.delimiter, None, "detect");
                ui.selectable_value(&mut mapping.delimiter, Some(','), "comma");
                ui.selectable_value(&mut mapping.delimiter, Some('\t'), "tab");
                ui.selectable_value(&mut mapping.delimiter, Some(';'), "semicolon");
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Separator"));
        ui.checkbox(&mut mapping.quoting, "\"Quoted\" fields (RFC 4180)");
    });
    date_format_ui(ui, mapping);
    let cells = first_line_cells(bytes, mapping.delimiter);
    columns_ui(ui, mapping, &cells);
}

/// The mapping of a spreadsheet's sheet: no separator or quoting (cells are cells), the
/// columns named by the header row's `cells`.
pub fn sheet_mapping_ui(ui: &mut egui::Ui, mapping: &mut CsvMapping, cells: &[String]) {
    ui.separator();
    ui.strong("Columns");
    ui.checkbox(&mut mapping.has_header, "The sheet has a header row");
    date_format_ui(ui, mapping);
    columns_ui(ui, mapping, cells);
}

/// The mapping of a Parquet table no preset knows: its columns have names and types, so
/// there is no separator, quoting or header row to choose.
pub fn table_mapping_ui(ui: &mut egui::Ui, mapping: &mut CsvMapping, columns: &[String]) {
    ui.separator();
    ui.strong("Columns");
    date_format_ui(ui, mapping);
    columns_ui(ui, mapping, columns);
}

fn date_format_ui(ui: &mut egui::Ui, mapping: &mut CsvMapping) {
    ui.horizontal(|ui| {
        ui.label("Dates are written");
        egui::ComboBox::from_id_salt("csv_date_format")
            .selected_text(mapping.date_format.pattern())
            .show_ui(ui, |ui| {
                for f in DateFormat::ALL {
                    ui.selectable_value(&mut mapping.date_format, f, f.pattern());
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Date format"));
        ui.weak("(chosen, never guessed: 03/04/2025 is March in one country and April in another)");
    });
}

/// Which column holds what, and how several values in a cell are separated.
fn columns_ui(ui: &mut egui::Ui, mapping: &mut CsvMapping, cells: &[String]) {
    let has_header = mapping.has_header;
    let c = &mut mapping.columns;
    egui::Grid::new("csv_columns")
        .num_columns(4)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let fields: [(&str, &mut Option<ColumnRef>); 13] = [
                ("date", &mut c.date),
                ("end date", &mut c.end_date),
                ("title", &mut c.title),
                ("description", &mut c.description),
                ("actors", &mut c.actors),
                ("location name", &mut c.location),
                ("latitude", &mut c.latitude),
                ("longitude", &mut c.longitude),
                ("source URL", &mut c.source_url),
                ("kind", &mut c.kind),
                ("status", &mut c.status),
                ("tags", &mut c.tags),
                ("id", &mut c.id),
            ];
            for (label, value) in fields {
                column_ui(ui, label, value, cells, has_header);
            }
        });
    ui.horizontal(|ui| {
        let label = ui.label("Several values in one cell are separated by");
        ui.add(egui::TextEdit::singleline(&mut mapping.list_separator).desired_width(30.0))
            .labelled_by(label.id);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_cells_with_each_separator() {
        assert_eq!(
            first_line_cells(b"date,title\n2025,x", None),
            ["date", "title"]
        );
        assert_eq!(
            first_line_cells(b"date\ttitle\r\n", None),
            ["date", "title"]
        );
        assert_eq!(
            first_line_cells(b"\"date\";\"title\"", None),
            ["date", "title"]
        );
        assert_eq!(
            mapping_path(std::path::Path::new("/d/x.csv")),
            std::path::Path::new("/d/x.csv.mapping.json")
        );
    }

    #[test]
    fn a_line_of_a_million_commas_offers_the_first_columns() {
        let line = format!("date,title{}\n", ",".repeat(1_000_000));
        let cells = first_line_cells(line.as_bytes(), None);
        assert_eq!(cells.len(), MAX_COLUMNS_OFFERED);
        assert_eq!(cells[..2], ["date", "title"]);
    }
}
