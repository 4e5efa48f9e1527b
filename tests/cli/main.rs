//! CLI tests: the binary run over fixture folders, asserting what a user
//! sees: exit codes, diagnostics with code, line and column, and output.

mod check;
mod codes;
mod corpus;
mod export;
mod faults;
mod fixtures;
mod help;
mod import;
mod judgement;
mod languages;
mod localize;
mod memory;
mod mt;
mod paths;
mod roundtrip;
mod rules;
mod serve;
mod support;
mod templates;
mod text;
mod trees;
