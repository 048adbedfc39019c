//! Project loading, `detente check` and `detente import` read at most their limit, and say
//! which file and which limit when there is more (issue 11: `/dev/zero` was read until
//! memory ran out). The files here are sparse: over 1 GiB long, no disk space used. The
//! limit counted as bytes arrive (devices, FIFOs) is tested in `src/io/read_limited.rs`.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

use std::path::PathBuf;
use std::process::Command;

use detente::import::MAX_IMPORT_BYTES;
use detente::io::{MAX_PROJECT_BYTES, load_project};

fn sparse_file(name: &str, len: u64) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("detente-read-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::File::create(&path).unwrap().set_len(len).unwrap();
    path
}

#[test]
fn a_project_over_the_limit_is_refused_naming_the_file_and_the_limit() {
    let path = sparse_file("huge.detente.ron", MAX_PROJECT_BYTES + 1);
    let err = load_project(&path).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!(
            "could not read {}: more than 1073741824 bytes (1 GiB)",
            path.display()
        )),
        "{err}"
    );

    let output = Command::new(env!("CARGO_BIN_EXE_detente"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("huge.detente.ron: more than 1073741824 bytes"),
        "{stderr}"
    );
}

#[test]
fn an_import_over_the_limit_is_refused_naming_the_file_and_the_limit() {
    let path = sparse_file("huge.csv", MAX_IMPORT_BYTES + 1);
    let out = path.with_file_name("out.detente.ron");
    let output = Command::new(env!("CARGO_BIN_EXE_detente"))
        .arg("import")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("huge.csv: more than 1073741824 bytes (1 GiB)")
            && stderr.contains("split it into smaller files"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn a_mapping_over_the_limit_is_refused_naming_the_file_and_the_limit() {
    let input = sparse_file("small.csv", 0);
    std::fs::write(&input, "date,title\n2025-01-01,x\n").unwrap();
    let mapping = sparse_file("mapping.json", (1 << 20) + 1);
    let out = input.with_file_name("mapped.detente.ron");
    let output = Command::new(env!("CARGO_BIN_EXE_detente"))
        .arg("import")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--mapping")
        .arg(&mapping)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("could not read the mapping")
            && stderr.contains("mapping.json: more than 1048576 bytes (1 MiB)"),
        "{stderr}"
    );
}
