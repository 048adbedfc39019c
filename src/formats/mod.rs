//! What the importers and the exporters agree on about other tools' files, so that neither
//! reaches into the other: the key under which a TimelineJS slide keeps Detente's own fields
//! and the HTML its texts are written in, and the guard that stops a CSV cell from running
//! as a spreadsheet formula. Pure: text in, text out.

pub mod csv_guard;
pub mod timelinejs;
