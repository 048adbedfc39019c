//! GDELT mentions imported into the project that holds their events (issue 16): an events
//! slice imported first, its mentions later from a folder of their own. The mentions of
//! the project's events become claims and reported states on them, merged as one edit;
//! mentions of other events add nothing; the same mentions imported again add nothing.
//! Fixtures: tests/fixtures/parquet (gdelt_events.parquet, gdelt_mentions/), by make.py.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use detente::app::{Command as AppCommand, Document, Session};
use detente::import::parquet::{Slice, import_path, import_path_into};
use detente::import::{ImportOptions, Imported, append_additions, merge_additions};
use detente::model::{Event, Project};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parquet")
        .join(name)
}

fn day(text: &str) -> u32 {
    Slice::parse_day(text).unwrap()
}

/// The GDELT events of the 19th (gdelt-1275000004 … 7), as a project.
fn events_of_the_19th() -> Project {
    let slice = Slice {
        from: Some(day("2025-12-19")),
        to: Some(day("2025-12-19")),
        ..Slice::default()
    };
    let name = "gdelt_events.parquet";
    let events = import_path(&fixture(name), &ImportOptions::named(name), &slice).unwrap();
    assert_eq!(events.project.events.len(), 4);
    events.project
}

fn mentions_into(project: &Project, slice: &Slice) -> Result<Imported, String> {
    import_path_into(
        &fixture("gdelt_mentions"),
        &ImportOptions::named("gdelt_mentions"),
        slice,
        Some(project),
    )
    .map_err(|e| e.to_string())
}

fn merged(project: &Project, imported: Imported) -> Project {
    let mut merged = project.clone();
    let (added, _, _) = merge_additions(project, imported);
    append_additions(&mut merged, added);
    merged
}

fn event<'a>(project: &'a Project, id: &str) -> &'a Event {
    project.events.iter().find(|e| e.id == id).unwrap()
}

#[test]
fn mentions_of_the_projects_events_become_its_claims_and_reported_states() {
    let project = events_of_the_19th();
    let imported = mentions_into(&project, &Slice::default()).unwrap();
    assert!(imported.project.events.is_empty());
    let additions = imported.additions_to_events.clone().unwrap();
    assert_eq!(additions.len(), 4);
    let text = imported.report.to_text();
    // Event 4: reuters.com, a CNN transcript and bbc.co.uk; events 5, 6 and 7: two each.
    assert!(
        text.contains("9 mentions added to 4 events of the project; 0 already there"),
        "{text}"
    );
    assert!(
        text.contains("17 mentions of events not in the project left out"),
        "{text}"
    );
    let stats = imported.report.parquet.clone().unwrap();
    assert_eq!((stats.rows_scanned, stats.rows_matched), (26, 9));

    let (added, merge_report, _) = merge_additions(&project, imported.clone());
    assert_eq!(merge_report.events_added, 0);
    assert_eq!(merge_report.events_added_to, 4);
    assert_eq!(merge_report.claims_added_to_events, 9);
    assert!(merge_report.to_text().contains("9 claims to 4 events"));
    // No unused source: every mention names its outlet.
    assert_eq!(added.sources.len(), 3, "reuters.com, bbc.co.uk and CNN");
    let after = merged(&project, imported);
    assert!(detente::model::validate(&after).is_empty());
    assert_eq!(after.events.len(), project.events.len());
    assert_eq!(after.claims.len(), project.claims.len() + 9);
    let four = event(&after, "gdelt-1275000004");
    let before = event(&project, "gdelt-1275000004");
    assert_eq!(four.reported.len(), before.reported.len() + 3);
    assert_eq!(four.claims.len(), before.claims.len() + 3);
    // Nothing else of the event changed.
    assert_eq!(four.title, before.title);
    assert_eq!(four.date, before.date);
    assert_eq!(four.participants, before.participants);
    let published: Vec<String> = four
        .reported
        .iter()
        .flat_map(|s| s.claims.iter())
        .map(|id| {
            let claim = after.claims.iter().find(|c| c.id == *id).unwrap();
            claim.published.as_ref().unwrap().edtf_text()
        })
        .collect();
    assert_eq!(published, ["2025-12-19", "2025-12-19", "2025-12-20"]);
    // A broadcast mention names its transcript; a web one links its article.
    let cnn = after
        .claims
        .iter()
        .find(|c| c.excerpt.contains("CNN Newsroom"))
        .unwrap();
    assert!(cnn.url.is_none());
    assert!(
        after
            .claims
            .iter()
            .any(|c| c.url.as_deref() == Some("https://bbc.co.uk/world/1275000007-1"))
    );
    // The other lists are as they were.
    assert_eq!(after.actors, project.actors);
    assert_eq!(after.locations, project.locations);
}

