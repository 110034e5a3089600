//! A count of the work done on an input, so that tests can assert that pathological inputs
//! take linear-ish time by counting steps instead of timing them (timings flake on a busy CI
//! machine; counts do not).
//!
//! Each stage adds what it does to a per-thread counter: the parser the bytes each parse
//! attempt looked at, the cycle check the links it followed. A test resets the counter, runs a
//! stage on an input of size `n`, and asserts the count is at most `c * n`.

use std::cell::Cell;

thread_local! {
    static WORK: Cell<u64> = const { Cell::new(0) };
}

/// Adds `n` steps of work.
#[inline]
pub fn add(n: usize) {
    WORK.with(|w| w.set(w.get().saturating_add(n as u64)));
}

/// The steps counted on this thread so far.
#[cfg(test)]
fn get() -> u64 {
    WORK.with(Cell::get)
}

/// Runs `f` and returns its result with the work it counted.
#[cfg(test)]
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = get();
    let out = f();
    (out, get().saturating_sub(before))
}
