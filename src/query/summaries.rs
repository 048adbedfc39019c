//! Short summaries of an entity that several views show (the panels' tables and the details
//! view): an actor's roles in words, the best grade among some claims. Here, not in a view
//! file, because they are plain questions asked of the project and are tested without a
//! window.

use crate::model::{Actor, Credibility, Id, Lookup, Project, Reliability};

/// "special envoy of Donald Trump; head of delegation of US delegation (likely)": the actor's
/// memberships, each hedged by its certainty unless stated; empty without memberships.
pub fn roles_text(project: &Project, lookup: &Lookup, actor: &Actor) -> String {
    let parts: Vec<String> = project
        .memberships
        .iter()
        .filter(|m| m.member == actor.id)
        .map(|m| {
            let of = lookup.name_of(project, m.organisation);
            let hedge = if m.certainty.is_stated() {
                String::new()
            } else {
                format!(" ({})", m.certainty.label())
            };
            format!("{} of {of}{hedge}", m.role)
        })
        .collect();
    parts.join("; ")
}

/// The best grade among some claims, as text ("C2") with its reliability (for the badge's
/// colour) and credibility; `None` when no claim (or no claim's source) is found.
pub fn best_grade(
    project: &Project,
    lookup: &Lookup,
    claims: &[Id],
) -> Option<(String, Reliability, Credibility)> {
    claims
        .iter()
        .filter_map(|&c| {
            let claim = lookup.claim(project, c)?;
            let source = lookup.source(project, claim.source)?;
            Some((source.reliability, claim.credibility))
        })
        .min()
        .map(|(r, c)| (format!("{}{}", r.letter(), c), r, c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;

    #[test]
    fn roles_are_each_membership_hedged_unless_stated() {
        let project = sample_project().unwrap();
        let lookup = project.lookup();
        let actor = |id: &str| project.actors.iter().find(|a| a.id == Id::new(id)).unwrap();
        assert_eq!(
            roles_text(&project, &lookup, actor("a-witkoff")),
            "special envoy of Donald Trump; head of delegation of US delegation (likely)"
        );
        assert_eq!(
            roles_text(&project, &lookup, actor("a-trump")),
            "President of United States"
        );
        assert_eq!(roles_text(&project, &lookup, actor("a-us")), "");
    }

    #[test]
    fn the_best_grade_is_the_most_reliable_then_most_credible() {
        let project = sample_project().unwrap();
        let lookup = project.lookup();
        let ids = |names: &[&str]| names.iter().map(|n| Id::new(n)).collect::<Vec<_>>();
        // Both from Xinhua (C): credibility 3 and 2; the better is C2.
        let (text, reliability, credibility) =
            best_grade(&project, &lookup, &ids(&["c-headline", "c-zelenskyy-nato"])).unwrap();
        assert_eq!(text, "C2");
        assert_eq!(reliability, Reliability::C);
        assert_eq!(credibility.value(), 2);
        assert_eq!(best_grade(&project, &lookup, &[]), None);
        assert_eq!(
            best_grade(&project, &lookup, &ids(&["c-no-such-claim"])),
            None
        );
    }
}
