//! The GeoNames city gazetteer, for suggesting places as an analyst types a name.
//!
//! `assets/geo/cities.tsv.gz` holds 16,953 cities (≥ 35,000 people, and every capital) with
//! their Latin-script alternate names; `assets/geo/README.md` says how it is derived. It is
//! decompressed and indexed on first use (~20 ms in a release build), after which a
//! suggestion is a binary search in a sorted list of folded names.

use std::collections::HashMap;
use std::io::Read as _;
use std::sync::LazyLock;

use crate::model::{Location, LocationPrecision};

const EMBEDDED_CITIES: &[u8] = include_bytes!("../../assets/geo/cities.tsv.gz");
const EMBEDDED_COUNTRIES: &str = include_str!("../../assets/geo/countries.tsv");

#[derive(Clone, Debug, PartialEq)]
pub struct City {
    pub geonames_id: u64,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub alternate_names: Vec<String>,
}

impl City {
    /// Fills `location` from this city, so that nobody types coordinates: name, country,
    /// coordinates, precision (a city) and GeoNames id. What the analyst typed is kept as an
    /// alias when it is another name of the city ("Kiev" for Kyiv), so that searches for it
    /// still find the place; a mere prefix ("Ky") is not.
    pub fn fill_location(&self, location: &mut Location, typed: &str) {
        let typed = typed.trim();
        let folded = fold(typed);
        let is_other_name = !folded.is_empty()
            && folded != fold(&self.name)
            && self.alternate_names.iter().any(|a| fold(a) == folded);
        if is_other_name && !location.aliases.iter().any(|a| fold(a) == folded) {
            location.aliases.push(typed.to_owned());
        }
        location.aliases.retain(|a| fold(a) != fold(&self.name));
        location.name.clone_from(&self.name);
        location.country = Some(self.country.clone());
        location.lat = Some(self.lat);
        location.lon = Some(self.lon);
        location.precision = LocationPrecision::City;
        location.geonames_id = Some(self.geonames_id);
    }
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    cities: Vec<City>,
    /// Every name and alternate name, folded, with its city; sorted by name.
    index: Vec<(Box<str>, u32)>,
    /// Country code → country name, and the folded name for "Paris, France".
    countries: HashMap<String, (String, String)>,
}

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut text = String::new();
    // A broken asset gives an empty gazetteer (no suggestions), never a panic.
    if flate2::read::GzDecoder::new(EMBEDDED_CITIES)
        .read_to_string(&mut text)
        .is_err()
    {
        text.clear();
    }
    Gazetteer::from_tsv(&text, EMBEDDED_COUNTRIES)
});

/// Country code → (name, folded name), from GeoNames' country list (252 countries).
static COUNTRIES: LazyLock<HashMap<String, (String, String)>> =
    LazyLock::new(|| parse_countries(EMBEDDED_COUNTRIES));

/// The country's name for its ISO 3166-1 alpha-2 code ("US" → "United States"), without
/// loading the city gazetteer.
pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRIES.get(code).map(|(name, _)| name.as_str())
}

fn parse_countries(tsv: &str) -> HashMap<String, (String, String)> {
    tsv.lines()
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let code = fields.next()?;
            let name = fields.nth(1)?;
            (code.len() == 2).then(|| (code.to_owned(), (name.to_owned(), fold(name))))
        })
        .collect()
}

/// Search's folding ([`crate::model::fold`]: lower case, accents and other scripts
/// transliterated to ASCII, ü → u, Київ → kyyiv), with apostrophes dropped and other
/// punctuation read as a space, so that "Sharm el-Sheikh", "sharm el sheikh" and
/// "SHARM EL SHEIKH" are one key.
pub fn fold(text: &str) -> String {
    let folded = crate::model::fold(text);
    let mut out = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else if !matches!(c, '\'' | '`' | '"') {
            space = true;
        }
    }
    out
}

impl Gazetteer {
    /// The shipped gazetteer, loaded on first use.
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// Reads cities (tab-separated: geonameid, name, country, lat, lon, population,
    /// `|`-separated alternate names) and countries (GeoNames `countries.tsv`, with a
    /// header). Malformed lines are skipped.
    pub fn from_tsv(cities: &str, countries: &str) -> Gazetteer {
        let mut cities: Vec<City> = cities.lines().filter_map(parse_city).collect();
        // Most people first: a city's index is then its rank, and `suggest` ranks by
        // comparing two integers.
        cities.sort_by(|a, b| {
            b.population
                .cmp(&a.population)
                .then_with(|| a.name.cmp(&b.name))
                .then(a.geonames_id.cmp(&b.geonames_id))
        });
        let mut index = Vec::with_capacity(cities.len() * 4);
        for (i, city) in cities.iter().enumerate() {
            let mut keys: Vec<String> = std::iter::once(&city.name)
                .chain(&city.alternate_names)
                .map(|n| fold(n))
                .filter(|k| !k.is_empty())
                .collect();
            keys.sort_unstable();
            keys.dedup();
            index.extend(keys.into_iter().map(|k| (k.into_boxed_str(), i as u32)));
        }
        index.sort_unstable();
        let countries = parse_countries(countries);
        Gazetteer {
            cities,
            index,
            countries,
        }
    }

