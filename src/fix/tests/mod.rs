//! The fixes: each edit on small models, and every fix on the snapshot corpus and the shipped
//! model.

mod corpus;
mod fixes;
