//! The engine on the shipped packs and models: findings, dates, explanations, mitigations, the
//! packs' own tests, and property tests of the rule side through to evaluation.

mod common;
mod evaluate;
mod rule_packs;
mod rule_properties;
