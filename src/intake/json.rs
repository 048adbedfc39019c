//! The `detente intake --json` shape, which scripts and tests read. Offsets are in Unicode
//! code points from the start of the text, `end` exclusive; every key is present (a missing
//! value is `null`, a list may be empty).
//!
//! ```text
//! {"published": "2025-12-18",
//!  "dates":  [{"start": 123, "end": 135, "text": "this weekend", "edtf": "2025-12-20/2025-12-21"}],
//!  "events": [{"title": "…", "edtf": "…", "wording": "this weekend", "status": "expected",
//!              "participants": ["Steve Witkoff"], "places": ["Miami"], "claims": [0, 2]}],
//!  "claims": [{"start": 0, "end": 210, "excerpt": "…",
//!              "attribution": [{"name": "Politico", "verb": "reported"}]}],
//!  "positions": [{"holder": "…", "issue": "NATO membership", "stance": "conditional", "claims": [9]}]}
//! ```

use serde::Serialize;

use super::{Article, Proposals, Span};

#[derive(Serialize)]
struct Output<'a> {
    published: String,
    dates: Vec<DateOut<'a>>,
    events: Vec<EventOut<'a>>,
    claims: Vec<ClaimOut<'a>>,
    positions: Vec<PositionOut<'a>>,
}

#[derive(Serialize)]
struct DateOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    edtf: &'a str,
}

#[derive(Serialize)]
struct EventOut<'a> {
    title: &'a str,
    edtf: Option<&'a str>,
    wording: Option<&'a str>,
    status: &'static str,
    participants: Vec<&'a str>,
    places: Vec<&'a str>,
    claims: &'a [usize],
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    start: usize,
    end: usize,
    excerpt: &'a str,
    attribution: Vec<StepOut<'a>>,
}

#[derive(Serialize)]
struct StepOut<'a> {
    name: &'a str,
    verb: &'a str,
}

#[derive(Serialize)]
struct PositionOut<'a> {
    holder: &'a str,
    issue: &'a str,
    stance: &'static str,
    claims: &'a [usize],
}

/// Byte offsets to code points, by binary search in the characters' byte starts (the text
/// is walked once, not once per offset).
struct CodePoints {
    starts: Vec<usize>,
}

impl CodePoints {
    fn new(text: &str) -> Self {
        Self {
            starts: text.char_indices().map(|(i, _)| i).collect(),
        }
    }

    /// As [`super::text::code_points_before`]: the characters that begin before `offset`.
    fn before(&self, offset: usize) -> usize {
        self.starts.partition_point(|&i| i < offset)
    }

    fn span(&self, span: Span) -> (usize, usize) {
        (self.before(span.start), self.before(span.end))
    }
}

/// The proposals of `article` as the `--json` value (its objects' keys sorted).
pub fn to_value(article: &Article, proposals: &Proposals) -> serde_json::Value {
    // Plain structs of strings and numbers always serialise.
    serde_json::to_value(output(article, proposals)).unwrap_or(serde_json::Value::Null)
}

/// The `--json` text: one line, the keys in the issue's order (published, dates, events,
/// claims, positions), which a `Value` would sort.
pub fn to_json(article: &Article, proposals: &Proposals) -> String {
    serde_json::to_string(&output(article, proposals)).unwrap_or_default()
}

