//! CAMEO actor codes (GDELT's `Actor1Code` and the columns of its parts): who an actor is
//! as a name, a kind and a country, and which rows name the same actor.
//!
//! A CAMEO actor code chains three-letter parts: a country or region (`USA`, `AFR`), a known
//! group (`NAT`, NATO), an ethnic group, religions, and up to three types (`GOV`, `MIL`,
//! `BUS`): `USAGOV` is the United States government. Beside the code GDELT gives the words
//! the article used, in capitals: "UNITED STATES", "AMERICAN" and "WASHINGTON" are all
//! `USA`, and "AFRICA" is `AFR` (the region) in one row and `AFRBUS` (business in Africa) in
//! another. So the code says who the actor is, and the words are kept as aliases; only a
//! name the code does not explain ("HILLARY CLINTON" as `USAGOV`) is an actor of its own.

use super::country_codes::country_of_iso3;
use super::title_case::title_case;
use crate::model::ActorKind;

/// CAMEO's region codes, which stand where a country code would (CAMEO manual, ch. 4).
const REGIONS: &[(&str, &str)] = &[
    ("AFR", "Africa"),
    ("ASA", "Asia"),
    ("BLK", "Balkans"),
    ("CAS", "Central Asia"),
    ("CAU", "Caucasus"),
    ("CEU", "Central Europe"),
    ("CFR", "Central Africa"),
    ("CRB", "Caribbean"),
    ("EAF", "East Africa"),
    ("EEU", "Eastern Europe"),
    ("EIN", "East Indies"),
    ("EUR", "Europe"),
    ("LAM", "Latin America"),
    ("MDT", "Mediterranean"),
    ("MEA", "Middle East"),
    ("NAF", "North Africa"),
    ("NMR", "North America"),
    ("PGS", "Persian Gulf"),
    ("SAF", "Southern Africa"),
    ("SAM", "South America"),
    ("SAS", "South Asia"),
    ("SCN", "Scandinavia"),
    ("SEA", "Southeast Asia"),
    ("WAF", "West Africa"),
    ("WST", "the West"),
];

/// CAMEO's actor types: what the words mean, and whether the type is an institution
/// (an organisation) or a part of the population (a group).
const TYPES: &[(&str, &str, ActorKind)] = &[
    ("AGR", "agriculture", ActorKind::Group),
    ("BUS", "business", ActorKind::Organisation),
    ("COP", "police", ActorKind::Organisation),
    ("CRM", "criminals", ActorKind::Group),
    ("CVL", "civilians", ActorKind::Group),
    ("DEV", "development", ActorKind::Group),
    ("EDU", "education", ActorKind::Organisation),
    ("ELI", "elites", ActorKind::Group),
    ("ENV", "environmental groups", ActorKind::Group),
    ("GOV", "government", ActorKind::Organisation),
    ("HLH", "health", ActorKind::Group),
    ("HRI", "human rights groups", ActorKind::Group),
    (
        "IGO",
        "intergovernmental organisation",
        ActorKind::Organisation,
    ),
    ("IMG", "international militarised group", ActorKind::Group),
    ("INS", "insurgents", ActorKind::Group),
    ("JUD", "judiciary", ActorKind::Organisation),
    ("LAB", "labour", ActorKind::Group),
    ("LEG", "legislature", ActorKind::Organisation),
    ("MED", "media", ActorKind::Organisation),
    ("MIL", "military", ActorKind::Organisation),
    ("MNC", "multinational corporation", ActorKind::Organisation),
    ("MOD", "moderates", ActorKind::Group),
    ("NGM", "non-governmental movement", ActorKind::Group),
    (
        "NGO",
        "non-governmental organisation",
        ActorKind::Organisation,
    ),
    ("OPP", "opposition", ActorKind::Group),
    ("PTY", "political party", ActorKind::Organisation),
    ("RAD", "radicals", ActorKind::Group),
    ("REB", "rebels", ActorKind::Group),
    ("REF", "refugees", ActorKind::Group),
    ("REL", "religious groups", ActorKind::Group),
    ("SEP", "separatists", ActorKind::Group),
    ("SPY", "intelligence services", ActorKind::Organisation),
    ("UAF", "armed groups", ActorKind::Group),
    ("UIS", "unidentified state actor", ActorKind::Group),
];

