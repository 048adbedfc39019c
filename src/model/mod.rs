//! The project model: pure data and validation, with no UI and no file I/O.

mod actor;
mod certainty;
mod date;
mod date_edit;
mod date_input;
mod date_text;
mod event;
mod event_file;
mod fold;
mod id;
mod location;
mod migrate;
mod position;
mod project;
mod reported;
mod source;
mod validate;
mod view;
mod wording;

pub use actor::{Actor, ActorKind, Membership, MembershipKind};
pub use certainty::Certainty;
pub use date::{
    DateError, DateSpec, EndKind, MAX_YEAR, MIN_YEAR, SECS_PER_DAY, TimeBounds, TimeSecs,
    civil_from_secs, day_start_secs, parse_edtf,
};
pub use date_edit::{End, days_span, move_end, shift_days};
pub use date_input::{DateInput, DateInputError, parse_date_input};
pub use date_text::{DayStyle, describe_bounds, describe_bounds_styled};
pub use event::{
    Citation, Event, EventKind, EventPlace, EventStatus, ParticipantRole, Participation,
};
pub use fold::fold;
pub use id::Id;
pub use id::{IdNames, with_id_names};
pub use location::{Location, LocationPrecision};
pub use migrate::{OLDEST_FORMAT_VERSION, state_of_version_1, upgrade};
pub use position::{Issue, Position, Stance};
pub use project::{EntityKind, FORMAT_VERSION, Lookup, Period, Project, Tag};
pub use reported::{
    ReportedParticipant, ReportedState, claim_known_secs, states_in_publication_order,
};
pub use source::{
    AttributionStep, Claim, Credibility, GradingScheme, Reliability, Source, SourceKind,
    grade_meaning, reliability_meaning,
};
pub use validate::{Locator, Problem, validate};
pub use view::{Filter, ItemRef, LaneMode, ViewState};
pub use wording::{count, group_thousands, noun};
