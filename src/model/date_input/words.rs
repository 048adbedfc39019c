//! One date in words or ISO form (`Sat 20th Dec. 2025`, `2025-12`, `spring 2025`), possibly
//! missing the parts that the other end of a range supplies.

use jiff::civil::{self, Weekday};

use super::DateInputError;
use crate::model::DateError;

/// A date at its precision: `2025`, `2025-12`, `2025-12-20` or a season, with qualifiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Partial {
    pub(super) year: Option<i16>,
    pub(super) month: Option<i8>,
    pub(super) day: Option<i8>,
    /// EDTF season code: 21 spring, 22 summer, 23 autumn, 24 winter.
    pub(super) season: Option<u8>,
    pub(super) weekday: Option<Weekday>,
    pub(super) uncertain: bool,
    pub(super) approximate: bool,
}

impl Partial {
    /// Only called on completed dates (see [`complete`]), which always have a year.
    pub(super) fn edtf(&self) -> String {
        // EDTF years have four digits after the sign: a range crossing back from year 0
        // starts in -0001.
        let year = self.year.unwrap_or_default();
        let sign = if year < 0 { "-" } else { "" };
        let mut text = format!("{sign}{:04}", year.unsigned_abs());
        if let Some(season) = self.season {
            text.push_str(&format!("-{season}"));
        }
        if let Some(m) = self.month {
            text.push_str(&format!("-{m:02}"));
        }
        if let Some(d) = self.day {
            text.push_str(&format!("-{d:02}"));
        }
        text.push_str(match (self.uncertain, self.approximate) {
            (true, true) => "%",
            (true, false) => "?",
            (false, true) => "~",
            (false, false) => "",
        });
        text
    }

    pub(super) fn civil(&self) -> Option<civil::Date> {
        civil::Date::new(self.year?, self.month?, self.day?).ok()
    }
}

pub(super) fn unrecognised(text: &str, detail: &str) -> DateInputError {
    DateInputError::Unrecognised {
        text: text.to_owned(),
        detail: detail.to_owned(),
    }
}

/// Checks that a date is whole: it has a year, a day has a month, the day exists and the
/// weekday given (if any) is right.
pub(super) fn complete(p: Partial, text: &str) -> Result<Partial, DateInputError> {
    if p.year.is_none() {
        return Err(DateInputError::MissingYear {
            text: text.trim().to_owned(),
        });
    }
    if p.day.is_some() && p.month.is_none() {
        return Err(unrecognised(text, ": a day needs a month"));
    }
    if p.day.is_some() {
        let Some(date) = p.civil() else {
            return Err(DateError::OutOfRange {
                text: text.trim().to_owned(),
            }
            .into());
        };
        if let Some(given) = p.weekday.filter(|w| *w != date.weekday()) {
            return Err(DateInputError::WrongWeekday {
                date: date.strftime("%-d %b %Y").to_string(),
                actual: weekday_name(date.weekday()).to_owned(),
                given: weekday_name(given).to_owned(),
            });
        }
    } else if p.weekday.is_some() {
        return Err(unrecognised(text, ": a weekday needs a day"));
    }
    Ok(p)
}

enum Token {
    /// A number and how many digits it was written with (ordinals as `20th` included).
    Num(u16, usize),
    Month(i8),
    Weekday(Weekday),
    Season(u8),
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("Monday", Weekday::Monday),
    ("Tuesday", Weekday::Tuesday),
    ("Wednesday", Weekday::Wednesday),
    ("Thursday", Weekday::Thursday),
    ("Friday", Weekday::Friday),
    ("Saturday", Weekday::Saturday),
    ("Sunday", Weekday::Sunday),
];

fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(_, d)| *d == day)
        .map_or("", |(name, _)| name)
}

/// Any prefix of three letters or more of an English name (`dec`, `sept`, `thurs`): three
/// letters tell every month and weekday apart.
fn name_match(word: &str, name: &str) -> bool {
    word.len() >= 3
        && name
            .get(..word.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(word))
}

