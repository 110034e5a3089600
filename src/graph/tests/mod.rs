//! The analyses on small hand-made graphs, and the graph of the shipped models.

mod analysis;
mod shipped;
