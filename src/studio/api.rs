//! The studio's JSON API: the workspace, a model's text, the view of an edit, the lab table,
//! the report and saving. Every refusal is a status with a JSON body that says why in bokmål
//! and English (`words::error`, from `locales/*/studio.ftl`).

// A refusal is the answer itself, so the helpers return it as their error; its size is axum's.
#![allow(clippy::result_large_err)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};

use super::engine::Ask;
use super::safety::{confine_file, PathRefused};
use super::{words, Studio};
use crate::vocab::Lang;

/// An error answer: `{"error": code, "nb": …, "en": …}`.
pub fn error(status: StatusCode, code: &str) -> Response {
    error_with(status, code, None)
}

fn error_with(status: StatusCode, code: &str, detail: Option<String>) -> Response {
    let (nb, en) = words::error(code);
    let body = serde_json::json!({ "error": code, "nb": nb, "en": en, "detail": detail });
    (status, Json(body)).into_response()
}

fn refused(e: &PathRefused) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::BAD_REQUEST);
    error_with(status, "path", Some(e.to_string()))
}

fn bad_json(e: &JsonRejection) -> Response {
    match e {
        JsonRejection::BytesRejection(_) => error_with(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            Some(e.body_text()),
        ),
        _ => error_with(StatusCode::BAD_REQUEST, "malformed", Some(e.body_text())),
    }
}

pub async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "not-found")
}

#[derive(Debug, Serialize)]
struct Workspace {
    models: Vec<String>,
    overlays: Vec<super::engine::OverlayChoice>,
    at: String,
    lang: &'static str,
    read_only: bool,
}

/// The models (variants included, as paths under `variants/`), the overlays and the defaults.
pub async fn workspace(
    State(studio): State<Arc<Studio>>,
    query: Result<Query<LangQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let lang = match query.as_ref().map(|q| q.lang.as_deref()) {
        Ok(Some("en")) => Lang::En,
        Ok(Some("nb")) => Lang::Nb,
        _ => studio.config.lang,
    };
    let dir = &studio.config.dir;
    let files = files_under(dir, &["lsm", "yaml", "yml"]);
    let models = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "lsm"))
        .filter_map(|p| relative(dir, p))
        .collect();
    let overlay_files: Vec<PathBuf> = files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e != "lsm"))
        .collect();
    let engine = &studio.config.engine;
    Json(Workspace {
        models,
        overlays: engine.overlays(lang, &overlay_files),
        at: studio.config.at.to_string(),
        lang: lang_code(lang),
        read_only: studio.config.read_only,
    })
    .into_response()
}

/// Files under `dir` (not following links, at most six folders deep), sorted.
fn files_under(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .max_depth(6)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| exts.iter().any(|x| e == *x)))
        .filter(|p| !p.components().any(|c| c.as_os_str() == "target"))
        .collect();
    out.sort();
    out
}

pub fn relative(dir: &Path, p: &Path) -> Option<String> {
    let rel = p.strip_prefix(dir).ok()?;
    Some(rel.to_str()?.replace('\\', "/"))
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
    }
}

#[derive(Debug, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct PathQuery {
    path: String,
}

/// A model's text as saved.
pub async fn model(
    State(studio): State<Arc<Studio>>,
    query: Result<Query<PathQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return error(StatusCode::BAD_REQUEST, "malformed");
    };
    let path = match confine_file(&studio.config.dir, &q.path, &["lsm"]) {
        Ok(p) => p,
        Err(e) => return refused(&e),
    };
    let max = studio.config.engine.limits.max_file_size();
    match crate::base::fsutil::read_limited(&path, max) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Json(serde_json::json!({ "path": q.path, "text": text })).into_response(),
            Err(_) => error(StatusCode::UNPROCESSABLE_ENTITY, "not-utf8"),
        },
        Err(e) => error_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unreadable",
            Some(e.to_string()),
        ),
    }
}

/// What the page sends for a view, the lab, a report or a save.
#[derive(Debug, Deserialize)]
pub struct Edit {
    path: String,
    text: String,
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    overlays: Vec<String>,
    #[serde(default)]
    focus: Option<String>,
    #[serde(default)]
    format: Option<String>,
}

/// An edit checked: the file it names, its date and language, or the refusal.
struct Checked {
    file: PathBuf,
    at: jiff::civil::Date,
    lang: Lang,
}

