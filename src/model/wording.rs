//! Counts in words: "1 claim", "3 claims", so that no view says "1 claims".

/// `n` and the noun that agrees with it: `one` for exactly one, `many` otherwise (English
/// says "0 events", "2 events").
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// The noun that agrees with `n`, for phrases such as "2 of 5 events" where the count stands
/// apart from it.
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(count(1, "claim", "claims"), "1 claim");
        assert_eq!(count(0, "claim", "claims"), "0 claims");
        assert_eq!(count(12, "claim", "claims"), "12 claims");
        assert_eq!(noun(1, "place", "places"), "place");
    }
}
