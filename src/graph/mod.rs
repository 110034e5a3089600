//! The barrier dependency graph: a model's items, its findings and the legal sources they rest
//! on, as one petgraph graph built once from an [`Evaluation`](crate::engine::Evaluation); the
//! analyses that read it (which services are blocked, by what, and what to remove first). Its
//! drawings live in the render wing ([`crate::render::graph`]).
//!
//! Every edge points the way a barrier travels: a barrier blocks a flow, the flow is required by a
//! service, the service is needed by the services that depend on it, and reaches its recipients.
//! Opportunities point at the barriers they mitigate, and legal sources at the findings that rest
//! on them. Drawings therefore read left to right, from law to people.
//!
//! What makes a service blocked (see [`analysis`]): an unmitigated `error` barrier on
//!
//! - the service itself,
//! - a flow or agreement the service `requires`,
//! - a flow into the service (`flow hours: frivilligsentral -> doerbesok`),
//! - the service's `provider` (an actor that may not act cannot deliver),
//! - or, transitively, on any service it `depends_on`.
//!
//! Barriers on recipients, on a flow's sender, and on agreements the service does not require
//! do not count: they are drawn but do not change the status. Model-level findings are drawn but
//! sit on no item.

mod analysis;
mod build;

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;

#[cfg(test)]
pub use analysis::spelled_out;
pub use analysis::{
    root_barriers, service_statuses, unlock_order, unmitigated_barriers, Effect, RootBarrier,
    ServiceStatus, Status, UnlockStep,
};
pub use build::{BarrierGraph, EdgeKind, Node, NodeKind};

/// What can go wrong when asking the graph for something. The words are the catalogue's
/// (`graph-unknown-focus*` in `locales/<lang>/graph.ftl`), in bokmål until [`GraphError::in_lang`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
pub enum GraphError {
    /// `--focus` names nothing in the graph.
    #[error("{}", crate::text!(*lang, "graph-unknown-focus", id = id.as_str()))]
    #[diagnostic(code(rammelab::graph::unknown_focus))]
    UnknownFocus {
        id: String,
        /// The closest id there is.
        suggestion: Option<String>,
        #[help]
        help: Option<String>,
        lang: crate::base::lang::Lang,
    },
}

impl GraphError {
    /// `--focus ID` with an id nothing in the graph has; `suggestion` the closest there is.
    pub fn unknown_focus(id: &str, suggestion: Option<String>) -> GraphError {
        GraphError::UnknownFocus {
            id: id.to_string(),
            suggestion,
            help: None,
            lang: crate::base::lang::Lang::default(),
        }
        .in_lang(crate::base::lang::Lang::default())
    }

    /// The same error in `lang`.
    pub fn in_lang(self, lang: crate::base::lang::Lang) -> GraphError {
        match self {
            GraphError::UnknownFocus { id, suggestion, .. } => {
                let help = Some(match &suggestion {
                    Some(c) => crate::text!(lang, "diag-did-you-mean", suggestion = c.as_str()),
                    None => crate::text!(lang, "graph-unknown-focus-help"),
                });
                GraphError::UnknownFocus {
                    id,
                    suggestion,
                    help,
                    lang,
                }
            }
        }
    }
}