#[test]
fn the_same_mentions_imported_again_add_nothing() {
    let project = events_of_the_19th();
    let once = merged(
        &project,
        mentions_into(&project, &Slice::default()).unwrap(),
    );
    let again = mentions_into(&once, &Slice::default()).unwrap();
    let text = again.report.to_text();
    assert!(
        text.contains("0 mentions added to 0 events of the project; 9 already there"),
        "{text}"
    );
    let (_, merge_report, _) = merge_additions(&once, again.clone());
    assert_eq!(merge_report.claims_added_to_events, 0);
    assert_eq!(merged(&once, again), once);

    // Read against the first project but merged after the first merge (two dialogs): the
    // merge itself sees that the events already cite those claims.
    let stale = mentions_into(&project, &Slice::default()).unwrap();
    let (_, merge_report, _) = merge_additions(&once, stale.clone());
    assert_eq!(merge_report.claims_already_cited, 9);
    assert_eq!(merged(&once, stale), once);
}

#[test]
fn a_merge_is_one_step_that_undo_takes_back() {
    let project = events_of_the_19th();
    let imported = mentions_into(&project, &Slice::default()).unwrap();
    let expected = merged(&project, imported.clone());
    let mut session = Session::new(Document::imported(project.clone()));
    let (report, _) = session.merge_import(imported, "gdelt_mentions");
    assert!(report.contains("9 mentions added"), "{report}");
    assert_eq!(session.document().project(), &expected);
    assert_eq!(
        session.document().undo_label(),
        Some("import gdelt_mentions")
    );
    session.run(AppCommand::Undo);
    assert_eq!(session.document().project(), &project);
}

#[test]
fn an_event_deleted_before_the_merge_gets_nothing() {
    let project = events_of_the_19th();
    let imported = mentions_into(&project, &Slice::default()).unwrap();
    let mut without = project.clone();
    without.events.retain(|e| e.id != "gdelt-1275000004");
    let (_, merge_report, _) = merge_additions(&without, imported.clone());
    assert_eq!(merge_report.events_missing, 1);
    let after = merged(&without, imported);
    assert!(detente::model::validate(&after).is_empty());
    assert_eq!(after.claims.len(), without.claims.len() + 6);
}

#[test]
fn from_and_to_select_mentions_by_when_published_and_limit_caps_them() {
    let name = "gdelt_events.parquet";
    let all = import_path(
        &fixture(name),
        &ImportOptions::named(name),
        &Slice::default(),
    )
    .unwrap()
    .project;
    let last_day = mentions_into(
        &all,
        &Slice {
            from: Some(day("2025-12-22")),
            ..Slice::default()
        },
    )
    .unwrap();
    let text = last_day.report.to_text();
    assert!(text.contains("2 mentions added to 2 events"), "{text}");
    let stats = last_day.report.parquet.unwrap();
    // Sorted by time in row groups of 4: only the last (the 22nd) can hold the day.
    assert_eq!(
        (stats.row_groups_read, stats.row_groups_skipped),
        (1, 6),
        "{stats:?}"
    );

    let limited = mentions_into(
        &all,
        &Slice {
            limit: Some(3),
            ..Slice::default()
        },
    )
    .unwrap();
    let text = limited.report.to_text();
    assert!(text.contains("3 mentions added"), "{text}");
    assert!(text.contains("stopped at the limit"), "{text}");
}

