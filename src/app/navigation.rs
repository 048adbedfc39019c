//! Back and forward through what the analyst looked at, as a browser does.

use super::Selection;

/// Earlier and later selections. Only selections made by navigating (clicking a link, a row,
/// an item) enter the history; clearing the selection does not.
#[derive(Clone, Debug, Default)]
pub struct History {
    back: Vec<Selection>,
    forward: Vec<Selection>,
}

/// Enough to retrace a morning's reading; beyond it the oldest steps go.
const MAX_STEPS: usize = 200;

impl History {
    /// Records that the selection is about to change from `current` to something new.
    pub fn visit(&mut self, current: &Selection) {
        if current.is_empty() || self.back.last() == Some(current) {
            self.forward.clear();
            return;
        }
        self.back.push(current.clone());
        if self.back.len() > MAX_STEPS {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// The selection to go back to, given the current one.
    pub fn back(&mut self, current: &Selection) -> Option<Selection> {
        let previous = self.back.pop()?;
        self.forward.push(current.clone());
        Some(previous)
    }

    pub fn forward(&mut self, current: &Selection) -> Option<Selection> {
        let next = self.forward.pop()?;
        self.back.push(current.clone());
        Some(next)
    }

    pub fn clear(&mut self) {
        self.back.clear();
        self.forward.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Selected;
    use crate::model::Id;

    fn sel(id: &str) -> Selection {
        let mut s = Selection::default();
        s.set(Selected::Actor(Id::new(id)));
        s
    }

    #[test]
    fn back_and_forward_retrace_the_visits() {
        let mut h = History::default();
        let (a, b, c) = (sel("a"), sel("b"), sel("c"));
        h.visit(&a); // a → b
        h.visit(&b); // b → c
        assert_eq!(h.back(&c), Some(b.clone()));
        assert_eq!(h.back(&b), Some(a.clone()));
        assert!(!h.can_go_back());
        assert_eq!(h.forward(&a), Some(b.clone()));
        assert_eq!(h.forward(&b), Some(c.clone()));
        assert!(!h.can_go_forward());
        // A new visit after going back drops the forward steps.
        h.back(&c);
        h.visit(&b);
        assert!(!h.can_go_forward());
    }
}
