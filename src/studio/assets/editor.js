// The editor: a textarea over a coloured copy of its text. The colours and the underlined
// errors come from the server (rammelab's own parser); this file only paints them.

const CLASSES = new Set(["kw", "id", "field", "str", "num", "unit", "term", "comment", "arrow"]);

/** Byte offsets (UTF-8, as the server counts) to string indexes (UTF-16) of `text`. */
export function byteIndex(text) {
  const map = new Map();
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    map.set(bytes, i);
    const c = text.codePointAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  map.set(bytes, text.length);
  return (b) => (map.has(b) ? map.get(b) : text.length);
}

/** Paints `text` into `pre` with the token classes and the error spans. */
export function paint(pre, text, tokens, diagnostics) {
  const at = byteIndex(text);
  const marks = [];
  for (const t of tokens) {
    if (CLASSES.has(t.class)) marks.push([at(t.start), at(t.end), "t-" + t.class]);
  }
  const errs = diagnostics.filter((d) => d.here && d.end > d.start).map((d) => [at(d.start), at(d.end)]);
  const cuts = new Set([0, text.length]);
  for (const [s, e] of marks) { cuts.add(s); cuts.add(e); }
  for (const [s, e] of errs) { cuts.add(s); cuts.add(e); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const span = document.createElement("span");
    span.textContent = text.slice(s, e);
    const mark = marks.find(([ms, me]) => ms <= s && e <= me);
    if (mark) span.classList.add(mark[2]);
    if (errs.some(([es, ee]) => es <= s && e <= ee)) span.classList.add("t-diag");
    frag.appendChild(span);
  }
  // A last line break needs a character after it to take up its line in a <pre>.
  frag.appendChild(document.createTextNode("\n "));
  pre.replaceChildren(frag);
}

/** Keeps the coloured copy scrolled with the textarea. */
export function follow(textarea, pre) {
  textarea.addEventListener("scroll", () => {
    pre.scrollTop = textarea.scrollTop;
    pre.scrollLeft = textarea.scrollLeft;
  });
}

/** Puts the caret at a 1-based line and column and scrolls it into view. */
export function goTo(textarea, line, column) {
  const lines = textarea.value.split("\n");
  let index = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) index += lines[i].length + 1;
  index += Math.max(0, column - 1);
  textarea.focus();
  textarea.setSelectionRange(index, index);
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/** The list of diagnostics, each a button to its line; a fix button where one is offered. */
export function listDiagnostics(ul, diagnostics, words, onGo, onFix) {
  ul.replaceChildren();
  if (diagnostics.length === 0) {
    const li = document.createElement("li");
    li.textContent = words.no_diagnostics;
    ul.appendChild(li);
    return;
  }
  for (const d of diagnostics) {
    const li = document.createElement("li");
    li.className = "diagnostic";
    li.dataset.line = d.line;
    const go = document.createElement("button");
    go.type = "button";
    go.className = "link";
    go.textContent = `${words.line} ${d.line}, ${words.column} ${d.column}: ${d.message}`;
    go.addEventListener("click", () => onGo(d));
    li.appendChild(go);
    const code = document.createElement("div");
    code.className = "code-id";
    code.textContent = [d.code, d.label].filter(Boolean).join(" · ");
    li.appendChild(code);
    if (d.help) {
      const help = document.createElement("div");
      help.textContent = d.help;
      li.appendChild(help);
    }
    if (d.fix) {
      const fix = document.createElement("button");
      fix.type = "button";
      fix.className = "fix";
      fix.textContent = `${words.fix}: ${d.fix.title}`;
      fix.addEventListener("click", () => onFix(d.fix));
      li.appendChild(fix);
    }
    ul.appendChild(li);
  }
}
