//! The parts of tests/architecture.rs: a lexer and a path finder, each with its own tests.

pub mod lexer;
pub mod paths;
