//! The vocabulary's tests: the language guides carry its tables.

mod docs;
