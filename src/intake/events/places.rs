//! Places of a happening: capitalised words after "in" or "at" (and "to" for a visit), or a
//! known city written before the happening's noun ("the Berlin discussions"). A name is
//! looked up in the project's locations (name and alias), then among countries (the word
//! lists' and GeoNames' country names), then in the gazetteer by its exact folded name.
//! Countries come before the gazetteer so that "Mexico" or "Singapore" is a country and not
//! a city of that name. "in Miami or elsewhere in the United States" gives both, each a
//! candidate, with those words as the place's wording.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::geo::{Gazetteer, country_name, fold};
use crate::intake::{PlaceRef, Span};
use crate::model::{Location, LocationPrecision, Project};

use super::lexicon::{NameUse, Words};
use super::tokens::{Token, text_of};

/// The longest place name tried, in words ("Sharm el Sheikh", "United Arab Emirates").
const MAX_PLACE_WORDS: usize = 3;

/// Every GeoNames country name, folded, with its code and name: found by asking
/// `country_name` for each of the 676 two-letter codes once, so that `geo` needs no new
/// function.
static COUNTRY_CODES: LazyLock<HashMap<String, (String, &'static str)>> = LazyLock::new(|| {
    let mut out = HashMap::new();
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = String::from_utf8(vec![a, b]).unwrap_or_default();
            if let Some(name) = country_name(&code) {
                out.insert(fold(name), (code, name));
            }
        }
    }
    out
});

/// The code of a GeoNames country name ("united states" → "US").
pub(crate) fn country_code(folded: &str) -> Option<(String, &'static str)> {
    COUNTRY_CODES.get(folded).cloned()
}

/// The project's locations by folded name and alias, country code and GeoNames id, built
/// once per article.
pub(crate) struct LocationIndex<'p> {
    locations: &'p [Location],
    by_name: HashMap<String, usize>,
    by_country: HashMap<String, usize>,
    by_geonames: HashMap<u64, usize>,
}

impl<'p> LocationIndex<'p> {
    pub fn new(project: &'p Project) -> Self {
        let mut by_name = HashMap::new();
        let mut by_country = HashMap::new();
        let mut by_geonames = HashMap::new();
        for (i, l) in project.locations.iter().enumerate() {
            for name in std::iter::once(&l.name).chain(&l.aliases) {
                by_name.entry(fold(name)).or_insert(i);
            }
            if l.precision == LocationPrecision::Country
                && let Some(code) = &l.country
            {
                by_country.entry(code.clone()).or_insert(i);
            }
            if let Some(g) = l.geonames_id {
                by_geonames.entry(g).or_insert(i);
            }
        }
        Self {
            locations: &project.locations,
            by_name,
            by_country,
            by_geonames,
        }
    }

    fn get(&self, map: Option<&usize>) -> Option<&'p Location> {
        map.and_then(|&i| self.locations.get(i))
    }
}

pub(crate) struct Places<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub words: &'a Words,
    pub locations: &'a LocationIndex<'a>,
    pub gazetteer: &'a Gazetteer,
}

/// Places named together after one preposition.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlaceGroup {
    pub places: Vec<PlaceRef>,
    /// From the preposition to the last place's end.
    pub tokens: (usize, usize),
    /// The words, when the places are candidates ("in Miami or elsewhere in the United States").
    pub wording: Option<String>,
}

