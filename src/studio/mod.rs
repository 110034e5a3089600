//! `rammelab studio`: a local web application where a lab session happens. The pages, styles
//! and scripts are built into the binary (`assets/`); the server answers only its own host
//! names, refuses a state change without the session's token, and reads and writes only model
//! files under its folder (see `safety.rs`). Everything it shows is made by `engine.rs`.

mod api;
pub mod engine;
mod pages;
pub mod safety;
mod watch;
pub mod words;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use jiff::civil::Date;
use tokio::sync::broadcast;

use crate::vocab::Lang;

/// How the studio is started.
#[derive(Debug)]
pub struct Config {
    /// The workspace folder, canonical.
    pub dir: PathBuf,
    pub addr: SocketAddr,
    pub read_only: bool,
    pub lang: Lang,
    pub at: Date,
    pub engine: engine::Engine,
}

/// What every request sees.
#[derive(Debug)]
pub struct Studio {
    pub config: Config,
    pub token: String,
    /// The `Host` values answered (filled in once the port is known).
    pub hosts: Vec<String>,
    /// Changes of model files on disk, as paths relative to the folder.
    pub changes: broadcast::Sender<String>,
}

/// The name of the header that carries the session's token.
pub const TOKEN_HEADER: &str = "x-rammelab-token";

/// The Content-Security-Policy of every answer: only the studio's own scripts and styles, no
/// inline script, nothing from elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; \
base-uri 'none'";

/// The studio's routes, for `serve` and for tests that drive it in-process.
pub fn router(studio: Arc<Studio>) -> Router {
    let body_limit = body_limit(&studio);
    Router::new()
        .route("/", get(pages::index))
        .route("/assets/{name}", get(pages::asset))
        .route("/api/workspace", get(api::workspace))
        .route("/api/model", get(api::model))
        .route("/api/events", get(watch::events))
        .route("/api/view", post(api::view))
        .route("/api/lab", post(api::lab))
        .route("/api/report", post(api::report))
        .route("/api/save", post(api::save))
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn_with_state(studio.clone(), guard))
        .with_state(studio)
}

/// The largest request body: a model at the size limit, and room for the rest of the JSON.
fn body_limit(studio: &Studio) -> usize {
    usize::try_from(studio.config.engine.limits.max_file_size())
        .unwrap_or(usize::MAX)
        .saturating_add(64 * 1024)
}

/// Refuses a foreign `Host` or `Origin` (DNS rebinding, other sites) and a state-changing
/// request without the token; sets the security headers on every answer.
async fn guard(State(studio): State<Arc<Studio>>, request: Request, next: Next) -> Response {
    if let Some(refusal) = refuse(&studio, request.method(), request.headers()) {
        return with_headers(refusal);
    }
    with_headers(next.run(request).await)
}

fn refuse(studio: &Studio, method: &Method, headers: &HeaderMap) -> Option<Response> {
    let text = |h: &header::HeaderName| headers.get(h).and_then(|v| v.to_str().ok());
    let host_ok = text(&header::HOST).is_some_and(|h| studio.hosts.iter().any(|a| a == h));
    if !host_ok {
        return Some(api::error(StatusCode::MISDIRECTED_REQUEST, "host"));
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let ok = origin
            .to_str()
            .is_ok_and(|o| safety::origin_allowed(o, &studio.hosts));
        if !ok {
            return Some(api::error(StatusCode::FORBIDDEN, "origin"));
        }
    }
    let length = text(&header::CONTENT_LENGTH).and_then(|l| l.parse::<u64>().ok());
    if length.is_some_and(|l| l > body_limit(studio) as u64) {
        return Some(api::error(StatusCode::PAYLOAD_TOO_LARGE, "too-large"));
    }
    if method != Method::GET && method != Method::HEAD {
        let given = headers
            .get(TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !safety::same_token(given, &studio.token) {
            return Some(api::error(StatusCode::FORBIDDEN, "token"));
        }
    }
    None
}

fn with_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    let pairs = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in pairs {
        h.insert(name, header::HeaderValue::from_static(value));
    }
    response
}

/// Binds the address, tells `ready` where it serves, and answers until the process ends.
pub fn serve(config: Config, ready: impl FnOnce(SocketAddr, &str)) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        let (changes, _) = broadcast::channel(64);
        let dir = config.dir.clone();
        let studio = Arc::new(Studio {
            hosts: safety::allowed_hosts(addr),
            token: safety::new_token(),
            changes: changes.clone(),
            config,
        });
        let _watcher = watch::start(&dir, changes);
        ready(addr, &studio.token);
        axum::serve(listener, router(studio)).await
    })
}
