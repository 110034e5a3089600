fn main() {
    // The command line, with `rammelab.toml`'s values as the options' defaults.
    std::process::exit(rammelab::run_cli());
}
