//! Follows the folder on disk: a model file changed by another editor or `git pull` is pushed
//! to the pages as a server-sent event, so that they follow within a second.

use std::collections::HashMap;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use tokio::sync::broadcast;

use super::Studio;

/// How long the watcher waits for a burst of writes (an editor's save) to settle.
const SETTLE: Duration = Duration::from_millis(150);

/// What tells a changed file from a file that was only read: its size and modification time.
type Stamp = Option<(u64, Option<std::time::SystemTime>)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// Starts watching `dir`; each changed `*.lsm` is sent as its path relative to `dir`. A file
/// only opened or read (by the studio itself, answering a page) also raises an event, so an
/// event counts only when the file's size or modification time moved. `None` when the folder
/// cannot be watched (the studio still works, without following the disk).
pub fn start(
    dir: &Path,
    changes: broadcast::Sender<String>,
) -> Option<Debouncer<notify_debouncer_mini::notify::RecommendedWatcher>> {
    let root: PathBuf = dir.to_path_buf();
    let mut seen: HashMap<PathBuf, Stamp> = walkdir::WalkDir::new(dir)
        .max_depth(6)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|x| x == "lsm"))
        .map(|p| {
            let s = stamp(&p);
            (p, s)
        })
        .collect();
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        for e in events {
            if e.path.extension().is_none_or(|x| x != "lsm") {
                continue;
            }
            let now = stamp(&e.path);
            if seen.get(&e.path) == Some(&now) {
                continue;
            }
            seen.insert(e.path.clone(), now);
            if let Some(rel) = super::api::relative(&root, &e.path) {
                let _ = changes.send(rel);
            }
        }
    };
    let mut debouncer = new_debouncer(SETTLE, handler).ok()?;
    debouncer
        .watcher()
        .watch(dir, RecursiveMode::Recursive)
        .ok()?;
    Some(debouncer)
}

/// `GET /api/events`: a stream of `changed` events, each with the path of a model file.
pub async fn events(
    State(studio): State<Arc<Studio>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let rx = studio.changes.subscribe();
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(path) => {
                    let event = Event::default().event("changed").data(path);
                    return Some((Ok(event), rx));
                }
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}
