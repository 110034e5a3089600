//! The repository itself: the shape of `src/` and `tests/`, what ships (the models' findings,
//! `rules/RULES.md`), the getting-started guide followed as written, and the release workflow
//! and Dockerfile.

mod architecture;
mod distribution;
mod kom_i_gang;
mod layout;
mod shipped;
