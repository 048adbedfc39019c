//! Event titles: short headlines of 15 to 40 characters, "Talks on energy in Vienna".

use rand::rngs::StdRng;
use rand::seq::IndexedRandom as _;

use crate::model::EventKind;

/// A headline of 15 to 40 characters: "Talks on energy in Vienna".
pub(super) fn title(
    rng: &mut StdRng,
    kind: EventKind,
    names: &[&str],
    city: Option<&str>,
    issue: &str,
    year: i16,
) -> String {
    let a = names[0];
    let b = names.get(1).copied();
    let mut options: Vec<String> = Vec::with_capacity(6);
    let pair = b.map(|b| format!("{a}–{b}"));
    match kind {
        EventKind::Talks => {
            options.push(format!("Talks on {issue}"));
            if let Some(city) = city {
                options.push(format!("Talks in {city}"));
                options.push(format!("Talks on {issue} in {city}"));
            }
            if let Some(pair) = &pair {
                options.push(format!("{pair} talks"));
                options.push(format!("{pair} talks on {issue}"));
            }
        }
        EventKind::Meeting => {
            if let Some(b) = b {
                options.push(format!("{a} meets {b}"));
            }
            if let Some(city) = city {
                options.push(format!("Meeting in {city}"));
                options.push(format!("{a} meeting in {city}"));
                options.push(format!("Meeting on {issue} in {city}"));
            }
        }
        EventKind::Call => {
            options.push(format!("Call on {issue}"));
            if let Some(pair) = &pair {
                options.push(format!("{pair} call"));
                options.push(format!("{pair} call on {issue}"));
            }
        }
        EventKind::Visit => {
            if let Some(city) = city {
                options.push(format!("{a} visits {city}"));
                options.push(format!("{a} in {city}"));
                options.push(format!("Official visit to {city}"));
            }
        }
        EventKind::Statement => {
            options.push(format!("{a} statement"));
            options.push(format!("{a} statement on {issue}"));
            options.push(format!("Statement on {issue}"));
        }
        EventKind::Announcement => {
            options.push(format!("{a} announces {issue} plan"));
            options.push(format!("New {issue} plan"));
        }
        EventKind::Agreement => {
            options.push(format!("Deal on {issue}"));
            options.push(format!("Agreement on {issue} signed"));
            if let Some(pair) = &pair {
                options.push(format!("{pair} agreement"));
                options.push(format!("{pair} deal on {issue}"));
            }
        }
        EventKind::Other => {
            options.push(format!("Conference on {issue}"));
            if let Some(city) = city {
                options.push(format!("Summit in {city}"));
                options.push(format!("Summit on {issue} in {city}"));
            }
        }
    }
    let fits = |t: &String| (15..=40).contains(&t.chars().count());
    let fitting: Vec<&String> = options.iter().filter(|t| fits(t)).collect();
    if let Some(title) = fitting.choose(rng) {
        return (*title).clone();
    }
    let mut label = kind.label().to_owned();
    label[..1].make_ascii_uppercase();
    let plain = format!("{label} on {issue}");
    if plain.chars().count() < 15 {
        format!("{plain}, {year}")
    } else {
        plain
    }
}
