//! The server's state and its loop: documents, settings, and the dispatch of each message.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::mpsc::TryRecvError;

use lsp_server::{Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, HoverProviderCapability,
    InitializeParams, MessageType, OneOf, PublishDiagnosticsParams, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use serde_json::Value;

use super::engine::{Checked, Engine};
use super::settings::Settings;
use super::text::Text;
use super::transport::{self, Incoming};
use super::words::{word, Word};
use crate::syntax::{ast, Parsed, Span};
use crate::vocab::Lang;

/// What the command line gives the server.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--lang`: the language of messages, over the client's locale.
    pub lang: Option<Lang>,
}

/// An open document and what its last check gave.
pub(crate) struct Doc {
    pub uri: Uri,
    /// Its path (or its URI, for a document that is not a file).
    pub path: PathBuf,
    pub text: Text,
    pub version: i32,
    pub parsed: Parsed,
    pub checked: Checked,
}

impl Doc {
    /// The span of the `extends` line, where what belongs to a base is shown.
    pub fn anchor(&self) -> Span {
        self.parsed
            .file
            .directives
            .iter()
            .find(|d| matches!(d.kind, ast::DirectiveKind::Extends { .. }))
            .map_or(Span::new(0, 0), |d| d.keyword)
    }
}

pub(crate) struct Server {
    pub options: Options,
    pub root: Option<PathBuf>,
    pub locale: Option<Lang>,
    pub settings: Settings,
    /// The settings of `rammelab.toml` and `initializationOptions`, under those of
    /// `didChangeConfiguration`.
    base_settings: Settings,
    pub engine: Engine,
    pub docs: HashMap<String, Doc>,
    dirty: BTreeSet<String>,
    initialized: bool,
    shutdown: bool,
}

/// Serves until the input ends or `exit` arrives; returns the process exit code.
pub fn serve(options: Options) -> i32 {
    let rx = transport::spawn_reader();
    let mut server = Server {
        options,
        root: None,
        locale: None,
        settings: Settings::default(),
        base_settings: Settings::default(),
        engine: Engine::load(&Settings::default(), Lang::default()),
        docs: HashMap::new(),
        dirty: BTreeSet::new(),
        initialized: false,
        shutdown: false,
    };
    loop {
        let incoming = if server.dirty.is_empty() {
            match rx.recv() {
                Ok(m) => m,
                Err(_) => return 0,
            }
        } else {
            match rx.try_recv() {
                Ok(m) => m,
                Err(TryRecvError::Empty) => {
                    server.flush();
                    continue;
                }
                Err(TryRecvError::Disconnected) => return 0,
            }
        };
        match incoming {
            Incoming::Malformed(why) => {
                crate::lsp::log!("rammelab lsp: {why}");
                transport::send_parse_error(&why);
            }
            Incoming::Message(Message::Request(r)) => server.request(r),
            Incoming::Message(Message::Notification(n)) if n.method == "exit" => {
                return if server.shutdown { 0 } else { 1 };
            }
            Incoming::Message(Message::Notification(n)) => server.notification(n),
            Incoming::Message(Message::Response(_)) => {}
        }
    }
}

/// A request's failure: a JSON-RPC error code and message.
pub(crate) type Failure = (i32, String);

const INVALID_PARAMS: i32 = -32602;
const METHOD_NOT_FOUND: i32 = -32601;
const INTERNAL_ERROR: i32 = -32603;
const NOT_INITIALIZED: i32 = -32002;
const INVALID_REQUEST: i32 = -32600;

/// Reads a request's or notification's parameters.
pub(crate) fn params<P: serde::de::DeserializeOwned>(v: Value) -> Result<P, Failure> {
    serde_json::from_value(v).map_err(|e| (INVALID_PARAMS, format!("invalid params: {e}")))
}

impl Server {
    /// The language of messages: `--lang`, else the `lang` setting (`rammelab.toml`, the
    /// client's settings), else the client's locale, else bokmål. The command line wins over
    /// the file, as for every other command.
    pub fn lang(&self) -> Lang {
        self.options
            .lang
            .or(self.settings.lang)
            .or(self.locale)
            .unwrap_or_default()
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        // A bug in a feature is an error answer, not the end of the server.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.answer(r)))
            .unwrap_or_else(|_| Err((INTERNAL_ERROR, "internal error".to_string())));
        respond(id, result);
    }

