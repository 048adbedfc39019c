//! What the import dialog's kittests share (`mod support;` in each).

use detente::ui::DetenteApp;
use egui_kittest::Harness;

/// Steps the app until `done` holds (background threads finish in a few frames).
pub fn run_until(
    harness: &mut Harness<'_, DetenteApp>,
    done: impl Fn(&Harness<'_, DetenteApp>) -> bool,
) {
    for _ in 0..200 {
        harness.run_steps(4);
        if done(harness) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("timed out");
}

/// Steps the app until the import dialog shows its preview (made on a thread: Import stays
/// off until it is in).
pub fn wait_for_preview(harness: &mut Harness<'_, DetenteApp>) {
    use egui_kittest::kittest::Queryable as _;
    run_until(harness, |h| {
        h.query_by_label("Import").is_some()
            && h.query_by_label_contains("Reading the first rows")
                .is_none()
    });
}
