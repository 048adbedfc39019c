//! Timeline layout: what to draw for a view range. Pure functions, no egui.

mod badges;
mod crowding;
mod density;
mod draw_list;
mod event_index;
mod ghosts;
mod lane_layout;
mod lanes;
mod lanes_update;
mod mark_geometry;
mod milestone_trend;
mod ticks;
mod time_view;

pub use badges::{BADGE_RADIUS_PX, Badge, dispute_badges};
pub use draw_list::{
    CLUSTER_BIN_PX, Cluster, DENSITY_BIN_PX, DensityBin, DrawList, ItemLayoutParams, ItemMark,
    MAX_LABEL_PX, POINT_MARKER_PX, build_draw_list, item_hit_span,
};
pub use event_index::{EventIndex, IndexedExtent, OverlapCounter, drawn_extent};
pub use ghosts::{
    GHOST_FILL_OPACITY, GHOST_HEIGHT_SHARE, GHOST_LINE_OPACITY, GHOST_POINT_PX, GhostMark,
    MAX_GHOSTS, MAX_GHOSTS_PER_MARK, ghost_at, ghost_marks, reported_range,
};
pub use lane_layout::{
    Connector, LaneDraw, LaneLayoutParams, LanesDrawList, build_lanes_draw_list,
    build_lanes_draw_list_aggregated, lane_height,
};
pub use lanes::{Lane, LaneKey, LaneMode, LaneSort, MAX_ROWS_PER_LANE, build_lanes, sort_lanes};
pub use lanes_update::{LaneChange, lane_keys, update_lanes};
pub use mark_geometry::{
    BodyGeometry, ExtentGeometry, bar_height, bar_x, body_geometry, certain_span, chevron_x,
    extent_geometry, label_on_core, label_plates, label_text, point_brackets, ring_x,
    slim_body_height,
};
pub use milestone_trend::{
    ChartFrame, ChartTick, PlotRect, TrendChart, TrendPoint, TrendState, milestone_trend,
};
pub use ticks::{AxisTicks, LABEL_GAP_PX, PinnedLabel, Tick, TickStrength, TickUnit, axis_ticks};
pub use time_view::{MAX_SECS_PER_PX, MIN_SECS_PER_PX, TimeView};
