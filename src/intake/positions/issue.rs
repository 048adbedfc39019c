//! What a position is about: an issue of the word lists, matched to the project's issues by
//! name or words, or a new issue named from the stance's object.

use crate::geo::fold;
use crate::intake::IssueRef;
use crate::model::Project;

use super::rules::{Rules, find_phrase};

/// The issue of a stance whose object is `object_lower` (ASCII lower case; `object_text` is
/// the same bytes as written). A relative clause's antecedent (`antecedent_lower`, empty when
/// there is none) is read next, and without issue words of its own it refers back to the
/// sentence's previous position (`previous`).
pub(super) fn issue_of(
    object_lower: &str,
    antecedent_lower: &str,
    previous: Option<&IssueRef>,
    object_text: &str,
    project: &Project,
    rules: &Rules,
) -> Option<IssueRef> {
    if let Some(name) = listed_issue(object_lower, rules) {
        return Some(matched(name, project));
    }
    if !antecedent_lower.is_empty() {
        if let Some(name) = listed_issue(antecedent_lower, rules) {
            return Some(matched(name, project));
        }
        if let Some(previous) = previous {
            return Some(previous.clone());
        }
    }
    if let Some(issue) = project_issue_in(object_lower, project) {
        return Some(issue);
    }
    new_name(object_text, rules).map(|name| matched(&name, project))
}

/// The issue of a noun phrase ("20-point draft peace plan"): a listed issue, the project's
/// issue whose words it holds, or a new issue of that name.
pub(super) fn issue_of_phrase(phrase: &str, project: &Project, rules: &Rules) -> IssueRef {
    match listed_issue(&phrase.to_ascii_lowercase(), rules) {
        Some(name) => matched(name, project),
        None => matched(phrase.trim(), project),
    }
}

/// The listed issue whose words come first in `lower` (the longer words at a tie).
fn listed_issue<'r>(lower: &str, rules: &'r Rules) -> Option<&'r str> {
    rules
        .issues
        .iter()
        .flat_map(|issue| {
            issue.words.iter().filter_map(move |w| {
                find_phrase(lower, w)
                    .first()
                    .map(|&(start, end)| (start, std::cmp::Reverse(end), issue.name.as_str()))
            })
        })
        .min()
        .map(|(_, _, name)| name)
}

/// `name` as the project's issue of that name, or whose words it holds or are all in it
/// ("security guarantees" and "Western security guarantees"); else a new issue.
fn matched(name: &str, project: &Project) -> IssueRef {
    let key = fold(name);
    let words: Vec<&str> = key.split(' ').collect();
    let found = project
        .issues
        .iter()
        .find(|i| fold(&i.name) == key)
        .or_else(|| {
            project.issues.iter().find(|i| {
                let theirs = fold(&i.name);
                let theirs: Vec<&str> = theirs.split(' ').collect();
                !theirs.is_empty()
                    && !words.is_empty()
                    && (theirs.iter().all(|w| words.contains(w))
                        || words.iter().all(|w| theirs.contains(w)))
            })
        });
    match found {
        Some(issue) => IssueRef {
            name: issue.name.clone(),
            known: Some(issue.id),
        },
        None => IssueRef {
            name: name.to_owned(),
            known: None,
        },
    }
}

/// The project's issue all of whose words are in the object.
fn project_issue_in(object_lower: &str, project: &Project) -> Option<IssueRef> {
    let object = fold(object_lower);
    let words: Vec<&str> = object.split(' ').collect();
    project
        .issues
        .iter()
        .find(|i| {
            let theirs = fold(&i.name);
            !theirs.is_empty() && theirs.split(' ').all(|w| words.contains(&w))
        })
        .map(|issue| IssueRef {
            name: issue.name.clone(),
            known: Some(issue.id),
        })
}

/// A short name from the object's first words: determiners skipped, and the verb of an
/// infinitive or a gerund ("to commit to a timetable" → "timetable", "hosting a follow-up
/// round" → "follow-up round"); up to four words, ending at the next determiner ("the
/// proposal of the envoys" → "proposal").
fn new_name(object_text: &str, rules: &Rules) -> Option<String> {
    let is_determiner = |w: &str| {
        rules
            .determiners
            .iter()
            .any(|d| d == &w.to_ascii_lowercase())
    };
    let mut words = Vec::new();
    let mut after_to = false;
    for word in object_text.split_whitespace() {
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if clean.is_empty() {
            continue;
        }
        if words.is_empty() {
            let lower = clean.to_ascii_lowercase();
            // An infinitive's verb and its adverbs ("to formally extend"), or a gerund.
            let verb = after_to || lower.ends_with("ing");
            after_to = lower == "to" || (after_to && lower.ends_with("ly"));
            if after_to || verb {
                continue;
            }
        }
        if is_determiner(clean) {
            if words.is_empty() {
                continue;
            }
            break;
        }
        words.push(clean);
        // Four words name an issue; more is a description.
        if words.len() == 4 || clean.len() != word.len() {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::super::rules::rules;
    use super::*;
    use crate::model::{Id, Issue};

    #[test]
    fn the_first_listed_words_decide_the_issue() {
        let r = rules();
        let object = "assurances comparable to those provided to nato members";
        assert_eq!(listed_issue(object, r), Some("security guarantees"));
        assert_eq!(
            listed_issue("suspending its bid to join nato", r),
            Some("NATO membership")
        );
    }

    #[test]
    fn project_issues_match_by_their_words() {
        let mut project = Project::default();
        project.issues.push(Issue {
            id: Id::new("i-plan"),
            name: "20-point peace plan".to_owned(),
            description: String::new(),
        });
        let issue = issue_of_phrase("20-point draft peace plan", &project, rules());
        assert_eq!(issue.known, Some(Id::new("i-plan")));
        let new = issue_of(
            "the proposal of the envoys",
            "",
            None,
            "the proposal of the envoys",
            &project,
            rules(),
        )
        .expect("an issue");
        assert_eq!((new.name.as_str(), new.known), ("proposal", None));
    }
}