impl Places<'_> {
    /// The place group whose preposition is at `at`: "in Miami", "at the Kremlin", "to Kyiv"
    /// (with `allow_to`), "in Miami or elsewhere in the United States".
    pub fn group_at(&self, at: usize, allow_to: bool) -> Option<PlaceGroup> {
        let prep = self.tokens.get(at)?;
        let is_prep =
            matches!(prep.lower.as_str(), "in" | "at") || (allow_to && prep.lower == "to");
        if !is_prep {
            return None;
        }
        let (first, mut end) = self.name_after(at + 1)?;
        let mut places = vec![first];
        let mut candidate = false;
        // Further places: "or elsewhere in X", "or in X", "or X", "and X".
        loop {
            let mut i = end;
            let or = match self.tokens.get(i).map(|t| t.lower.as_str()) {
                Some("or") => true,
                Some("and") => false,
                _ => break,
            };
            i += 1;
            if self.tokens.get(i).is_some_and(|t| t.lower == "elsewhere") {
                i += 1;
            }
            if self
                .tokens
                .get(i)
                .is_some_and(|t| matches!(t.lower.as_str(), "in" | "at"))
            {
                i += 1;
            }
            let Some((place, next)) = self.name_after(i) else {
                break;
            };
            candidate |= or;
            places.push(place);
            end = next;
        }
        for p in &mut places {
            p.candidate = candidate;
        }
        let wording = candidate.then(|| text_of(self.text, self.tokens, at, end).to_owned());
        Some(PlaceGroup {
            places,
            tokens: (at, end),
            wording,
        })
    }

    /// A city or the project's location written as a modifier at `at` ("the Berlin
    /// discussions"): countries are left out there, since "US–Russia talks" names parties.
    pub fn modifier_at(&self, at: usize) -> Option<(PlaceRef, usize)> {
        let t = self.tokens.get(at)?;
        if !t.word || !t.cap || t.possessive {
            return None;
        }
        if self
            .words
            .country_at(self.tokens, at, &[NameUse::Name, NameUse::Adjective])
            .is_some()
        {
            return None;
        }
        let (place, end) = self.lookup(at)?;
        place.country.is_none().then_some((place, end))
    }

    /// The place name starting at `at`, after an optional "the".
    fn name_after(&self, at: usize) -> Option<(PlaceRef, usize)> {
        let at = if self.tokens.get(at)?.lower == "the" {
            at + 1
        } else {
            at
        };
        self.lookup(at)
    }

    /// The longest run of capitalised words from `at` that names a place.
    fn lookup(&self, at: usize) -> Option<(PlaceRef, usize)> {
        let mut run = at;
        while run < self.tokens.len()
            && run - at < MAX_PLACE_WORDS
            && self.tokens[run].word
            && self.tokens[run].cap
            && !self.words.is_not_name(&self.tokens[run].lower)
        {
            run += 1;
            if self.tokens[run - 1].possessive {
                break;
            }
        }
        (at + 1..=run).rev().find_map(|end| {
            let name = text_of(self.text, self.tokens, at, end);
            let span = Span::new(self.tokens[at].span.start, self.tokens[end - 1].span.end);
            self.resolve(name, at, end).map(|mut p| {
                p.spans.push(span);
                (p, end)
            })
        })
    }

    fn resolve(&self, name: &str, at: usize, end: usize) -> Option<PlaceRef> {
        let key = fold(name);
        let place = |name: &str| PlaceRef {
            name: name.to_owned(),
            known: None,
            geonames_id: None,
            country: None,
            candidate: false,
            spans: Vec::new(),
        };
        let index = self.locations;
        if let Some(l) = index.get(index.by_name.get(&key)) {
            return Some(PlaceRef {
                known: Some(l.id),
                geonames_id: l.geonames_id,
                country: (l.precision == LocationPrecision::Country)
                    .then(|| l.country.clone())
                    .flatten(),
                ..place(&l.name)
            });
        }
        let listed = self
            .words
            .country_at(self.tokens, at, &[NameUse::Name])
            .filter(|&(c, _, e)| e == end && !c.code.is_empty())
            .map(|(c, _, _)| (c.code.clone(), c.name.clone()));
        let country = listed.or_else(|| country_code(&key).map(|(c, n)| (c, n.to_owned())));
        if let Some((code, country_name)) = country {
            let known = index.get(index.by_country.get(&code));
            return Some(PlaceRef {
                known: known.map(|l| l.id),
                country: Some(code),
                ..place(known.map_or(country_name.as_str(), |l| l.name.as_str()))
            });
        }
        let city =
            self.gazetteer.suggest(name, 5).into_iter().find(|c| {
                fold(&c.name) == key || c.alternate_names.iter().any(|a| fold(a) == key)
            })?;
        let known = index.get(index.by_geonames.get(&city.geonames_id));
        Some(PlaceRef {
            known: known.map(|l| l.id),
            geonames_id: Some(city.geonames_id),
            ..place(known.map_or(city.name.as_str(), |l| l.name.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::events::lexicon::words;
    use crate::intake::events::tokens::tokenize;

    fn group(text: &str, project: &Project) -> Option<PlaceGroup> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        let locations = LocationIndex::new(project);
        let places = Places {
            text,
            tokens: &tokens,
            words: words(),
            locations: &locations,
            gazetteer: Gazetteer::embedded(),
        };
        places.group_at(0, true)
    }

    #[test]
    fn a_city_a_country_and_candidates() {
        let empty = Project::new("empty");
        let miami = group("in Miami this weekend", &empty).expect("Miami");
        assert_eq!(miami.places[0].name, "Miami");
        assert_eq!(miami.places[0].geonames_id, Some(4_164_138));
        assert!(!miami.places[0].candidate && miami.wording.is_none());

        let both = group("in Miami or elsewhere in the United States over", &empty).expect("two");
        let names: Vec<(&str, Option<&str>, bool)> = both
            .places
            .iter()
            .map(|p| (p.name.as_str(), p.country.as_deref(), p.candidate))
            .collect();
        assert_eq!(
            names,
            [("Miami", None, true), ("United States", Some("US"), true)]
        );
        assert_eq!(
            both.wording.as_deref(),
            Some("in Miami or elsewhere in the United States")
        );
        let norway = group("in Norway", &empty).expect("a GeoNames country");
        assert_eq!(norway.places[0].country.as_deref(), Some("NO"));
        let lesotho = group("to Lesotho", &empty).expect("a country not in the word lists");
        assert_eq!(lesotho.places[0].country.as_deref(), Some("LS"));
    }

    #[test]
    fn the_projects_locations_first_and_no_false_places() {
        let sample = crate::io::sample_project().expect("sample");
        let berlin = group("in Berlin last weekend", &sample).expect("Berlin");
        assert_eq!(
            berlin.places[0].known.map(crate::model::Id::as_str),
            Some("l-berlin")
        );
        let us = group("in the United States", &sample).expect("US");
        assert_eq!(
            us.places[0].known.map(crate::model::Id::as_str),
            Some("l-united-states")
        );
        let empty = Project::new("empty");
        assert!(group("in December", &empty).is_none());
        assert!(group("in exchange for", &empty).is_none());
        assert!(group("in Xqzzyv", &empty).is_none());
        assert!(group("in Trump’s plan", &empty).is_none());
        assert!(group("at Trump Tower", &empty).is_none());
    }
}