    fn answer(&mut self, r: Request) -> Result<Value, Failure> {
        if r.method == "initialize" {
            if self.initialized {
                return Err((INVALID_REQUEST, "already initialized".to_string()));
            }
            return self.initialize(params(r.params)?);
        }
        if !self.initialized {
            return Err((NOT_INITIALIZED, "not initialized".to_string()));
        }
        if self.shutdown {
            return Err((INVALID_REQUEST, "shutting down".to_string()));
        }
        self.flush();
        let lang = self.lang();
        let json = |v: Result<Value, serde_json::Error>| v.unwrap_or(Value::Null);
        match r.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            "textDocument/hover" => {
                let p: lsp_types::HoverParams = params(r.params)?;
                let pos = p.text_document_position_params;
                let doc = self.doc(&pos.text_document.uri)?;
                let h = super::hover::hover(self, doc, pos.position, lang);
                Ok(json(serde_json::to_value(h)))
            }
            "textDocument/completion" => {
                let p: lsp_types::CompletionParams = params(r.params)?;
                let pos = p.text_document_position;
                let doc = self.doc(&pos.text_document.uri)?;
                let c = super::complete::complete(self, doc, pos.position, lang);
                Ok(json(serde_json::to_value(c)))
            }
            "textDocument/definition" => {
                let p: lsp_types::GotoDefinitionParams = params(r.params)?;
                let pos = p.text_document_position_params;
                let doc = self.doc(&pos.text_document.uri)?;
                Ok(json(serde_json::to_value(super::navigate::definition(
                    self,
                    doc,
                    pos.position,
                ))))
            }
            "textDocument/references" => {
                let p: lsp_types::ReferenceParams = params(r.params)?;
                let pos = p.text_document_position;
                let doc = self.doc(&pos.text_document.uri)?;
                Ok(json(serde_json::to_value(super::navigate::references(
                    self,
                    doc,
                    pos.position,
                    p.context.include_declaration,
                ))))
            }
            "textDocument/prepareRename" => {
                let p: lsp_types::TextDocumentPositionParams = params(r.params)?;
                let doc = self.doc(&p.text_document.uri)?;
                Ok(json(serde_json::to_value(super::navigate::prepare_rename(
                    self, doc, p.position,
                ))))
            }
            "textDocument/rename" => {
                let p: lsp_types::RenameParams = params(r.params)?;
                let pos = p.text_document_position;
                let doc = self.doc(&pos.text_document.uri)?;
                let edit = super::navigate::rename(self, doc, pos.position, &p.new_name)?;
                Ok(json(serde_json::to_value(edit)))
            }
            "textDocument/documentSymbol" => {
                let p: lsp_types::DocumentSymbolParams = params(r.params)?;
                let doc = self.doc(&p.text_document.uri)?;
                Ok(json(serde_json::to_value(super::navigate::symbols(doc))))
            }
            "textDocument/formatting" => {
                let p: lsp_types::DocumentFormattingParams = params(r.params)?;
                let doc = self.doc(&p.text_document.uri)?;
                Ok(json(serde_json::to_value(super::actions::format(doc))))
            }
            "textDocument/codeAction" => {
                let p: lsp_types::CodeActionParams = params(r.params)?;
                let doc = self.doc(&p.text_document.uri)?;
                let actions = super::actions::code_actions(self, doc, p.range, lang);
                Ok(json(serde_json::to_value(actions)))
            }
            other => Err((METHOD_NOT_FOUND, format!("unknown method `{other}`"))),
        }
    }

    pub fn doc(&self, uri: &Uri) -> Result<&Doc, Failure> {
        self.docs
            .get(uri.as_str())
            .ok_or_else(|| (INVALID_PARAMS, format!("`{}` is not open", uri.as_str())))
    }

    fn initialize(&mut self, p: InitializeParams) -> Result<Value, Failure> {
        #[allow(deprecated)]
        let root = p
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .and_then(|f| super::uri::to_path(&f.uri))
            .or_else(|| p.root_uri.as_ref().and_then(super::uri::to_path));
        self.root = root;
        self.locale = p.locale.as_deref().and_then(super::settings::parse_lang);
        let mut settings = self.config_settings();
        let mut problems = Vec::new();
        if let Some(options) = &p.initialization_options {
            problems = settings.apply_json(options, self.root.as_deref());
        }
        self.base_settings = settings.clone();
        self.initialized = true;
        self.set_settings(settings, problems);
        let capabilities = ServerCapabilities {
            text_document_sync: Some(TextDocumentSyncCapability::Kind(
                TextDocumentSyncKind::INCREMENTAL,
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec![":".into(), " ".into(), "[".into(), ",".into()]),
                ..CompletionOptions::default()
            }),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            rename_provider: Some(OneOf::Right(lsp_types::RenameOptions {
                prepare_provider: Some(true),
                work_done_progress_options: Default::default(),
            })),
            document_symbol_provider: Some(OneOf::Left(true)),
            document_formatting_provider: Some(OneOf::Left(true)),
            code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
            ..ServerCapabilities::default()
        };
        let result = lsp_types::InitializeResult {
            capabilities,
            server_info: Some(ServerInfo {
                name: "rammelab".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        };
        serde_json::to_value(result).map_err(|e| (INTERNAL_ERROR, e.to_string()))
    }

    /// The settings of the project's `rammelab.toml`, when there is one above the root.
    fn config_settings(&self) -> Settings {
        let Some(file) = self.root.as_deref().and_then(crate::config::find) else {
            return Settings::default();
        };
        match crate::config::load(&file) {
            Ok(config) => Settings::from_config(&config),
            Err(e) => {
                let lines: Vec<String> = e.0.iter().map(|e| e.to_string()).collect();
                let text = format!("{}: {}", file.display(), lines.join("; "));
                self.show(MessageType::WARNING, text);
                Settings::default()
            }
        }
    }

    /// Uses new settings: reloads the packs when they changed and checks every document again.
    fn set_settings(&mut self, settings: Settings, problems: Vec<String>) {
        let reload = settings.rules != self.settings.rules
            || settings.overlays != self.settings.overlays
            || settings.no_builtin_rules != self.settings.no_builtin_rules
            || settings.lang != self.settings.lang;
        self.settings = settings;
        let lang = self.lang();
        if !problems.is_empty() {
            let text = format!("{}: {}", word(Word::Settings, lang), problems.join("; "));
            self.show(MessageType::WARNING, text);
        }
        if reload {
            self.engine = Engine::load(&self.settings, lang);
            if !self.engine.problems.is_empty() {
                let text = format!(
                    "{}:\n{}",
                    word(Word::RulesNotLoaded, lang),
                    self.engine.problems.join("\n")
                );
                self.show(MessageType::ERROR, text);
            }
        }
        self.dirty.extend(self.docs.keys().cloned());
    }

    fn show(&self, typ: MessageType, message: String) {
        let n = Notification::new(
            "window/showMessage".to_string(),
            ShowMessageParams { typ, message },
        );
        transport::send(&Message::Notification(n));
    }

    fn notification(&mut self, n: Notification) {
        if !self.initialized {
            return;
        }
        if let Err((_, why)) = self.notify(n) {
            crate::lsp::log!("rammelab lsp: {why}");
        }
    }

    fn notify(&mut self, n: Notification) -> Result<(), Failure> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let p: DidOpenTextDocumentParams = params(n.params)?;
                let key = p.text_document.uri.as_str().to_string();
                let text = Text::new(p.text_document.text);
                let path = super::uri::to_name(&p.text_document.uri);
                let doc = Doc {
                    uri: p.text_document.uri,
                    path,
                    text,
                    version: p.text_document.version,
                    parsed: Parsed::default(),
                    checked: Checked {
                        model: None,
                        errors: Vec::new(),
                        findings: Vec::new(),
                    },
                };
                self.docs.insert(key.clone(), doc);
                self.dirty.insert(key);
            }
            "textDocument/didChange" => {
                let p: DidChangeTextDocumentParams = params(n.params)?;
                let key = p.text_document.uri.as_str().to_string();
                if let Some(doc) = self.docs.get_mut(&key) {
                    doc.text.apply(p.content_changes);
                    doc.version = p.text_document.version;
                    self.dirty.insert(key);
                }
            }
            "textDocument/didSave" => {
                // A saved base changes its variants, which read it from disk.
                self.dirty.extend(self.docs.keys().cloned());
            }
            "textDocument/didClose" => {
                let p: DidCloseTextDocumentParams = params(n.params)?;
                let key = p.text_document.uri.as_str().to_string();
                self.docs.remove(&key);
                self.dirty.remove(&key);
                publish(p.text_document.uri, Vec::new(), None);
            }
            "workspace/didChangeConfiguration" => {
                let p: lsp_types::DidChangeConfigurationParams = params(n.params)?;
                let mut settings = self.base_settings.clone();
                let problems = settings.apply_json(&p.settings, self.root.as_deref());
                self.set_settings(settings, problems);
            }
            _ => {}
        }
        Ok(())
    }

    /// Checks every changed document and publishes its diagnostics.
    fn flush(&mut self) {
        let dirty = std::mem::take(&mut self.dirty);
        let at = self.settings.at.unwrap_or_else(crate::base::today::today);
        let lang = self.lang();
        for key in dirty {
            let Some(doc) = self.docs.get_mut(&key) else {
                continue;
            };
            let engine = &self.engine;
            let findings = self.settings.findings;
            // A bug in the library on some input costs that document its diagnostics, not the
            // server its life.
            let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                recheck(engine, doc, at, lang, findings);
                let loc = super::diagnostics::Locator::new(&doc.path, &doc.text, &doc.checked);
                super::diagnostics::diagnostics(&loc, &doc.checked, doc.anchor(), lang)
            }));
            match checked {
                Ok(diagnostics) => publish(doc.uri.clone(), diagnostics, Some(doc.version)),
                Err(_) => crate::lsp::log!(
                    "rammelab lsp: internal error checking {}",
                    doc.path.display()
                ),
            }
        }
    }
}

/// Parses and checks a document again.
pub(crate) fn recheck(
    engine: &Engine,
    doc: &mut Doc,
    at: jiff::civil::Date,
    lang: Lang,
    findings: bool,
) {
    doc.parsed = crate::syntax::parse_recovering(doc.text.as_str());
    doc.checked = engine.check(&doc.path, doc.text.as_str(), at, lang, findings);
}

fn publish(uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
    let n = Notification::new(
        "textDocument/publishDiagnostics".to_string(),
        PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        },
    );
    transport::send(&Message::Notification(n));
}

fn respond(id: RequestId, result: Result<Value, Failure>) {
    let response = match result {
        Ok(v) => Response::new_ok(id, v),
        Err((code, message)) => Response::new_err(id, code, message),
    };
    transport::send(&Message::Response(response));
}
