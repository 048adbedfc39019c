//! Issues (topics) and the positions actors hold on them.

use super::{Certainty, DateSpec, Id};

/// A topic of negotiation: "NATO membership", "security guarantees".
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// Who holds which stance on which issue, as of when, according to whom.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub id: Id,
    pub holder: Id,
    pub issue: Id,
    pub stance: Stance,
    pub summary: String,
    /// The conditions of a conditional stance ("in exchange for robust Western security guarantees").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub conditions: String,
    pub as_of: DateSpec,
    #[serde(default, skip_serializing_if = "Certainty::is_stated")]
    pub certainty: Certainty,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Id>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Support,
    Oppose,
    Conditional,
    Considering,
    Reluctant,
    Neutral,
    Unclear,
}

impl Stance {
    pub const ALL: [Self; 7] = [
        Self::Support,
        Self::Oppose,
        Self::Conditional,
        Self::Considering,
        Self::Reluctant,
        Self::Neutral,
        Self::Unclear,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Support => "support",
            Self::Oppose => "oppose",
            Self::Conditional => "conditional",
            Self::Considering => "considering",
            Self::Reluctant => "reluctant",
            Self::Neutral => "neutral",
            Self::Unclear => "unclear",
        }
    }
}
