//! Sources (outlets), the claims they make, and the analyst's grading of both.
//!
//! Grades follow the Admiralty (NATO) code: a source's reliability A–F from its track
//! record, and each claim's credibility 1–6 from corroboration, written together as `C3`.

use arcstr::ArcStr;
use compact_str::CompactString;
use std::fmt;

use super::{DateSpec, Id};

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub name: String,
    pub kind: SourceKind,
    /// The outlet as an actor, so that it can stand in attribution chains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub reliability: Reliability,
    #[serde(default, skip_serializing_if = "GradingScheme::is_admiralty")]
    pub scheme: GradingScheme,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    NewsAgency,
    Newspaper,
    Broadcaster,
    OnlineOutlet,
    Government,
    Organisation,
    SocialMedia,
    Dataset,
    Other,
}

impl SourceKind {
    pub const ALL: [Self; 9] = [
        Self::NewsAgency,
        Self::Newspaper,
        Self::Broadcaster,
        Self::OnlineOutlet,
        Self::Government,
        Self::Organisation,
        Self::SocialMedia,
        Self::Dataset,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::NewsAgency => "news agency",
            Self::Newspaper => "newspaper",
            Self::Broadcaster => "broadcaster",
            Self::OnlineOutlet => "online outlet",
            Self::Government => "government",
            Self::Organisation => "organisation",
            Self::SocialMedia => "social media",
            Self::Dataset => "dataset",
            Self::Other => "other",
        }
    }
}

/// Which grading scheme the grades follow.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum GradingScheme {
    /// NATO / Admiralty code: reliability A–F, credibility 1–6.
    #[default]
    Admiralty,
}

impl GradingScheme {
    pub fn is_admiralty(&self) -> bool {
        *self == Self::Admiralty
    }
}

/// Source reliability, A (completely reliable) to F (cannot be judged).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Reliability {
    pub const ALL: [Self; 6] = [Self::A, Self::B, Self::C, Self::D, Self::E, Self::F];

    pub fn letter(self) -> char {
        match self {
            Self::A => 'A',
            Self::B => 'B',
            Self::C => 'C',
            Self::D => 'D',
            Self::E => 'E',
            Self::F => 'F',
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Self::A => "completely reliable",
            Self::B => "usually reliable",
            Self::C => "fairly reliable",
            Self::D => "not usually reliable",
            Self::E => "unreliable",
            Self::F => "reliability cannot be judged",
        }
    }
}

/// Information credibility, 1 (confirmed by other sources) to 6 (cannot be judged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Credibility(u8);

impl Credibility {
    pub const ALL: [Self; 6] = [Self(1), Self(2), Self(3), Self(4), Self(5), Self(6)];

    pub fn new(value: u8) -> Option<Self> {
        (1..=6).contains(&value).then_some(Self(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    pub fn meaning(self) -> &'static str {
        match self.0 {
            1 => "confirmed by other sources",
            2 => "probably true",
            3 => "possibly true",
            4 => "doubtful",
            5 => "improbable",
            _ => "truth cannot be judged",
        }
    }
}

impl<'de> serde::Deserialize<'de> for Credibility {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = u8::deserialize(deserializer)?;
        Self::new(value).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "credibility {value} is not an Admiralty grade: expected 1 (confirmed) to 6 (cannot be judged)"
            ))
        })
    }
}

impl fmt::Display for Credibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What a source says, anchored to its exact words.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: Id,
    /// Where the analyst read it (the last link of the attribution chain).
    pub source: Id,
    /// The exact quoted text.
    pub excerpt: Box<str>,
    /// A little text around the excerpt, so that it can be found again. This and the other
    /// texts most claims leave empty are `ArcStr`s, 8 bytes instead of a `String`'s 24.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub context_before: ArcStr,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub context_after: ArcStr,
    /// Who said it to whom, from the origin to `source`: officials → Politico → Xinhua.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attribution: Vec<AttributionStep>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<ArcStr>,
    pub credibility: Credibility,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub note: ArcStr,
}

/// One link of an attribution chain: who passed the claim on, and how ("said", "reported").
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionStep {
    /// The actor, when the project knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Id>,
    /// The words for an unnamed speaker ("sources familiar with the matter").
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub name: ArcStr,
    /// The reporting verb, which carries the hedge: "said", "reported", "according to".
    /// Short, so kept inline.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub verb: CompactString,
}

impl Claim {
    /// The Admiralty grade of the claim with its source's reliability, e.g. `C3`.
    pub fn grade(&self, reliability: Reliability) -> String {
        format!("{}{}", reliability.letter(), self.credibility)
    }
}

/// An Admiralty grade in words, for the tooltip of every grade badge: "C3: source fairly
/// reliable (C), information possibly true (3)".
pub fn grade_meaning(reliability: Reliability, credibility: Credibility) -> String {
    let letter = reliability.letter();
    let source = match reliability {
        Reliability::F => "source's reliability cannot be judged".to_owned(),
        r => format!("source {}", r.meaning()),
    };
    let information = match credibility.value() {
        1 => "information confirmed by other sources".to_owned(),
        6 => "information's truth cannot be judged".to_owned(),
        _ => format!("information {}", credibility.meaning()),
    };
    format!("{letter}{credibility}: {source} ({letter}), {information} ({credibility})")
}

/// The tooltip of a source's reliability badge: "C: fairly reliable (Admiralty grade of the
/// source; each claim adds a credibility digit, 1–6)".
pub fn reliability_meaning(reliability: Reliability) -> String {
    format!(
        "{}: {} (Admiralty grade of the source; each claim adds a credibility digit, 1–6)",
        reliability.letter(),
        reliability.meaning()
    )
}

#[cfg(test)]
mod grade_tests {
    use super::*;

    #[test]
    fn a_grade_reads_as_words() {
        let three = Credibility::new(3).expect("3 is a grade");
        assert_eq!(
            grade_meaning(Reliability::C, three),
            "C3: source fairly reliable (C), information possibly true (3)"
        );
        let six = Credibility::new(6).expect("6 is a grade");
        assert_eq!(
            grade_meaning(Reliability::F, six),
            "F6: source's reliability cannot be judged (F), information's truth cannot be judged (6)"
        );
    }

    #[test]
    fn a_reliability_reads_as_words_with_what_the_letter_is() {
        assert_eq!(
            reliability_meaning(Reliability::C),
            "C: fairly reliable (Admiralty grade of the source; each claim adds a credibility digit, 1–6)"
        );
        assert!(
            reliability_meaning(Reliability::F).starts_with("F: reliability cannot be judged (")
        );
    }
}
