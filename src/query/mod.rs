//! Questions asked of a project: the shared filter, corroboration, who met whom, stances
//! over time, an actor's roles and the best grade of some claims. Pure, no UI.

mod actor_tree;
mod corroboration;
mod filter;
mod filter_state;
mod stance_timeline;
mod summaries;
mod who_met_whom;

pub use crate::model::Filter;
pub use actor_tree::{ActorNode, actor_tree};
pub use corroboration::ClaimIndex;
pub use filter::{FilterResult, Shown, apply_filter};
pub use filter_state::FilterState;
pub use stance_timeline::{StanceLane, StanceSegment, stance_lanes};
pub use summaries::{best_grade, roles_text};
pub use who_met_whom::{MAX_PARTICIPANTS_PAIRED, Pair, who_met_whom};
