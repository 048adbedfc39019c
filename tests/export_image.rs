//! The timeline as an image: the sample as SVG (valid XML with its titles, axis and lanes),
//! as PNG (decodes at the width asked for), a large project (aggregated, bounded in size),
//! escaping, and `detente export --format svg|png` end to end.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::Path;
use std::process::Command;

use detente::export::{
    ExportFormat, ExportOptions, ImageTheme, TimelineImageOptions, export, timeline_png,
    timeline_svg,
};
use detente::model::{
    Actor, ActorKind, DateSpec, Event, EventKind, EventStatus, Id, LaneMode, Participation,
    Project, day_start_secs,
};

fn sample() -> Project {
    detente::io::sample_project().unwrap()
}

/// Every text node of the document, unescaped.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("title"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect()
}

fn assert_valid_svg(svg: &str) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(root.attribute("version"), Some("1.1"));
    // Every `url(#id)` points at a definition.
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    for node in doc.descendants() {
        for attr in node.attributes() {
            if let Some(rest) = attr.value().strip_prefix("url(#") {
                let id = rest.trim_end_matches(')');
                assert!(ids.contains(&id), "no definition for {id}");
            }
        }
    }
    doc
}

#[test]
fn sample_svg_is_valid_and_shows_titles_axis_and_legend() {
    let p = sample();
    let svg = timeline_svg(&p, &TimelineImageOptions::default());
    let doc = assert_valid_svg(&svg);
    let width: f64 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(width, 1600.0);
    let height: f64 = doc
        .root_element()
        .attribute("height")
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (300.0..900.0).contains(&height),
        "the height follows five events: {height}"
    );
    let texts = texts(&svg);
    let has = |s: &str| texts.iter().any(|t| t.contains(s));
    // Every title in full (in its tooltip), and the short ones as labels too.
    for event in &p.events {
        assert!(has(&event.title), "missing {}", event.title);
    }
    assert!(texts.iter().any(|t| t == "US–Russia talks in Miami"));
    assert!(has(&p.title));
    // The axis: at 1,600 px twelve days get a day row over hours, as the app shows them
    // at that zoom (Saturday 13 and 20 are talks days).
    assert!(has("Dec 2025"), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Sat 13")), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Sat 20")), "{texts:?}");
    // The report date, and a legend naming every kind and status.
    assert!(has("report 2025-12-18"));
    for kind in EventKind::ALL {
        assert!(texts.iter().any(|t| t == kind.label()), "{}", kind.label());
    }
    for status in EventStatus::ALL {
        assert!(texts.iter().any(|t| t == status.label()));
    }
    // The statements' unknown start fades in.
    assert!(svg.contains("<linearGradient id=\"dt-fi-"));
}

