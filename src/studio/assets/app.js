// The studio page: loads the workspace, sends the editor's text for a view as it is typed
// (debounced), redraws diagnostics, colours, lists and graph from the answer, and follows the
// folder on disk through server-sent events. No framework, no build step.

import { paint, follow, goTo, listDiagnostics } from "./editor.js";
import { Graph } from "./graph.js";
import * as panels from "./panels.js";

const $ = (id) => document.getElementById(id);
const body = document.body;
const words = JSON.parse(body.dataset.words || "{}");
const lang = body.dataset.lang || "nb";
const token = document.querySelector('meta[name="rammelab-token"]').content;
const text = $("editor-text");
const colours = $("editor-colours");

const state = { path: null, saved: "", model: null, seq: 0, views: 0, timings: [] };
// For the browser tests and the timing: how many views were drawn, and how long each took
// from the answer's arrival to a redrawn page.
window.rammelabStudio = state;

async function api(path, payload) {
  const init = payload === undefined ? {} : {
    method: "POST",
    headers: { "content-type": "application/json", "x-rammelab-token": token },
    body: JSON.stringify(payload),
  };
  const response = await fetch(path, init);
  return response;
}

function say(message) { $("status").textContent = message; }

function overlays() {
  return [...document.querySelectorAll("#overlays input:checked")].map((b) => b.value);
}

function edit(extra) {
  return { path: state.path, text: text.value, at: $("at").value, lang, overlays: overlays(), focus: $("focus").value || null, ...extra };
}

function dirty() {
  const d = text.value !== state.saved;
  const shown = $("save-state");
  if (d) shown.textContent = words.unsaved;
  else if (shown.textContent === words.unsaved) shown.textContent = "";
  return d;
}

let timer = null;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 120);
}

/** Asks for a view of the text as it stands and redraws everything from it. */
async function refresh() {
  if (!state.path) return;
  const seq = ++state.seq;
  const response = await api("/api/view", edit());
  const view = await response.json();
  const received = performance.now();
  if (seq !== state.seq) return;
  if (!response.ok) { say(`${words.error}: ${view[lang] || view.error} ${view.detail || ""}`); return; }
  draw(view);
  state.views += 1;
  state.timings.push({ redraw_ms: performance.now() - received, server_us: view.server_us });
  body.dataset.views = String(state.views);
}

function draw(view) {
  paint(colours, text.value, view.tokens, view.diagnostics);
  listDiagnostics($("diagnostics"), view.diagnostics, words, (d) => goTo(text, d.line, d.column), applyFix);
  const model = view.check?.models?.[0] || null;
  state.model = model;
  panels.listServices($("services"), model, words, pick);
  panels.listBarriers($("barriers"), model, words, pick);
  panels.listUnlock($("unlock"), view.unlock, words);
  focusChoices(model);
  if (view.svg) graph.show(view.svg);
  say(view.overlay_errors?.length ? view.overlay_errors.join("; ") : "");
}

function applyFix(fix) {
  const at = new TextEncoder();
  const bytes = at.encode(text.value);
  const dec = new TextDecoder();
  text.value = dec.decode(bytes.slice(0, fix.start)) + fix.replacement + dec.decode(bytes.slice(fix.end));
  dirty();
  refresh();
}

function focusChoices(model) {
  const select = $("focus");
  const keep = select.value;
  for (const o of [...select.options].slice(1)) o.remove();
  for (const s of model?.services || []) {
    const o = document.createElement("option");
    o.value = s.id;
    o.textContent = s.name || s.id;
    select.appendChild(o);
  }
  select.value = [...select.options].some((o) => o.value === keep) ? keep : "";
}

function pick(key) {
  graph.mark(key);
  panels.details($("details-body"), key, state.model, words, pick);
}

async function open(path) {
  const response = await api(`/api/model?path=${encodeURIComponent(path)}`);
  const answer = await response.json();
  if (!response.ok) { say(`${words.error}: ${answer[lang] || answer.error}`); return; }
  state.path = path;
  const other = lang === "nb" ? "en" : "nb";
  $("lang-switch").href = `/?lang=${other}&model=${encodeURIComponent(path)}`;
  state.saved = answer.text;
  text.value = answer.text;
  $("lab-table").replaceChildren();
  dirty();
  await refresh();
}

async function save() {
  const response = await api("/api/save", edit());
  const answer = await response.json();
  if (response.ok) { state.saved = text.value; dirty(); $("save-state").textContent = words.saved; }
  else say(`${words.error}: ${answer[lang] || answer.error}`);
}

async function runLab() {
  say(words.working);
  const response = await api("/api/lab", edit());
  const answer = await response.json();
  if (!response.ok) { say(`${words.error}: ${answer[lang] || answer.error} ${answer.detail || ""}`); return; }
  panels.labTable($("lab-table"), answer);
  say("");
}

async function download(format) {
  const response = await api("/api/report", edit({ format }));
  if (!response.ok) { const a = await response.json(); say(`${words.error}: ${a[lang] || a.error}`); return; }
  const blob = await response.blob();
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = format === "md" ? "rapport.md" : "rapport.html";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** A model file changed on disk: follow it unless the editor holds unsaved work. */
async function changed(path) {
  if (path !== state.path) return;
  const response = await api(`/api/model?path=${encodeURIComponent(path)}`);
  if (!response.ok) return;
  const answer = await response.json();
  if (answer.text === text.value) { state.saved = answer.text; dirty(); return; }
  if (dirty()) { say(words.changed_on_disk_dirty); return; }
  state.saved = answer.text;
  text.value = answer.text;
  say(words.changed_on_disk);
  await refresh();
}

const graph = new Graph($("graph"), words.graph, pick);

async function start() {
  follow(text, colours);
  text.addEventListener("input", () => { dirty(); schedule(); });
  text.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
  });
  $("save").addEventListener("click", save);
  $("at").addEventListener("change", refresh);
  $("focus").addEventListener("change", refresh);
  $("zoom-in").addEventListener("click", () => graph.zoom(0.8));
  $("zoom-out").addEventListener("click", () => graph.zoom(1.25));
  $("zoom-reset").addEventListener("click", () => graph.reset());
  $("lab-run").addEventListener("click", runLab);
  $("print").addEventListener("click", () => window.print());
  $("report-html").addEventListener("click", () => download("html"));
  $("report-md").addEventListener("click", () => download("md"));
  $("present").addEventListener("click", () => {
    const on = !body.classList.contains("present");
    body.classList.toggle("present", on);
    $("present").setAttribute("aria-pressed", String(on));
  });
  $("model").addEventListener("change", () => open($("model").value));
  const response = await api(`/api/workspace?lang=${lang}`);
  const ws = await response.json();
  for (const m of ws.models) {
    const o = document.createElement("option");
    o.value = m;
    o.textContent = m;
    $("model").appendChild(o);
  }
  panels.listOverlays($("overlays"), ws.overlays, refresh);
  const events = new EventSource("/api/events");
  events.addEventListener("changed", (e) => changed(e.data));
  const wanted = new URLSearchParams(location.search).get("model");
  const first = ws.models.includes(wanted) ? wanted : ws.models[0];
  if (first) { $("model").value = first; await open(first); }
  body.dataset.ready = "true";
}

start();