    pub fn len(&self) -> usize {
        self.cities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cities.is_empty()
    }

    /// The country's name for its ISO code, e.g. "United States" for "US".
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.countries.get(code).map(|(name, _)| name.as_str())
    }

    /// Up to `limit` cities whose name or an alternate name starts with `query` (case and
    /// accents ignored): exact matches first, then by population. "Paris, FR" and
    /// "Paris, France" narrow to a country by its code or the start of its name.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<&City> {
        let (name, country) = match query.rsplit_once(',') {
            Some((name, country)) => (name, Some(fold(country))),
            None => (query, None),
        };
        let key = fold(name);
        if key.is_empty() || limit == 0 {
            return Vec::new();
        }
        let start = self.index.partition_point(|(k, _)| **k < *key);
        // (not an exact match, city) for every matching name: exact matches sort first,
        // then the bigger city (cities are indexed by rank). A city may match by several
        // names; it is listed once, at its best. A one-letter prefix matches thousands of
        // names, so this stays integer work.
        let mut hits: Vec<(bool, u32)> = self.index[start..]
            .iter()
            .take_while(|(k, _)| k.starts_with(key.as_str()))
            .filter(|(_, city)| match &country {
                Some(c) if !c.is_empty() => self.in_country(&self.cities[*city as usize], c),
                _ => true,
            })
            .map(|(k, city)| (**k != *key, *city))
            .collect();
        hits.sort_unstable();
        let mut picked: Vec<u32> = Vec::with_capacity(limit);
        for (_, city) in hits {
            if picked.len() == limit {
                break;
            }
            if !picked.contains(&city) {
                picked.push(city);
            }
        }
        picked
            .into_iter()
            .map(|city| &self.cities[city as usize])
            .collect()
    }

    /// Does the folded country text (`fr`, `fran`, `france`) name the city's country?
    fn in_country(&self, city: &City, folded: &str) -> bool {
        city.country.eq_ignore_ascii_case(folded)
            || self
                .countries
                .get(&city.country)
                .is_some_and(|(_, name)| name.starts_with(folded))
    }
}

