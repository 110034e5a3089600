use clap::Parser;

fn main() {
    let cli = rammelab::cli::Cli::parse();
    std::process::exit(rammelab::cli::run(cli));
}
