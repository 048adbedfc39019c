//! Conformance: real files written by other tools import with the expected number of events
//! and no unexplained skips. Runs where `DETENTE_CORPUS` names the corpus folder
//! (`shared/data/corpus`); elsewhere each test says it was not run and passes.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::PathBuf;

use detente::import::{ImportFormat, ImportOptions, Imported, detect_format, import};
use detente::model::{ActorKind, EventKind, EventStatus, validate};
use detente::query::ClaimIndex;

fn corpus_file(name: &str) -> Option<(Vec<u8>, String)> {
    let Ok(dir) = std::env::var("DETENTE_CORPUS") else {
        eprintln!("DETENTE_CORPUS is not set: {name} not checked");
        return None;
    };
    let path = PathBuf::from(dir).join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some((bytes, name.to_owned()))
}

/// Imports with the detected format (which must be `expected`) and checks the result is a
/// valid project that survives a save and a load.
fn import_corpus(name: &str, expected: ImportFormat) -> Option<Imported> {
    let (bytes, name) = corpus_file(name)?;
    assert_eq!(detect_format(&bytes, &name).unwrap(), expected, "{name}");
    let imported = import(&bytes, expected, &ImportOptions::named(&name)).unwrap();
    let problems = validate(&imported.project);
    assert!(problems.is_empty(), "{name}: {problems:?}");
    let text = detente::io::to_ron_string(&imported.project).unwrap();
    let again = detente::io::load_project_str(&text, &name).unwrap();
    assert_eq!(
        again, imported.project,
        "{name} does not survive a save and load"
    );
    assert_eq!(imported.event_rows.len(), imported.project.events.len());
    // Every event cites the imported file.
    let dataset = imported.project.sources[0].id;
    for e in &imported.project.events {
        let cites = e.claims.iter().any(|c| {
            imported
                .project
                .claims
                .iter()
                .any(|x| x.id == c.claim && x.source == dataset)
        });
        assert!(cites, "{name}: event {} does not cite the file", e.id);
    }
    Some(imported)
}

#[test]
fn timelinejs_women_in_computing() {
    let Some(imported) = import_corpus("tljs3_women_in_computing.json", ImportFormat::TimelineJs)
    else {
        return;
    };
    let p = &imported.project;
    assert_eq!(p.events.len(), 10, "{}", imported.report.to_text());
    assert!(
        imported.report.skipped.is_empty(),
        "{}",
        imported.report.to_text()
    );
    let ada = p.events.iter().find(|e| e.title == "Ada Lovelace").unwrap();
    assert_eq!(ada.date.edtf_text(), "1815-12-10/1852-11-27");
    assert!(
        ada.description
            .contains("Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace)")
    );
    assert!(!ada.description.contains('<'));
    // "month": "" means no month: the ENIAC slide is 1943-07 to 1946.
    let eniac = p
        .events
        .iter()
        .find(|e| e.title.contains("women who made it work"))
        .unwrap();
    assert_eq!(eniac.date.edtf_text(), "1943-07/1946");
    // The media is a claim on the timeline crediting its maker, with the credit's link; a
    // credit is not a second source, so every slide has one independent source.
    let video = p
        .claims
        .iter()
        .find(|c| c.url.as_deref() == Some("https://www.youtube.com/watch?v=aPweFhhXFvY"))
        .unwrap();
    assert_eq!(video.source, p.sources[0].id);
    assert_eq!(&*video.attribution[0].name, "Computer History Museum");
    assert!(video.note.contains("youtube.com/channel"), "{}", video.note);
    assert_eq!(p.sources.len(), 1);
    let index = ClaimIndex::new(p, &p.lookup());
    for e in &p.events {
        assert_eq!(
            index.independent_sources(e.all_claim_ids()),
            1,
            "{}",
            e.title
        );
    }
    // No headline here says what kind of event it is.
    assert!(p.events.iter().all(|e| e.kind == EventKind::Other));
    // Embedded media that is not a link (a quotation) is kept as text.
    let clarke = p
        .events
        .iter()
        .find(|e| e.title.starts_with("Edith Clarke"))
        .unwrap();
    assert!(
        clarke
            .description
            .contains("There is no demand for women engineers")
    );
}

#[test]
fn timelinejs_all_media_types() {
    let Some(imported) = import_corpus("tljs3_all-media-types.json", ImportFormat::TimelineJs)
    else {
        return;
    };
    let p = &imported.project;
    assert_eq!(p.events.len(), 41, "{}", imported.report.to_text());
    assert!(
        imported.report.skipped.is_empty(),
        "{}",
        imported.report.to_text()
    );
    assert_eq!(p.title, "TimelineJS Media Types");
    for group in ["Video", "Social Media", "Audio", "HTML", "Image"] {
        assert!(
            p.tags.iter().any(|t| t.name == group),
            "group {group} missing"
        );
    }
    assert!(p.events.iter().any(|e| e.id == "wikipedia-images"));
    let tiktok = p.events.iter().find(|e| e.title == "TikTok").unwrap();
    assert_eq!(tiktok.date.edtf_text(), "1904-06");
}

#[test]
fn timeline_app_version_1() {
    let Some(imported) = import_corpus(
        "thetimelineproj_example_v1.timeline",
        ImportFormat::TimelineApp,
    ) else {
        return;
    };
    let p = &imported.project;
    assert_eq!(p.events.len(), 1);
    assert!(imported.report.skipped.is_empty());
    assert_eq!(p.events[0].title, "Test");
    assert_eq!(p.events[0].date.edtf_text(), "2012-07-04T13:20:00");
    let tag = &p.tags[0];
    assert_eq!(
        (tag.name.as_str(), tag.color.as_deref()),
        ("Test", Some("#ff0000"))
    );
    assert_eq!(p.events[0].tags.as_slice(), [tag.id]);
}

