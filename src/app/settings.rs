//! The analyst's preferences, kept per machine in the config folder as RON.
//!
//! Loading never fails: a missing file is a first run, and an unreadable or corrupt one
//! gives the defaults and a warning to show, so a bad settings file can never keep the
//! app from starting. Values out of range are brought back into range, with a warning.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::io::{SaveError, write_atomically};

/// Overrides the config folder, for tests and CI (and for portable installs).
pub const CONFIG_DIR_ENV: &str = "DETENTE_CONFIG_DIR";

const SETTINGS_FILE: &str = "settings.ron";

/// The folder for settings, recent files and recovery files: `$DETENTE_CONFIG_DIR` when
/// set, else the platform's (`~/.config/detente` on Linux). `None` when the platform has
/// no home folder; the app then runs without remembering anything.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Detente", "detente").map(|d| d.config_dir().to_owned())
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system's light or dark mode.
    #[default]
    System,
    Light,
    Dark,
}

/// How dates are written in the interface. EDTF in edit fields is not affected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DateFormat {
    /// 2025-12-20 14:00 +01:00: unambiguous everywhere.
    Iso,
    /// Sat 20 Dec 2025, 20 Dec 2025 14:00 CET: the default, as most reports write dates
    /// and as Detente always showed them.
    #[default]
    DayMonthYear,
    /// Dec 20, 2025 14:00 CET
    MonthDayYear,
}

/// The zone times are shown in.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TimeZoneChoice {
    /// Each event in its own zone (its `tz`), UTC when it has none: a meeting at 10:00 in
    /// Geneva reads 10:00, as the sources report it.
    #[default]
    EventOwn,
    Utc,
    /// The zone of this computer.
    Local,
    /// An IANA zone name such as `Europe/Berlin`.
    Named(String),
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
// Fields missing from an older file take their defaults, and unknown fields from a newer
// Detente are ignored: settings are shared by whatever versions run on the machine.
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    /// Multiplies egui's points per pixel, within [`UI_SCALE_RANGE`].
    pub ui_scale: f32,
    pub date_format: DateFormat,
    pub time_zone: TimeZoneChoice,
    pub reopen_last_project: bool,
    /// Seconds between autosaves to the recovery file; 0 turns autosave off. Otherwise
    /// within [`AUTOSAVE_RANGE`].
    pub autosave_secs: u32,
    /// The side panel and details pane as the analyst left them.
    pub panels: super::PanelLayout,
}

/// Below 0.75 text is unreadable at common DPIs; above 2.0 the panels no longer fit a
/// 1366×768 laptop screen.
pub const UI_SCALE_RANGE: std::ops::RangeInclusive<f32> = 0.75..=2.0;

/// Under 5 s a large project (a million events, ~150 MB) would be written nearly all the
/// time; over an hour, a crash loses more work than anyone accepts.
pub const AUTOSAVE_RANGE: std::ops::RangeInclusive<u32> = 5..=3600;

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            ui_scale: 1.0,
            date_format: DateFormat::DayMonthYear,
            time_zone: TimeZoneChoice::EventOwn,
            reopen_last_project: true,
            autosave_secs: 30,
            panels: super::PanelLayout::default(),
        }
    }
}

impl Settings {
    /// Brings every value into range. Returns what had to change, for a warning.
    pub fn validate(&mut self) -> Vec<String> {
        let mut fixed = Vec::new();
        if !self.ui_scale.is_finite() {
            fixed.push(format!(
                "UI scale {} is not a number; using 1.0",
                self.ui_scale
            ));
            self.ui_scale = 1.0;
        } else if !UI_SCALE_RANGE.contains(&self.ui_scale) {
            let clamped = self
                .ui_scale
                .clamp(*UI_SCALE_RANGE.start(), *UI_SCALE_RANGE.end());
            fixed.push(format!(
                "UI scale {} is out of range; using {clamped}",
                self.ui_scale
            ));
            self.ui_scale = clamped;
        }
        if self.autosave_secs != 0 && !AUTOSAVE_RANGE.contains(&self.autosave_secs) {
            let clamped = self
                .autosave_secs
                .clamp(*AUTOSAVE_RANGE.start(), *AUTOSAVE_RANGE.end());
            fixed.push(format!(
                "autosave every {} s is out of range; using {clamped} s",
                self.autosave_secs
            ));
            self.autosave_secs = clamped;
        }
        fixed.extend(self.panels.validate());
        if let TimeZoneChoice::Named(name) = &self.time_zone
            && let Err(err) = check_time_zone(name)
        {
            fixed.push(format!("{err}; showing each event in its own zone"));
            self.time_zone = TimeZoneChoice::EventOwn;
        }
        fixed
    }

