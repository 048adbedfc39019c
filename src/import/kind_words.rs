//! The event kind a headline says in words ("Talks in Miami", "Biden visits Kyiv"), for
//! formats without a kind of their own (TimelineJS slides, Timeline app events).
//!
//! Only the headline is read: it names the event, while a description tells a story in
//! which people meet, call and visit whatever the event was. The first word that says a
//! kind decides ("Putin says talks are possible" is a statement), and a headline that says
//! none leaves the kind unknown.

use crate::model::EventKind;

/// Words that say a kind, lower case.
const KIND_WORDS: &[(&str, EventKind)] = &[
    ("talks", EventKind::Talks),
    ("negotiation", EventKind::Talks),
    ("negotiations", EventKind::Talks),
    ("negotiate", EventKind::Talks),
    ("negotiates", EventKind::Talks),
    ("negotiated", EventKind::Talks),
    ("negotiating", EventKind::Talks),
    ("consultations", EventKind::Talks),
    ("dialogue", EventKind::Talks),
    ("meeting", EventKind::Meeting),
    ("meetings", EventKind::Meeting),
    ("meet", EventKind::Meeting),
    ("meets", EventKind::Meeting),
    ("met", EventKind::Meeting),
    ("summit", EventKind::Meeting),
    ("summits", EventKind::Meeting),
    ("conference", EventKind::Meeting),
    ("call", EventKind::Call),
    ("calls", EventKind::Call),
    ("called", EventKind::Call),
    ("phone", EventKind::Call),
    ("phoned", EventKind::Call),
    ("phones", EventKind::Call),
    ("telephone", EventKind::Call),
    ("videoconference", EventKind::Call),
    ("visit", EventKind::Visit),
    ("visits", EventKind::Visit),
    ("visited", EventKind::Visit),
    ("visiting", EventKind::Visit),
    ("trip", EventKind::Visit),
    ("statement", EventKind::Statement),
    ("statements", EventKind::Statement),
    ("says", EventKind::Statement),
    ("said", EventKind::Statement),
    ("declares", EventKind::Statement),
    ("declared", EventKind::Statement),
    ("declaration", EventKind::Statement),
    ("remarks", EventKind::Statement),
    ("speech", EventKind::Statement),
    ("communique", EventKind::Statement),
    ("communiqué", EventKind::Statement),
    ("announcement", EventKind::Announcement),
    ("announces", EventKind::Announcement),
    ("announced", EventKind::Announcement),
    ("announce", EventKind::Announcement),
    ("unveils", EventKind::Announcement),
    ("agreement", EventKind::Agreement),
    ("agreements", EventKind::Agreement),
    ("treaty", EventKind::Agreement),
    ("accord", EventKind::Agreement),
    ("accords", EventKind::Agreement),
    ("deal", EventKind::Agreement),
    ("pact", EventKind::Agreement),
    ("ceasefire", EventKind::Agreement),
    ("truce", EventKind::Agreement),
    ("signs", EventKind::Agreement),
    ("signed", EventKind::Agreement),
];

/// The kind `headline` says, if it says one.
pub(crate) fn kind_of_headline(headline: &str) -> Option<EventKind> {
    let words: Vec<String> = headline
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).map_or("", String::as_str);
        let previous = i.checked_sub(1).and_then(|p| words.get(p));
        let kind = match (word.as_str(), next) {
            // "calls for a ceasefire", "calls on Russia": an appeal, which is a statement;
            // "called off" says what became of the event, not what it was.
            ("call" | "calls" | "called", "for" | "on") => Some(EventKind::Statement),
            ("called", "off") => None,
            // "press conference", "news conference": a statement to the press.
            ("conference", _) if previous.is_some_and(|p| p == "press" || p == "news") => {
                Some(EventKind::Statement)
            }
            ("cease-fire", _) => Some(EventKind::Agreement),
            (w, _) => KIND_WORDS
                .iter()
                .find(|(k, _)| *k == w)
                .map(|(_, kind)| *kind),
        };
        if kind.is_some() {
            return kind;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_say_their_kind() {
        let cases = [
            ("Talks in Miami", Some(EventKind::Talks)),
            ("Trump and Putin meet in Alaska", Some(EventKind::Meeting)),
            ("G20 summit", Some(EventKind::Meeting)),
            ("Biden visits Kyiv", Some(EventKind::Visit)),
            ("Phone call between Macron and Xi", Some(EventKind::Call)),
            ("Trump calls Putin", Some(EventKind::Call)),
            ("Pope calls for a ceasefire", Some(EventKind::Statement)),
            ("Kremlin statement on the plan", Some(EventKind::Statement)),
            ("Putin says talks are possible", Some(EventKind::Statement)),
            ("Press conference in Geneva", Some(EventKind::Statement)),
            (
                "White House announces new envoy",
                Some(EventKind::Announcement),
            ),
            ("Treaty of Versailles", Some(EventKind::Agreement)),
            ("Cease-fire holds", Some(EventKind::Agreement)),
            ("Summit called off", Some(EventKind::Meeting)),
        ];
        for (headline, kind) in cases {
            assert_eq!(kind_of_headline(headline), kind, "{headline}");
        }
    }

    #[test]
    fn headlines_that_say_no_kind_leave_it_unknown() {
        for headline in [
            "Ada Lovelace",
            "Grace Hopper invents the compiler",
            "Google Maps, Directions",
            "The First Computer",
            "Metropolitan museum opens",
            "Summitville mine disaster",
            "",
        ] {
            assert_eq!(kind_of_headline(headline), None, "{headline}");
        }
    }
}
