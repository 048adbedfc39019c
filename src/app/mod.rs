//! Application state without UI: the open document and the selection.

mod document;
pub mod edit;
pub mod edits;
mod filtered;
mod navigation;
mod selection;

pub use document::{Document, Origin};
pub use filtered::{Appearances, FilteredView};
pub use navigation::History;
pub use selection::{Selected, Selection, SelectionLinks};
