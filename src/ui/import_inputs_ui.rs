//! The import dialog's choices about how the file is read (issue 15): its character
//! encoding, and which member of a zip archive. Each change re-runs the preview.

use crate::import::EncodingChoice;
use crate::import::encoding::{display_name, offered};

/// The "Encoding" menu: "Automatic (detected: …)", then the encodings analysts' files come
/// in. Returns whether the choice changed.
pub fn encoding_ui(ui: &mut egui::Ui, choice: &mut EncodingChoice, detected: &str) -> bool {
    let before = *choice;
    let automatic = format!("Automatic (detected: {detected})");
    let shown = match choice {
        EncodingChoice::Auto => automatic.clone(),
        EncodingChoice::Forced(enc) => display_name(enc),
    };
    ui.horizontal(|ui| {
        ui.label("Encoding");
        egui::ComboBox::from_id_salt("import_encoding")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(choice, EncodingChoice::Auto, automatic);
                for enc in offered() {
                    ui.selectable_value(choice, EncodingChoice::Forced(enc), display_name(enc));
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Encoding"));
    });
    *choice != before
}

/// The "Member" menu of a zip archive of several files. Returns whether the choice changed.
pub fn member_ui(ui: &mut egui::Ui, member: &mut Option<String>, members: &[String]) -> bool {
    let before = member.clone();
    ui.horizontal(|ui| {
        ui.label("Member");
        egui::ComboBox::from_id_salt("import_member")
            .selected_text(member.clone().unwrap_or_default())
            .show_ui(ui, |ui| {
                for m in members {
                    ui.selectable_value(member, Some(m.clone()), m);
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Member"));
    });
    *member != before
}

/// How the dialog reads its file: unpacked from a `.gz` or a zip member, in an encoding.
pub struct InputChoices {
    /// The file as read from disk when it is compressed: the member menu unpacks from it.
    packed: Option<std::sync::Arc<Vec<u8>>>,
    /// The file's name on disk.
    file_name: String,
    /// What the import is named when the file is compressed ("member … of the zip archive
    /// …"): the dataset source and the report say it.
    pub label: Option<String>,
    /// The unpacked file's own name, for format detection.
    pub inner_name: String,
    pub members: Vec<String>,
    pub member: Option<String>,
    pub encoding: EncodingChoice,
    /// The encoding detection finds, named in the "Automatic" entry.
    pub detected: String,
    /// The first bytes decoded: the column menus and the "nothing read" message read them.
    pub head: String,
}

impl InputChoices {
    /// The bytes of the file `file_name` unpacked when they are compressed, and the choices.
    pub fn read(
        bytes: Vec<u8>,
        file_name: &str,
    ) -> Result<(Self, Vec<u8>), crate::import::ImportError> {
        let mut choices = Self {
            packed: None,
            file_name: file_name.to_owned(),
            label: None,
            inner_name: file_name.to_owned(),
            members: Vec::new(),
            member: None,
            encoding: EncodingChoice::Auto,
            detected: String::new(),
            head: String::new(),
        };
        let bytes = match crate::import::compressed::unpack(&bytes, file_name, None)? {
            Some(unpacked) => {
                choices.packed = Some(std::sync::Arc::new(bytes));
                choices.take(&unpacked);
                unpacked.bytes
            }
            None => bytes,
        };
        choices.decode_head(&bytes);
        Ok((choices, bytes))
    }

    fn take(&mut self, unpacked: &crate::import::compressed::Unpacked) {
        self.label = Some(unpacked.label.clone());
        self.inner_name.clone_from(&unpacked.inner_name);
        self.members.clone_from(&unpacked.members);
        self.member.clone_from(&unpacked.member);
    }

    fn decode_head(&mut self, bytes: &[u8]) {
        let head = &bytes[..bytes.len().min(crate::import::HEAD_BYTES)];
        let (enc, _, _) = crate::import::encoding::of_head(head, EncodingChoice::Auto);
        self.detected = display_name(enc);
        self.head = crate::import::encoding::head_text(head, self.encoding);
    }

    /// The name the import goes under: the label of a compressed file, else its name.
    pub fn import_name(&self) -> String {
        self.label.clone().unwrap_or_else(|| self.file_name.clone())
    }

    /// The report's lines on the archive read.
    pub fn notes(&self) -> Vec<String> {
        crate::import::compressed::notes(
            self.label.as_deref(),
            &self.members,
            "the dialog's Member menu",
        )
    }

    /// The menus; returns whether a choice changed (the preview is then out of date), with
    /// `bytes` unpacked again when the member changed.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        bytes: &mut std::sync::Arc<Vec<u8>>,
        show_encoding: bool,
    ) -> Result<bool, String> {
        let mut changed = false;
        if self.members.len() > 1 && member_ui(ui, &mut self.member, &self.members) {
            if let Some(packed) = &self.packed {
                let unpacked = crate::import::compressed::unpack(
                    packed,
                    &self.file_name,
                    self.member.as_deref(),
                )
                .map_err(|e| e.to_string())?;
                if let Some(unpacked) = unpacked {
                    self.take(&unpacked);
                    *bytes = std::sync::Arc::new(unpacked.bytes);
                }
            }
            changed = true;
        }
        if show_encoding && encoding_ui(ui, &mut self.encoding, &self.detected) {
            changed = true;
        }
        if changed {
            self.decode_head(bytes);
        }
        Ok(changed)
    }
}