fn check_edit(studio: &Studio, edit: &Edit) -> Result<Checked, Response> {
    let file = confine_file(&studio.config.dir, &edit.path, &["lsm"]).map_err(|e| refused(&e))?;
    let max = studio.config.engine.limits.max_file_size();
    if edit.text.len() as u64 > max {
        return Err(error(StatusCode::PAYLOAD_TOO_LARGE, "too-large"));
    }
    let at = match edit.at.as_deref().filter(|s| !s.is_empty()) {
        None => studio.config.at,
        Some(s) => s
            .parse()
            .map_err(|_| error(StatusCode::BAD_REQUEST, "date"))?,
    };
    let lang = match edit.lang.as_deref() {
        None => studio.config.lang,
        Some("nb") => Lang::Nb,
        Some("en") => Lang::En,
        Some(_) => return Err(error(StatusCode::BAD_REQUEST, "lang")),
    };
    Ok(Checked { file, at, lang })
}

fn ask<'a>(edit: &'a Edit, c: &'a Checked) -> Ask<'a> {
    Ask {
        file: &c.file,
        shown: &edit.path,
        text: &edit.text,
        at: c.at,
        lang: c.lang,
        overlays: &edit.overlays,
        focus: edit.focus.as_deref(),
    }
}

/// Runs the engine off the async threads: a large model must not hold up the events.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| error(StatusCode::INTERNAL_SERVER_ERROR, "internal"))
}

/// Diagnostics, colouring, findings and graph of the text as it stands in the editor.
pub async fn view(
    State(studio): State<Arc<Studio>>,
    body: Result<Json<Edit>, JsonRejection>,
) -> Response {
    let edit = match body {
        Ok(Json(e)) => e,
        Err(e) => return bad_json(&e),
    };
    let checked = match check_edit(&studio, &edit) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let s = studio.clone();
    let started = std::time::Instant::now();
    match blocking(move || s.config.engine.view(&ask(&edit, &checked))).await {
        Ok(v) => {
            let micros = started.elapsed().as_micros();
            let mut json = serde_json::to_value(&v).unwrap_or_default();
            if let Some(o) = json.as_object_mut() {
                o.insert("server_us".into(), serde_json::json!(micros as u64));
            }
            Json(json).into_response()
        }
        Err(r) => r,
    }
}

/// The lab table of the model.
pub async fn lab(
    State(studio): State<Arc<Studio>>,
    body: Result<Json<Edit>, JsonRejection>,
) -> Response {
    let edit = match body {
        Ok(Json(e)) => e,
        Err(e) => return bad_json(&e),
    };
    let checked = match check_edit(&studio, &edit) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let s = studio.clone();
    match blocking(move || s.config.engine.lab(&ask(&edit, &checked))).await {
        Ok(Ok(t)) => Json(t).into_response(),
        Ok(Err(e)) => error_with(StatusCode::UNPROCESSABLE_ENTITY, "model", Some(e)),
        Err(r) => r,
    }
}

/// The lab report of what is on screen, as a download (`format`: `html` or `md`).
pub async fn report(
    State(studio): State<Arc<Studio>>,
    body: Result<Json<Edit>, JsonRejection>,
) -> Response {
    let edit = match body {
        Ok(Json(e)) => e,
        Err(e) => return bad_json(&e),
    };
    let checked = match check_edit(&studio, &edit) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let html = match edit.format.as_deref() {
        None | Some("html") => true,
        Some("md") => false,
        Some(_) => return error(StatusCode::BAD_REQUEST, "format"),
    };
    let s = studio.clone();
    match blocking(move || s.config.engine.report(&ask(&edit, &checked), html)).await {
        Ok(Ok(text)) => {
            let (kind, name) = if html {
                (
                    "text/html; charset=utf-8",
                    "attachment; filename=\"rapport.html\"",
                )
            } else {
                (
                    "text/markdown; charset=utf-8",
                    "attachment; filename=\"rapport.md\"",
                )
            };
            let headers = [
                (header::CONTENT_TYPE, kind),
                (header::CONTENT_DISPOSITION, name),
            ];
            (headers, text).into_response()
        }
        Ok(Err(e)) => error_with(StatusCode::UNPROCESSABLE_ENTITY, "model", Some(e)),
        Err(r) => r,
    }
}

/// Saves the editor's text over the model file with the same atomic write as `fmt`. Refused
/// in read-only mode; only an existing model file under the folder is written.
pub async fn save(
    State(studio): State<Arc<Studio>>,
    body: Result<Json<Edit>, JsonRejection>,
) -> Response {
    if studio.config.read_only {
        return error(StatusCode::FORBIDDEN, "read-only");
    }
    let edit = match body {
        Ok(Json(e)) => e,
        Err(e) => return bad_json(&e),
    };
    let checked = match check_edit(&studio, &edit) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let text = edit.text;
    let file = checked.file;
    let written = blocking(move || crate::base::fsutil::atomic_write(&file, text.as_bytes())).await;
    match written {
        Ok(Ok(())) => Json(serde_json::json!({ "saved": edit.path })).into_response(),
        Ok(Err(e)) => error_with(
            StatusCode::INTERNAL_SERVER_ERROR,
            "write",
            Some(e.message(checked.lang)),
        ),
        Err(r) => r,
    }
}