fn output<'a>(article: &'a Article, proposals: &'a Proposals) -> Output<'a> {
    let text = article.text.as_str();
    let points = CodePoints::new(text);
    Output {
        published: article.published.to_string(),
        dates: proposals
            .dates
            .iter()
            .map(|d| {
                let (start, end) = points.span(d.span);
                DateOut {
                    start,
                    end,
                    text: d.span.of(text),
                    edtf: &d.edtf,
                }
            })
            .collect(),
        events: proposals
            .events
            .iter()
            .map(|e| EventOut {
                title: &e.title,
                edtf: e.edtf.as_deref(),
                wording: e.wording.as_deref(),
                status: e.status.label(),
                participants: e.participants.iter().map(|p| p.name.as_str()).collect(),
                places: e.places.iter().map(|p| p.name.as_str()).collect(),
                claims: &e.claims,
            })
            .collect(),
        claims: proposals
            .claims
            .iter()
            .map(|c| {
                let (start, end) = points.span(c.span);
                ClaimOut {
                    start,
                    end,
                    excerpt: c.span.of(text),
                    attribution: c
                        .attribution
                        .iter()
                        .map(|s| StepOut {
                            name: &s.name,
                            verb: &s.verb,
                        })
                        .collect(),
                }
            })
            .collect(),
        positions: proposals
            .positions
            .iter()
            .map(|p| PositionOut {
                holder: &p.holder.name,
                issue: &p.issue.name,
                stance: p.stance.label(),
                claims: &p.claims,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::{
        ActorRef, ClaimProposal, DateProposal, EventProposal, IssueRef, PlaceRef, PositionProposal,
        ProposedStep, text,
    };
    use crate::model::{ActorKind, EventKind, EventStatus, Stance};
    use serde_json::Value;

    fn keys(value: &Value) -> Vec<&str> {
        let mut keys: Vec<&str> = value
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        keys.sort_unstable();
        keys
    }

    fn article(text: &str) -> Article {
        Article {
            text: text.to_owned(),
            published: jiff::civil::date(2025, 12, 18),
            time_zone: None,
            outlet: None,
            url: None,
            headline: None,
        }
    }

    #[test]
    fn the_shape_has_every_key_and_code_point_offsets() {
        // "Zelenskyy’s" and "Kyïv" hold characters of two and three bytes before the date.
        let text = "Zelenskyy’s envoy left Kyïv. Talks in Miami this weekend, Politico reported.";
        let article = article(text);
        let sentences = text::sentences(text);
        let at = text.find("this weekend").expect("in text");
        let date = Span::new(at, at + "this weekend".len());
        let actor = |name: &str| ActorRef {
            name: name.to_owned(),
            known: None,
            kind: ActorKind::Person,
            role: None,
            spans: Vec::new(),
        };
        let proposals = Proposals {
            sentences: sentences.clone(),
            dates: vec![DateProposal {
                span: date,
                edtf: "2025-12-20/2025-12-21".to_owned(),
                sentence: 1,
                time_of_day: None,
            }],
            claims: vec![ClaimProposal {
                span: sentences[1],
                sentence: 1,
                attribution: vec![ProposedStep {
                    name: "Politico".to_owned(),
                    verb: "reported".to_owned(),
                    actor: None,
                }],
                attribution_spans: Vec::new(),
                credibility: 3,
                hedges: Vec::new(),
            }],
            events: vec![EventProposal {
                title: "Talks in Miami".to_owned(),
                kind: EventKind::Talks,
                status: EventStatus::Expected,
                status_words: None,
                edtf: None,
                wording: None,
                dates: vec![0],
                participants: vec![actor("Steve Witkoff")],
                places: vec![PlaceRef {
                    name: "Miami".to_owned(),
                    known: None,
                    geonames_id: None,
                    country: None,
                    candidate: false,
                    spans: Vec::new(),
                }],
                place_wording: None,
                claims: vec![0],
                spans: Vec::new(),
                matches: None,
            }],
            positions: vec![PositionProposal {
                holder: actor("Volodymyr Zelenskyy"),
                issue: IssueRef {
                    name: "NATO membership".to_owned(),
                    known: None,
                },
                stance: Stance::Conditional,
                stance_words: Span::default(),
                summary: String::new(),
                conditions: None,
                as_of: "2025-12-18".to_owned(),
                claims: vec![0],
            }],
        };
        let value: Value = serde_json::from_str(&to_json(&article, &proposals)).expect("JSON");
        assert_eq!(
            keys(&value),
            ["claims", "dates", "events", "positions", "published"]
        );
        assert_eq!(value["published"], "2025-12-18");
        let d = &value["dates"][0];
        assert_eq!(keys(d), ["edtf", "end", "start", "text"]);
        let start = text[..at].chars().count();
        assert_eq!(d["start"], start);
        assert_eq!(d["end"], start + 12);
        assert_ne!(
            start, at,
            "the text has multi-byte characters before the date"
        );
        assert_eq!(d["text"], "this weekend");
        let e = &value["events"][0];
        assert_eq!(
            keys(e),
            [
                "claims",
                "edtf",
                "participants",
                "places",
                "status",
                "title",
                "wording"
            ]
        );
        assert_eq!(e["edtf"], Value::Null);
        assert_eq!(e["status"], "expected");
        assert_eq!(e["participants"][0], "Steve Witkoff");
        assert_eq!(e["places"][0], "Miami");
        let c = &value["claims"][0];
        assert_eq!(keys(c), ["attribution", "end", "excerpt", "start"]);
        assert_eq!(c["start"], text[..sentences[1].start].chars().count());
        assert_eq!(c["end"], text.chars().count());
        assert_eq!(keys(&c["attribution"][0]), ["name", "verb"]);
        let p = &value["positions"][0];
        assert_eq!(keys(p), ["claims", "holder", "issue", "stance"]);
        assert_eq!(p["stance"], "conditional");
        assert_eq!(p["claims"][0], 0);
    }

    #[test]
    fn empty_proposals_still_have_every_list() {
        let value = to_value(&article("Nothing here."), &Proposals::default());
        for list in ["dates", "events", "claims", "positions"] {
            assert_eq!(value[list], Value::Array(Vec::new()));
        }
    }

    #[test]
    fn the_text_keeps_the_issues_key_order() {
        let json = to_json(&article("Nothing here."), &Proposals::default());
        assert_eq!(
            json,
            r#"{"published":"2025-12-18","dates":[],"events":[],"claims":[],"positions":[]}"#
        );
    }
}
