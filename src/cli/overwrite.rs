//! Whether a command may write its output file: never over one of its inputs, and over any
//! other existing file only with `--force`.
//!
//! A command line tool that silently replaces files loses work on a typo (`-o` given the
//! project instead of `project.csv`), and the atomic write makes the loss complete. The app's
//! own dialogs ask before replacing, so they do not go through here.

use std::path::Path;

/// What the output may replace.
#[derive(Clone, Copy, Debug)]
pub struct Overwrite<'a> {
    /// Files the command reads: the output must never be one of them.
    pub inputs: &'a [&'a Path],
    /// A file the output may replace without `--force` (the project `--into` merges into,
    /// which the merged project holds whole).
    pub updates: Option<&'a Path>,
    /// `--force`: replace any other existing file.
    pub force: bool,
    /// What to suggest besides `--force` when the output exists.
    pub hint: &'a str,
}

impl Overwrite<'_> {
    /// `Ok` when `output` may be written, else the reason it may not.
    pub fn check(&self, output: &Path) -> Result<(), String> {
        if output.symlink_metadata().is_err() {
            // Nothing there (or nothing this user can see): the write creates it or fails.
            return Ok(());
        }
        let shown = output.display();
        if let Some(input) = self.inputs.iter().find(|i| same_file(output, i)) {
            let alias = if *input == output {
                String::new()
            } else {
                format!(" (the same file as the input {})", input.display())
            };
            return Err(format!(
                "{shown} is an input{alias}: refusing to write over it; choose another output file"
            ));
        }
        if self.force || self.updates.is_some_and(|u| same_file(output, u)) {
            return Ok(());
        }
        Err(format!(
            "{shown} already exists: pass --force to replace it{}",
            self.hint
        ))
    }
}

/// Whether two paths name one file: the same device and inode on Unix (hard links and
/// symbolic links included), the same canonical path elsewhere.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failure with its reason

    use super::*;

    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("detente-overwrite-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn one_file_under_other_names_is_the_same_file() {
        let dir = temp_dir("names");
        let file = dir.join("p.ron");
        std::fs::write(&file, "x").unwrap();
        let other = dir.join("q.ron");
        std::fs::write(&other, "x").unwrap();
        assert!(same_file(&file, &dir.join(".").join("p.ron")));
        assert!(!same_file(&file, &other));
        assert!(!same_file(&file, &dir.join("missing.ron")));
        std::fs::hard_link(&file, dir.join("hard.ron")).unwrap();
        assert!(same_file(&file, &dir.join("hard.ron")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&file, dir.join("soft.ron")).unwrap();
            assert!(same_file(&dir.join("soft.ron"), &file));
        }
    }

    #[test]
    fn inputs_are_never_replaced_other_files_only_with_force() {
        let dir = temp_dir("rules");
        let input = dir.join("in.csv");
        let existing = dir.join("old.ron");
        for f in [&input, &existing] {
            std::fs::write(f, "x").unwrap();
        }
        let inputs = [input.as_path()];
        let rule = |force, updates| Overwrite {
            inputs: &inputs,
            updates,
            force,
            hint: "",
        };
        for force in [false, true] {
            let refused = rule(force, None).check(&input).unwrap_err();
            assert!(refused.contains("refusing to write over it"), "{refused}");
            assert!(rule(force, None).check(&dir.join("new.ron")).is_ok());
        }
        let refused = rule(false, None).check(&existing).unwrap_err();
        assert!(refused.contains("--force"), "{refused}");
        assert!(rule(true, None).check(&existing).is_ok());
        assert!(rule(false, Some(&existing)).check(&existing).is_ok());
    }
}
