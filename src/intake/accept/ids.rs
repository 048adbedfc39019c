//! Readable ids unique in the target project: `a-sergey-lavrov`, `ev-us-russia-talks-in-miami`,
//! `-2` appended when taken (the style of the app's forms).

use std::collections::HashSet;

use crate::geo::fold;
use crate::model::Project;

pub(super) struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// Every id of `project`, of every kind.
    pub(super) fn of(project: &Project) -> Self {
        let mut taken = HashSet::new();
        let p = project;
        taken.extend(p.tags.iter().map(|x| x.id.as_str().to_owned()));
        taken.extend(p.periods.iter().map(|x| x.id.as_str().to_owned()));
        taken.extend(p.sources.iter().map(|x| x.id.as_str().to_owned()));
        taken.extend(p.claims.iter().map(|x| x.id.as_str().to_owned()));
        taken.extend(p.actors.iter().map(|x| x.id.as_str().to_owned()));
        taken.extend(p.memberships.iter().map(|x| x.id.as_str().to_owned()));
        taken.extend(p.locations.iter().map(|x| x.id.as_str().to_owned()));
        taken.extend(p.issues.iter().map(|x| x.id.as_str().to_owned()));
        taken.extend(p.positions.iter().map(|x| x.id.as_str().to_owned()));
        taken.extend(p.events.iter().map(|x| x.id.to_string()));
        Self { taken }
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
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
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
