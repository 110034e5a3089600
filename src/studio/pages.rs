//! The page and its assets, built into the binary. The page is a minijinja template with
//! autoescape on (model text never reaches it: the scripts put text in with `textContent`);
//! the words of its language and the session's token travel in it as data, not as script.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::{words, Studio};
use crate::vocab::Lang;

const INDEX: &str = include_str!("assets/index.html");

/// The assets by name: (content type, text).
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "studio.css",
        "text/css; charset=utf-8",
        include_str!("assets/studio.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
    (
        "editor.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/editor.js"),
    ),
    (
        "graph.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/graph.js"),
    ),
    (
        "panels.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/panels.js"),
    ),
];

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    lang: Option<String>,
}

/// `GET /`: the studio, in the language asked for (`?lang=en`) or the studio's default.
pub async fn index(State(studio): State<Arc<Studio>>, Query(query): Query<PageQuery>) -> Response {
    let lang = match query.lang.as_deref() {
        Some("en") => Lang::En,
        Some("nb") => Lang::Nb,
        _ => studio.config.lang,
    };
    match render(&studio, lang) {
        Ok(html) => Html(html).into_response(),
        Err(_) => super::api::error(StatusCode::INTERNAL_SERVER_ERROR, "internal"),
    }
}

fn render(studio: &Studio, lang: Lang) -> Result<String, minijinja::Error> {
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_template("index.html", INDEX)?;
    let (code, other) = match lang {
        Lang::Nb => ("nb", "en"),
        Lang::En => ("en", "nb"),
    };
    let t = words::table(lang);
    let words_json = serde_json::to_string(&t).unwrap_or_default();
    env.get_template("index.html")?.render(minijinja::context! {
        lang => code,
        other => other,
        t => t,
        words_json => words_json,
        token => studio.token,
        read_only => studio.config.read_only,
        at => studio.config.at.to_string(),
    })
}

/// `GET /assets/NAME`: a style sheet or script module.
pub async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, kind, text)) => ([(header::CONTENT_TYPE, *kind)], *text).into_response(),
        None => super::api::error(StatusCode::NOT_FOUND, "not-found"),
    }
}
