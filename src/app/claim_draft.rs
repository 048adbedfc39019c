//! A new claim as the event form drafts it: the quotation, where it was read (a source of
//! the project, or a new one described in place), its grade and its publication date. Made
//! into one edit: the new source, the claim and its citation by the event are one undo step.

use super::edit::{Change, Edit, ListChange};
use super::edits::{quoted, replace_event, unique_id};
use crate::model::{
    Claim, Credibility, DateSpec, GradingScheme, Id, Project, Reliability, Source, SourceKind,
};

/// A source described in the claim form, added with the claim.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSource {
    pub name: String,
    pub kind: SourceKind,
    /// `None` until the analyst grades the outlet: no grade is assumed for them.
    pub reliability: Option<Reliability>,
    pub url: String,
}

impl Default for NewSource {
    fn default() -> Self {
        Self {
            name: String::new(),
            kind: SourceKind::Newspaper,
            reliability: None,
            url: String::new(),
        }
    }
}

/// Where the quotation was read.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SourceChoice {
    #[default]
    None,
    Existing(Id),
    New(NewSource),
}

/// "Paste a quotation, say where it was read, grade it": a claim being drafted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClaimDraft {
    pub excerpt: String,
    pub source: SourceChoice,
    /// `None` until the analyst grades the claim: 6 ("cannot be judged") is a grade too, not
    /// a default.
    pub credibility: Option<Credibility>,
    pub published: Option<DateSpec>,
}

/// What the draft still needs, in the order the form asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Excerpt,
    Source,
    SourceName,
    Reliability,
    Credibility,
}

impl Missing {
    pub fn text(self) -> &'static str {
        match self {
            Self::Excerpt => "the quotation",
            Self::Source => "where it was read",
            Self::SourceName => "the new source's name",
            Self::Reliability => "the new source's reliability (A–F)",
            Self::Credibility => "the claim's credibility (1–6)",
        }
    }
}

