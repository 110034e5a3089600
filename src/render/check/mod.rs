//! The formats of `rammelab check`, one file a format, each rendering the
//! [check view](crate::view::CheckReport): [`human`] (and the concise form), [`json`],
//! [`sarif`], [`junit`], [`github`] (and the step summary) and [`gitlab`].

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
mod text;
