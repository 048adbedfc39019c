//! Timeline layout: what to draw for a view range. Pure functions, no egui.

mod time_view;

pub use time_view::{MAX_SECS_PER_PX, MIN_SECS_PER_PX, TimeView};
