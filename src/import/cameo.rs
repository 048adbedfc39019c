//! CAMEO event codes (the coding of GDELT and ICEWS) and what they mean for Detente:
//! an event kind, a status, and the roles of the two actors.
//!
//! CAMEO records the kind of act, source → target: `042` make a visit, `043` host a visit,
//! `036` express intent to meet or negotiate. Codes are text with leading zeros; the first
//! three digits are the base code and the first two the root. See docs in
//! `shared/docs/domain.md` for the diplomatic codes that matter most.

use crate::model::{EventKind, EventStatus, ParticipantRole};

/// Root (two-digit) and base (three-digit) codes with their CAMEO names, sorted by code.
const NAMES: &[(&str, &str)] = &[
    ("01", "make public statement"),
    ("010", "make statement"),
    ("011", "decline comment"),
    ("012", "make pessimistic comment"),
    ("013", "make optimistic comment"),
    ("014", "consider policy option"),
    ("015", "acknowledge or claim responsibility"),
    ("016", "deny responsibility"),
    ("017", "engage in symbolic act"),
    ("018", "make empathetic comment"),
    ("019", "express accord"),
    ("02", "appeal"),
    ("020", "make an appeal or request"),
    ("021", "appeal for material cooperation"),
    ("022", "appeal for diplomatic cooperation"),
    ("023", "appeal for aid"),
    ("024", "appeal for political reform"),
    ("025", "appeal to yield"),
    ("026", "appeal to others to meet or negotiate"),
    ("027", "appeal to others to settle dispute"),
    ("028", "appeal to others to engage in or accept mediation"),
    ("03", "express intent to cooperate"),
    ("030", "express intent to cooperate"),
    ("031", "express intent to engage in material cooperation"),
    ("032", "express intent to provide diplomatic cooperation"),
    ("033", "express intent to provide material aid"),
    ("034", "express intent to institute political reform"),
    ("035", "express intent to yield"),
    ("036", "express intent to meet or negotiate"),
    ("037", "express intent to settle dispute"),
    ("038", "express intent to accept mediation"),
    ("039", "express intent to mediate"),
    ("04", "consult"),
    ("040", "consult"),
    ("041", "discuss by telephone"),
    ("042", "make a visit"),
    ("043", "host a visit"),
    ("044", "meet at a third location"),
    ("045", "mediate"),
    ("046", "engage in negotiation"),
    ("05", "engage in diplomatic cooperation"),
    ("050", "engage in diplomatic cooperation"),
    ("051", "praise or endorse"),
    ("052", "defend verbally"),
    ("053", "rally support on behalf of"),
    ("054", "grant diplomatic recognition"),
    ("055", "apologize"),
    ("056", "forgive"),
    ("057", "sign formal agreement"),
    ("06", "engage in material cooperation"),
    ("060", "engage in material cooperation"),
    ("061", "cooperate economically"),
    ("062", "cooperate militarily"),
    ("063", "engage in judicial cooperation"),
    ("064", "share intelligence or information"),
    ("07", "provide aid"),
    ("070", "provide aid"),
    ("071", "provide economic aid"),
    ("072", "provide military aid"),
    ("073", "provide humanitarian aid"),
    ("074", "provide military protection or peacekeeping"),
    ("075", "grant asylum"),
    ("08", "yield"),
    ("080", "yield"),
    ("081", "ease administrative sanctions"),
    ("082", "ease political dissent"),
    ("083", "accede to requests or demands for political reform"),
    ("084", "return, release"),
    ("085", "ease economic sanctions, boycott, embargo"),
    ("086", "allow international involvement"),
    ("087", "de-escalate military engagement"),
    ("09", "investigate"),
    ("090", "investigate"),
    ("091", "investigate crime, corruption"),
    ("092", "investigate human rights abuses"),
    ("093", "investigate military action"),
    ("094", "investigate war crimes"),
    ("10", "demand"),
    ("100", "demand"),
    ("101", "demand material cooperation"),
    ("102", "demand diplomatic cooperation"),
    ("103", "demand aid"),
    ("104", "demand political reform"),
    ("105", "demand mediation"),
    ("106", "demand withdrawal"),
    ("107", "demand ceasefire"),
    ("108", "demand meeting, negotiation"),
    ("11", "disapprove"),
    ("110", "disapprove"),
    ("111", "criticize or denounce"),
    ("112", "accuse"),
    ("113", "rally opposition against"),
    ("114", "complain officially"),
    ("115", "bring lawsuit against"),
    ("116", "find guilty or liable"),
    ("12", "reject"),
    ("120", "reject"),
    ("121", "reject material cooperation"),
    ("122", "reject request or demand for material aid"),
    ("123", "reject request or demand for political reform"),
    ("124", "refuse to yield"),
    ("125", "reject proposal to meet, discuss, or negotiate"),
    ("126", "reject mediation"),
    ("127", "reject plan, agreement to settle dispute"),
    ("128", "defy norms, law"),
    ("129", "veto"),
    ("13", "threaten"),
    ("130", "threaten"),
    ("131", "threaten non-force"),
    ("132", "threaten with administrative sanctions"),
    ("133", "threaten with political dissent, protest"),
    ("134", "threaten to halt negotiations"),
    ("135", "threaten to halt mediation"),
    ("136", "threaten to halt international involvement"),
    ("137", "threaten with repression"),
    ("138", "threaten to use military force"),
    ("139", "give ultimatum"),
    ("14", "protest"),
    ("140", "engage in political dissent"),
    ("141", "demonstrate or rally"),
    ("142", "conduct hunger strike"),
    ("143", "conduct strike or boycott"),
    ("144", "obstruct passage, block"),
    ("145", "protest violently, riot"),
    ("15", "exhibit force posture"),
    ("150", "demonstrate military or police power"),
    ("151", "increase police alert status"),
    ("152", "increase military alert status"),
    ("153", "mobilize or increase police power"),
    ("154", "mobilize or increase armed forces"),
    ("16", "reduce relations"),
    ("160", "reduce relations"),
    ("161", "reduce or break diplomatic relations"),
    ("162", "reduce or stop material aid"),
    ("163", "impose embargo, boycott, or sanctions"),
    ("164", "halt negotiations"),
    ("165", "halt mediation"),
    ("166", "expel or withdraw"),
    ("17", "coerce"),
    ("170", "coerce"),
    ("171", "seize or damage property"),
    ("172", "impose administrative sanctions"),
    ("173", "arrest, detain, or charge with legal action"),
    ("174", "expel or deport individuals"),
    ("175", "use tactics of violent repression"),
    ("18", "assault"),
    ("180", "use unconventional violence"),
    ("181", "abduct, hijack, or take hostage"),
    ("182", "physically assault"),
    ("183", "conduct suicide, car, or other non-military bombing"),
    ("184", "use as human shield"),
    ("185", "attempt to assassinate"),
    ("186", "assassinate"),
    ("19", "fight"),
    ("190", "use conventional military force"),
    ("191", "impose blockade, restrict movement"),
    ("192", "occupy territory"),
    ("193", "fight with small arms and light weapons"),
    ("194", "fight with artillery and tanks"),
    ("195", "employ aerial weapons"),
    ("196", "violate ceasefire"),
    ("20", "use unconventional mass violence"),
    ("200", "use unconventional mass violence"),
    ("201", "engage in mass expulsion"),
    ("202", "engage in mass killings"),
    ("203", "engage in ethnic cleansing"),
    ("204", "use weapons of mass destruction"),
];

