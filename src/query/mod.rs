//! Questions asked of a project: the shared filter, corroboration, who met whom, stances
//! over time, which reports of an event dispute, an actor's roles and the best grade of some claims, where an entity is
//! mentioned. Pure, no UI.

mod actor_tree;
mod as_of;
mod corroboration;
mod disputes;
mod filter;
mod filter_state;
mod mentions;
mod report_history;
mod stance_timeline;
mod summaries;
mod text_search;
mod who_met_whom;

pub use crate::model::Filter;
pub use actor_tree::{ActorNode, actor_tree};
pub use as_of::{AsOf, Hidden, Projected, project_as_of, project_as_of_watched, report_days};
pub use corroboration::ClaimIndex;
pub use disputes::{
    Dispute, DisputeKind, DisputedEvents, PlaceRelation, date_span, event_disputes,
    event_disputes_known_by, is_disputed, place_relation, places_agree, state_sources,
};
pub use filter::{FilterResult, Shown, apply_filter};
pub use filter_state::FilterState;
pub use mentions::{
    attribution_step_text, distinct_ids, events_at, events_citing, events_with_participant,
    membership_title, position_title, relayed_claims, relayed_text, support_text,
};
pub use report_history::{HistoryEntry, places_text, report_history};
pub use stance_timeline::{StanceLane, StanceSegment, stance_lanes};
pub use summaries::{best_grade, roles_text};
pub use text_search::TextSearch;
pub use who_met_whom::{MAX_PARTICIPANTS_PAIRED, Pair, who_met_whom};
