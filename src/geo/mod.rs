//! Geography without UI: the world outlines, the map's projection, marker layout and the
//! city gazetteer. Pure data and maths; `ui::map` and `ui::place_picker` draw them.
//!
//! Data: Natural Earth 1:110m country outlines (public domain, "Made with Natural Earth")
//! and a GeoNames extract (CC BY 4.0, geonames.org), both embedded from `assets/geo/`.

mod gazetteer;
mod markers;
mod view;
mod world;

pub use gazetteer::{City, Gazetteer, country_name, fold};
pub use markers::{
    MAX_RADIUS_PX, MIN_RADIUS_PX, Marker, hit_test, layout_markers, marker_radius, place_labels,
};
pub use view::{Bounds, MapView, Viewport};
pub use world::{Country, Ring, World, WorldError};
