//! The map's projection: equirectangular (plate carrée) with pan and zoom.
//!
//! Equirectangular keeps the maths to one multiply-add per coordinate, so the whole land
//! mesh can be moved with one affine transform per frame; at the scales analysts use (a
//! continent, a region) its distortion does not mislead about who met where.

/// A lon/lat box in degrees. Empty when `min_lon > max_lon`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

impl Bounds {
    pub const EMPTY: Self = Self {
        min_lon: f64::INFINITY,
        min_lat: f64::INFINITY,
        max_lon: f64::NEG_INFINITY,
        max_lat: f64::NEG_INFINITY,
    };

    /// The inhabited world: Antarctica (below 58° S) holds no diplomacy worth the space.
    pub const INHABITED: Self = Self {
        min_lon: -180.0,
        min_lat: -58.0,
        max_lon: 180.0,
        max_lat: 84.0,
    };

    pub fn is_empty(&self) -> bool {
        !(self.min_lon <= self.max_lon && self.min_lat <= self.max_lat)
    }

    #[must_use]
    pub fn including(self, lon: f64, lat: f64) -> Self {
        Self {
            min_lon: self.min_lon.min(lon),
            min_lat: self.min_lat.min(lat),
            max_lon: self.max_lon.max(lon),
            max_lat: self.max_lat.max(lat),
        }
    }

    #[must_use]
    pub fn union(&self, other: &Self) -> Self {
        Self {
            min_lon: self.min_lon.min(other.min_lon),
            min_lat: self.min_lat.min(other.min_lat),
            max_lon: self.max_lon.max(other.max_lon),
            max_lat: self.max_lat.max(other.max_lat),
        }
    }

    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.min_lon..=self.max_lon).contains(&lon) && (self.min_lat..=self.max_lat).contains(&lat)
    }

    pub fn intersects(&self, other: &Self) -> bool {
        self.min_lon <= other.max_lon
            && other.min_lon <= self.max_lon
            && self.min_lat <= other.max_lat
            && other.min_lat <= self.max_lat
    }
}

/// The screen rectangle the map is drawn in, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Viewport {
    pub fn center(&self) -> [f64; 2] {
        [self.left + self.width / 2.0, self.top + self.height / 2.0]
    }
}

/// Which part of the world the map shows: the lon/lat at the viewport's centre and the zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    pub center_lon: f64,
    pub center_lat: f64,
    pub scale_px_per_deg: f64,
}

impl Default for MapView {
    fn default() -> Self {
        Self {
            center_lon: 0.0,
            center_lat: 0.0,
            scale_px_per_deg: 1.0,
        }
    }
}

impl MapView {
    /// Deepest zoom: 1,000 px per degree puts two venues 1 km apart (0.009°) 9 px apart.
    /// The 1:110m coastlines are long past their precision there, but markers still separate.
    pub const MAX_SCALE: f64 = 1_000.0;
    /// Fitting never zooms deeper than 30 px per degree: a lone city is shown with ~10° of
    /// coast and borders around it in a 300 px panel, enough to recognise where it is.
    pub const FIT_MAX_SCALE: f64 = 30.0;

    /// The shallowest zoom: the whole world fits the viewport.
    pub fn min_scale(viewport: &Viewport) -> f64 {
        (viewport.width / 360.0)
            .min(viewport.height / 180.0)
            .max(1e-6)
    }

    pub fn screen_from_lonlat(&self, viewport: &Viewport, lon: f64, lat: f64) -> [f64; 2] {
        let [cx, cy] = viewport.center();
        [
            cx + (lon - self.center_lon) * self.scale_px_per_deg,
            cy - (lat - self.center_lat) * self.scale_px_per_deg,
        ]
    }

    pub fn lonlat_from_screen(&self, viewport: &Viewport, x: f64, y: f64) -> [f64; 2] {
        let [cx, cy] = viewport.center();
        [
            self.center_lon + (x - cx) / self.scale_px_per_deg,
            self.center_lat - (y - cy) / self.scale_px_per_deg,
        ]
    }

