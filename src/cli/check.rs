//! `detente check FILE [--json]`: validate a project and print its counts.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::io::load_project;
use crate::model::Project;

/// The counts `check` prints, in this order, with these JSON keys.
pub fn counts(project: &Project) -> [(&'static str, usize); 7] {
    [
        ("events", project.events.len()),
        ("actors", project.actors.len()),
        ("locations", project.locations.len()),
        ("issues", project.issues.len()),
        ("positions", project.positions.len()),
        ("sources", project.sources.len()),
        ("claims", project.claims.len()),
    ]
}

pub fn run(file: &Path, json: bool, timing: bool) -> ExitCode {
    let started = std::time::Instant::now();
    let loaded = load_project(file);
    if timing {
        eprintln!(
            "{}: loaded and validated in {:.3} s",
            file.display(),
            started.elapsed().as_secs_f64()
        );
    }
    let project = match loaded {
        Ok(p) => p,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::FAILURE;
        }
    };
    let counts = counts(&project);
    let text = if json {
        let map: serde_json::Map<String, serde_json::Value> = counts
            .iter()
            .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
            .collect();
        serde_json::Value::Object(map).to_string()
    } else {
        let mut text = format!("{}: valid ({})\n", file.display(), project.title);
        for (name, count) in counts {
            text.push_str(&format!("{count:>9} {name}\n"));
        }
        text.trim_end().to_owned()
    };
    if writeln!(std::io::stdout(), "{text}").is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
