//! `detente intake ARTICLE [--published YYYY-MM-DD] [--source NAME] [--into PROJECT] [-o OUT]
//! [--json]`: a news report's proposed dates, claims, events and positions, printed as a
//! summary or as JSON; with `-o`, all of them accepted into a project written atomically.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::civil;

use super::overwrite::Overwrite;
use crate::geo::Gazetteer;
use crate::import::EncodingChoice;
use crate::intake::accept::{Decisions, accept};
use crate::intake::article::{ArticleError, InputKind, MAX_ARTICLE_BYTES, read_bytes_in};
use crate::intake::{Article, Proposals, json, propose};
use crate::model::Project;

#[derive(Debug, clap::Args)]
pub struct IntakeArgs {
    /// The report: a .txt, .html or .md file, or - to read standard input.
    pub article: PathBuf,
    /// The publication date, against which "this weekend" and the like are read; may be
    /// left out only when the article's dateline or metadata dates it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub published: Option<civil::Date>,
    /// The outlet that published the report (e.g. Xinhua); else the dateline's or the page's.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Read against this project (its actors, places, issues and events) and, with -o, add
    /// everything proposed to it.
    #[arg(long, value_name = "PROJECT")]
    pub into: Option<PathBuf>,
    /// Accept every proposal and write the project here (atomically).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists (not needed when it is the --into project).
    #[arg(long)]
    pub force: bool,
    /// Print the proposals as one JSON object (offsets in Unicode code points).
    #[arg(long)]
    pub json: bool,
    /// The report's encoding, any WHATWG label (utf-8, utf-16le, windows-1252, latin1, …);
    /// without it, or with "auto", it is detected.
    #[arg(long, value_name = "NAME", value_parser = EncodingChoice::from_label)]
    pub encoding: Option<EncodingChoice>,
}

fn parse_day(text: &str) -> Result<civil::Date, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a date: expected YYYY-MM-DD, e.g. 2025-12-18"))
}

pub fn run(args: &IntakeArgs) -> ExitCode {
    super::print_outcome(run_inner(args))
}

fn run_inner(args: &IntakeArgs) -> Result<String, String> {
    let stdin = args.article.as_os_str() == "-";
    let shown = if stdin {
        "standard input".to_owned()
    } else {
        args.article.display().to_string()
    };
    if let Some(output) = &args.output {
        let inputs: Vec<&Path> = if stdin {
            Vec::new()
        } else {
            vec![args.article.as_path()]
        };
        Overwrite {
            inputs: &inputs,
            updates: args.into.as_deref(),
            force: args.force,
            hint: ", or give it as --into too to add the report to it",
        }
        .check(output)?;
    }
    let bytes = read_input(&args.article, stdin).map_err(|e| format!("{shown}: {e}"))?;
    let kind = if stdin {
        InputKind::Text
    } else {
        InputKind::of_path(&args.article)
    };
    let encoding = args.encoding.unwrap_or_default();
    let input = read_bytes_in(&bytes, kind, encoding).map_err(|e| format!("{shown}: {e}"))?;
    let article = input
        .into_article(args.published, args.source.clone())
        .map_err(|e| match e {
            ArticleError::NoDate => format!(
                "{shown}: the publication date is unknown (no dated dateline or metadata): give it with --published YYYY-MM-DD"
            ),
            other => format!("{shown}: {other}"),
        })?;
    let mut project = match &args.into {
        Some(path) => crate::io::load_project(path).map_err(|e| e.to_string())?,
        None => Project::new(article.headline.as_deref().unwrap_or("Article intake")),
    };
    let proposals = propose(&article, &project, Gazetteer::embedded());
    let mut text = if args.json {
        json::to_json(&article, &proposals)
    } else {
        // How the text was decoded, when it was not plain UTF-8.
        let note = crate::import::encoding::note(&bytes, encoding);
        note.map(|n| format!("{n}\n")).unwrap_or_default() + &summary(&article, &proposals)
    };
    if let Some(output) = &args.output {
        let accepted = accept(&project, &article, &proposals, &Decisions::all(&proposals));
        accepted.append_to(&mut project);
        let problems = crate::model::validate(&project);
        if let Some(first) = problems.first() {
            return Err(format!(
                "the project with the report added is not valid ({} problems; first: {first}); nothing was written",
                problems.len()
            ));
        }
        crate::io::save_project(&project, output).map_err(|e| e.to_string())?;
        let wrote = format!("wrote {}", output.display());
        if args.json {
            // Standard output holds the JSON alone.
            eprintln!("{wrote}");
        } else {
            text.push_str(&format!("\n{wrote}"));
        }
    }
    Ok(text)
}

