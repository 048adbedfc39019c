//! Actors (people, delegations, states, organisations, outlets) and their dated memberships.
//!
//! Roles follow Popolo: "special envoy of President Trump" is a membership of Witkoff with
//! Trump, not a label on Witkoff, so it can have dates, a certainty and a source.

use super::{Certainty, DateSpec, Id};

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: Id,
    pub name: String,
    pub kind: ActorKind,
    /// Other names used for this actor ("Zelensky", "Washington", "Kyiv").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The actor this one belongs to: a delegation to its state, an administration to its state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<Id>,
    /// ISO 3166-1 alpha-2 code of the actor's country, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    Delegation,
    State,
    Organisation,
    Outlet,
    /// An unnamed group that a source cites ("officials from the Trump administration").
    Group,
}

impl ActorKind {
    pub const ALL: [Self; 6] = [
        Self::Person,
        Self::Delegation,
        Self::State,
        Self::Organisation,
        Self::Outlet,
        Self::Group,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Delegation => "delegation",
            Self::State => "state",
            Self::Organisation => "organisation",
            Self::Outlet => "outlet",
            Self::Group => "group",
        }
    }
}

/// A dated role of one actor in or for another (Popolo `Membership`).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub id: Id,
    /// Who holds the role.
    pub member: Id,
    /// Whom the role is in or for: a delegation, a state, or a person ("envoy of Trump").
    pub organisation: Id,
    /// The role as reported: "special envoy", "head of delegation", "son-in-law".
    pub role: String,
    #[serde(default)]
    pub kind: MembershipKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<DateSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<DateSpec>,
    #[serde(default, skip_serializing_if = "Certainty::is_stated")]
    pub certainty: Certainty,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Id>,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum MembershipKind {
    /// An office or post: president, special envoy, national security advisor.
    #[default]
    Office,
    /// Membership of a delegation or body.
    Member,
    /// A family tie ("son-in-law").
    Family,
    Other,
}

impl MembershipKind {
    pub const ALL: [Self; 4] = [Self::Office, Self::Member, Self::Family, Self::Other];

    pub fn label(self) -> &'static str {
        match self {
            Self::Office => "office",
            Self::Member => "member",
            Self::Family => "family",
            Self::Other => "other",
        }
    }
}
