//! An article's text from what the analyst gives: a `.txt`, `.html` or `.md` file, or pasted
//! text; with the publication date, outlet, headline and URL read from a dateline or the HTML
//! metadata when there is one.
