//! Which dataset a Parquet file holds, told by its column names, and which of its columns
//! each part of the import needs: the slice's filters and the rows' fields.

use super::super::csv_mapping::{ColumnRef, CsvMapping};

/// The GDELT 2.0 event columns in the order of its TSV export, as BigQuery's
/// `gdelt-bq.gdeltv2.events` names them: a Parquet row is laid out as a TSV line so that
/// the GDELT importer reads it unchanged.
pub(crate) const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The GDELT event columns the importer reads (positions in [`GDELT_EVENT_COLUMNS`]): the
/// id, the date, each actor's code, name, country, group, ethnicity and religions, the event
/// code, the action's place, the day added and the article. The rest are never decoded.
pub(crate) const GDELT_EVENT_READ: [usize; 26] = [
    0, 1, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17, 18, 19, 20, 21, 26, 51, 52, 56, 57, 58, 59, 60, 53, 28,
];

/// Without these a GDELT event row cannot be read.
const GDELT_EVENT_REQUIRED: [&str; 3] = ["GLOBALEVENTID", "SQLDATE", "EventCode"];

/// GDELT 2.0 mentions (`gdelt-bq.gdeltv2.eventmentions`): the columns read.
pub(crate) const MENTION_COLUMNS: [&str; 6] = [
    "GLOBALEVENTID",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "Confidence",
];

/// ACLED's columns, as its exports name them.
pub(crate) const ACLED_COLUMNS: [&str; 16] = [
    "event_id_cnty",
    "event_date",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
];

/// POLECAT's columns as its published tables name them (the PLOVER ontology's fields;
/// assumed from the codebook, see docs).
pub(crate) const POLECAT_COLUMNS: [&str; 16] = [
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Actor Name",
    "Actor Country",
    "Recipient Name",
    "Recipient Country",
    "Place Name",
    "Country",
    "Latitude",
    "Longitude",
    "Publication Date",
    "Story ID",
];

/// What a Parquet file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Preset {
    GdeltEvents,
    GdeltMentions,
    Acled,
    Polecat,
    /// Any other table, read through a CSV column mapping (given, or found from the names).
    Mapped(Box<CsvMapping>),
}

impl Preset {
    pub fn name(&self) -> &'static str {
        match self {
            Self::GdeltEvents => "GDELT 2.0 events",
            Self::GdeltMentions => "GDELT 2.0 mentions",
            Self::Acled => "ACLED",
            Self::Polecat => "POLECAT",
            Self::Mapped(_) => "mapped columns",
        }
    }

    /// The preset of a file with these column names: a given mapping wins, then the
    /// datasets whose key columns are all there, then the names as CSV headers are read.
    pub fn detect(names: &[String], mapping: Option<&CsvMapping>) -> Self {
        let has_all = |wanted: &[&str]| wanted.iter().all(|w| find(names, w).is_some());
        if let Some(m) = mapping {
            return Self::Mapped(Box::new(m.clone()));
        }
        // Told by the id and the date, so that a file lacking EventCode is refused by name.
        if has_all(&["GLOBALEVENTID", "SQLDATE"]) {
            Self::GdeltEvents
        } else if has_all(&["GLOBALEVENTID", "MentionTimeDate", "MentionIdentifier"]) {
            Self::GdeltMentions
        } else if has_all(&["event_id_cnty", "event_date", "event_type"]) {
            Self::Acled
        } else if has_all(&["Event ID", "Event Date", "Event Type"]) {
            Self::Polecat
        } else {
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            Self::Mapped(Box::new(CsvMapping::from_header(&refs)))
        }
    }

    /// The columns this preset cannot do without; an error names the first one missing.
    pub fn check_required(&self, names: &[String]) -> Result<(), String> {
        let required: Vec<String> = match self {
            Self::GdeltEvents => GDELT_EVENT_REQUIRED.map(str::to_owned).to_vec(),
            Self::GdeltMentions => vec!["GLOBALEVENTID".into(), "MentionTimeDate".into()],
            Self::Acled => vec!["event_id_cnty".into(), "event_date".into()],
            Self::Polecat => vec!["Event ID".into(), "Event Date".into()],
            Self::Mapped(m) => {
                let mut named: Vec<String> = mapped_names(m);
                if m.columns.date.is_none() {
                    return Err(
                        "the columns include none named like a date (\"date\", \"event date\"); give a column mapping (--mapping) naming the date column".into(),
                    );
                }
                named.retain(|n| !n.is_empty());
                named
            }
        };
        for wanted in &required {
            if find(names, wanted).is_none() {
                return Err(format!(
                    "the file has no column \"{wanted}\", which {} needs (its columns: {})",
                    self.name(),
                    quoted_names(names)
                ));
            }
        }
        Ok(())
    }

    /// The columns the slice filters look at.
    pub fn filter_columns(&self) -> FilterColumns {
        match self {
            Self::GdeltEvents => FilterColumns {
                date: Some("SQLDATE".into()),
                actor_codes: vec!["Actor1Code".into(), "Actor2Code".into()],
                actor_names: vec!["Actor1Name".into(), "Actor2Name".into()],
                countries: vec![
                    "Actor1CountryCode".into(),
                    "Actor2CountryCode".into(),
                    "ActionGeo_CountryCode".into(),
                ],
                event_codes: vec!["EventCode".into()],
                names_upper: true,
            },
            Self::GdeltMentions => FilterColumns {
                date: Some("MentionTimeDate".into()),
                ..FilterColumns::default()
            },
            Self::Acled => FilterColumns {
                date: Some("event_date".into()),
                actor_codes: Vec::new(),
                actor_names: vec!["actor1".into(), "actor2".into()],
                countries: vec!["country".into()],
                event_codes: vec!["event_type".into(), "sub_event_type".into()],
                names_upper: false,
            },
            Self::Polecat => FilterColumns {
                date: Some("Event Date".into()),
                actor_codes: Vec::new(),
                actor_names: vec!["Actor Name".into(), "Recipient Name".into()],
                countries: vec![
                    "Actor Country".into(),
                    "Recipient Country".into(),
                    "Country".into(),
                ],
                event_codes: vec!["Event Type".into()],
                names_upper: false,
            },
            Self::Mapped(m) => {
                let name = |c: &Option<ColumnRef>| match c {
                    Some(ColumnRef::Name(n)) => Some(n.clone()),
                    _ => None,
                };
                FilterColumns {
                    date: name(&m.columns.date),
                    actor_codes: Vec::new(),
                    actor_names: name(&m.columns.actors).into_iter().collect(),
                    countries: Vec::new(),
                    event_codes: name(&m.columns.kind).into_iter().collect(),
                    names_upper: false,
                }
            }
        }
    }

    /// The columns the rows are built from (the filter's are added by the reader).
    pub fn read_columns(&self) -> Vec<String> {
        let own = |names: &[&str]| names.iter().map(|&n| n.to_owned()).collect();
        match self {
            Self::GdeltEvents => GDELT_EVENT_READ
                .iter()
                .map(|&i| GDELT_EVENT_COLUMNS[i].to_owned())
                .collect(),
            Self::GdeltMentions => own(&MENTION_COLUMNS),
            Self::Acled => own(&ACLED_COLUMNS),
            Self::Polecat => own(&POLECAT_COLUMNS),
            Self::Mapped(m) => mapped_names(m),
        }
    }
}

