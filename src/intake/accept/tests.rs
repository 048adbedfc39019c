use super::seed_proposals::{SAMPLE_EVENTS, id, seed_article, seed_proposals};
use super::*;
use crate::model::{ActorKind, LocationPrecision, validate};

fn appended(project: &Project, accepted: &Accepted) -> Project {
    let mut out = project.clone();
    accepted.clone().append_to(&mut out);
    out
}

fn actor_named<'a>(project: &'a Project, name: &str) -> &'a crate::model::Actor {
    project
        .actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no actor {name}: {:#?}", project.actors))
}

#[test]
fn accepting_the_seed_into_an_empty_project_gives_a_valid_project() {
    let empty = Project::default();
    let article = seed_article();
    let proposals = seed_proposals(&article, &empty);
    let accepted = accept(&empty, &article, &proposals, &Decisions::all(&proposals));
    assert!(accepted.states.is_empty());
    let project = appended(&empty, &accepted);
    let problems = validate(&project);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(project.events.len(), 5);
    assert_eq!(project.claims.len(), 12);
    assert_eq!(project.positions.len(), 5);
    assert_eq!(project.sources.len(), 1);
    let xinhua = actor_named(&project, "Xinhua");
    assert_eq!(xinhua.kind, ActorKind::Outlet);
    assert_eq!(project.sources[0].actor, Some(xinhua.id));
    assert_eq!(
        project.sources[0].kind,
        crate::model::SourceKind::NewsAgency
    );
    assert_eq!(actor_named(&project, "Politico").kind, ActorKind::Outlet);
    assert_eq!(actor_named(&project, "Ukrinform").kind, ActorKind::Outlet);
    // "Zelensky" is the Volodymyr Zelenskyy the report named first: one actor.
    let zelenskyy = actor_named(&project, "Volodymyr Zelenskyy");
    assert!(!project.actors.iter().any(|a| a.name == "Zelensky"));
    assert_eq!(project.events[4].participants[0].actor, zelenskyy.id);
    // Claims: excerpt, context, chain with actors where the name is one.
    let brief = &project.claims[3];
    assert!(
        brief
            .excerpt
            .starts_with("Sources familiar with the matter said")
    );
    assert_eq!(
        &*brief.context_before,
        "Ukrainian and European officials in Berlin last weekend."
    );
    assert!(
        brief
            .context_after
            .starts_with("The US delegation is expected to be led by")
    );
    assert_eq!(
        &*brief.attribution[0].name,
        "sources familiar with the matter"
    );
    assert_eq!(brief.attribution[0].actor, None);
    assert_eq!(
        brief.attribution[1].actor,
        Some(actor_named(&project, "Politico").id)
    );
    assert_eq!(brief.attribution[2].actor, Some(xinhua.id));
    assert_eq!(
        brief.published.as_ref().map(DateSpec::edtf_text).as_deref(),
        Some("2025-12-18")
    );
    assert_eq!(
        brief.url.as_deref(),
        Some("https://english.news.cn/example")
    );
    // Places: gazetteer cities, and a country at country precision.
    let miami = project
        .locations
        .iter()
        .find(|l| l.name == "Miami")
        .expect("Miami");
    assert_eq!(
        (miami.geonames_id, miami.precision),
        (Some(4_164_138), LocationPrecision::City)
    );
    let us = project
        .locations
        .iter()
        .find(|l| l.name == "United States")
        .expect("US");
    assert_eq!(
        (us.country.as_deref(), us.precision),
        (Some("US"), LocationPrecision::Country)
    );
    // Each event carries the one reported state of this report, tied to its claims.
    let talks = &project.events[1];
    assert_eq!(talks.date.edtf_text(), "2025-12-20/2025-12-21");
    assert_eq!(talks.date.wording(), Some("this weekend"));
    assert_eq!(talks.reported.len(), 1);
    assert_eq!(talks.reported[0].claims.len(), 7);
    assert_eq!(
        project.events[2]
            .places
            .iter()
            .filter(|p| p.candidate)
            .count(),
        2
    );
    // Roles in apposition: memberships; "Trump" is the Donald Trump of Witkoff's role.
    let roles: Vec<(&str, &str, &str)> = project
        .memberships
        .iter()
        .map(|m| {
            let name = |id| {
                project
                    .actors
                    .iter()
                    .find(|a| a.id == id)
                    .map_or("?", |a| a.name.as_str())
            };
            (name(m.member), m.role.as_str(), name(m.organisation))
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("Steve Witkoff", "special envoy", "Donald Trump"),
            ("Jared Kushner", "son-in-law", "Donald Trump"),
            ("Kirill Dmitriev", "special envoy", "Vladimir Putin"),
            ("Rustem Umerov", "national security advisor", "Ukraine"),
        ]
    );
    assert_eq!(project.memberships[1].kind, MembershipKind::Family);
    assert_eq!(actor_named(&project, "Ukraine").kind, ActorKind::State);
    assert_eq!(
        actor_named(&project, "Ukraine").country.as_deref(),
        Some("UA")
    );
    assert_eq!(
        actor_named(&project, "United States").country.as_deref(),
        Some("US")
    );
}

