//! Actors as a tree: people under the delegations they belong to, delegations and
//! organisations under their states.

use std::collections::{HashMap, HashSet};

use crate::model::{ActorKind, Id, MembershipKind, Project};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorNode {
    pub actor: Id,
    pub children: Vec<ActorNode>,
}

/// The parent of each actor: its affiliation, or for a person the delegation or body it is a
/// member of (a `member` membership), so that "Witkoff" sits under "US delegation".
fn parent_of(project: &Project) -> HashMap<Id, Id> {
    let mut parent = HashMap::new();
    for actor in &project.actors {
        if let Some(aff) = actor.affiliation {
            parent.insert(actor.id, aff);
        }
    }
    let lookup = project.lookup();
    for m in &project.memberships {
        let is_body = lookup
            .actor(project, m.organisation)
            .is_some_and(|o| matches!(o.kind, ActorKind::Delegation | ActorKind::Organisation));
        if m.kind == MembershipKind::Member && is_body {
            parent.entry(m.member).or_insert(m.organisation);
        }
    }
    parent
}

/// The forest of `project`'s actors that `include` accepts (by position in `actors`), in
/// project order. An included actor whose parent is excluded moves up to the nearest
/// included ancestor, or to the root. Cycles are broken at the root.
pub fn actor_tree(project: &Project, include: &[bool]) -> Vec<ActorNode> {
    let parent = parent_of(project);
    let included: HashSet<Id> = project
        .actors
        .iter()
        .enumerate()
        .filter(|(i, _)| include.get(*i).copied().unwrap_or(true))
        .map(|(_, a)| a.id)
        .collect();
    let visible_parent = |id: Id| -> Option<Id> {
        let mut seen = HashSet::new();
        let mut current = parent.get(&id).copied();
        while let Some(p) = current {
            if !seen.insert(p) || p == id {
                return None;
            }
            if included.contains(&p) {
                return Some(p);
            }
            current = parent.get(&p).copied();
        }
        None
    };
    let mut children: HashMap<Id, Vec<Id>> = HashMap::new();
    let mut roots = Vec::new();
    for actor in project.actors.iter().filter(|a| included.contains(&a.id)) {
        match visible_parent(actor.id) {
            Some(p) => children.entry(p).or_default().push(actor.id),
            None => roots.push(actor.id),
        }
    }
    roots.into_iter().map(|r| build(r, &children, 0)).collect()
}

fn build(id: Id, children: &HashMap<Id, Vec<Id>>, depth: usize) -> ActorNode {
    // Depth is bounded by the number of actors; 64 levels is more than any hierarchy.
    let kids = if depth > 64 {
        Vec::new()
    } else {
        children.get(&id).map_or_else(Vec::new, |c| {
            c.iter().map(|&k| build(k, children, depth + 1)).collect()
        })
    };
    ActorNode {
        actor: id,
        children: kids,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;

    fn find<'a>(nodes: &'a [ActorNode], id: &str) -> Option<&'a ActorNode> {
        nodes.iter().find_map(|n| {
            if n.actor == Id::new(id) {
                Some(n)
            } else {
                find(&n.children, id)
            }
        })
    }

    #[test]
    fn people_under_delegations_under_states() {
        let p = sample_project().unwrap();
        let tree = actor_tree(&p, &[]);
        let us = tree.iter().find(|n| n.actor == Id::new("a-us")).unwrap();
        let delegation = us
            .children
            .iter()
            .find(|n| n.actor == Id::new("a-us-delegation"))
            .unwrap();
        let members: Vec<&str> = delegation
            .children
            .iter()
            .map(|n| n.actor.as_str())
            .collect();
        assert_eq!(members, ["a-witkoff", "a-kushner"]);
        assert!(find(&tree, "a-dmitriev").is_some());
        assert!(
            tree.iter().any(|n| n.actor == Id::new("a-zelenskyy")),
            "no member ties: a root"
        );
    }

    #[test]
    fn excluded_parents_lift_their_children() {
        let p = sample_project().unwrap();
        let without = |ids: &[&str]| -> Vec<bool> {
            p.actors
                .iter()
                .map(|a| !ids.contains(&a.id.as_str()))
                .collect()
        };
        let tree = actor_tree(&p, &without(&["a-us-delegation"]));
        let us = tree.iter().find(|n| n.actor == Id::new("a-us")).unwrap();
        // Witkoff moves up to the delegation's state.
        assert!(us.children.iter().any(|n| n.actor == Id::new("a-witkoff")));
        assert!(find(&tree, "a-us-delegation").is_none());
        // With the state excluded too, he is a root.
        let tree = actor_tree(&p, &without(&["a-us-delegation", "a-us"]));
        assert!(tree.iter().any(|n| n.actor == Id::new("a-witkoff")));
    }
}