    /// Reads `dir/settings.ron`. Never fails: problems give defaults (or in-range values)
    /// and a warning to show the analyst.
    pub fn load(dir: &Path) -> (Self, Option<String>) {
        let path = dir.join(SETTINGS_FILE);
        let (mut settings, mut warnings) = match std::fs::read_to_string(&path) {
            Ok(text) => match ron::from_str::<Self>(&text) {
                Ok(settings) => (settings, Vec::new()),
                Err(err) => (
                    Self::default(),
                    vec![format!(
                        "settings file {} is damaged ({err}); using the default settings",
                        path.display()
                    )],
                ),
            },
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => (Self::default(), Vec::new()),
            Err(err) => (
                Self::default(),
                vec![format!(
                    "could not read settings file {}: {err}; using the default settings",
                    path.display()
                )],
            ),
        };
        warnings.extend(settings.validate());
        let warning = (!warnings.is_empty()).then(|| warnings.join("; "));
        (settings, warning)
    }

    /// Writes `dir/settings.ron` atomically, creating `dir` if needed.
    pub fn save(&self, dir: &Path) -> Result<(), SaveError> {
        let path = dir.join(SETTINGS_FILE);
        std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
            path: path.clone(),
            step: "creating the settings folder",
            source,
        })?;
        let text =
            ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new()).map_err(|err| {
                SaveError::Encode {
                    path: path.clone(),
                    message: err.to_string(),
                }
            })?;
        write_atomically(&path, text.as_bytes())
    }
}

/// Checks an IANA zone name against the time zone database.
pub fn check_time_zone(name: &str) -> Result<(), String> {
    TimeZone::get(name)
        .map(|_| ())
        .map_err(|_| format!("“{name}” is not a time zone name such as Europe/Berlin"))
}

/// The zone an instant is shown in. Unknown zone names fall back to UTC, which the
/// formatted text then says, rather than failing a whole view.
pub fn resolve_time_zone(choice: &TimeZoneChoice, event_tz: Option<&str>) -> TimeZone {
    let named = |name: &str| TimeZone::get(name).unwrap_or(TimeZone::UTC);
    match choice {
        TimeZoneChoice::EventOwn => event_tz.map_or(TimeZone::UTC, named),
        TimeZoneChoice::Utc => TimeZone::UTC,
        TimeZoneChoice::Local => TimeZone::try_system().unwrap_or(TimeZone::UTC),
        TimeZoneChoice::Named(name) => named(name),
    }
}

/// The UTC offset, in seconds, of the zone the time axis is drawn in, at `secs`: the chosen
/// zone, or UTC for "each event's own zone" (an axis has no single event). The offset at one
/// instant is used for the whole view: a daylight-saving change inside it moves the axis by
/// an hour, which shows only when the view spans less than a few days.
pub fn axis_offset_secs(choice: &TimeZoneChoice, secs: i64) -> i64 {
    let tz = resolve_time_zone(choice, None);
    jiff::Timestamp::from_second(secs).map_or(0, |t| i64::from(tz.to_offset(t).seconds()))
}

/// An instant (seconds since the Unix epoch) as the analyst chose to see it, with the zone
/// always shown: `2025-12-20 15:00 +01:00`, `20 Dec 2025 15:00 CET`, `Dec 20, 2025 15:00 CET`.
pub fn format_instant(
    secs: i64,
    tz: &TimeZoneChoice,
    event_tz: Option<&str>,
    fmt: DateFormat,
) -> String {
    // Instants beyond jiff's range (±9999 years) are shown at the nearest it can show.
    let instant = Timestamp::from_second(secs).unwrap_or(if secs < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    });
    let zone = resolve_time_zone(tz, event_tz);
    let zoned = instant.to_zoned_datetime(zone);
    let pattern = match fmt {
        DateFormat::Iso => "%Y-%m-%d %H:%M %:z",
        DateFormat::DayMonthYear => "%-d %b %Y %H:%M %Z",
        DateFormat::MonthDayYear => "%b %-d, %Y %H:%M %Z",
    };
    let text = zoned.strftime(pattern).to_string();
    // `+00:00` in UTC says less than "UTC" (but London in winter is +00:00, not UTC).
    let is_utc = zoned.time_zone() == &TimeZone::UTC
        || matches!(zoned.time_zone().iana_name(), Some("UTC" | "Etc/UTC"));
    match text.strip_suffix("+00:00") {
        Some(rest) if is_utc => format!("{rest}UTC"),
        _ => text,
    }
}

