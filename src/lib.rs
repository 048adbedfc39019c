//! Detente: a desktop timeline viewer for analysts who follow diplomacy.
//!
//! The crate is layered so that the architecture reads from the folders:
//! - [`model`]: the project's data and its validation (pure, no UI, no I/O);
//! - [`io`]: project files, the embedded sample, atomic saves;
//! - [`layout`]: what the timeline draws for a view range (pure);
//! - [`geo`]: world outlines, the map projection and the city gazetteer (pure);
//! - [`formats`]: what import and export agree on about other tools' files (pure);
//! - [`intake`]: a news report read into proposed dates, claims, events and positions (pure);
//! - [`app`]: application state and the commands that change a project (no egui);
//! - [`ui`]: the egui front end, which reads the state and emits commands;
//! - [`cli`]: the command-line subcommands.

pub mod app;
pub mod cli;
pub mod export;
pub mod formats;
pub mod generate;
pub mod geo;
pub mod import;
pub mod intake;
pub mod io;
pub mod layout;
pub mod model;
pub mod query;
pub mod ui;
