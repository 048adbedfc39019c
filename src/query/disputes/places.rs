//! Whether two reported places can both be right: the same place, one within the other
//! (Miami within the United States), or places that exclude each other (Miami and Berlin).
//!
//! Detente knows a place's country code, its precision and, often, its coordinates, but no
//! map of regions: it can tell that Miami is in the United States and not in Germany, but
//! not whether Miami is in Florida. Where it cannot tell, it says so (`Unknown`), and the
//! rules count that as agreement: a dispute is raised only on what the project shows.

use crate::model::{EventPlace, Location, LocationPrecision, Lookup, Project};

/// A venue this close to a city's point is taken to be in that city: a large city's built-up
/// area reaches 20–30 km from its centre (Miami-Dade's coast, Greater Berlin's 45 km width),
/// so 30 km keeps the venues of a city in it and those of the next city out (Mar-a-Lago,
/// Palm Beach, is 100 km from Miami's point).
const VENUE_IN_CITY_KM: f64 = 30.0;

/// The Earth's mean radius, for distances along its surface.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// How two places stand to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceRelation {
    /// One place (the same entry, the same GeoNames id, or two country entries of one country).
    Same,
    /// The first contains the second (the United States, Miami).
    Contains,
    /// The first is within the second (Miami, the United States).
    Within,
    /// Neither contains the other (Miami, Berlin; Miami, Washington).
    Disjoint,
    /// The project cannot tell (a region and a city of its country, a place without a
    /// country code).
    Unknown,
}

/// How `a` stands to `b`.
pub fn place_relation(a: &Location, b: &Location) -> PlaceRelation {
    use LocationPrecision::{City, Country, Region, Unknown, Venue};
    if a.id == b.id || (a.geonames_id.is_some() && a.geonames_id == b.geonames_id) {
        return PlaceRelation::Same;
    }
    let same_country = match (a.country.as_deref(), b.country.as_deref()) {
        (Some(x), Some(y)) => Some(x.eq_ignore_ascii_case(y)),
        _ => None,
    };
    // Two entries of one name in one country are one place entered twice.
    if same_country == Some(true)
        && a.precision == b.precision
        && a.name.trim().eq_ignore_ascii_case(b.name.trim())
    {
        return PlaceRelation::Same;
    }
    match (a.precision, b.precision, same_country) {
        // A place lies in one country: different codes exclude each other. Two cities do
        // not contain each other either.
        (_, _, Some(false)) | (City, City, _) => PlaceRelation::Disjoint,
        (Country, Country, Some(true)) => PlaceRelation::Same,
        (Country, Venue | City | Region, Some(true)) => PlaceRelation::Contains,
        (Venue | City | Region, Country, Some(true)) => PlaceRelation::Within,
        (City, Venue, _) => by_distance(a, b, PlaceRelation::Contains),
        (Venue, City, _) => by_distance(a, b, PlaceRelation::Within),
        // Two venues in different cities.
        (Venue, Venue, _) => match distance_km(a, b) {
            Some(d) if d > VENUE_IN_CITY_KM => PlaceRelation::Disjoint,
            _ => PlaceRelation::Unknown,
        },
        // Regions have no outline here, an unknown precision says nothing, and a country
        // without a code gives nothing to compare by.
        (Region | Unknown, _, _)
        | (_, Region | Unknown, _)
        | (Country, _, None)
        | (_, Country, None) => PlaceRelation::Unknown,
    }
}

/// A city and a venue: the venue is in the city when it is near its point; without
/// coordinates the project cannot tell.
fn by_distance(a: &Location, b: &Location, near: PlaceRelation) -> PlaceRelation {
    match distance_km(a, b) {
        Some(d) if d <= VENUE_IN_CITY_KM => near,
        Some(_) => PlaceRelation::Disjoint,
        None => PlaceRelation::Unknown,
    }
}

/// The great-circle distance (haversine), when both places have coordinates.
fn distance_km(a: &Location, b: &Location) -> Option<f64> {
    let (lat1, lon1) = a.lat_lon()?;
    let (lat2, lon2) = b.lat_lon()?;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    let d = 2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin();
    d.is_finite().then_some(d)
}

/// Whether two reports' places can both be right: some place of one is the same as, within
/// or around some place of the other (or the project cannot tell). A list of candidates
/// ("Miami or elsewhere in the United States") allows any of them; a list of plain places
/// (a visit to Berlin and Paris) is compared the same way, as dates are by overlap.
/// Places missing from the project say nothing, so they never dispute.
pub fn places_agree(
    project: &Project,
    lookup: &Lookup,
    a: &[EventPlace],
    b: &[EventPlace],
) -> bool {
    let find = |list: &[EventPlace]| -> Vec<&Location> {
        list.iter()
            .filter_map(|p| lookup.location(project, p.location))
            .collect()
    };
    let (a, b) = (find(a), find(b));
    if a.is_empty() || b.is_empty() {
        return true;
    }
    a.iter().any(|x| {
        b.iter()
            .any(|y| place_relation(x, y) != PlaceRelation::Disjoint)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn place(
        id: &str,
        country: Option<&str>,
        precision: LocationPrecision,
        at: Option<(f64, f64)>,
    ) -> Location {
        Location {
            id: Id::new(id),
            name: id.to_owned(),
            country: country.map(str::to_owned),
            lat: at.map(|p| p.0),
            lon: at.map(|p| p.1),
            precision,
            geonames_id: None,
            aliases: Vec::new(),
        }
    }

    #[test]
    fn places_stand_to_each_other_by_country_precision_and_distance() {
        use LocationPrecision::{City, Country, Region, Unknown, Venue};
        use PlaceRelation as R;
        let miami = place("miami", Some("US"), City, Some((25.774, -80.194)));
        let washington = place("washington", Some("US"), City, Some((38.895, -77.036)));
        let us = place("us", Some("US"), Country, None);
        let usa = place("usa", Some("us"), Country, None);
        let germany = place("germany", Some("DE"), Country, None);
        let berlin = place("berlin", Some("DE"), City, None);
        let florida = place("florida", Some("US"), Region, None);
        // Hotel in Miami Beach, 5 km from Miami's point; Mar-a-Lago, 100 km north.
        let hotel = place("hotel", Some("US"), Venue, Some((25.79, -80.13)));
        let mar_a_lago = place("mar-a-lago", Some("US"), Venue, Some((26.677, -80.037)));
        let no_coords = place("venue", Some("US"), Venue, None);
        let nowhere = place("somewhere", None, Unknown, None);
        let cases: [(&Location, &Location, PlaceRelation); 16] = [
            (&miami, &miami, R::Same),
            (&us, &usa, R::Same),
            (&us, &miami, R::Contains),
            (&miami, &us, R::Within),
            (&miami, &germany, R::Disjoint),
            (&miami, &berlin, R::Disjoint),
            (&miami, &washington, R::Disjoint),
            (&us, &germany, R::Disjoint),
            (&florida, &miami, R::Unknown),
            (&us, &florida, R::Contains),
            (&miami, &hotel, R::Contains),
            (&hotel, &miami, R::Within),
            (&miami, &mar_a_lago, R::Disjoint),
            (&miami, &no_coords, R::Unknown),
            (&hotel, &mar_a_lago, R::Disjoint),
            (&nowhere, &miami, R::Unknown),
        ];
        for (a, b, want) in cases {
            assert_eq!(place_relation(a, b), want, "{} and {}", a.name, b.name);
        }
    }
}
