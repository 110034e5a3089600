// The barrier graph as rammelab draws it (SVG from the server), made clickable, zoomable and
// pannable. Each node is a <g> whose <title> starts with its key: an item id, or
// `rule@subject` for a finding.

/** The node's key from its title (`doerbesok (tjeneste · blokkert)` -> `doerbesok`). */
function keyOf(g) {
  const title = g.querySelector(":scope > title");
  if (!title) return null;
  const text = title.textContent.trim();
  const cut = text.indexOf(" (");
  return cut > 0 ? text.slice(0, cut) : text;
}

/** Parses the SVG, drops anything that could run (it never should be there), and keeps it. */
function clean(svgText) {
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const svg = doc.documentElement;
  if (!svg || svg.nodeName !== "svg") return null;
  for (const bad of svg.querySelectorAll("script, foreignObject")) bad.remove();
  for (const el of svg.querySelectorAll("*")) {
    for (const a of [...el.attributes]) {
      if (/^on/i.test(a.name) || /javascript:/i.test(a.value)) el.removeAttribute(a.name);
    }
  }
  return document.importNode(svg, true);
}

export class Graph {
  constructor(container, label, onPick) {
    this.container = container;
    this.label = label;
    this.onPick = onPick;
    this.box = null;
    this.full = null;
    this.chosen = null;
    this.drag = null;
    container.addEventListener("keydown", (e) => this.key(e));
    container.addEventListener("wheel", (e) => { e.preventDefault(); this.zoom(e.deltaY < 0 ? 0.8 : 1.25); }, { passive: false });
    container.addEventListener("pointerdown", (e) => { this.drag = [e.clientX, e.clientY]; });
    window.addEventListener("pointerup", () => { this.drag = null; });
    container.addEventListener("pointermove", (e) => this.pan(e));
  }

  /** Draws a new SVG, keeping the zoom when the drawing keeps its size. */
  show(svgText) {
    const svg = clean(svgText);
    if (!svg) { this.container.replaceChildren(); return; }
    const vb = (svg.getAttribute("viewBox") || "0 0 100 100").split(/\s+/).map(Number);
    const same = this.full && this.full[2] === vb[2] && this.full[3] === vb[3];
    this.full = vb;
    if (!same) this.box = vb.slice();
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", this.label);
    svg.setAttribute("viewBox", this.box.join(" "));
    for (const g of svg.querySelectorAll("g")) {
      const key = keyOf(g);
      if (!key || key.includes(" ")) continue;
      g.classList.add("node");
      g.dataset.key = key;
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      // The accessible name starts with the text the node shows (WCAG 2.5.3), then its title.
      const shown = [...g.querySelectorAll("text")].map((t) => t.textContent.trim()).join(" ");
      const title = g.querySelector(":scope > title").textContent.trim();
      g.setAttribute("aria-label", shown ? `${shown}, ${title}` : title);
      g.addEventListener("click", () => this.pick(key));
      g.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); this.pick(key); }
      });
    }
    this.svg = svg;
    this.container.replaceChildren(svg);
    if (this.chosen) this.mark(this.chosen);
  }

  pick(key) {
    this.mark(key);
    this.onPick(key);
  }

  mark(key) {
    this.chosen = key;
    if (!this.svg) return;
    for (const g of this.svg.querySelectorAll("g.chosen")) g.classList.remove("chosen");
    for (const g of this.svg.querySelectorAll("g.node")) if (g.dataset.key === key) g.classList.add("chosen");
  }

  apply() { if (this.svg && this.box) this.svg.setAttribute("viewBox", this.box.map((n) => n.toFixed(1)).join(" ")); }

  zoom(factor) {
    if (!this.box) return;
    const [x, y, w, h] = this.box;
    const [nw, nh] = [w * factor, h * factor];
    this.box = [x + (w - nw) / 2, y + (h - nh) / 2, nw, nh];
    this.apply();
  }

  reset() { if (this.full) { this.box = this.full.slice(); this.apply(); } }

  move(dx, dy) {
    if (!this.box) return;
    this.box[0] += dx * this.box[2];
    this.box[1] += dy * this.box[3];
    this.apply();
  }

  pan(e) {
    if (!this.drag || !this.box) return;
    const rect = this.container.getBoundingClientRect();
    const dx = (e.clientX - this.drag[0]) / rect.width;
    const dy = (e.clientY - this.drag[1]) / rect.height;
    this.drag = [e.clientX, e.clientY];
    this.move(-dx, -dy);
  }

  key(e) {
    if (e.target !== this.container) return;
    const step = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] }[e.key];
    if (step) { e.preventDefault(); this.move(step[0], step[1]); }
    else if (e.key === "+" || e.key === "=") this.zoom(0.8);
    else if (e.key === "-") this.zoom(1.25);
    else if (e.key === "0") this.reset();
  }
}
