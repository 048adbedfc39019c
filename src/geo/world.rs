//! The world's country outlines (Natural Earth 1:110m), parsed once and triangulated.
//!
//! Every ring's points go into one vertex list in lon/lat; land is one triangle list over
//! it (so the map draws the whole world as one mesh) and the outlines are the rings
//! themselves, read back as closed line strips.

use std::ops::Range;
use std::sync::LazyLock;

use super::view::Bounds;

/// The shipped outlines: 177 countries, ~10,000 points, 200 KB of GeoJSON.
const EMBEDDED_GEOJSON: &str = include_str!("../../assets/geo/world_110m_countries.geojson");

#[derive(Debug, thiserror::Error)]
pub enum WorldError {
    #[error("the world outlines are not valid GeoJSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// One closed ring of a polygon: an outer boundary or a hole.
#[derive(Clone, Debug, PartialEq)]
pub struct Ring {
    /// Its points in [`World::points`], without the repeated closing point.
    pub points: Range<usize>,
    pub bounds: Bounds,
    /// A hole in the polygon before it (a lake, or Lesotho in South Africa).
    pub is_hole: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    pub name: String,
    /// ISO 3166-1 alpha-2, or "-99" where Natural Earth has none.
    pub iso_a2: String,
    pub bounds: Bounds,
    /// Its rings in [`World::rings`].
    pub rings: Range<usize>,
    /// Its triangles in [`World::indices`] (three indices each).
    pub triangles: Range<usize>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct World {
    pub countries: Vec<Country>,
    /// `[lon, lat]` in degrees. f32 is ample: the data is rounded to 0.001°.
    pub points: Vec<[f32; 2]>,
    pub rings: Vec<Ring>,
    /// Land triangles, indices into `points`.
    pub indices: Vec<u32>,
}

static EMBEDDED: LazyLock<Result<World, WorldError>> =
    LazyLock::new(|| World::parse(EMBEDDED_GEOJSON));
static EMPTY: World = World {
    countries: Vec::new(),
    points: Vec::new(),
    rings: Vec::new(),
    indices: Vec::new(),
};

impl World {
    /// The shipped outlines, parsed on first use. Never panics: should the asset be broken,
    /// the map shows no land and [`Self::embedded_error`] says why.
    pub fn embedded() -> &'static World {
        EMBEDDED.as_ref().unwrap_or(&EMPTY)
    }

    pub fn embedded_error() -> Option<&'static WorldError> {
        EMBEDDED.as_ref().err()
    }

    /// Parses a GeoJSON FeatureCollection of Polygons and MultiPolygons. Other geometries,
    /// rings of fewer than three points and non-finite coordinates are skipped; a polygon
    /// that does not triangulate keeps its outline and has no fill.
    pub fn parse(geojson: &str) -> Result<World, WorldError> {
        let collection: FeatureCollection = serde_json::from_str(geojson)?;
        let mut world = World::default();
        for feature in collection.features {
            let polygons = match feature.geometry {
                Some(Geometry::Polygon { coordinates }) => vec![coordinates],
                Some(Geometry::MultiPolygon { coordinates }) => coordinates,
                Some(Geometry::Other) | None => continue,
            };
            let rings_start = world.rings.len();
            let triangles_start = world.indices.len();
            for polygon in &polygons {
                world.add_polygon(polygon);
            }
            let rings = rings_start..world.rings.len();
            if rings.is_empty() {
                continue;
            }
            let bounds = world.rings[rings.clone()]
                .iter()
                .fold(Bounds::EMPTY, |b, r| b.union(&r.bounds));
            world.countries.push(Country {
                name: feature.properties.name,
                iso_a2: feature.properties.iso_a2,
                bounds,
                rings,
                triangles: triangles_start..world.indices.len(),
            });
        }
        Ok(world)
    }

    /// The points of one ring.
    pub fn ring_points(&self, ring: &Ring) -> &[[f32; 2]] {
        &self.points[ring.points.clone()]
    }

    pub fn bounds(&self) -> Bounds {
        self.countries
            .iter()
            .fold(Bounds::EMPTY, |b, c| b.union(&c.bounds))
    }

    /// Adds a polygon's rings (outer first, then holes) and its triangles.
    fn add_polygon(&mut self, polygon: &[Vec<[f64; 2]>]) {
        let first_point = self.points.len();
        let mut flat: Vec<f64> = Vec::new();
        let mut holes: Vec<usize> = Vec::new();
        for (i, ring) in polygon.iter().enumerate() {
            let mut points: Vec<[f64; 2]> = ring
                .iter()
                .copied()
                .filter(|[lon, lat]| lon.is_finite() && lat.is_finite())
                .collect();
            // GeoJSON repeats the first point at the end; earcut and closed strips do not
            // want it.
            if points.len() > 1 && points.first() == points.last() {
                points.pop();
            }
            if points.len() < 3 {
                if i == 0 {
                    // No outer ring: the holes mean nothing.
                    return;
                }
                continue;
            }
            if i > 0 {
                holes.push(flat.len() / 2);
            }
            let start = self.points.len();
            let mut bounds = Bounds::EMPTY;
            for &[lon, lat] in &points {
                flat.extend([lon, lat]);
                bounds = bounds.including(lon, lat);
                self.points.push([lon as f32, lat as f32]);
            }
            self.rings.push(Ring {
                points: start..self.points.len(),
                bounds,
                is_hole: i > 0,
            });
        }
        if let Ok(triangles) = earcutr::earcut(&flat, &holes, 2) {
            self.indices
                .extend(triangles.into_iter().map(|i| (first_point + i) as u32));
        }
    }
}

