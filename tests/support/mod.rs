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
