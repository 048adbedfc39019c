//! Readable ids unique in the target project: `a-sergey-lavrov`, `ev-us-russia-talks-in-miami`,
//! `-2` appended when taken (the style of the app's forms).

use std::collections::HashSet;

use crate::geo::fold;
use crate::model::Project;

pub(super) struct Ids<'p> {
    /// The project's ids, borrowed: a project of a million events is not copied.
    taken: HashSet<&'p str>,
    added: HashSet<String>,
}

impl<'p> Ids<'p> {
    /// Every id of `project`, of every kind.
    pub(super) fn of(project: &'p Project) -> Self {
        let p = project;
        let mut taken: HashSet<&'p str> = HashSet::with_capacity(p.events.len() + p.claims.len());
        taken.extend(p.tags.iter().map(|x| x.id.as_str()));
        taken.extend(p.periods.iter().map(|x| x.id.as_str()));
        taken.extend(p.sources.iter().map(|x| x.id.as_str()));
        taken.extend(p.claims.iter().map(|x| x.id.as_str()));
        taken.extend(p.actors.iter().map(|x| x.id.as_str()));
        taken.extend(p.memberships.iter().map(|x| x.id.as_str()));
        taken.extend(p.locations.iter().map(|x| x.id.as_str()));
        taken.extend(p.issues.iter().map(|x| x.id.as_str()));
        taken.extend(p.positions.iter().map(|x| x.id.as_str()));
        taken.extend(p.events.iter().map(|x| x.id.as_str()));
        Self {
            taken,
            added: HashSet::new(),
        }
    }

    /// `prefix-first-five-words-of-name`, folded to ASCII, with `-2`, `-3`… when taken.
    pub(super) fn fresh(&mut self, prefix: &str, name: &str) -> String {
        let folded = fold(name);
        let slug: Vec<&str> = folded
            .split(' ')
            .filter(|w| !w.is_empty())
            .take(5)
            .collect();
        let base = if slug.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}-{}", slug.join("-"))
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(id.as_str()) || self.added.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.added.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_readable_and_unique_in_the_project() {
        let sample = crate::io::sample_project().expect("the sample loads");
        let mut ids = Ids::of(&sample);
        assert_eq!(ids.fresh("a", "Sergey Lavrov"), "a-sergey-lavrov");
        assert_eq!(ids.fresh("a", "Sergey Lavrov"), "a-sergey-lavrov-2");
        assert_eq!(ids.fresh("l", "Miami"), "l-miami-2");
        assert_eq!(
            ids.fresh("ev", "US–Russia talks in Miami"),
            "ev-us-russia-talks-in-miami"
        );
        assert_eq!(ids.fresh("i", "—"), "i");
    }
}