#[test]
fn against_the_sample_matched_events_become_reported_states_not_duplicates() {
    let sample = crate::io::sample_project().expect("the sample loads");
    // The same words as read from another of the sample's sources: new claims, so new
    // reported states (the sample's own Xinhua report again adds nothing:
    // `the_same_report_accepted_again_adds_nothing`).
    let mut article = seed_article();
    article.outlet = Some("Politico".to_owned());
    let mut proposals = seed_proposals(&article, &sample);
    for (event, matched) in proposals.events.iter_mut().zip(SAMPLE_EVENTS) {
        event.matches = Some(id(matched));
    }
    let accepted = accept(&sample, &article, &proposals, &Decisions::all(&proposals));
    assert!(accepted.additions.events.is_empty());
    assert_eq!(accepted.states.len(), 5);
    assert_eq!(accepted.states[1].0, id("ev-miami-talks"));
    let miami_state = &accepted.states[1].1;
    assert_eq!(miami_state.status, Some(EventStatus::Expected));
    let places = miami_state.places.as_ref().expect("places");
    assert_eq!(places[0].location, id("l-miami"));
    // The sample's source, actors, places and issues are referred to, not added again.
    assert!(accepted.additions.sources.is_empty());
    for added in &accepted.additions.actors {
        assert!(
            !sample.actors.iter().any(|a| crate::geo::fold(&a.name)
                == crate::geo::fold(&added.name)
                || a.aliases
                    .iter()
                    .any(|x| crate::geo::fold(x) == crate::geo::fold(&added.name))),
            "{} is in the sample already",
            added.name
        );
    }
    assert!(accepted.additions.locations.is_empty());
    let project = appended(&sample, &accepted);
    let problems = validate(&project);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(project.events.len(), sample.events.len());
    let miami = project
        .events
        .iter()
        .find(|e| e.id == "ev-miami-talks")
        .expect("kept");
    assert_eq!(
        miami.reported.len(),
        2,
        "the sample's state and this report's"
    );
    let ids: std::collections::HashSet<&str> =
        project.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), project.claims.len(), "claim ids are unique");
}

#[test]
fn a_rejected_claim_is_dropped_and_a_rejected_date_leaves_its_event_undated() {
    let empty = Project::default();
    let article = seed_article();
    let proposals = seed_proposals(&article, &empty);
    let mut decisions = Decisions::all(&proposals);
    decisions.claims[1] = false; // "Senior negotiators … this weekend"
    decisions.dates[2] = false; // "last weekend": the Berlin talks' date
    decisions.positions[0] = false;
    let accepted = accept(&empty, &article, &proposals, &decisions);
    let project = appended(&empty, &accepted);
    assert!(validate(&project).is_empty());
    assert_eq!(project.claims.len(), 11);
    assert_eq!(project.positions.len(), 4);
    let miami = &project.events[1];
    assert_eq!(miami.claims.len(), 6);
    assert_eq!(miami.reported[0].claims.len(), 6);
    let berlin = &project.events[0];
    assert_eq!(berlin.date.edtf_text(), "/2025-12-18");
    assert_eq!(berlin.reported[0].date, None);
    // A rejected event adds nothing.
    decisions.events = vec![false; proposals.events.len()];
    let accepted = accept(&empty, &article, &proposals, &decisions);
    assert!(accepted.additions.events.is_empty());
    assert!(accepted.additions.locations.is_empty());
}

#[test]
fn context_is_about_sixty_characters_cut_at_words() {
    let text = "One two three four five six seven eight nine ten eleven twelve thirteen. \
                The claim. Fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one.";
    let start = text.find("The claim").expect("in text");
    let before = context_before(text, start);
    assert!(
        before.len() <= CONTEXT_CHARS && before.len() > 40,
        "{before}"
    );
    assert!(before.ends_with("thirteen."));
    assert!(text.contains(&before));
    let after = context_after(text, start + "The claim.".len());
    assert!(
        after.starts_with("Fourteen") && after.len() <= CONTEXT_CHARS,
        "{after}"
    );
    assert_eq!(context_before(text, 0), "");
}

#[test]
fn roles_read_as_role_and_whom() {
    assert_eq!(
        role_and_organisation("a special envoy of President Donald Trump"),
        Some(("special envoy".to_owned(), "Donald Trump".to_owned()))
    );
    assert_eq!(
        role_and_organisation("Trump’s son-in-law"),
        Some(("son-in-law".to_owned(), "Trump".to_owned()))
    );
    assert_eq!(role_and_organisation("senior negotiator"), None);
}

