//! Each pattern on short articles in our own words.
