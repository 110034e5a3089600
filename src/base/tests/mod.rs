//! The base stage's tests: the limits on what is read, and linear work on any input, proven
//! by the work counter (`limits::work`).

mod limits;
mod linear;
