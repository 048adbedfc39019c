//! Counts in words: "1 claim", "3 claims", so that no view says "1 claims".

/// `n` and the noun that agrees with it: `one` for exactly one, `many` otherwise (English
/// says "0 events", "2 events"), the number grouped by thousands ("959,545 events") as
/// every count a person reads in the app and the reports.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", group_thousands(n as u64), noun(n, one, many))
}

/// The noun that agrees with `n`, for phrases such as "2 of 5 events" where the count stands
/// apart from it.
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// 2952301 → "2,952,301": counts of rows and places are read at a glance.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_000), "1,000");
        assert_eq!(group_thousands(20_000_000), "20,000,000");
    }

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(count(1, "claim", "claims"), "1 claim");
        assert_eq!(count(0, "claim", "claims"), "0 claims");
        assert_eq!(count(12, "claim", "claims"), "12 claims");
        assert_eq!(count(959_545, "event", "events"), "959,545 events");
        assert_eq!(noun(1, "place", "places"), "place");
    }
}
