//! `rammelab gen` (hidden): synthetic models and the benchmark rule pack, for `cargo bench` and
//! `docs/performance.md`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{EXIT_INPUT, EXIT_OK};
use crate::gen::{generate, pack, Spec};

#[derive(Debug, Subcommand)]
pub enum GenCommand {
    /// A synthetic model: N actors, 3N services, 8N flows, 2N agreements.
    Model(ModelArgs),
    /// The benchmark rule pack in YAML, and the same rules in Rego.
    Pack(PackArgs),
}

#[derive(Debug, Args)]
pub struct ModelArgs {
    /// Number of actors (N).
    #[arg(long, default_value_t = 1000)]
    pub actors: usize,
    /// Seed of the generator; the same seed gives the same model.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Where to write the `.lsm` file (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write the JSON form of the model here.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PackArgs {
    /// Number of rules (at most 200).
    #[arg(long, default_value_t = 200)]
    pub rules: usize,
    /// Where to write the YAML pack (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write the Rego policy here.
    #[arg(long, value_name = "FILE")]
    pub rego: Option<PathBuf>,
}

pub fn run(c: GenCommand) -> i32 {
    let written = match c {
        GenCommand::Model(a) => {
            let g = generate(Spec::new(a.actors, a.seed));
            write(a.output.as_deref(), &g.to_lsm()).and_then(|()| {
                a.json
                    .as_deref()
                    .map_or(Ok(()), |p| write(Some(p), &g.to_json()))
            })
        }
        GenCommand::Pack(a) => {
            write(a.output.as_deref(), &pack::pack_yaml(a.rules)).and_then(|()| {
                a.rego
                    .as_deref()
                    .map_or(Ok(()), |p| write(Some(p), &pack::pack_rego(a.rules)))
            })
        }
    };
    match written {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("rammelab: {e}");
            EXIT_INPUT
        }
    }
}

fn write(path: Option<&Path>, text: &str) -> Result<(), String> {
    match path {
        Some(p) => {
            std::fs::write(p, text).map_err(|e| format!("cannot write `{}`: {e}", p.display()))
        }
        None => {
            use std::io::Write as _;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    }
}
