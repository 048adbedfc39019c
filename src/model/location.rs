//! Places where events happen.

use super::Id;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub id: Id,
    pub name: String,
    /// ISO 3166-1 alpha-2 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// WGS84 decimal degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    pub precision: LocationPrecision,
    /// GeoNames id, where the place was matched to the gazetteer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// How exactly the coordinates locate the place.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum LocationPrecision {
    Venue,
    City,
    Region,
    Country,
    #[default]
    Unknown,
}

impl LocationPrecision {
    pub const ALL: [Self; 5] = [
        Self::Venue,
        Self::City,
        Self::Region,
        Self::Country,
        Self::Unknown,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Venue => "venue",
            Self::City => "city",
            Self::Region => "region",
            Self::Country => "country",
            Self::Unknown => "unknown",
        }
    }
}

impl Location {
    pub fn lat_lon(&self) -> Option<(f64, f64)> {
        Some((self.lat?, self.lon?))
    }
}