/// How dates are shown, from the settings: day style and time zone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateDisplay {
    pub format: DateFormat,
    pub zone: TimeZoneChoice,
}

impl DateDisplay {
    pub fn of(settings: &Settings) -> Self {
        Self {
            format: settings.date_format,
            zone: settings.time_zone.clone(),
        }
    }

    /// The interval a date means, in words (`Sat 20 – Sun 21 Dec 2025`); times are shown in
    /// the chosen zone. `None` when the date has no bounds.
    pub fn describe(&self, date: &crate::model::DateSpec) -> Option<String> {
        let bounds = date.bounds().ok()?;
        let style = match self.format {
            DateFormat::Iso => crate::model::DayStyle::Iso,
            DateFormat::DayMonthYear => crate::model::DayStyle::DayMonth,
            DateFormat::MonthDayYear => crate::model::DayStyle::MonthDay,
        };
        let event_tz = date.tz().map(crate::model::Id::as_str);
        let instant = |secs| format_instant(secs, &self.zone, event_tz, self.format);
        Some(crate::model::describe_bounds_styled(
            &bounds, style, &instant,
        ))
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_axis_is_drawn_in_the_chosen_zone() {
        let winter = 1_766_016_000; // 2025-12-18 00:00 UTC
        let summer = 1_750_204_800; // 2025-06-18 00:00 UTC
        let berlin = TimeZoneChoice::Named("Europe/Berlin".into());
        assert_eq!(axis_offset_secs(&berlin, winter), 3600);
        assert_eq!(axis_offset_secs(&berlin, summer), 7200);
        assert_eq!(axis_offset_secs(&TimeZoneChoice::Utc, winter), 0);
        assert_eq!(axis_offset_secs(&TimeZoneChoice::EventOwn, winter), 0);
        assert_eq!(
            axis_offset_secs(&berlin, i64::MAX),
            0,
            "out of range: no shift"
        );
    }
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("detente-settings-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn missing_file_gives_defaults_quietly() {
        let (settings, warning) = Settings::load(&temp_dir("missing"));
        assert_eq!(settings, Settings::default());
        assert_eq!(settings.autosave_secs, 30);
        assert_eq!(warning, None);
    }

    #[test]
    fn saves_and_loads_every_field() {
        let dir = temp_dir("round-trip");
        let settings = Settings {
            theme: ThemeChoice::Dark,
            ui_scale: 1.25,
            date_format: DateFormat::DayMonthYear,
            time_zone: TimeZoneChoice::Named("Europe/Berlin".into()),
            reopen_last_project: false,
            autosave_secs: 120,
            panels: crate::app::PanelLayout {
                side_open: false,
                side_width: Some(300.0),
                details_width: Some(280.0),
            },
        };
        settings.save(&dir).unwrap();
        let text = std::fs::read_to_string(dir.join(SETTINGS_FILE)).unwrap();
        assert!(text.contains("Named(\"Europe/Berlin\")"), "{text}");
        assert_eq!(Settings::load(&dir), (settings, None));
    }

    #[test]
    fn corrupt_file_gives_defaults_and_a_warning() {
        let dir = temp_dir("corrupt");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(SETTINGS_FILE), "(theme: Purple,").unwrap();
        let (settings, warning) = Settings::load(&dir);
        assert_eq!(settings, Settings::default());
        let warning = warning.unwrap();
        assert!(
            warning.contains("damaged") && warning.contains("settings.ron"),
            "{warning}"
        );
        std::fs::write(dir.join(SETTINGS_FILE), [0xff, 0xfe, 0]).unwrap();
        assert!(Settings::load(&dir).1.is_some());
    }

    #[test]
    fn old_and_new_files_load_and_values_are_brought_into_range() {
        let dir = temp_dir("range");
        std::fs::create_dir_all(&dir).unwrap();
        // A field from a newer version, missing fields, values out of range.
        let text =
            "(ui_scale: 9.0, autosave_secs: 1, time_zone: Named(\"Mars/Olympus\"), future: 1)";
        std::fs::write(dir.join(SETTINGS_FILE), text).unwrap();
        let (settings, warning) = Settings::load(&dir);
        assert_eq!(settings.ui_scale, 2.0);
        assert_eq!(settings.autosave_secs, 5);
        assert_eq!(settings.time_zone, TimeZoneChoice::EventOwn);
        assert_eq!(settings.theme, ThemeChoice::System);
        let warning = warning.unwrap();
        assert!(
            warning.contains("UI scale 9") && warning.contains("Mars/Olympus"),
            "{warning}"
        );
        let mut off = Settings {
            autosave_secs: 0,
            ui_scale: f32::NAN,
            ..Settings::default()
        };
        assert_eq!(off.validate().len(), 1);
        assert_eq!((off.autosave_secs, off.ui_scale), (0, 1.0));
    }

