//! The command line: tests that run the built `rammelab` binary (its commands, exit codes,
//! outputs, the language server and the studio's HTTP API) and read only what it prints and
//! writes.

#[allow(dead_code)]
#[path = "../common/mod.rs"]
mod common;
#[allow(dead_code)]
#[path = "../studio_support/mod.rs"]
mod studio_support;

mod binary;
mod builtin_proposals;
mod check_batch;
mod check_formats;
mod config;
mod docs_cmds;
mod exit_codes;
mod fix;
mod graph;
mod human_output;
mod lsp;
mod pipes;
mod report;
mod robustness;
mod rule_diagnostics;
mod studio_api;
mod verified;
mod whatif_cli;
mod words;
