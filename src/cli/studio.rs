//! `rammelab studio [DIR]`: serves the lab session's web application for the models in DIR
//! on the loopback address, and prints where.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use clap::Args;

use super::args::{print_rule_errors, AtArgs, LangArgs, RulesArgs};
use super::{EXIT_INPUT, EXIT_OK};
use crate::studio::{self, engine::Engine, Config};
use crate::vocab::Lang;

/// Arguments of `studio`.
#[derive(Debug, Args)]
pub struct StudioArgs {
    /// The folder of models (`*.lsm`) and overlays (`*.yaml`) to serve; only files under it
    /// are read or written.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// The port to serve on (0: any free port).
    #[arg(long, default_value_t = 7878)]
    pub port: u16,
    /// Open the studio in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Serve on this address instead of the loopback address (127.0.0.1). Every machine that
    /// can reach it can then read the models, and change them unless `--read-only`.
    #[arg(long, value_name = "ADDRESS")]
    pub bind: Option<IpAddr>,
    /// Presentation mode: nothing is saved.
    #[arg(long)]
    pub read_only: bool,
    #[command(flatten)]
    pub rules: RulesArgs,
    #[command(flatten)]
    pub at: AtArgs,
    #[command(flatten)]
    pub lang: LangArgs,
    #[command(flatten)]
    pub limits: super::limits::LimitArgs,
}

/// Runs the studio until the process is stopped.
pub fn run(args: &StudioArgs) -> super::Exit {
    let lang = args.lang.lang;
    let dir = match std::fs::canonicalize(&args.dir) {
        Ok(d) if d.is_dir() => d,
        _ => {
            errln!("{}", no_folder(&args.dir, lang));
            return EXIT_INPUT;
        }
    };
    // Variants extend models elsewhere in the folder: it is their project (fsutil::confine).
    crate::base::fsutil::remember_given_folders(std::slice::from_ref(&dir));
    let rules = match args.rules.load() {
        Ok(r) => r,
        Err(e) => {
            print_rule_errors(&e, lang);
            return EXIT_INPUT;
        }
    };
    let ip = args.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    if !ip.is_loopback() {
        errln!("{}", exposed(ip, args.read_only, lang));
    }
    let config = Config {
        engine: Engine {
            rules,
            limits: args.limits.limits(),
            dir: dir.clone(),
        },
        dir,
        addr: SocketAddr::new(ip, args.port),
        read_only: args.read_only,
        lang,
        at: args.at.date(),
    };
    let open = args.open;
    let served = studio::serve(config, |addr, _token| {
        let url = format!("http://{addr}/");
        outln!("{}", crate::text!(lang, "cli-studio-running", url = &url));
        if open {
            open_browser(&url, lang);
        }
    });
    match served {
        Ok(()) => EXIT_OK,
        Err(e) => {
            errln!(
                "{}",
                crate::text!(
                    lang,
                    "cli-studio-start-failed",
                    ip = ip.to_string(),
                    port = args.port.to_string(),
                    error = e.to_string()
                )
            );
            EXIT_INPUT
        }
    }
}

fn no_folder(dir: &std::path::Path, lang: Lang) -> String {
    crate::text!(
        lang,
        "cli-studio-not-folder",
        dir = dir.display().to_string()
    )
}

/// What serving on another address than the loopback exposes, said plainly.
fn exposed(ip: IpAddr, read_only: bool, lang: Lang) -> String {
    let key = if read_only {
        "cli-studio-exposed-read-only"
    } else {
        "cli-studio-exposed"
    };
    crate::text!(lang, key, ip = ip.to_string())
}

/// Opens the default browser; a failure is only a note (the address is printed).
fn open_browser(url: &str, lang: Lang) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(program)
        .arg(url)
        .spawn()
        .is_err()
    {
        errln!(
            "{}",
            crate::text!(lang, "cli-studio-open-failed", program = program, url = url)
        );
    }
}