fn token(word: &str) -> Option<Token> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let ordinal = matches!(suffix, "st" | "nd" | "rd" | "th") && digits.len() <= 2;
        return (suffix.is_empty() || ordinal)
            .then(|| digits.parse().ok().map(|n| Token::Num(n, digits.len())))
            .flatten();
    }
    if let Some(i) = MONTHS.iter().position(|m| name_match(word, m)) {
        return i8::try_from(i + 1).ok().map(Token::Month);
    }
    if let Some((_, day)) = WEEKDAYS.iter().find(|(name, _)| name_match(word, name)) {
        return Some(Token::Weekday(*day));
    }
    // Meteorological seasons of the northern hemisphere (see date.rs), as EDTF codes.
    match word {
        "spring" => Some(Token::Season(21)),
        "summer" => Some(Token::Season(22)),
        "autumn" | "fall" => Some(Token::Season(23)),
        "winter" => Some(Token::Season(24)),
        _ => None,
    }
}

/// One end of a date: ISO (`2025-12-20`) or words (`Sat 20th Dec. 2025`), with `~` before
/// or `?`, `~`, `%` after.
// y, m and d are the year, month and day, as in every date library.
#[allow(clippy::many_single_char_names)]
pub(super) fn read_partial(text: &str) -> Result<Partial, DateInputError> {
    use Token::{Month, Num, Season};
    let mut p = Partial::default();
    let mut s = text.trim();
    if let Some(rest) = s.strip_prefix('~') {
        p.approximate = true;
        s = rest.trim_start();
    }
    while let Some(q) = s.chars().last().filter(|c| matches!(c, '?' | '~' | '%')) {
        p.uncertain |= q != '~';
        p.approximate |= q != '?';
        s = s[..s.len() - 1].trim_end();
    }
    let iso: Vec<&str> = s.split('-').collect();
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    if digits(iso[0], 4) && iso[1..].iter().all(|t| digits(t, 2)) && iso.len() <= 3 {
        p.year = iso[0].parse().ok();
        p.month = iso.get(1).and_then(|m| m.parse().ok());
        p.day = iso.get(2).and_then(|d| d.parse().ok());
        if p.month.is_some_and(|m| !(1..=12).contains(&m)) {
            return Err(DateError::OutOfRange { text: s.to_owned() }.into());
        }
        return Ok(p);
    }
    let mut tokens = Vec::new();
    for word in s
        .split([' ', ','])
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
    {
        let Some(t) = token(word) else {
            return Err(unrecognised(
                text,
                &format!(": “{word}” is not a day, month, year or season"),
            ));
        };
        tokens.push(t);
    }
    if let Some(Token::Weekday(w)) = tokens.first() {
        p.weekday = Some(*w);
        tokens.remove(0);
    }
    let day = |n: u16, len: usize| (len <= 2 && (1..=31).contains(&n)).then_some(n as i8);
    let year = |n: u16, len: usize| (len == 4).then_some(n as i16);
    let (y, m, d) = match tokens.as_slice() {
        [Num(d, dl), Month(m), Num(y, yl)]
        | [Month(m), Num(d, dl), Num(y, yl)]
        | [Num(y, yl), Month(m), Num(d, dl)]
            if *yl == 4 =>
        {
            (year(*y, *yl), Some(*m), day(*d, *dl).map(Some))
        }
        [Month(m), Num(y, 4)] => (year(*y, 4), Some(*m), Some(None)),
        [Num(y, 4)] => (year(*y, 4), None, Some(None)),
        [Num(d, dl), Num(y, 4)] if *dl <= 2 => (year(*y, 4), None, day(*d, *dl).map(Some)),
        [Num(d, dl), Month(m)] | [Month(m), Num(d, dl)] => (None, Some(*m), day(*d, *dl).map(Some)),
        [Month(m)] => (None, Some(*m), Some(None)),
        [Num(d, dl)] if *dl <= 2 => (None, None, day(*d, *dl).map(Some)),
        [Season(s), Num(y, 4)] => {
            p.season = Some(*s);
            (year(*y, 4), None, Some(None))
        }
        [Season(s)] => {
            p.season = Some(*s);
            (None, None, Some(None))
        }
        [.., Num(_, 1..=3)] if tokens.len() >= 2 => {
            return Err(DateInputError::ShortYear {
                text: text.trim().to_owned(),
            });
        }
        _ => return Err(unrecognised(text, "")),
    };
    let Some(d) = d else {
        return Err(DateError::OutOfRange {
            text: text.trim().to_owned(),
        }
        .into());
    };
    (p.year, p.month, p.day) = (y, m, d);
    Ok(p)
}
