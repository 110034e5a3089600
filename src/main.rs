fn main() {
    // The command line, with `rammelab.toml`'s values as the options' defaults.
    let code = match rammelab::cli::args::parse_command_line() {
        Ok(cli) => rammelab::cli::run(cli),
        Err(code) => code,
    };
    std::process::exit(code);
}
