//! `detente export` and `detente import` never write over their inputs, and replace another
//! existing file only with `--force`.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-overwrite-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn detente(args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The run failed, said `why`, and left `file` as it was.
fn assert_refused(output: &Output, why: &str, file: &Path, before: &[u8]) {
    assert!(!output.status.success(), "exit 0: {}", stderr(output));
    assert!(stderr(output).contains(why), "{}", stderr(output));
    assert_eq!(
        std::fs::read(file).unwrap(),
        before,
        "{} changed",
        file.display()
    );
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn export_never_writes_over_its_project_and_replaces_other_files_only_with_force() {
    let dir = temp_dir("export");
    let project = dir.join("p.detente.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.detente.ron"),
        &project,
    )
    .unwrap();
    let before = std::fs::read(&project).unwrap();
    let export = |out: &Path, force: bool| {
        let mut args = vec![
            OsStr::new("export"),
            project.as_os_str(),
            "--format".as_ref(),
            "csv".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        if force {
            args.push("--force".as_ref());
        }
        detente(&args)
    };

    // The project under its own name, another spelling, a hard link and a symbolic link.
    std::fs::hard_link(&project, dir.join("hard.ron")).unwrap();
    let mut names = vec![
        project.clone(),
        dir.join(".").join("p.detente.ron"),
        dir.join("hard.ron"),
    ];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&project, dir.join("soft.ron")).unwrap();
        names.push(dir.join("soft.ron"));
    }
    for name in &names {
        for force in [false, true] {
            assert_refused(
                &export(name, force),
                "refusing to write over it",
                &project,
                &before,
            );
        }
    }

    let out = dir.join("events.csv");
    assert!(export(&out, false).status.success());
    std::fs::write(&out, "keep me").unwrap();
    assert_refused(
        &export(&out, false),
        "already exists: pass --force",
        &out,
        b"keep me",
    );
    let output = export(&out, true);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("id,date")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_never_writes_over_its_input_or_mapping_and_merges_into_its_project() {
    let dir = temp_dir("import");
    let input = dir.join("in.csv");
    let mapping = dir.join("mapping.json");
    std::fs::copy(fixture("events_dmy.csv"), &input).unwrap();
    std::fs::copy(fixture("mapping_dmy.json"), &mapping).unwrap();
    let import = |out: &Path, extra: &[&OsStr]| {
        let mut args = vec![
            OsStr::new("import"),
            input.as_os_str(),
            "--mapping".as_ref(),
            mapping.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        args.extend_from_slice(extra);
        detente(&args)
    };

    for (file, before) in [
        (&input, std::fs::read(&input).unwrap()),
        (&mapping, std::fs::read(&mapping).unwrap()),
    ] {
        for extra in [&[][..], &["--force".as_ref()][..]] {
            assert_refused(
                &import(file, extra),
                "refusing to write over it",
                file,
                &before,
            );
        }
    }

    // A project that already exists is not replaced by the import alone...
    let project = dir.join("p.detente.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.detente.ron"),
        &project,
    )
    .unwrap();
    let before = std::fs::read(&project).unwrap();
    let output = import(&project, &[]);
    assert_refused(&output, "pass --force to replace it", &project, &before);
    assert!(stderr(&output).contains("--into"), "{}", stderr(&output));

    // ... but merged into with --into (no --force needed: the merge keeps it whole) ...
    let sample_events = detente::io::load_project(&project).unwrap().events.len();
    let output = import(&project, &["--into".as_ref(), project.as_os_str()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let merged = detente::io::load_project(&project).unwrap().events.len();
    assert_eq!(merged, sample_events + 2);

    // ... or replaced with --force.
    let output = import(&project, &["--force".as_ref()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(detente::io::load_project(&project).unwrap().events.len(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}