/// The most common of CAMEO's religion codes.
const RELIGIONS: &[(&str, &str)] = &[
    ("BUD", "Buddhist"),
    ("CHR", "Christian"),
    ("CPT", "Coptic"),
    ("CTH", "Catholic"),
    ("DOX", "Orthodox"),
    ("DRZ", "Druze"),
    ("HIN", "Hindu"),
    ("JEW", "Jewish"),
    ("MOS", "Muslim"),
    ("PRO", "Protestant"),
    ("SFI", "Sufi"),
    ("SHI", "Shia"),
    ("SIK", "Sikh"),
    ("SUN", "Sunni"),
];

/// Words for a country that its name does not start with (the others, "Russian" for
/// Russia, are caught by their first four letters).
const DEMONYMS: &[(&str, &[&str])] = &[
    ("AE", &["EMIRATI", "UAE"]),
    ("CH", &["SWISS"]),
    ("DK", &["DANISH", "DANE"]),
    ("ES", &["SPANISH"]),
    ("FI", &["FINNISH", "FINN"]),
    ("FR", &["FRENCH"]),
    (
        "GB",
        &[
            "BRITISH", "BRITAIN", "UK", "ENGLISH", "ENGLAND", "SCOTTISH", "WELSH",
        ],
    ),
    ("GR", &["GREEK"]),
    ("IE", &["IRISH"]),
    ("NL", &["DUTCH", "HOLLAND"]),
    ("PH", &["FILIPINO"]),
    ("PL", &["POLISH", "POLE"]),
    ("SE", &["SWEDISH", "SWEDE"]),
    ("US", &["AMERICAN", "AMERICA", "US", "U.S.", "USA"]),
];

/// Words that name an office or an institution, never a person's name: "PRIME MINISTER" or
/// "THE WHITE HOUSE" under `GBRGOV`/`USAGOV` are not people.
const INSTITUTION_WORDS: &[&str] = &[
    "ADMINISTRATION",
    "AGENCY",
    "AIR",
    "AMBASSADOR",
    "ARMY",
    "ASSOCIATION",
    "AUTHORITIES",
    "AUTHORITY",
    "BANK",
    "BOARD",
    "BUREAU",
    "CABINET",
    "CENTER",
    "CENTRE",
    "CHURCH",
    "CITY",
    "COLLEGE",
    "COMMISSION",
    "COMMITTEE",
    "COMPANY",
    "CONGRESS",
    "CORPORATION",
    "COUNCIL",
    "COUNTY",
    "COURT",
    "DEPARTMENT",
    "EAST",
    "FEDERAL",
    "FORCE",
    "FORCES",
    "FOUNDATION",
    "GOVERNMENT",
    "GOVERNOR",
    "GROUP",
    "GUARD",
    "HOSPITAL",
    "HOUSE",
    "INSTITUTE",
    "JUDGE",
    "LEADER",
    "MAYOR",
    "MILITARY",
    "MINISTER",
    "MINISTRY",
    "NATIONAL",
    "NAVY",
    "NEW",
    "NEWS",
    "NORTH",
    "OFFICE",
    "OFFICIAL",
    "OFFICIALS",
    "PARLIAMENT",
    "PARTY",
    "POLICE",
    "POST",
    "PRESIDENT",
    "PRESS",
    "PRISON",
    "SCHOOL",
    "SECRETARY",
    "SENATE",
    "SENATOR",
    "SERVICE",
    "SOUTH",
    "SPOKESMAN",
    "STATE",
    "STATES",
    "THE",
    "TIMES",
    "UNION",
    "UNIVERSITY",
    "WEST",
];

/// The parts of one actor's code, as GDELT gives them in columns.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ActorCode<'a> {
    pub code: &'a str,
    /// The words the article used, in capitals.
    pub name: &'a str,
    pub country: &'a str,
    pub known_group: &'a str,
    pub ethnic: &'a str,
    pub religions: [&'a str; 2],
}

/// What an actor code says about the actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CodedActor {
    /// Rows with the same key name the same actor: what the code says (`GOV` and `GOVGOV`
    /// are both the government); or, for someone the code does not name, the country and
    /// the words (Hillary Clinton is `USAGOV` in one row and `USAGOVPTY` in the next).
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-2.
    pub country: Option<&'static str>,
}

/// What the code says beyond its place: religion and types, as words.
struct Roles {
    /// "Sunni", "government", "Catholic political party".
    words: String,
    kind: ActorKind,
    /// Every part of the code is in the tables.
    known: bool,
}

