//! `rammelab-gen`: synthetic models and the benchmark rule pack, for `benches/side-by-side.sh`
//! and `docs/performance.md`. A development tool, not part of the `rammelab` binary:
//!
//! ```text
//! cargo run --release -p rammelab-gen -- model --actors 1000 -o gen.lsm --json gen.json
//! cargo run --release -p rammelab-gen -- pack --rules 20 -o bench.yaml --rego bench.rego
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use rammelab_gen::{generate, pack, Spec};

/// Synthetic models and the benchmark pack, for rammelab's benchmarks.
#[derive(Debug, Parser)]
#[command(name = "rammelab-gen", version)]
struct Cli {
    #[command(subcommand)]
    command: GenCommand,
}

#[derive(Debug, Subcommand)]
enum GenCommand {
    /// A synthetic model: N actors, 3N services, 8N flows, 2N agreements.
    Model(ModelArgs),
    /// The benchmark rule pack in YAML, and the same rules in Rego.
    Pack(PackArgs),
}

#[derive(Debug, Args)]
struct ModelArgs {
    /// Number of actors (N).
    #[arg(long, default_value_t = 1000)]
    actors: usize,
    /// Seed of the generator; the same seed gives the same model.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the `.lsm` file (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also write the JSON form of the model here.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct PackArgs {
    /// Number of rules (at most 200).
    #[arg(long, default_value_t = 200)]
    rules: usize,
    /// Where to write the YAML pack (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also write the Rego policy here.
    #[arg(long, value_name = "FILE")]
    rego: Option<PathBuf>,
}

fn main() -> ExitCode {
    let written = match Cli::parse().command {
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
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rammelab-gen: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes `text` to `path`, or to standard output when there is no path.
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
