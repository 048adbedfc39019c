//! Date expressions found in a report and resolved against its publication date into EDTF.
//! The policy for every form is in `docs/DATES.md`.

use jiff::civil;

use super::{DateProposal, Span};

/// Every date expression of `text`, in text order, resolved against `published`.
/// `sentences` are those of [`super::text::sentences`]; each proposal names its sentence.
pub fn find_dates(text: &str, sentences: &[Span], published: civil::Date) -> Vec<DateProposal> {
    // Filled in by the dates work (issue 14); nothing is proposed until then.
    let _ = (text, sentences, published);
    Vec::new()
}