    /// The projection as `screen = scale · (lon, −lat) + (tx, ty)`, so that geometry stored
    /// as `(lon, −lat)` is placed with one uniform scale and a translation.
    pub fn affine(&self, viewport: &Viewport) -> (f64, [f64; 2]) {
        let [cx, cy] = viewport.center();
        let s = self.scale_px_per_deg;
        (s, [cx - self.center_lon * s, cy + self.center_lat * s])
    }

    /// What the viewport shows, in lon/lat.
    pub fn visible_bounds(&self, viewport: &Viewport) -> Bounds {
        let [l, t] = self.lonlat_from_screen(viewport, viewport.left, viewport.top);
        let [r, b] = self.lonlat_from_screen(
            viewport,
            viewport.left + viewport.width,
            viewport.top + viewport.height,
        );
        Bounds {
            min_lon: l,
            min_lat: b,
            max_lon: r,
            max_lat: t,
        }
    }

    /// Keeps the zoom between the whole world and [`Self::MAX_SCALE`], and the view on the
    /// world: no panning past the poles or the antimeridian. Where the world is smaller
    /// than the viewport in a direction, it is centred in that direction.
    pub fn clamp(&mut self, viewport: &Viewport) {
        let min = Self::min_scale(viewport);
        if !self.scale_px_per_deg.is_finite() {
            self.scale_px_per_deg = min;
        }
        self.scale_px_per_deg = self.scale_px_per_deg.clamp(min, Self::MAX_SCALE.max(min));
        let clamp_axis = |value: f64, half_extent_px: f64, limit: f64| {
            let half = half_extent_px / self.scale_px_per_deg;
            if half >= limit || !value.is_finite() {
                0.0
            } else {
                value.clamp(-limit + half, limit - half)
            }
        };
        self.center_lon = clamp_axis(self.center_lon, viewport.width / 2.0, 180.0);
        self.center_lat = clamp_axis(self.center_lat, viewport.height / 2.0, 90.0);
    }

    /// Zooms by `factor` keeping the place under `cursor` where it is (unless the clamps
    /// forbid it, at the edges of the world).
    pub fn zoom_at(&mut self, viewport: &Viewport, cursor: [f64; 2], factor: f64) {
        let [lon, lat] = self.lonlat_from_screen(viewport, cursor[0], cursor[1]);
        let min = Self::min_scale(viewport);
        self.scale_px_per_deg =
            (self.scale_px_per_deg * factor).clamp(min, Self::MAX_SCALE.max(min));
        let [cx, cy] = viewport.center();
        self.center_lon = lon - (cursor[0] - cx) / self.scale_px_per_deg;
        self.center_lat = lat + (cursor[1] - cy) / self.scale_px_per_deg;
        self.clamp(viewport);
    }

    /// Moves the map with the pointer: `delta` in screen points.
    pub fn pan_by(&mut self, viewport: &Viewport, delta: [f64; 2]) {
        self.center_lon -= delta[0] / self.scale_px_per_deg;
        self.center_lat += delta[1] / self.scale_px_per_deg;
        self.clamp(viewport);
    }