/// The religion and types of `a`, read from the code itself: GDELT 1.0 has columns for
/// three types, but codes chain more (`GOVPTYGOV`), and some parts have no column at all
/// (`ITAREL`).
fn roles(a: &ActorCode<'_>) -> Roles {
    let mut skip: Vec<&str> = [a.country, a.known_group, a.ethnic]
        .into_iter()
        .chain(a.religions)
        .filter(|p| !p.is_empty())
        .collect();
    let mut types: Vec<(&str, ActorKind)> = Vec::new();
    let mut known = true;
    let mut rest = a.code;
    while !rest.is_empty() {
        // Three characters, not bytes: a code is read from the file and may not be ASCII.
        let at = rest.char_indices().nth(3).map_or(rest.len(), |(i, _)| i);
        let (chunk, tail) = rest.split_at(at);
        rest = tail;
        if let Some(at) = skip.iter().position(|p| *p == chunk) {
            skip.remove(at);
        } else if let Some((_, label, kind)) = TYPES.iter().find(|(c, _, _)| *c == chunk) {
            if !types.iter().any(|(l, _)| l == label) {
                types.push((label, *kind));
            }
        } else {
            known = false;
        }
    }
    // The more specific religion: Catholic rather than Christian.
    let religion = match a.religions {
        [first, ""] => lookup(RELIGIONS, first).ok_or(first),
        [_, second] => lookup(RELIGIONS, second).ok_or(second),
    };
    let mut words = match religion {
        Ok(word) => word.to_owned(),
        Err("") => String::new(),
        Err(_) => {
            known = false;
            String::new()
        }
    };
    let types_text = types
        .iter()
        .map(|(label, _)| *label)
        .collect::<Vec<_>>()
        .join(", ");
    if !words.is_empty() && !types_text.is_empty() {
        words.push(' ');
    }
    words.push_str(&types_text);
    let kind = if types.iter().any(|(_, k)| *k == ActorKind::Organisation) {
        ActorKind::Organisation
    } else {
        ActorKind::Group
    };
    Roles { words, kind, known }
}

/// The actor that `a` codes.
pub(crate) fn coded_actor(a: &ActorCode<'_>) -> CodedActor {
    let words = || {
        if a.name.is_empty() {
            a.code.to_owned()
        } else {
            title_case(a.name)
        }
    };
    if a.code.is_empty() {
        return CodedActor {
            key: format!("\t{}", a.name),
            name: title_case(a.name),
            kind: ActorKind::Group,
            country: None,
        };
    }
    let country = country_of_iso3(a.country);
    let place = country
        .map(|(_, name)| name)
        .or_else(|| lookup(REGIONS, a.country));
    let iso2 = country.map(|(iso2, _)| iso2);
    let roles = roles(a);
    // What the code names is one actor whichever code names it: `GOV` and `GOVGOV` are
    // both the government.
    let by_code = |name: String, kind| CodedActor {
        key: format!("={}\t{name}", a.country),
        name,
        kind,
        country: iso2,
    };
    if !a.known_group.is_empty() {
        // A named body (NATO, the Arab League): its own words name it best.
        return by_code(words(), ActorKind::Organisation);
    }
    if !a.ethnic.is_empty() && roles.known {
        // An ethnic group, which no table here names: the article's words for it.
        let name = match roles.words.as_str() {
            "" => words(),
            roles => format!("{} {roles}", words()),
        };
        return by_code(name, roles.kind);
    }
    let someone = |kind| CodedActor {
        key: format!("{}\t{}", a.country, a.name),
        name: words(),
        kind: if looks_like_a_person(a.name) {
            ActorKind::Person
        } else {
            kind
        },
        country: iso2,
    };
    match place {
        _ if !roles.known => CodedActor {
            // Parts the tables do not know: the article's words, one actor per code and name.
            key: format!("{}\t{}", a.code, a.name),
            ..someone(roles.kind)
        },
        None if a.country.is_empty() && !roles.words.is_empty() => {
            // "GOV": a government whose country the article did not say.
            by_code(capitalise_first(&roles.words), roles.kind)
        }
        None => CodedActor {
            key: format!("{}\t{}", a.code, a.name),
            ..someone(roles.kind)
        },
        Some(place) if roles.words.is_empty() => {
            // The country or region itself, however the article named it.
            let kind = if iso2.is_some() {
                ActorKind::State
            } else {
                ActorKind::Group
            };
            by_code(place.to_owned(), kind)
        }
        Some(place) if names_the_place(a.name, place, iso2) => {
            by_code(format!("{place} {}", roles.words), roles.kind)
        }
        // Someone the code does not name: a person, an outlet, an office, a city.
        Some(_) => someone(roles.kind),
    }
}

