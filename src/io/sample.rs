//! The sample project compiled into the binary: the seed report of 18 December 2025.

use super::LoadError;
use crate::model::Project;

/// The sample's text, as shipped in `assets/`.
pub const SAMPLE_RON: &str = include_str!("../../assets/sample.detente.ron");

/// What the sample is called in titles and messages.
pub const SAMPLE_NAME: &str = "sample project";

/// Loads the embedded sample. It is validated like any file; a test keeps it valid.
pub fn sample_project() -> Result<Project, LoadError> {
    super::load_project_str(SAMPLE_RON, SAMPLE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventStatus, Id, Lookup, Stance};

    #[test]
    fn sample_loads_and_saves_byte_for_byte() {
        let project = sample_project().unwrap();
        assert_eq!(crate::io::to_ron_string(&project).unwrap(), SAMPLE_RON);
    }

    /// The sample as it shipped in format version 1, before reported states.
    const SAMPLE_V1: &str = include_str!("../../tests/fixtures/sample-v1.detente.ron");

    #[test]
    fn the_version_1_sample_migrates_to_the_shipped_one() {
        let loaded = crate::io::load_project_bytes_upgraded(
            SAMPLE_V1.as_bytes(),
            "sample-v1",
            &crate::io::CancelToken::default(),
        )
        .unwrap();
        assert_eq!(loaded.upgraded_from, Some(1));
        let p = loaded.project;
        assert_eq!(p, sample_project().unwrap());
        // Every event cites the report of the 18th, so each has that one state, and it says
        // what the event says.
        for e in &p.events {
            assert_eq!(e.reported.len(), 1, "{}", e.id);
            let state = &e.reported[0];
            assert_eq!(state.date.as_ref(), Some(&e.date));
            assert_eq!(state.status, Some(e.status));
            assert_eq!(state.recorded, None);
        }
        let miami = p.events.iter().find(|e| e.id == "ev-miami-talks").unwrap();
        let state = &miami.reported[0];
        let claims: Vec<&str> = state.claims.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            claims,
            [
                "c-headline",
                "c-miami-talks-expected",
                "c-subject-to-change",
                "c-brief-russians",
                "c-remaining-issues",
                "c-us-delegation-led",
                "c-russian-side",
            ]
        );
        assert_eq!(state.status, Some(EventStatus::Expected));
        assert_eq!(
            state.date.as_ref().and_then(|d| d.wording()),
            Some("this weekend")
        );
        let who: Vec<&str> = state
            .participants
            .iter()
            .flatten()
            .map(|x| x.actor.as_str())
            .collect();
        assert_eq!(
            who,
            [
                "a-us-delegation",
                "a-witkoff",
                "a-kushner",
                "a-russian-delegation",
                "a-dmitriev"
            ]
        );
        let umerov = p
            .events
            .iter()
            .find(|e| e.id == "ev-umerov-us-meeting")
            .unwrap();
        assert_eq!(
            umerov.reported[0].place_wording.as_deref(),
            Some("in Miami or elsewhere in the United States")
        );
        assert_eq!(
            umerov.reported[0].places.as_deref(),
            Some(&umerov.places[..])
        );
    }

    #[test]
    fn sample_models_the_seed_report() {
        let p = sample_project().unwrap();
        let lookup = Lookup::new(&p);
        let names: Vec<&str> = p.actors.iter().map(|a| a.name.as_str()).collect();
        for who in [
            "Steve Witkoff",
            "Jared Kushner",
            "Donald Trump",
            "Kirill Dmitriev",
            "Vladimir Putin",
            "Rustem Umerov",
            "Volodymyr Zelenskyy",
            "Politico",
            "Xinhua",
            "Ukrinform",
            "NATO",
        ] {
            assert!(names.contains(&who), "{who} missing");
        }
        let places: Vec<&str> = p.locations.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(places, ["Miami", "Berlin", "United States"]);

        let event = |id: &str| p.events.iter().find(|e| e.id == id).unwrap();
        let berlin = event("ev-berlin-talks");
        assert_eq!(berlin.status, EventStatus::Held);
        assert_eq!(berlin.date.edtf_text(), "2025-12-13/2025-12-14");
        assert_eq!(berlin.date.wording(), Some("last weekend"));
        let miami = event("ev-miami-talks");
        assert_eq!(miami.status, EventStatus::Expected);
        assert_eq!(miami.date.edtf_text(), "2025-12-20/2025-12-21");
        assert_eq!(miami.date.wording(), Some("this weekend"));
        let umerov = event("ev-umerov-us-meeting");
        assert!(umerov.places.iter().all(|pl| pl.candidate));
        assert_eq!(umerov.places.len(), 2);

        // Witkoff is special envoy *of Trump*, as a dated membership.
        let envoy = p
            .memberships
            .iter()
            .find(|m| m.id == Id::new("m-witkoff-envoy"))
            .unwrap();
        assert_eq!(lookup.name_of(&p, envoy.organisation), "Donald Trump");
        assert_eq!(envoy.role, "special envoy");

        let nato = p
            .positions
            .iter()
            .find(|x| x.id == Id::new("p-zelenskyy-nato"))
            .unwrap();
        assert_eq!(nato.stance, Stance::Conditional);
        assert!(nato.conditions.contains("security guarantees"));
    }

    #[test]
    fn every_event_participation_and_position_cites_the_report() {
        let p = sample_project().unwrap();
        let lookup = Lookup::new(&p);
        for e in &p.events {
            assert!(!e.claims.is_empty(), "event {} cites nothing", e.id);
            for part in &e.participants {
                assert!(
                    e.claims_about(part.actor).next().is_some() || e.own_claim_ids().count() > 1,
                    "{} in {}",
                    part.actor,
                    e.id
                );
            }
        }
        for x in &p.positions {
            assert!(!x.claims.is_empty(), "position {} cites nothing", x.id);
        }
        for c in &p.claims {
            let last = c.attribution.last().and_then(|s| s.actor).unwrap();
            assert_eq!(
                lookup.name_of(&p, last),
                "Xinhua",
                "claim {} does not end at Xinhua",
                c.id
            );
            assert_eq!(lookup.source(&p, c.source).unwrap().name, "Xinhua");
            assert!(crate::io::SAMPLE_RON.contains(&*c.excerpt));
        }
        // The Berlin claim's chain is officials → Politico → Xinhua.
        let berlin = lookup.claim(&p, Id::new("c-berlin-90-percent")).unwrap();
        let chain: Vec<&str> = berlin
            .attribution
            .iter()
            .map(|s| lookup.name_of(&p, s.actor.unwrap()))
            .collect();
        assert_eq!(chain, ["Trump administration", "Politico", "Xinhua"]);
    }

    #[test]
    fn excerpts_are_exact_quotes_from_the_seed() {
        // The seed lives beside the repository; the check runs where it is present.
        let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/seed/000_e8d061976f8568e9.txt");
        let Ok(text) = std::fs::read_to_string(seed) else {
            return;
        };
        let p = sample_project().unwrap();
        for c in &p.claims {
            assert!(
                text.contains(&*c.excerpt),
                "claim {} is not verbatim: {}",
                c.id,
                c.excerpt
            );
        }
    }
}
