//! Build script: for Windows targets, embeds `assets/icon/detente.ico` as the executable's
//! icon resource, which Explorer, the taskbar and shortcuts show (the window icon is set at
//! run time, src/ui/mod.rs). Nothing happens for other targets.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/detente.ico");
    // A build script runs on the host: `cfg(windows)` here would ask whether the *host* is
    // Windows. The target Cargo builds for is in CARGO_CFG_TARGET_OS, which is what decides.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        embed_windows_icon();
    }
}

fn embed_windows_icon() {
    let mut resource = winresource::WindowsResource::new();
    resource.set_icon("assets/icon/detente.ico");
    // rc.exe comes with the Windows SDK that MSVC builds need anyway; a cross build needs
    // mingw's windres or llvm-rc (packaging/README.md). Without one the program still builds
    // and runs, only without its icon in Explorer, so a warning rather than a failed build.
    if let Err(err) = resource.compile() {
        println!("cargo:warning=the Windows icon resource was not embedded: {err}");
    }
}