fn parse_city(line: &str) -> Option<City> {
    let mut f = line.split('\t');
    let geonames_id = f.next()?.parse().ok()?;
    let name = f.next()?.to_owned();
    let country = f.next()?.to_owned();
    let lat: f64 = f.next()?.parse().ok()?;
    let lon: f64 = f.next()?.parse().ok()?;
    let population = f.next()?.parse().ok()?;
    let alternate_names = f
        .next()
        .unwrap_or("")
        .split('|')
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect();
    let valid =
        !name.is_empty() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
    valid.then_some(City {
        geonames_id,
        name,
        country,
        lat,
        lon,
        population,
        alternate_names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(cities: &[&City]) -> Vec<String> {
        cities
            .iter()
            .map(|c| format!("{}, {}", c.name, c.country))
            .collect()
    }

    #[test]
    fn embedded_loads() {
        let g = Gazetteer::embedded();
        assert!(g.len() > 16_000, "{} cities", g.len());
        assert_eq!(g.country_name("US"), Some("United States"));
    }

    #[test]
    fn kiev_finds_kyiv() {
        let g = Gazetteer::embedded();
        let hits = g.suggest("kiev", 5);
        assert_eq!(hits[0].name, "Kyiv", "{:?}", names(&hits));
        assert_eq!(hits[0].country, "UA");
        assert_eq!(g.suggest("Kyiv", 1)[0].geonames_id, 703_448);
    }

    #[test]
    fn miami_and_berlin() {
        let g = Gazetteer::embedded();
        let miami = g.suggest("Miami", 5);
        assert_eq!(miami[0].geonames_id, 4_164_138, "{:?}", names(&miami));
        let berl = g.suggest("berl", 5);
        assert_eq!(berl[0].name, "Berlin", "{:?}", names(&berl));
        assert_eq!(berl[0].country, "DE");
    }

    #[test]
    fn accents_case_and_punctuation_are_ignored() {
        let g = Gazetteer::embedded();
        assert_eq!(g.suggest("ZURICH", 1)[0].name, "Zürich");
        assert_eq!(g.suggest("zür", 1)[0].name, "Zürich");
        assert_eq!(g.suggest("sharm el sheikh", 1)[0].name, "Sharm el-Sheikh");
        assert_eq!(g.suggest("São Paulo", 1)[0].name, "São Paulo");
    }

    #[test]
    fn ranked_by_exact_match_then_population() {
        let g = Gazetteer::embedded();
        // "San" (Mali) is a city's exact name, so it comes first; the rest by population.
        let hits = g.suggest("san", 20);
        assert_eq!(names(&hits[..1]), ["San, ML"]);
        assert!(
            hits[1..]
                .windows(2)
                .all(|w| w[0].population >= w[1].population),
            "{:?}",
            names(&hits)
        );
        // An exact name comes before bigger cities that only start with it: every Paris
        // before Parintins or Parisian suburbs, whatever their size.
        let hits = g.suggest("paris", 10);
        let first_other = hits.iter().position(|c| fold(&c.name) != "paris");
        let last_exact = hits.iter().rposition(|c| fold(&c.name) == "paris");
        assert_eq!(fold(&hits[0].name), "paris");
        if let (Some(o), Some(e)) = (first_other, last_exact) {
            assert!(e < o, "{:?}", names(&hits));
        }
        let lima = g.suggest("lima", 5);
        assert_eq!(lima[0].country, "PE", "{:?}", names(&lima));
    }

    #[test]
    fn name_comma_country() {
        let g = Gazetteer::embedded();
        let hits = g.suggest("Springfield, US", 5);
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|c| c.country == "US"), "{:?}", names(&hits));
        let hits = g.suggest("Paris, Fra", 5);
        assert_eq!(hits[0].country, "FR", "{:?}", names(&hits));
        let hits = g.suggest("Portland, united s", 5);
        assert!(hits.iter().all(|c| c.country == "US"), "{:?}", names(&hits));
        // A trailing comma alone does not filter.
        assert_eq!(g.suggest("Berlin,", 1)[0].country, "DE");
    }

    #[test]
    fn empty_or_blank_query_suggests_nothing() {
        let g = Gazetteer::embedded();
        assert!(g.suggest("", 10).is_empty());
        assert!(g.suggest("   ", 10).is_empty());
        assert!(g.suggest(", FR", 10).is_empty());
        assert!(g.suggest("Berlin", 0).is_empty());
        assert!(g.suggest("xqzzyv", 10).is_empty());
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let g = Gazetteer::from_tsv(
            "1\tA\tFR\t1\t2\t3\t\nnot a line\n2\tB\tFR\t91\t0\t5\t\n3\tC\tDE\tx\t0\t5\n",
            "iso2\tiso3\tname\nFR\tFRA\tFrance\n",
        );
        assert_eq!(g.len(), 1);
        assert_eq!(g.suggest("a", 5)[0].name, "A");
    }

    #[test]
    fn a_picked_city_fills_the_location() {
        let g = Gazetteer::embedded();
        let kyiv = g.suggest("Kiev", 1)[0];
        let mut location = Location {
            id: crate::model::Id::new("l-kyiv"),
            name: "Kiev".to_owned(),
            country: None,
            lat: None,
            lon: None,
            precision: LocationPrecision::Unknown,
            geonames_id: None,
            aliases: Vec::new(),
        };
        kyiv.fill_location(&mut location, "Kiev");
        assert_eq!(location.name, "Kyiv");
        assert_eq!(location.country.as_deref(), Some("UA"));
        assert!((location.lat.unwrap() - 50.45).abs() < 0.01);
        assert!((location.lon.unwrap() - 30.52).abs() < 0.01);
        assert_eq!(location.precision, LocationPrecision::City);
        assert_eq!(location.geonames_id, Some(703_448));
        assert_eq!(location.aliases, ["Kiev"]);
        // Picking again, or after typing a prefix, adds no alias.
        kyiv.fill_location(&mut location, "kiev");
        kyiv.fill_location(&mut location, "Ky");
        assert_eq!(location.aliases, ["Kiev"]);
    }

    #[test]
    fn a_keystroke_takes_under_a_millisecond() {
        let g = Gazetteer::embedded();
        // The worst case is a one-letter prefix, which matches thousands of names.
        let queries = ["s", "m", "b", "ber", "kiev", "new y", "paris, fr"];
        let start = std::time::Instant::now();
        let rounds = 20;
        for _ in 0..rounds {
            for q in queries {
                std::hint::black_box(g.suggest(q, 8));
            }
        }
        let per_query = start.elapsed() / (rounds * queries.len() as u32);
        // Debug builds are ~10× slower than release; the budget there is 5 ms.
        let budget = if cfg!(debug_assertions) { 5_000 } else { 1_000 };
        assert!(per_query.as_micros() < budget, "{per_query:?} per query");
    }
}