fn lookup(table: &[(&str, &'static str)], code: &str) -> Option<&'static str> {
    table.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Do the article's words name the place itself ("UNITED STATES", "THE US", "AMERICAN",
/// "CHINESE" for China) rather than someone in it?
fn names_the_place(name: &str, place: &str, iso2: Option<&str>) -> bool {
    let upper = name.trim().to_uppercase();
    let upper = upper.strip_prefix("THE ").unwrap_or(&upper);
    if upper.is_empty() || upper == place.to_uppercase() {
        return true;
    }
    if let Some(iso2) = iso2
        && DEMONYMS
            .iter()
            .any(|(c, words)| *c == iso2 && words.contains(&upper))
    {
        return true;
    }
    // "RUSSIAN" for Russia, "CHINESE OFFICIALS" for China: four letters in common at the
    // start of the first word, the shortest stem that tells "INDIAN" (India) from
    // "INDONESIAN" (Indonesia).
    let Some(first) = upper.split_whitespace().next() else {
        return true;
    };
    let stem = |w: &str| w.chars().take(4).collect::<String>();
    first.chars().count() >= 4
        && place
            .split_whitespace()
            .filter(|w| w.chars().count() >= 4)
            .any(|w| stem(&w.to_uppercase()) == stem(first))
}

/// Two or three words of letters, none of them an office or institution: "HILLARY
/// CLINTON", "JOE BIDEN", but not "PRIME MINISTER" or "THE WHITE HOUSE". One word
/// ("OBAMA", "NASA", "REUTERS") cannot be told apart and stays of its type's kind.
fn looks_like_a_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-'))
                && !INSTITUTION_WORDS.contains(&w.to_uppercase().as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The columns GDELT gives beside a code, for the codes used here: a country first
    /// unless the code starts with a type or a religion, then a religion if there is one.
    fn code<'a>(code: &'a str, name: &'a str) -> ActorCode<'a> {
        let part = |i: usize| code.get(i..i + 3).unwrap_or("");
        let is_religion = |p: &str| RELIGIONS.iter().any(|(c, _)| *c == p);
        let country = if TYPES.iter().any(|(c, _, _)| *c == part(0)) || is_religion(part(0)) {
            ""
        } else {
            part(0)
        };
        let at = country.len();
        let religion = if is_religion(part(at)) { part(at) } else { "" };
        ActorCode {
            code,
            name,
            country,
            religions: [religion, ""],
            ..ActorCode::default()
        }
    }

    fn coded(c: &str, name: &str) -> (String, String, ActorKind, Option<&'static str>) {
        let a = coded_actor(&code(c, name));
        (a.key, a.name, a.kind, a.country)
    }

    #[test]
    fn a_code_that_is_not_ascii_does_not_panic() {
        // `split_at(3)` on bytes panicked inside `é` (issue 11): a fuzzed GDELT file can
        // hold any text in a code column.
        for c in ["GOé", "USAGéV", "éééé", "ЖЖ"] {
            let a = coded_actor(&ActorCode {
                code: c,
                country: "USA",
                ..ActorCode::default()
            });
            assert!(!a.name.is_empty(), "{c}");
        }
    }

    #[test]
    fn every_name_for_a_country_is_the_state() {
        for name in [
            "UNITED STATES",
            "AMERICAN",
            "WASHINGTON",
            "THE US",
            "NEW YORK",
        ] {
            assert_eq!(
                coded("USA", name),
                (
                    "=USA\tUnited States".into(),
                    "United States".into(),
                    ActorKind::State,
                    Some("US")
                ),
                "{name}"
            );
        }
    }

    #[test]
    fn a_region_is_not_a_state_and_its_business_is_not_the_region() {
        let region = coded("AFR", "AFRICA");
        assert_eq!(
            region,
            (
                "=AFR\tAfrica".into(),
                "Africa".into(),
                ActorKind::Group,
                None
            )
        );
        let business = coded("AFRBUS", "AFRICA");
        assert_eq!(
            business,
            (
                "=AFR\tAfrica business".into(),
                "Africa business".into(),
                ActorKind::Organisation,
                None
            )
        );
    }

    #[test]
    fn a_country_with_a_type_is_that_part_of_the_country() {
        for name in ["UNITED STATES", "AMERICAN", ""] {
            assert_eq!(
                coded("USAGOV", name).1,
                "United States government",
                "{name}"
            );
        }
        assert_eq!(coded("CHNGOV", "CHINESE").1, "China government");
        assert_eq!(coded("CHNGOV", "CHINA").0, coded("CHNGOV", "CHINESE").0);
        assert_eq!(
            coded("USAGOVLAB", "UNITED STATES").1,
            "United States government, labour"
        );
        assert_eq!(coded("IRQSUN", "IRAQ").1, "Iraq Sunni");
        assert_eq!(coded("USACVL", "UNITED STATES").2, ActorKind::Group);
    }

    #[test]
    fn people_and_offices_the_code_does_not_name_stay_apart() {
        let clinton = coded("USAGOV", "HILLARY CLINTON");
        assert_eq!(
            clinton,
            (
                "USA\tHILLARY CLINTON".into(),
                "Hillary Clinton".into(),
                ActorKind::Person,
                Some("US")
            )
        );
        let house = coded("USAGOV", "THE WHITE HOUSE");
        assert_eq!(
            (house.1.as_str(), house.2),
            ("The White House", ActorKind::Organisation)
        );
        assert_eq!(coded("USAMED", "REUTERS").2, ActorKind::Organisation);
        assert_eq!(coded("GBRGOV", "PRIME MINISTER").2, ActorKind::Organisation);
    }

    #[test]
    fn parts_without_a_column_are_read_from_the_code() {
        // GDELT 1.0 has no column for REL in ITAREL, nor for the second GOV of GOVPTYGOV.
        let rome = coded("ITAREL", "ROME");
        assert_eq!(
            (rome.0.as_str(), rome.1.as_str(), rome.3),
            ("ITA\tROME", "Rome", Some("IT"))
        );
        assert_eq!(coded("ITAREL", "ITALY").1, "Italy religious groups");
        assert_eq!(coded("GOVGOV", "GOVERNMENT"), coded("GOV", "PRESIDENT"));
        assert_eq!(
            coded("GOVPTYGOV", "RULING PARTY").1,
            "Government, political party"
        );
        let catholic = coded_actor(&ActorCode {
            code: "CHRCTH",
            name: "THE POPE",
            religions: ["CHR", "CTH"],
            ..ActorCode::default()
        });
        assert_eq!(
            (catholic.key.as_str(), catholic.name.as_str()),
            ("=\tCatholic", "Catholic")
        );
        let indigenous_police = coded_actor(&ActorCode {
            code: "idgCOP",
            name: "INDIGENOUS",
            ethnic: "idg",
            ..ActorCode::default()
        });
        assert_eq!(indigenous_police.name, "Indigenous police");
        // A part no table knows (ANG, 001): the article's word.
        let anglican = coded_actor(&ActorCode {
            code: "CHRANG001",
            name: "ANGLICAN",
            religions: ["CHR", ""],
            ..ActorCode::default()
        });
        assert_eq!(anglican.name, "Anglican");
    }

    #[test]
    fn someone_is_one_actor_whatever_their_code() {
        assert_eq!(
            coded("USAGOVPTY", "HILLARY CLINTON").0,
            coded("USAGOV", "HILLARY CLINTON").0
        );
    }

    #[test]
    fn a_type_without_a_country_is_one_actor() {
        for name in ["PRESIDENT", "GOVERNMENT", "CABINET"] {
            assert_eq!(
                coded("GOV", name),
                (
                    "=\tGovernment".into(),
                    "Government".into(),
                    ActorKind::Organisation,
                    None
                )
            );
        }
        assert_eq!(coded("MOS", "ISLAMIC").1, "Muslim");
    }

    #[test]
    fn known_groups_keep_their_own_name() {
        let nato = coded_actor(&ActorCode {
            code: "IGOWSTNAT",
            name: "NATO",
            country: "WST",
            known_group: "NAT",
            ..ActorCode::default()
        });
        assert_eq!(
            (nato.key.as_str(), nato.name.as_str(), nato.kind),
            ("=WST\tNATO", "NATO", ActorKind::Organisation)
        );
        let un = coded_actor(&ActorCode {
            code: "IGOUNOGOV",
            name: "THE UN",
            known_group: "UNO",
            ..ActorCode::default()
        });
        assert_eq!(un.name, "The UN");
    }

    #[test]
    fn unknown_parts_and_missing_codes_fall_back_to_the_words() {
        assert_eq!(
            coded("XYZ", "SOMEWHERE"),
            (
                "XYZ\tSOMEWHERE".into(),
                "Somewhere".into(),
                ActorKind::Group,
                None
            )
        );
        assert_eq!(coded("", "PROTESTERS").1, "Protesters");
        assert_eq!(coded("", "PROTESTERS").0, "\tPROTESTERS");
    }
}