    #[test]
    fn save_reports_an_impossible_folder() {
        let file = temp_dir("not-a-dir");
        std::fs::write(&file, "x").unwrap();
        let err = Settings::default().save(&file.join("sub")).unwrap_err();
        assert!(
            err.to_string().contains("creating the settings folder"),
            "{err}"
        );
        let _ = std::fs::remove_file(&file);
    }

    #[test]
    fn zone_names_are_checked() {
        assert!(check_time_zone("America/New_York").is_ok());
        assert!(check_time_zone("Europe/Berlin").is_ok());
        assert!(
            check_time_zone("Europe/Nowhere")
                .unwrap_err()
                .contains("Europe/Nowhere")
        );
    }

    // 2025-12-20T14:00:00Z and 2025-07-04T16:00:00Z.
    const WINTER: i64 = 1_766_239_200;
    const SUMMER: i64 = 1_751_644_800;

    #[test]
    fn berlin_in_winter_is_utc_plus_one() {
        let berlin = TimeZoneChoice::Named("Europe/Berlin".into());
        assert_eq!(
            format_instant(WINTER, &berlin, None, DateFormat::Iso),
            "2025-12-20 15:00 +01:00"
        );
        assert_eq!(
            format_instant(WINTER, &berlin, None, DateFormat::DayMonthYear),
            "20 Dec 2025 15:00 CET"
        );
        let london = TimeZoneChoice::Named("Europe/London".into());
        assert_eq!(
            format_instant(WINTER, &london, None, DateFormat::Iso),
            "2025-12-20 14:00 +00:00"
        );
        assert_eq!(
            format_instant(
                WINTER,
                &TimeZoneChoice::Named("UTC".into()),
                None,
                DateFormat::Iso
            ),
            "2025-12-20 14:00 UTC"
        );
        assert_eq!(
            format_instant(WINTER, &TimeZoneChoice::Utc, None, DateFormat::Iso),
            "2025-12-20 14:00 UTC"
        );
    }

    #[test]
    fn new_york_in_summer_is_utc_minus_four() {
        let new_york = Some("America/New_York");
        let event = TimeZoneChoice::EventOwn;
        assert_eq!(
            format_instant(SUMMER, &event, new_york, DateFormat::Iso),
            "2025-07-04 12:00 -04:00"
        );
        assert_eq!(
            format_instant(SUMMER, &event, new_york, DateFormat::MonthDayYear),
            "Jul 4, 2025 12:00 EDT"
        );
        // Without an event zone, or with an unknown one, the event's own zone is UTC.
        assert_eq!(
            format_instant(SUMMER, &event, None, DateFormat::Iso),
            "2025-07-04 16:00 UTC"
        );
        assert_eq!(
            format_instant(SUMMER, &event, Some("Nowhere"), DateFormat::Iso),
            "2025-07-04 16:00 UTC"
        );
    }

    #[test]
    fn dates_follow_the_format_and_times_the_zone() {
        let day = crate::model::DateSpec::parse("2025-12-20/2025-12-21").unwrap();
        let mut display = DateDisplay {
            format: DateFormat::Iso,
            ..DateDisplay::default()
        };
        assert_eq!(display.describe(&day).unwrap(), "2025-12-20 – 2025-12-21");
        display.format = DateFormat::DayMonthYear;
        assert_eq!(display.describe(&day).unwrap(), "Sat 20 – Sun 21 Dec 2025");
        display.format = DateFormat::MonthDayYear;
        assert_eq!(
            display.describe(&day).unwrap(),
            "Sat, Dec 20, 2025 – Sun, Dec 21, 2025"
        );
        let mut meeting = crate::model::DateSpec::parse("2025-12-20T14:00:00Z").unwrap();
        meeting.set_tz(Some(crate::model::Id::new("Europe/Berlin")));
        display.format = DateFormat::Iso;
        assert_eq!(
            display.describe(&meeting).unwrap(),
            "2025-12-20 15:00 +01:00"
        );
        display.zone = TimeZoneChoice::Utc;
        assert_eq!(display.describe(&meeting).unwrap(), "2025-12-20 14:00 UTC");
    }

    #[test]
    fn extreme_instants_do_not_panic() {
        for secs in [i64::MIN, i64::MAX, 0] {
            assert!(
                !format_instant(secs, &TimeZoneChoice::Local, None, DateFormat::Iso).is_empty()
            );
        }
    }
}