#[test]
fn participant_lanes_are_named_and_joined() {
    let p = sample();
    let options = TimelineImageOptions {
        group_by: LaneMode::Participant,
        ..TimelineImageOptions::default()
    };
    let svg = timeline_svg(&p, &options);
    assert_valid_svg(&svg);
    let texts = texts(&svg);
    for name in [
        "Steve Witkoff",
        "US delegation",
        "Kirill Dmitriev",
        "Volodymyr Zelenskyy",
        "Ukrainian officials (Berlin)",
    ] {
        assert!(texts.iter().any(|t| t == name), "lane {name}: {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("grouped by participant")));
    // The Miami talks join five theme lines; the legend says what the connector is.
    assert!(texts.iter().any(|t| t == "one event, several participants"));
    let ungrouped = timeline_svg(&p, &TimelineImageOptions::default());
    let h = |svg: &str| -> f64 {
        roxmltree::Document::parse(svg)
            .unwrap()
            .root_element()
            .attribute("height")
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(
        h(&svg) > h(&ungrouped) + 200.0,
        "lanes make the page taller"
    );
}

#[test]
fn a_range_and_a_filter_show_what_they_keep() {
    let p = sample();
    let t0 = day_start_secs(2025, 12, 19).unwrap();
    let t1 = day_start_secs(2025, 12, 23).unwrap();
    let passes: Vec<bool> = p
        .events
        .iter()
        .map(|e| e.kind == EventKind::Talks)
        .collect();
    let options = TimelineImageOptions {
        range: Some((t0, t1)),
        passes: Some(passes),
        theme: ImageTheme::Dark,
        title: Some("Talks".into()),
        ..TimelineImageOptions::default()
    };
    let svg = timeline_svg(&p, &options);
    assert_valid_svg(&svg);
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "US–Russia talks in Miami"));
    assert!(
        !texts.iter().any(|t| t.contains("Berlin")),
        "Berlin is out of range"
    );
    assert!(!texts.iter().any(|t| t.contains("Umerov")), "filtered out");
    assert!(texts.iter().any(|t| t.starts_with("2 of 5 events")));
    assert!(texts.iter().any(|t| t == "Talks"));
}

#[test]
fn titles_are_escaped() {
    let mut p = Project::new("Tom & Jerry's \"<plan>\"");
    let mut event = Event::new(
        "e1",
        "Talks <&\"> 'x'",
        EventKind::Talks,
        EventStatus::Held,
        DateSpec::parse("2025-12-13").unwrap(),
    );
    event.title.push('\u{1}');
    p.events.push(event);
    for mode in [LaneMode::None, LaneMode::Kind] {
        let svg = timeline_svg(
            &p,
            &TimelineImageOptions {
                group_by: mode,
                ..TimelineImageOptions::default()
            },
        );
        assert_valid_svg(&svg);
        assert!(!svg.contains("<&\">"));
        assert!(svg.contains("Talks &lt;&amp;&quot;&gt; &apos;x&apos;"));
        let texts = texts(&svg);
        assert!(texts.iter().any(|t| t.starts_with("Talks <&\"> 'x'")));
        assert!(texts.iter().any(|t| t == "Tom & Jerry's \"<plan>\""));
    }
}

fn png_size(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

#[test]
fn sample_png_decodes_at_the_width_asked_for() {
    let p = sample();
    let options = TimelineImageOptions {
        width_px: 1200.0,
        group_by: LaneMode::Participant,
        ..TimelineImageOptions::default()
    };
    let bytes = timeline_png(&p, &options).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let (w, h, pixels) = png_size(&bytes);
    assert_eq!(w, 1200);
    let svg = timeline_svg(&p, &options);
    let svg_h: f64 = roxmltree::Document::parse(&svg)
        .unwrap()
        .root_element()
        .attribute("height")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(f64::from(h), svg_h);
    // Text was drawn: many dark pixels on the white page (labels, names, axis, legend).
    let dark = pixels
        .chunks(4)
        .filter(|px| px[0] < 90 && px[1] < 90 && px[2] < 90 && px[3] > 200)
        .count();
    assert!(dark > 5_000, "{dark} dark pixels");
}

/// 20,000 events over two years among 60 actors.
fn large_project() -> Project {
    let mut p = Project::new("Large");
    for i in 0..60 {
        p.actors.push(Actor {
            id: Id::new(&format!("a{i}")),
            name: format!("Actor {i}"),
            kind: ActorKind::Person,
            aliases: Vec::new(),
            affiliation: None,
            country: None,
            description: String::new(),
        });
    }
    for i in 0..20_000_u32 {
        let day = i % 730;
        let (y, d) = (2024 + day / 365, day % 365);
        let date = format!("{y}-{:02}-{:02}", 1 + d / 31 % 12, 1 + d % 28);
        let mut event = Event::new(
            &format!("e{i}"),
            &format!("Event number {i}"),
            EventKind::ALL[i as usize % EventKind::ALL.len()],
            EventStatus::ALL[i as usize % EventStatus::ALL.len()],
            DateSpec::parse(&date).unwrap(),
        );
        for k in 0..2 {
            event.add_participant(Participation {
                actor: Id::new(&format!("a{}", (i * 7 + k * 13) % 60)),
                role: Default::default(),
                certainty: Default::default(),
            });
        }
        p.events.push(event);
    }
    p
}

#[test]
fn a_large_project_is_aggregated_and_bounded() {
    let p = large_project();
    for mode in [LaneMode::None, LaneMode::Participant] {
        let options = TimelineImageOptions {
            group_by: mode,
            ..TimelineImageOptions::default()
        };
        let svg = timeline_svg(&p, &options);
        assert_valid_svg(&svg);
        assert!(svg.len() < 3_000_000, "{mode:?}: {} bytes", svg.len());
        assert!(
            svg.contains("<path d=\"M"),
            "{mode:?}: no density histogram"
        );
        let texts = texts(&svg);
        assert!(texts.iter().any(|t| t.contains("events beginning")));
    }
    let png = timeline_png(
        &p,
        &TimelineImageOptions {
            width_px: 800.0,
            ..TimelineImageOptions::default()
        },
    )
    .unwrap();
    assert_eq!(png_size(&png).0, 800);
}

#[test]
fn images_through_export_and_the_command_line() {
    let p = sample();
    let svg = export(&p, ExportFormat::Svg, &ExportOptions::default()).unwrap();
    assert_valid_svg(std::str::from_utf8(&svg).unwrap());
    assert_eq!(ExportFormat::from_name("png"), Some(ExportFormat::Png));

    let exe = env!("CARGO_BIN_EXE_detente");
    let dir = std::env::temp_dir().join(format!("detente-image-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.detente.ron");
    let out = dir.join("timeline.png");
    let status = Command::new(exe)
        .args(["export".as_ref(), project.as_os_str(), "--format".as_ref()])
        .args(["png", "--width", "1000", "--group-by", "location", "-o"])
        .arg(&out)
        .args(["--from", "2025-12-12", "--to", "2025-12-22"])
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let (w, _, _) = png_size(&std::fs::read(&out).unwrap());
    assert_eq!(w, 1000);

    let out = dir.join("timeline.svg");
    let status = Command::new(exe)
        .args(["export".as_ref(), project.as_os_str()])
        .args(["--format", "svg", "--theme", "dark", "--no-legend", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert_valid_svg(&svg);
    assert!(!svg.contains(">Kinds<"), "no legend");

    // Image options on a list format are a mistake, said so.
    let status = Command::new(exe)
        .args(["export".as_ref(), project.as_os_str()])
        .args(["--format", "csv", "--width", "1000", "-o"])
        .arg(dir.join("x.csv"))
        .output()
        .unwrap();
    assert!(!status.status.success());
    assert!(String::from_utf8_lossy(&status.stderr).contains("--width"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ten_thousand_events_fit_the_width_without_a_wall_of_labels() {
    let mut p = large_project();
    p.events.truncate(10_000);
    let started = std::time::Instant::now();
    let svg = timeline_svg(&p, &TimelineImageOptions::default());
    let elapsed = started.elapsed();
    let doc = assert_valid_svg(&svg);
    let width: f64 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(width, 1600.0);
    // Labels are aggregated as in the app: the density histogram and counts stand in for
    // thousands of titles. 300 text nodes are the axis, the legend and a few dozen labels.
    let labels = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter(|n| n.text().is_some_and(|t| t.starts_with("Event number")))
        .count();
    assert!(labels < 300, "{labels} event labels");
    // Every drawn text stays inside the page.
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let x: f64 = node.attribute("x").unwrap().parse().unwrap();
        assert!((0.0..=width).contains(&x), "text at x = {x}");
    }
    // Debug builds are ~10× slower than release; this bounds a runaway, not the speed.
    assert!(elapsed.as_secs() < 30, "{elapsed:?}");
    eprintln!("10k events: {} bytes of SVG in {elapsed:?}", svg.len());
}

#[test]
fn the_saved_view_narrows_the_image() {
    let mut p = sample();
    p.view.filter.kinds = vec![EventKind::Talks];
    let mut options = TimelineImageOptions::default();
    options.as_last_viewed(&p);
    let passes = options.passes.clone().unwrap();
    assert_eq!(
        passes.iter().filter(|x| **x).count(),
        p.events
            .iter()
            .filter(|e| e.kind == EventKind::Talks)
            .count()
    );
    let texts = texts(&timeline_svg(&p, &options));
    assert!(texts.iter().any(|t| t.contains("of 5 events")), "{texts:?}");
}

#[test]
fn no_more_marks_sit_on_a_row_of_items() {
    // Three weeks of the large project: more events than 30 rows hold, so some are counted.
    let p = large_project();
    let t0 = day_start_secs(2024, 3, 1).unwrap();
    let options = TimelineImageOptions {
        range: Some((t0, t0 + 20 * 86_400)),
        ..TimelineImageOptions::default()
    };
    let svg = timeline_svg(&p, &options);
    let doc = assert_valid_svg(&svg);
    let y = |n: roxmltree::Node<'_, '_>| -> f64 { n.attribute("y").unwrap().parse().unwrap() };
    let texts: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .collect();
    let clusters: Vec<f64> = chips(&doc).iter().map(|&(_, y)| y).collect();
    assert!(!clusters.is_empty(), "expected counted chips");
    let lowest_label = texts
        .iter()
        .filter(|n| n.text().is_some_and(|t| t.starts_with("Event")))
        .map(|n| y(*n))
        .fold(f64::MIN, f64::max);
    for c in clusters {
        assert!(
            c > lowest_label + 10.0,
            "a chip at {c}, a label at {lowest_label}"
        );
    }
}

/// The counted chips of an image: each one's count and the `y` of its text.
fn chips(doc: &roxmltree::Document<'_>) -> Vec<(u32, f64)> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("cluster"))
        .map(|g| {
            let text = g.descendants().find(|n| n.has_tag_name("text")).unwrap();
            let y = text.attribute("y").unwrap().parse().unwrap();
            (text.text().unwrap().parse().unwrap(), y)
        })
        .collect()
}

#[test]
fn the_fitted_1k_project_is_counted_chips_as_in_the_app() {
    // The generated 1,000-event project over 30 years: drawn one by one, its marks were a
    // wall of overlapping symbols at 1,600 px. Crowded stretches are counted chips, as in
    // the app, and every event is drawn or counted once.
    let p = detente::generate::generate_project(1_000, 1);
    // Without the legend, whose sample chip would be counted too.
    let options = TimelineImageOptions {
        show_legend: false,
        ..TimelineImageOptions::default()
    };
    let svg = timeline_svg(&p, &options);
    let doc = assert_valid_svg(&svg);
    let chips = chips(&doc);
    let counted: u32 = chips.iter().map(|&(count, _)| count).sum();
    // Each drawn event is a group titled with its full title and date.
    let tooltips: std::collections::HashSet<String> = p
        .events
        .iter()
        .map(|e| format!("{} ({})", e.title, e.date.edtf_text()))
        .collect();
    let drawn = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class").is_none())
        .filter_map(|g| g.first_element_child())
        .filter(|t| t.has_tag_name("title") && t.text().is_some_and(|t| tooltips.contains(t)))
        .count();
    assert!(chips.len() >= 10, "{} chips", chips.len());
    assert!(drawn <= 80, "{drawn} marks drawn one by one");
    assert!(counted >= 900, "{counted} events counted");
    assert_eq!(counted as usize + drawn, p.events.len());
    // One row of chips, below the periods' names (11-px text; a chip's text is centred in
    // its 16-px chip, so the chip's top is 8 px above it).
    let rows: std::collections::BTreeSet<i64> = chips.iter().map(|&(_, y)| y as i64).collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    let names_bottom = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter(|n| {
            n.text()
                .is_some_and(|t| p.periods.iter().any(|pe| pe.name == t))
        })
        .map(|n| n.attribute("y").unwrap().parse::<f64>().unwrap() + 5.5)
        .fold(f64::MIN, f64::max);
    assert!(names_bottom > 0.0, "the periods are named");
    let chips_top = chips.iter().map(|&(_, y)| y - 8.0).fold(f64::MAX, f64::min);
    assert!(
        chips_top >= names_bottom,
        "chips from {chips_top}, names down to {names_bottom}"
    );
}

/// Rectangles drawn as ghost marks: a quarter-opacity fill inside a 60 % outline.
fn ghost_rects(doc: &roxmltree::Document<'_>) -> Vec<(f64, f64)> {
    doc.descendants()
        .filter(|n| {
            n.has_tag_name("rect")
                && n.attribute("fill-opacity") == Some("0.25")
                && n.attribute("stroke-opacity") == Some("0.60")
        })
        .map(|n| {
            let x: f64 = n.attribute("x").unwrap().parse().unwrap();
            let w: f64 = n.attribute("width").unwrap().parse().unwrap();
            (x, x + w)
        })
        .collect()
}

#[test]
fn earlier_reported_dates_are_drawn_as_in_the_app_unless_left_out() {
    // The Umerov meeting, expected on 20–21 December as of the 18th, held on the 19th as
    // a later report says: the image, as the timeline, shows where the earlier report
    // placed it.
    let mut p = sample();
    let umerov = p
        .events
        .iter_mut()
        .find(|e| e.title.contains("Umerov"))
        .unwrap();
    let mut held = umerov.reported[0].clone();
    held.date = Some(DateSpec::parse("2025-12-19").unwrap());
    held.status = Some(EventStatus::Held);
    umerov.reported.push(held);
    umerov.date = DateSpec::parse("2025-12-19").unwrap();
    umerov.status = EventStatus::Held;
    let fitted = TimelineImageOptions {
        show_legend: false,
        ..TimelineImageOptions::default()
    };
    let svg = timeline_svg(&p, &fitted);
    let doc = assert_valid_svg(&svg);
    let ghosts = ghost_rects(&doc);
    // One ghost: the 20th–21st, two days wide, to the right of the 19th.
    let [(x0, x1)] = ghosts[..] else {
        panic!("not one ghost: {ghosts:?} in {svg}");
    };
    // Two days at the fitted view's ~50 px a day, less the outline's inset.
    let width = x1 - x0;
    assert!(width > 20.0, "{x0}–{x1}");

    let svg = timeline_svg(
        &p,
        &TimelineImageOptions {
            show_ghosts: false,
            ..fitted.clone()
        },
    );
    assert!(ghost_rects(&assert_valid_svg(&svg)).is_empty());

    // The legend names them when they are drawn, and only then.
    let label = "earlier reported date, linked to the current one";
    let with_legend = timeline_svg(&p, &TimelineImageOptions::default());
    assert!(texts(&with_legend).iter().any(|t| t == label));
    let without = timeline_svg(
        &p,
        &TimelineImageOptions {
            show_ghosts: false,
            ..TimelineImageOptions::default()
        },
    );
    assert!(!texts(&without).iter().any(|t| t == label));
}
