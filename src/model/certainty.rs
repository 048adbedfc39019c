//! How sure a report is: the hedges of the source ("expected to", "likely to include").

/// A likelihood in the words analysts use (ICD 203), plus `stated` for a plain assertion.
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
pub enum Certainty {
    /// The source asserts it without a hedge.
    #[default]
    Stated,
    /// 95–99 %.
    AlmostCertain,
    /// 80–95 %.
    VeryLikely,
    /// 55–80 %: "expected to", "likely to include".
    Likely,
    /// 45–55 %: "may", "could".
    RoughlyEven,
    /// 20–45 %.
    Unlikely,
    /// 5–20 %.
    VeryUnlikely,
    /// 1–5 %.
    AlmostNoChance,
    Unknown,
}

impl Certainty {
    pub const ALL: [Self; 9] = [
        Self::Stated,
        Self::AlmostCertain,
        Self::VeryLikely,
        Self::Likely,
        Self::RoughlyEven,
        Self::Unlikely,
        Self::VeryUnlikely,
        Self::AlmostNoChance,
        Self::Unknown,
    ];

    pub fn is_stated(&self) -> bool {
        *self == Self::Stated
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::AlmostCertain => "almost certain",
            Self::VeryLikely => "very likely",
            Self::Likely => "likely",
            Self::RoughlyEven => "roughly even",
            Self::Unlikely => "unlikely",
            Self::VeryUnlikely => "very unlikely",
            Self::AlmostNoChance => "almost no chance",
            Self::Unknown => "unknown",
        }
    }
}