/// The columns a slice's filters read; empty lists where the dataset has none.
#[derive(Clone, Debug, Default)]
pub struct FilterColumns {
    pub date: Option<String>,
    /// Compared exactly (after upper-casing what was asked for): codes such as `USA`.
    pub actor_codes: Vec<String>,
    /// Compared ignoring case, unless `names_upper`.
    pub actor_names: Vec<String>,
    /// The dataset writes its names in upper case (GDELT: `UNITED STATES`), so a name is
    /// compared in upper case exactly, which lets row-group statistics rule it out.
    pub names_upper: bool,
    pub countries: Vec<String>,
    /// Matched by prefix (CAMEO codes) or, for words, ignoring case.
    pub event_codes: Vec<String>,
}

/// The names a mapping gives (numbers count from 1 over the file's columns, resolved later).
fn mapped_names(m: &CsvMapping) -> Vec<String> {
    let c = &m.columns;
    [
        &c.id,
        &c.date,
        &c.end_date,
        &c.title,
        &c.description,
        &c.actors,
        &c.location,
        &c.latitude,
        &c.longitude,
        &c.source_url,
        &c.kind,
        &c.status,
        &c.tags,
    ]
    .into_iter()
    .filter_map(|c| match c {
        Some(ColumnRef::Name(n)) => Some(n.trim().to_owned()),
        _ => None,
    })
    .collect()
}

/// The position of the column named `wanted`, ignoring case and surrounding spaces.
pub(crate) fn find(names: &[String], wanted: &str) -> Option<usize> {
    names
        .iter()
        .position(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
}

/// At most this many column names are quoted in a message (as for CSV headers).
const MAX_NAMES_QUOTED: usize = 20;

pub(crate) fn quoted_names(names: &[String]) -> String {
    let mut text = names
        .iter()
        .take(MAX_NAMES_QUOTED)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > MAX_NAMES_QUOTED {
        text.push_str(&format!(", … and {} more", names.len() - MAX_NAMES_QUOTED));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|&n| n.to_owned()).collect()
    }

    #[test]
    fn presets_are_told_by_their_columns() {
        let gdelt = names(&GDELT_EVENT_COLUMNS);
        assert_eq!(Preset::detect(&gdelt, None), Preset::GdeltEvents);
        let lower: Vec<String> = gdelt.iter().map(|n| n.to_lowercase()).collect();
        assert_eq!(Preset::detect(&lower, None), Preset::GdeltEvents);
        assert_eq!(
            Preset::detect(&names(&MENTION_COLUMNS), None),
            Preset::GdeltMentions
        );
        assert_eq!(Preset::detect(&names(&ACLED_COLUMNS), None), Preset::Acled);
        assert_eq!(
            Preset::detect(&names(&POLECAT_COLUMNS), None),
            Preset::Polecat
        );
        let other = Preset::detect(&names(&["Date", "Title"]), None);
        assert!(matches!(other, Preset::Mapped(_)));
        assert!(other.check_required(&names(&["Date", "Title"])).is_ok());
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let err = Preset::GdeltEvents
            .check_required(&names(&["GLOBALEVENTID", "SQLDATE"]))
            .unwrap_err();
        assert!(err.contains("\"EventCode\""), "{err}");
        let err = Preset::detect(&names(&["a", "b"]), None)
            .check_required(&names(&["a", "b"]))
            .unwrap_err();
        assert!(err.contains("mapping"), "{err}");
    }
}