/// "Still needed: the quotation, where it was read and the claim's credibility (1–6)."
pub fn missing_text(missing: &[Missing]) -> Option<String> {
    let texts: Vec<&str> = missing.iter().map(|m| m.text()).collect();
    let list = match texts.as_slice() {
        [] => return None,
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    Some(format!("Still needed: {list}."))
}

impl ClaimDraft {
    /// What is missing before the claim can be made (empty when it can).
    pub fn missing(&self) -> Vec<Missing> {
        let mut out = Vec::new();
        if self.excerpt.trim().is_empty() {
            out.push(Missing::Excerpt);
        }
        match &self.source {
            SourceChoice::None => out.push(Missing::Source),
            SourceChoice::Existing(_) => {}
            SourceChoice::New(s) => {
                if s.name.trim().is_empty() {
                    out.push(Missing::SourceName);
                }
                if s.reliability.is_none() {
                    out.push(Missing::Reliability);
                }
            }
        }
        if self.credibility.is_none() {
            out.push(Missing::Credibility);
        }
        out
    }
}

/// The date a new claim from `source` is published on, until the analyst says otherwise:
/// the latest publication date of that source's claims (a report read alongside the
/// source's last one is most often of the same day), else `today`. Without the wording of
/// that other claim: the words were about it.
pub fn default_published(project: &Project, source: Option<Id>, today: &DateSpec) -> DateSpec {
    let latest = source.and_then(|source| {
        project
            .claims
            .iter()
            .filter(|c| c.source == source)
            .filter_map(|c| c.published.as_ref())
            .filter_map(|d| d.bounds().ok().map(|b| (b.latest_secs, d)))
            .max_by_key(|(secs, _)| *secs)
            .map(|(_, d)| d.clone())
    });
    let mut date = latest.unwrap_or_else(|| today.clone());
    date.set_wording(None);
    date
}

/// The claim drafted, made and cited by the event at `index`, with its new source if it has
/// one: one edit, so one undo step. `None` while something is missing (see
/// [`ClaimDraft::missing`]) or when there is no such event.
pub fn cite_new_claim(project: &Project, index: usize, draft: &ClaimDraft) -> Option<Edit> {
    if !draft.missing().is_empty() {
        return None;
    }
    let event = project.events.get(index)?;
    let credibility = draft.credibility?;
    let mut changes = Vec::new();
    let source = match &draft.source {
        SourceChoice::None => return None,
        SourceChoice::Existing(id) => project.lookup().source(project, *id)?.id,
        SourceChoice::New(new) => {
            let name = new.name.trim();
            let url = new.url.trim();
            let source = Source {
                id: Id::new(&unique_id(project, "src", name)),
                name: name.to_owned(),
                kind: new.kind,
                actor: None,
                country: None,
                url: (!url.is_empty()).then(|| url.to_owned()),
                reliability: new.reliability?,
                scheme: GradingScheme::Admiralty,
                note: String::new(),
            };
            let id = source.id;
            changes.push(Change::Source(ListChange::insert(
                project.sources.len(),
                source,
            )));
            id
        }
    };
    let excerpt = draft.excerpt.trim();
    let claim = Claim {
        // Named by its words, as the analyst knows it; the id only has to be readable.
        id: Id::new(&unique_id(project, "c", excerpt)),
        source,
        excerpt: excerpt.into(),
        context_before: arcstr::ArcStr::default(),
        context_after: arcstr::ArcStr::default(),
        attribution: Vec::new(),
        published: draft.published.clone(),
        url: None,
        credibility,
        note: arcstr::ArcStr::default(),
    };
    let mut cited = event.clone();
    cited.cite(claim.id);
    changes.push(Change::Claim(ListChange::insert(
        project.claims.len(),
        claim,
    )));
    changes.extend(replace_event(project, index, cited, "")?.changes);
    let label = match &draft.source {
        SourceChoice::New(new) => format!(
            "add a claim from new source {} to {}",
            quoted(new.name.trim()),
            quoted(&event.title)
        ),
        _ => format!("add a claim to {}", quoted(&event.title)),
    };
    Some(Edit::new(label, changes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample_project;
    use crate::model::validate;

    const EXCERPT: &str = "Witkoff and Kushner met Umerov in Miami on Friday morning.";

    fn umerov(p: &Project) -> usize {
        p.events
            .iter()
            .position(|e| e.id == "ev-umerov-us-meeting")
            .unwrap()
    }

    fn herald_draft() -> ClaimDraft {
        ClaimDraft {
            excerpt: format!("  {EXCERPT} "),
            source: SourceChoice::New(NewSource {
                name: " Miami Herald ".into(),
                kind: SourceKind::Newspaper,
                reliability: Some(Reliability::B),
                url: "https://www.miamiherald.com/".into(),
            }),
            credibility: Credibility::new(2),
            published: DateSpec::parse("2025-12-19").ok(),
        }
    }

    #[test]
    fn a_claim_from_a_new_source_is_one_undo_step() {
        let p = sample_project().unwrap();
        let index = umerov(&p);
        let edit = cite_new_claim(&p, index, &herald_draft()).unwrap();
        assert_eq!(
            edit.label,
            "add a claim from new source ‘Miami Herald’ to ‘Umerov meets members of the US d…’"
        );
        let mut q = p.clone();
        edit.apply(&mut q).unwrap();
        assert!(validate(&q).is_empty(), "{:?}", validate(&q));
        let source = q.sources.last().unwrap();
        assert_eq!(source.id.as_str(), "src-miami-herald");
        assert_eq!(source.name, "Miami Herald");
        assert_eq!(source.reliability, Reliability::B);
        assert_eq!(source.url.as_deref(), Some("https://www.miamiherald.com/"));
        let claim = q.claims.last().unwrap();
        assert_eq!(&*claim.excerpt, EXCERPT);
        assert_eq!(claim.source, source.id);
        assert_eq!(claim.credibility.value(), 2);
        assert_eq!(claim.published.as_ref().unwrap().edtf_text(), "2025-12-19");
        assert!(q.events[index].own_claim_ids().any(|c| c == claim.id));
        edit.inverse().apply(&mut q).unwrap();
        assert_eq!(q, p);
    }

    #[test]
    fn a_claim_from_an_existing_source_adds_no_source() {
        let p = sample_project().unwrap();
        let draft = ClaimDraft {
            source: SourceChoice::Existing(Id::new("src-xinhua")),
            ..herald_draft()
        };
        let mut q = p.clone();
        cite_new_claim(&p, 0, &draft)
            .unwrap()
            .apply(&mut q)
            .unwrap();
        assert_eq!(q.sources, p.sources);
        assert_eq!(q.claims.len(), p.claims.len() + 1);
        assert!(validate(&q).is_empty());
    }

    #[test]
    fn nothing_is_made_while_the_grade_or_the_source_is_missing() {
        let p = sample_project().unwrap();
        let ungraded = ClaimDraft {
            credibility: None,
            ..herald_draft()
        };
        assert_eq!(ungraded.missing(), [Missing::Credibility]);
        assert!(cite_new_claim(&p, 0, &ungraded).is_none());
        let unnamed = ClaimDraft {
            source: SourceChoice::New(NewSource::default()),
            ..herald_draft()
        };
        assert_eq!(
            unnamed.missing(),
            [Missing::SourceName, Missing::Reliability]
        );
        assert!(cite_new_claim(&p, 0, &unnamed).is_none());
        assert_eq!(
            ClaimDraft::default().missing(),
            [Missing::Excerpt, Missing::Source, Missing::Credibility]
        );
        assert!(cite_new_claim(&p, 999, &herald_draft()).is_none());
        assert_eq!(
            missing_text(&ClaimDraft::default().missing()).unwrap(),
            "Still needed: the quotation, where it was read and the claim's credibility (1–6)."
        );
        assert_eq!(missing_text(&[]), None);
    }

    #[test]
    fn the_published_date_defaults_to_the_source_s_last_one_then_today() {
        let p = sample_project().unwrap();
        let today = DateSpec::parse("2026-01-05").unwrap();
        let xinhua = default_published(&p, Some(Id::new("src-xinhua")), &today);
        assert_eq!(xinhua.edtf_text(), "2025-12-18");
        assert_eq!(xinhua.wording(), None);
        assert_eq!(default_published(&p, None, &today), today);
        assert_eq!(
            default_published(&p, Some(Id::new("src-nowhere")), &today),
            today
        );
    }
}