#[test]
fn mentions_only_are_refused_without_a_project_or_an_event_of_it() {
    let options = ImportOptions::named("gdelt_mentions");
    let alone = import_path(&fixture("gdelt_mentions"), &options, &Slice::default())
        .unwrap_err()
        .to_string();
    assert!(
        alone.contains("gdelt_mentions") && alone.contains("--into"),
        "{alone}"
    );

    let empty = mentions_into(&Project::new("empty"), &Slice::default()).unwrap_err();
    assert!(empty.contains("no GDELT event"), "{empty}");

    // Events of the 18th: no mention of them on the 22nd.
    let slice = Slice {
        to: Some(day("2025-12-18")),
        ..Slice::default()
    };
    let name = "gdelt_events.parquet";
    let first = import_path(&fixture(name), &ImportOptions::named(name), &slice)
        .unwrap()
        .project;
    let none = mentions_into(
        &first,
        &Slice {
            from: Some(day("2025-12-22")),
            ..Slice::default()
        },
    )
    .unwrap_err();
    assert!(
        none.contains("none of the") && none.contains("nothing was imported"),
        "{none}"
    );

    let by_actor = mentions_into(
        &first,
        &Slice {
            actor: Some("USA".into()),
            ..Slice::default()
        },
    )
    .unwrap_err();
    assert!(by_actor.contains("--actor selects events"), "{by_actor}");
}

fn detente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(args)
        .output()
        .unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-mentions-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn succeeded(run: &Output) -> String {
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stdout).into_owned()
}

#[test]
fn the_command_line_adds_a_mentions_folder_to_the_into_project() {
    let dir = temp_dir("cli");
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let events = fixture("gdelt_events.parquet");
    let mentions = fixture("gdelt_mentions");
    let (events, mentions) = (events.to_str().unwrap(), mentions.to_str().unwrap());
    let slice = ["--from", "2025-12-19", "--to", "2025-12-19"];
    let first = path("events.detente.ron");
    succeeded(&detente(
        &[&["import", events, "-o", &first][..], &slice[..]].concat(),
    ));

    let refused = detente(&["import", mentions, "-o", &path("alone.detente.ron")]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("--into"), "{stderr}");
    assert!(!dir.join("alone.detente.ron").exists());

    let second = path("mentions.detente.ron");
    let stdout = succeeded(&detente(&[
        "import", mentions, "--into", &first, "-o", &second,
    ]));
    assert!(
        stdout.contains("9 mentions added to 4 events of the project"),
        "{stdout}"
    );
    assert!(
        stdout.contains("17 mentions of events not in the project left out"),
        "{stdout}"
    );
    let before = detente::io::load_project(Path::new(&first)).unwrap();
    let after = detente::io::load_project(Path::new(&second)).unwrap();
    assert_eq!(after.events.len(), before.events.len());
    assert_eq!(
        event(&after, "gdelt-1275000005").reported.len(),
        event(&before, "gdelt-1275000005").reported.len() + 2
    );
    assert_eq!(after.claims.len(), before.claims.len() + 9);

    // Again, into the project that has them: nothing is added.
    let third = path("again.detente.ron");
    let stdout = succeeded(&detente(&[
        "import", mentions, "--into", &second, "-o", &third,
    ]));
    assert!(stdout.contains("9 already there"), "{stdout}");
    let again = detente::io::load_project(Path::new(&third)).unwrap();
    assert_eq!(again, after);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn mentions_imported_with_their_events_are_recognised_later() {
    // Events and mentions in one folder: the mentions' claims are made then.
    let hive = fixture("gdelt_hive");
    let both = import_path(
        &hive,
        &ImportOptions::named("gdelt_hive"),
        &Slice::default(),
    )
    .unwrap()
    .project;
    let again = import_path_into(
        &hive.join("mentions"),
        &ImportOptions::named("mentions"),
        &Slice::default(),
        Some(&both),
    )
    .unwrap();
    let text = again.report.to_text();
    assert!(
        text.contains("0 mentions added to 0 events of the project; 12 already there"),
        "{text}"
    );
    assert_eq!(merged(&both, again), both);
}
