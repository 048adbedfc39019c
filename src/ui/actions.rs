//! What the analyst asked for this frame. The command type lives below the UI, in
//! [`crate::app::command`]; views name it `Action` (what a widget emits), and the app runs
//! it after the frame, in one place ([`crate::app::Session::run`]).

pub use crate::app::command::Command as Action;
