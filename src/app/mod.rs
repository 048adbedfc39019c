//! Application state without UI: the open document and the selection.

mod document;
mod selection;

pub use document::{Document, Origin};
pub use selection::{Selected, Selection, SelectionLinks};