#[test]
fn timeline_app_gregorian_sample() {
    let Some(imported) = import_corpus(
        "timelinejs-rl_gregorian-sample.timeline",
        ImportFormat::TimelineApp,
    ) else {
        return;
    };
    let p = &imported.project;
    assert_eq!(p.events.len(), 25, "{}", imported.report.to_text());
    assert!(
        imported.report.skipped.is_empty(),
        "{}",
        imported.report.to_text()
    );
    assert_eq!(p.periods.len(), 2);
    assert!(
        p.periods
            .iter()
            .all(|x| x.color.as_deref() == Some("#eedbf0"))
    );
    // Container prefixes are gone from titles; a container and its subevents share a tag.
    assert!(
        p.events
            .iter()
            .all(|e| !e.title.starts_with('[') && !e.title.starts_with('('))
    );
    let container = p.events.iter().find(|e| e.title == "Container").unwrap();
    let subevent = p.events.iter().find(|e| e.title == "BarFoo").unwrap();
    assert!(container.tags.iter().any(|t| subevent.tags.contains(t)));
    let welcome = p
        .events
        .iter()
        .find(|e| e.title == "Välkommen till Timeline")
        .unwrap();
    assert_eq!(welcome.description.as_str(), "HoHo");
    assert!(p.events.iter().any(|e| e.title == "<"));
}

#[test]
fn gdelt1_sample() {
    let Some(imported) = import_corpus("gdelt1_events_sample_710.tsv", ImportFormat::Gdelt1) else {
        return;
    };
    let p = &imported.project;
    assert_eq!(p.events.len(), 710, "{}", imported.report.to_text());
    assert!(
        imported.report.skipped.is_empty(),
        "{}",
        imported.report.to_text()
    );
    assert_eq!(imported.report.rows_read, 710);
    // Actors are merged by code ("UNITED STATES", "AMERICAN", "WASHINGTON" are all `USA`),
    // named in title case with the file's spellings kept, and given their country.
    let usa = p.actors.iter().find(|a| a.name == "United States").unwrap();
    assert_eq!(
        (usa.kind, usa.country.as_deref()),
        (ActorKind::State, Some("US"))
    );
    for spelling in ["USA", "UNITED STATES", "AMERICAN", "WASHINGTON"] {
        assert!(usa.aliases.iter().any(|a| a == spelling), "{spelling}");
    }
    let mut names: Vec<&str> = p.actors.iter().map(|a| a.name.as_str()).collect();
    names.sort_unstable();
    let repeated: Vec<_> = names.windows(2).filter(|w| w[0] == w[1]).collect();
    assert!(repeated.is_empty(), "names given twice: {repeated:?}");
    // Only initialisms (NATO) stay in capitals.
    let capitals: Vec<&str> = p
        .actors
        .iter()
        .map(|a| a.name.as_str())
        .filter(|n| !n.chars().any(char::is_lowercase) && n.len() > 5)
        .collect();
    assert!(capitals.is_empty(), "names left in capitals: {capitals:?}");
    // AFRICA is the region (not a state), and AFRBUS business in Africa.
    let africa = p.actors.iter().find(|a| a.name == "Africa").unwrap();
    assert_eq!(
        (africa.kind, africa.country.as_deref()),
        (ActorKind::Group, None)
    );
    assert!(p.actors.iter().any(|a| a.name == "Africa business"));
    // Every actor whose code starts with a country has that country.
    let coded_in_a_country = p
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::State)
        .count();
    assert!(coded_in_a_country > 40, "{coded_in_a_country} states");
    assert!(
        p.actors
            .iter()
            .filter(|a| a.kind == ActorKind::State)
            .all(|a| a.country.is_some())
    );
    assert!(p.actors.len() < 400, "{} actors", p.actors.len());
    // Places have their country, from the country name that ends GDELT's full name.
    let with_country = p.locations.iter().filter(|l| l.country.is_some()).count();
    assert!(
        with_country * 10 >= p.locations.len() * 9,
        "{with_country} of {} places have a country",
        p.locations.len()
    );
    let first = &p.events[0];
    assert_eq!(first.id, "gdelt-564111644");
    assert_eq!(first.date.edtf_text(), "2006-07-31");
    assert_eq!(
        (first.kind, first.status),
        (EventKind::Statement, EventStatus::Held)
    );
    let place = p
        .locations
        .iter()
        .find(|l| l.id == first.places[0].location)
        .unwrap();
    assert_eq!(
        place.name,
        "National Postal Museum, District of Columbia, United States"
    );
    assert_eq!(place.lat_lon(), Some((38.8973, -77.0083)));
    let claim = p
        .claims
        .iter()
        .find(|c| c.id == first.claims[0].claim)
        .unwrap();
    assert!(
        claim
            .url
            .as_deref()
            .unwrap()
            .starts_with("http://wtop.com/")
    );
    // 043 host a visit: the first actor hosts.
    let hosted = p
        .events
        .iter()
        .find(|e| e.title.ends_with("host a visit"))
        .unwrap();
    assert_eq!(hosted.kind, EventKind::Visit);
    // Codes keep their leading zeros: 036 is a planned meeting.
    assert!(
        p.events
            .iter()
            .any(|e| e.status == EventStatus::Planned && e.kind == EventKind::Meeting)
    );
}