/// The article's bytes, refusing more than [`MAX_ARTICLE_BYTES`] before reading it all.
fn read_input(path: &Path, stdin: bool) -> Result<Vec<u8>, String> {
    let limit = MAX_ARTICLE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if stdin {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("could not read: {e}"))?;
    } else {
        let mut file = std::fs::File::open(path).map_err(|e| format!("could not read: {e}"))?;
        if let Ok(meta) = file.metadata()
            && meta.is_file()
            && meta.len() > MAX_ARTICLE_BYTES as u64
        {
            let bytes = usize::try_from(meta.len()).unwrap_or(usize::MAX);
            return Err(ArticleError::TooLarge { bytes }.to_string());
        }
        (&mut file)
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("could not read: {e}"))?;
    }
    Ok(bytes)
}

/// What was proposed, for reading in a terminal.
fn summary(article: &Article, proposals: &Proposals) -> String {
    let text = &article.text;
    let mut out = format!(
        "{} ({}, published {})\n{} sentences: {} dates, {} claims, {} events, {} positions proposed",
        article.headline.as_deref().unwrap_or("Untitled report"),
        article.outlet.as_deref().unwrap_or("outlet unknown"),
        article.published,
        proposals.sentences.len(),
        proposals.dates.len(),
        proposals.claims.len(),
        proposals.events.len(),
        proposals.positions.len(),
    );
    if !proposals.dates.is_empty() {
        out.push_str("\n\nDates");
        for d in &proposals.dates {
            out.push_str(&format!("\n  {:?} → {}", d.span.of(text), d.edtf));
        }
    }
    if !proposals.events.is_empty() {
        out.push_str("\n\nEvents");
        for e in &proposals.events {
            let date = match (&e.edtf, &e.wording) {
                (Some(edtf), Some(w)) => format!("{edtf} ({w})"),
                (Some(edtf), None) => edtf.clone(),
                _ => "undated".to_owned(),
            };
            let who: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
            let places: Vec<&str> = e.places.iter().map(|p| p.name.as_str()).collect();
            out.push_str(&format!(
                "\n  {} {}: {} [{}] in {}{}",
                e.status.label(),
                date,
                e.title,
                who.join(", "),
                if places.is_empty() {
                    "—".to_owned()
                } else {
                    places.join(" or ")
                },
                e.matches
                    .map_or(String::new(), |id| format!(" (a new report of {id})"))
            ));
        }
    }
    if !proposals.claims.is_empty() {
        out.push_str("\n\nClaims");
        for (i, c) in proposals.claims.iter().enumerate() {
            let chain: Vec<String> = c
                .attribution
                .iter()
                .map(|s| format!("{} {}", s.name, s.verb))
                .collect();
            out.push_str(&format!(
                "\n  {i:>2}. {} (credibility {}): {}",
                chain.join(" → "),
                c.credibility,
                shorten(c.span.of(text), 80)
            ));
        }
    }
    if !proposals.positions.is_empty() {
        out.push_str("\n\nPositions");
        for p in &proposals.positions {
            out.push_str(&format!(
                "\n  {}: {} on {} ({:?}){}",
                p.holder.name,
                p.stance.label(),
                p.issue.name,
                p.stance_words.of(text),
                p.conditions
                    .as_deref()
                    .map_or(String::new(), |c| format!(", conditions: {c}"))
            ));
        }
    }
    out
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars - 1).collect();
    format!("{}…", cut.trim_end())
}
