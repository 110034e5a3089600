//! The engine on the shipped packs and models: findings, dates, explanations, mitigations, the
//! packs' own tests, property tests of the rule side through to evaluation, and the planner
//! held to the reference evaluator on generated cases.

mod evaluate;
mod planned;
mod rule_packs;
mod rule_properties;
