//! Merging an import keeps each reported state pointing at the entities it named, after
//! the merge renamed or matched their ids (issue 13).

use detente::import::merge;
use detente::model::{Id, Project, validate};

#[test]
fn a_merge_remaps_the_ids_inside_reported_states() {
    let sample = detente::io::sample_project().unwrap();
    // The open project already uses some of the sample's ids for other things, so the
    // merge must rename the sample's entities, and the states must follow.
    let mut into = Project::new("open");
    into.actors
        .push(ron::from_str(r#"(id: "a-witkoff", name: "Someone else", kind: person)"#).unwrap());
    into.locations
        .push(ron::from_str(r#"(id: "l-miami", name: "Miami, Ohio", precision: city)"#).unwrap());
    into.sources.push(
        ron::from_str(
            r#"(id: "src-xinhua", name: "Other agency", kind: news_agency, reliability: C)"#,
        )
        .unwrap(),
    );
    into.claims.push(
        ron::from_str(
            r#"(id: "c-headline", source: "src-xinhua", excerpt: "other words", credibility: 3)"#,
        )
        .unwrap(),
    );
    let (merged, report) = merge(&into, sample);
    assert!(validate(&merged).is_empty(), "{:?}", validate(&merged));
    assert!(!report.renamed.is_empty());
    let miami = merged
        .events
        .iter()
        .find(|e| e.title.as_str() == "US–Russia talks in Miami")
        .unwrap();
    let state = &miami.reported[0];
    // The state names what the event names: the renamed Witkoff, Miami and claims.
    let event_actors: Vec<Id> = miami.participant_ids().collect();
    let state_actors: Vec<Id> = state
        .participants
        .iter()
        .flatten()
        .map(|p| p.actor)
        .collect();
    assert_eq!(state_actors, event_actors);
    assert!(!state_actors.contains(&Id::new("a-witkoff")));
    let places: Vec<Id> = state.places.iter().flatten().map(|p| p.location).collect();
    assert_eq!(places, miami.location_ids().collect::<Vec<_>>());
    assert_ne!(places, [Id::new("l-miami")]);
    let mut cited: Vec<Id> = miami.all_claim_ids().collect();
    cited.dedup();
    for c in &state.claims {
        assert!(cited.contains(c), "{c} is not cited by the event");
    }
    assert!(!state.claims.contains(&Id::new("c-headline")));
}

#[test]
fn a_claim_a_kept_reported_state_cites_stays_when_a_duplicate_event_also_cited_it() {
    let sample = detente::io::sample_project().unwrap();
    let mut imported = sample.clone();
    // The Miami talks come in again (a duplicate, dropped) and a new event whose one report
    // rests on a claim the Miami talks also cite.
    let miami = imported
        .events
        .iter()
        .find(|e| e.title.as_str() == "US–Russia talks in Miami")
        .unwrap()
        .clone();
    let claim = miami.all_claim_ids().next().unwrap();
    let mut new = detente::model::Event::new(
        "ev-new",
        "A meeting only a report names",
        miami.kind,
        miami.status,
        miami.date.clone(),
    );
    new.reported.push(detente::model::ReportedState {
        claims: [claim].into_iter().collect(),
        status: Some(miami.status),
        ..detente::model::ReportedState::default()
    });
    imported.events = vec![miami, new];
    let (merged, report) = merge(&sample, imported);
    assert_eq!(report.duplicates.len(), 1, "the Miami talks again");
    assert_eq!(report.events_added, 1);
    assert!(validate(&merged).is_empty(), "{:?}", validate(&merged));
}
