//! How each service of an evaluated model stands: the graph module's analysis
//! ([`crate::graph::service_statuses`]), called the one way the what-if lab needs it.

use crate::engine::Evaluation;
use crate::graph::{BarrierGraph, ServiceStatus};

pub use crate::graph::Status;

/// The status of every service of the evaluated model, in source order.
pub fn service_statuses(eval: &Evaluation<'_>) -> Vec<ServiceStatus> {
    crate::graph::service_statuses(&BarrierGraph::build(eval))
}