#[test]
fn rejecting_everything_adds_nothing() {
    let empty = Project::default();
    let article = seed_article();
    let proposals = seed_proposals(&article, &empty);
    let none = Decisions::default();
    let accepted = accept(&empty, &article, &proposals, &none);
    assert_eq!(accepted, Accepted::default());
}

/// The seed through the whole pipeline into an empty project, everything accepted.
fn seed_once() -> (Article, Project) {
    let empty = Project::default();
    let article = seed_article();
    let first = crate::intake::propose(&article, &empty, crate::geo::Gazetteer::embedded());
    let once = appended(
        &empty,
        &accept(&empty, &article, &first, &Decisions::all(&first)),
    );
    (article, once)
}

#[test]
fn the_same_report_accepted_again_adds_nothing() {
    let (article, once) = seed_once();
    let gazetteer = crate::geo::Gazetteer::embedded();
    assert_eq!(once.events.len(), 5);
    // Read again against the project it made: every event matches, every claim and
    // position is there already.
    let again = crate::intake::propose(&article, &once, gazetteer);
    assert!(
        again.events.iter().all(|e| e.matches.is_some()),
        "{:#?}",
        again.events
    );
    let accepted = accept(&once, &article, &again, &Decisions::all(&again));
    assert_eq!(accepted.additions, Project::default());
    assert!(accepted.states.is_empty(), "{:#?}", accepted.states);
}

#[test]
fn a_new_report_of_a_known_event_cites_the_known_claims_and_adds_only_its_own() {
    let (article, once) = seed_once();
    let gazetteer = crate::geo::Gazetteer::embedded();
    let mut next = article.clone();
    next.text.push_str(
        "\nThe talks in Miami will now be held on Sunday, officials from the Trump \
         administration said.\n",
    );
    let proposals = crate::intake::propose(&next, &once, gazetteer);
    let accepted = accept(&once, &next, &proposals, &Decisions::all(&proposals));
    assert_eq!(
        accepted.additions.claims.len(),
        1,
        "{:#?}",
        accepted.additions.claims
    );
    assert!(accepted.additions.events.is_empty());
}

/// A report of the next day, in our own words: the Umerov meeting expected "over the
/// weekend" was held on Friday morning, and the envoys are set to meet Dmitriev on Saturday.
const DEC_19: &str = "date 2025-12-19 Witkoff and Kushner meet Umerov in Miami\n\
    US special envoy Steve Witkoff and Jared Kushner met Ukraine's national security advisor \
    Rustem Umerov in Miami on Friday morning, Reuters reported, citing two sources familiar \
    with the matter.\n\
    Witkoff and Kushner are set to meet Kirill Dmitriev in Miami on Saturday, the sources said.\n";

#[test]
fn a_later_report_revises_the_samples_plans_instead_of_adding_events() {
    let sample = crate::io::sample_project().expect("the sample loads");
    let article =
        crate::intake::article::read_text(DEC_19, crate::intake::article::InputKind::Text)
            .expect("reads")
            .into_article(None, Some("Reuters".to_owned()))
            .expect("dated by its first line");
    let proposals = crate::intake::propose(&article, &sample, crate::geo::Gazetteer::embedded());
    let matched: Vec<Option<&str>> = proposals
        .events
        .iter()
        .map(|e| e.matches.map(Id::as_str))
        .collect();
    assert_eq!(
        matched,
        [Some("ev-umerov-us-meeting"), Some("ev-miami-talks")],
        "{:#?}",
        proposals.events
    );
    let accepted = accept(&sample, &article, &proposals, &Decisions::all(&proposals));
    assert!(accepted.additions.events.is_empty());
    let (event, held) = &accepted.states[0];
    assert_eq!(event.as_str(), "ev-umerov-us-meeting");
    assert_eq!(held.status, Some(EventStatus::Held));
    assert_eq!(
        held.date.as_ref().map(DateSpec::edtf_text).as_deref(),
        Some("2025-12-19")
    );
    let project = appended(&sample, &accepted);
    assert!(validate(&project).is_empty(), "{:#?}", validate(&project));
}

#[test]
fn the_samples_own_report_pasted_into_the_sample_adds_nothing() {
    let sample = crate::io::sample_project().expect("the sample loads");
    let article = seed_article();
    let proposals = crate::intake::propose(&article, &sample, crate::geo::Gazetteer::embedded());
    let accepted = accept(&sample, &article, &proposals, &Decisions::all(&proposals));
    assert_eq!(accepted.additions, Project::default());
    assert!(accepted.states.is_empty(), "{:#?}", accepted.states);
}