    /// The view that shows `bounds` with `margin_px` around it, zoomed no deeper than
    /// [`Self::FIT_MAX_SCALE`]. Empty bounds give the inhabited world.
    pub fn fit(viewport: &Viewport, bounds: &Bounds, margin_px: f64) -> Self {
        let bounds = if bounds.is_empty() {
            Bounds::INHABITED
        } else {
            *bounds
        };
        let w = (viewport.width - 2.0 * margin_px).max(viewport.width * 0.5);
        let h = (viewport.height - 2.0 * margin_px).max(viewport.height * 0.5);
        let span_lon = bounds.max_lon - bounds.min_lon;
        let span_lat = bounds.max_lat - bounds.min_lat;
        let scale = (w / span_lon.max(1e-9))
            .min(h / span_lat.max(1e-9))
            .min(Self::FIT_MAX_SCALE);
        let mut view = Self {
            center_lon: f64::midpoint(bounds.min_lon, bounds.max_lon),
            center_lat: f64::midpoint(bounds.min_lat, bounds.max_lat),
            scale_px_per_deg: scale,
        };
        view.clamp(viewport);
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VP: Viewport = Viewport {
        left: 10.0,
        top: 40.0,
        width: 400.0,
        height: 300.0,
    };

    fn view() -> MapView {
        MapView {
            center_lon: 10.0,
            center_lat: 45.0,
            scale_px_per_deg: 8.0,
        }
    }

    #[test]
    fn projection_round_trips() {
        let v = view();
        for (lon, lat) in [
            (10.0, 45.0),
            (-80.19, 25.77),
            (13.41, 52.52),
            (179.0, -89.0),
        ] {
            let [x, y] = v.screen_from_lonlat(&VP, lon, lat);
            let [lon2, lat2] = v.lonlat_from_screen(&VP, x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
        // The centre of the view is the centre of the viewport; north is up.
        assert_eq!(v.screen_from_lonlat(&VP, 10.0, 45.0), VP.center());
        assert!(v.screen_from_lonlat(&VP, 10.0, 50.0)[1] < VP.center()[1]);
    }

    #[test]
    fn affine_matches_the_projection() {
        let v = view();
        let (s, [tx, ty]) = v.affine(&VP);
        let (lon, lat) = (-80.19, 25.77);
        let [x, y] = v.screen_from_lonlat(&VP, lon, lat);
        assert!((s * lon + tx - x).abs() < 1e-9);
        assert!((s * -lat + ty - y).abs() < 1e-9);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        for factor in [1.25, 0.8, 3.0] {
            let mut v = view();
            let cursor = [120.0, 230.0];
            let before = v.lonlat_from_screen(&VP, cursor[0], cursor[1]);
            v.zoom_at(&VP, cursor, factor);
            assert!((v.scale_px_per_deg - 8.0 * factor).abs() < 1e-9);
            let after = v.screen_from_lonlat(&VP, before[0], before[1]);
            assert!(
                (after[0] - cursor[0]).abs() < 1e-6 && (after[1] - cursor[1]).abs() < 1e-6,
                "{after:?}"
            );
        }
    }

    #[test]
    fn zoom_and_pan_stay_on_the_world() {
        let mut v = view();
        v.zoom_at(&VP, VP.center(), 1e-6);
        assert_eq!(v.scale_px_per_deg, MapView::min_scale(&VP));
        assert_eq!((v.center_lon, v.center_lat), (0.0, 0.0));
        v.zoom_at(&VP, VP.center(), 1e9);
        assert_eq!(v.scale_px_per_deg, MapView::MAX_SCALE);
        let mut v = view();
        v.pan_by(&VP, [0.0, 1e6]);
        let top = v.lonlat_from_screen(&VP, VP.left, VP.top)[1];
        assert!((top - 90.0).abs() < 1e-9, "top edge at {top}");
        v.pan_by(&VP, [-1e6, 0.0]);
        let right = v.lonlat_from_screen(&VP, VP.left + VP.width, VP.top)[0];
        assert!((right - 180.0).abs() < 1e-9, "right edge at {right}");
        let mut broken = MapView {
            center_lon: f64::NAN,
            center_lat: 0.0,
            scale_px_per_deg: f64::NAN,
        };
        broken.clamp(&VP);
        assert!(broken.center_lon.is_finite() && broken.scale_px_per_deg.is_finite());
    }

    #[test]
    fn fit_shows_the_bounds() {
        let miami_berlin = Bounds::EMPTY
            .including(-80.19, 25.77)
            .including(13.41, 52.52);
        let v = MapView::fit(&VP, &miami_berlin, 20.0);
        let shown = v.visible_bounds(&VP);
        assert!(shown.contains(-80.19, 25.77) && shown.contains(13.41, 52.52));
        // One point: centred, at the fit's deepest zoom.
        let v = MapView::fit(&VP, &Bounds::EMPTY.including(-80.19, 25.77), 20.0);
        assert_eq!(v.scale_px_per_deg, MapView::FIT_MAX_SCALE);
        assert!((v.center_lon + 80.19).abs() < 1e-9);
        // Nothing: the inhabited world.
        let v = MapView::fit(&VP, &Bounds::EMPTY, 20.0);
        assert!(v.visible_bounds(&VP).contains(-170.0, 60.0));
    }
}