/// The CAMEO name of a code, from its most specific known prefix: `"0834"` gives the name
/// of `083`. `None` for text that is not a CAMEO code.
pub fn cameo_name(code: &str) -> Option<&'static str> {
    let code = code.trim();
    if code.len() < 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    [code.get(..3), code.get(..2)]
        .into_iter()
        .flatten()
        .find_map(|prefix| {
            NAMES
                .binary_search_by(|(c, _)| (*c).cmp(prefix))
                .ok()
                .map(|i| NAMES[i].1)
        })
}

/// The base code of a CAMEO event text ("Make a visit", "Express intent to meet or
/// negotiate"), as ICEWS writes it; ignores case and punctuation.
pub fn cameo_code_of_text(text: &str) -> Option<&'static str> {
    let wanted = normalise(text);
    let wanted = wanted
        .strip_suffix(" not specified below")
        .unwrap_or(&wanted);
    NAMES
        .iter()
        .filter(|(c, _)| c.len() == 3)
        .find(|(_, n)| normalise(n) == wanted)
        .map(|(c, _)| *c)
}

fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// What a CAMEO code means on Detente's timeline. Acts that were reported are `Held`;
/// intents to meet, negotiate or mediate are plans; halted negotiations are cancelled talks.
pub fn cameo_kind_status(code: &str) -> (EventKind, EventStatus) {
    use EventKind as K;
    use EventStatus as S;
    let base = code.trim().get(..3).unwrap_or(code);
    let root = code.trim().get(..2).unwrap_or(code);
    match base {
        "036" => return (K::Meeting, S::Planned),
        "038" | "039" => return (K::Talks, S::Planned),
        "040" | "044" => return (K::Meeting, S::Held),
        "041" => return (K::Call, S::Held),
        "042" | "043" => return (K::Visit, S::Held),
        "045" | "046" => return (K::Talks, S::Held),
        "054" | "161" => return (K::Announcement, S::Held),
        "057" => return (K::Agreement, S::Held),
        "164" => return (K::Talks, S::Cancelled),
        _ => {}
    }
    match root {
        "01" | "02" | "05" | "10" | "11" | "12" | "13" => (K::Statement, S::Held),
        "03" => (K::Announcement, S::Held),
        "04" => (K::Meeting, S::Held),
        _ => (K::Other, S::Held),
    }
}