#[derive(serde::Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(serde::Deserialize)]
struct Feature {
    #[serde(default)]
    properties: Properties,
    #[serde(default)]
    geometry: Option<Geometry>,
}

#[derive(Default, serde::Deserialize)]
struct Properties {
    #[serde(rename = "NAME", default)]
    name: String,
    #[serde(rename = "ISO_A2", default)]
    iso_a2: String,
}

#[derive(serde::Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        coordinates: Vec<Vec<[f64; 2]>>,
    },
    MultiPolygon {
        coordinates: Vec<Vec<Vec<[f64; 2]>>>,
    },
    #[serde(other)]
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shoelace area of a ring, in square degrees.
    fn ring_area(points: &[[f32; 2]]) -> f64 {
        let n = points.len();
        let twice: f64 = (0..n)
            .map(|i| {
                let [x0, y0] = points[i].map(f64::from);
                let [x1, y1] = points[(i + 1) % n].map(f64::from);
                x0 * y1 - x1 * y0
            })
            .sum();
        twice.abs() / 2.0
    }

    fn triangles_area(world: &World, range: Range<usize>) -> f64 {
        world.indices[range]
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| world.points[i as usize].map(f64::from));
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum()
    }

    /// Outer rings minus holes.
    fn country_area(world: &World, country: &Country) -> f64 {
        world.rings[country.rings.clone()]
            .iter()
            .map(|ring| {
                let a = ring_area(world.ring_points(ring));
                if ring.is_hole { -a } else { a }
            })
            .sum()
    }

    #[test]
    fn the_embedded_world_loads() {
        assert!(
            World::embedded_error().is_none(),
            "{:?}",
            World::embedded_error()
        );
        let world = World::embedded();
        assert_eq!(world.countries.len(), 177);
        assert!(world.points.len() > 9_000, "{} points", world.points.len());
        assert_eq!(world.indices.len() % 3, 0);
        assert!(
            world
                .indices
                .iter()
                .all(|&i| (i as usize) < world.points.len())
        );
        let b = world.bounds();
        assert!(b.min_lon <= -179.9 && b.max_lon >= 179.9 && b.min_lat < -89.0);
    }

    #[test]
    fn triangles_cover_each_country() {
        let world = World::embedded();
        for name in [
            "France",
            "United States of America",
            "Russia",
            "Lesotho",
            "Chile",
        ] {
            let country = world
                .countries
                .iter()
                .find(|c| c.name == name)
                .unwrap_or_else(|| panic!("{name} missing"));
            let polygon = country_area(world, country);
            let triangles = triangles_area(world, country.triangles.clone());
            let error = (triangles - polygon).abs() / polygon;
            assert!(
                error < 1e-6,
                "{name}: triangles {triangles:.3} vs polygon {polygon:.3} square degrees"
            );
        }
        // South Africa has a hole (Lesotho): its fill must leave it out.
        let za = world
            .countries
            .iter()
            .find(|c| c.name == "South Africa")
            .unwrap();
        assert!(za.rings.len() >= 2);
        let outer = ring_area(world.ring_points(&world.rings[za.rings.start]));
        let fill = triangles_area(world, za.triangles.clone());
        assert!(fill < outer * 0.99, "fill {fill} outer {outer}");
    }

    #[test]
    fn every_country_has_a_fill() {
        let world = World::embedded();
        for c in &world.countries {
            assert!(!c.triangles.is_empty(), "{} has no triangles", c.name);
        }
    }

    #[test]
    fn bad_input_is_an_error_or_skipped_never_a_panic() {
        assert!(World::parse("").is_err());
        assert!(World::parse("{\"type\": \"FeatureCollection\"}").is_err());
        assert!(World::parse("[1, 2, 3]").is_err());
        let odd = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"NAME":"Line"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},
            {"type":"Feature","properties":{"NAME":"Tiny"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}},
            {"type":"Feature","properties":{"NAME":"Empty"},"geometry":{"type":"MultiPolygon","coordinates":[]}},
            {"type":"Feature","properties":{},"geometry":null},
            {"type":"Feature","properties":{"NAME":"Flat"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[2,0],[0,0]]]}},
            {"type":"Feature","properties":{"NAME":"Square"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]],[[0.5,0.5],[1,0.5],[1,1],[0.5,0.5]]]}}
        ]}"#;
        let world = World::parse(odd).unwrap();
        let names: Vec<&str> = world.countries.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Flat", "Square"]);
        let square = &world.countries[1];
        assert!((triangles_area(&world, square.triangles.clone()) - (4.0 - 0.125)).abs() < 1e-9);
    }
}