/// The roles of the source and target actors: the host of a visit, a mediator.
pub fn cameo_roles(code: &str) -> (ParticipantRole, ParticipantRole) {
    use ParticipantRole as R;
    match code.trim().get(..3).unwrap_or("") {
        "042" => (R::Participant, R::Host),
        "043" => (R::Host, R::Participant),
        "045" => (R::Mediator, R::Participant),
        _ => (R::Participant, R::Participant),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_leading_zeros() {
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(cameo_name("043"), Some("host a visit"));
        assert_eq!(
            cameo_name("0834"),
            Some("accede to requests or demands for political reform")
        );
        assert_eq!(cameo_name("04"), Some("consult"));
        assert_eq!(cameo_name("43"), None);
        assert_eq!(cameo_name("abc"), None);
    }

    #[test]
    fn diplomatic_codes_map_onto_kinds() {
        assert_eq!(
            cameo_kind_status("036"),
            (EventKind::Meeting, EventStatus::Planned)
        );
        assert_eq!(
            cameo_kind_status("0461"),
            (EventKind::Talks, EventStatus::Held)
        );
        assert_eq!(
            cameo_kind_status("041"),
            (EventKind::Call, EventStatus::Held)
        );
        assert_eq!(
            cameo_kind_status("057"),
            (EventKind::Agreement, EventStatus::Held)
        );
        assert_eq!(
            cameo_kind_status("164"),
            (EventKind::Talks, EventStatus::Cancelled)
        );
        assert_eq!(
            cameo_kind_status("190"),
            (EventKind::Other, EventStatus::Held)
        );
        assert_eq!(cameo_roles("043").0, ParticipantRole::Host);
    }

    #[test]
    fn icews_event_text_finds_its_code() {
        assert_eq!(cameo_code_of_text("Make a visit"), Some("042"));
        assert_eq!(
            cameo_code_of_text("Express intent to meet or negotiate"),
            Some("036")
        );
        assert_eq!(cameo_code_of_text("Consult"), Some("040"));
        assert_eq!(
            cameo_code_of_text("Make statement, not specified below"),
            Some("010")
        );
        assert_eq!(
            cameo_code_of_text("Reject proposal to meet, discuss, or negotiate"),
            Some("125")
        );
        assert_eq!(cameo_code_of_text("dance"), None);
    }
}
