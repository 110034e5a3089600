// The lists and panels beside the graph: services, barriers, the details of a choice, the
// unlock order, the overlays and the lab table. Text goes in with textContent only.

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function link(text, onClick) {
  const b = el("button", text, "link");
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

function statusWord(status, w) {
  return { blocked: w.blocked, at_risk: w.at_risk, ok: w.ok }[status] || status;
}

export function barriersOf(model) {
  return (model?.findings || []).filter((f) => f.kind === "barrier");
}

/** The services with their status, each a link to its details. */
export function listServices(ul, model, w, onPick) {
  ul.replaceChildren();
  for (const s of model?.services || []) {
    const li = el("li");
    li.dataset.service = s.id;
    li.dataset.status = s.status;
    li.appendChild(link(s.name || s.id, () => onPick(s.id)));
    li.append(" ");
    li.appendChild(el("span", statusWord(s.status, w), "s-" + s.status));
    ul.appendChild(li);
  }
}

/** The barriers, each a link to its details. */
export function listBarriers(ul, model, w, onPick) {
  ul.replaceChildren();
  const barriers = barriersOf(model);
  if (barriers.length === 0) { ul.appendChild(el("li", w.no_barriers)); return; }
  for (const f of barriers) {
    const li = el("li");
    li.dataset.rule = f.rule;
    li.dataset.subject = f.subject;
    li.appendChild(link(f.title, () => onPick(`${f.rule}@${f.subject}`)));
    li.append(` (${f.subject})`);
    ul.appendChild(li);
  }
}

/** The unlock order: remove this barrier and these services go free. */
export function listUnlock(ol, unlock, w) {
  ol.replaceChildren();
  for (const u of unlock || []) {
    ol.appendChild(el("li", `${u.rule} @ ${u.subject}: ${w.unlocks} ${u.unblocks.join(", ") || "–"}`));
  }
}

/** What a click on a service or a finding shows. */
export function details(body, key, model, w, onPick) {
  body.replaceChildren();
  if (!model) return;
  const service = (model.services || []).find((s) => s.id === key);
  if (service) return serviceDetails(body, service, model, w, onPick);
  const [rule, subject] = key.split("@");
  const finding = (model.findings || []).find((f) => f.rule === rule && f.subject === subject);
  if (finding) return findingDetails(body, finding, model, w, onPick);
  body.appendChild(el("p", key));
}

function serviceDetails(body, s, model, w, onPick) {
  body.appendChild(el("h4", s.name || s.id));
  const p = el("p");
  p.appendChild(el("span", statusWord(s.status, w), "s-" + s.status));
  body.appendChild(p);
  if ((s.blocked_by || []).length) {
    body.appendChild(el("p", `${w.blocked_by}:`));
    const ul = el("ul");
    for (const rule of s.blocked_by) {
      const f = (model.findings || []).find((x) => x.rule === rule);
      const li = el("li");
      li.appendChild(link(f ? f.title : rule, () => onPick(f ? `${f.rule}@${f.subject}` : rule)));
      ul.appendChild(li);
    }
    body.appendChild(ul);
  }
  if ((s.via || []).length) body.appendChild(el("p", `${w.via}: ${s.via.join(" → ")}`));
}

function findingDetails(body, f, model, w, onPick) {
  body.appendChild(el("h4", f.title));
  body.appendChild(el("p", f.message));
  if (f.source) {
    const p = el("p", `${w.source}: `);
    const text = [f.source.act, f.source.section].filter(Boolean).join(" ");
    if (f.source.url && /^https:\/\/lovdata\.no\//.test(f.source.url)) {
      const a = el("a", text);
      a.href = f.source.url;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      p.appendChild(a);
    } else {
      p.append(text);
    }
    body.appendChild(p);
  }
  if (f.remedy) body.appendChild(el("p", `${w.remedy}: ${f.remedy}`));
  const blocks = (model.services || []).filter((s) => (s.blocked_by || []).includes(f.rule));
  if (blocks.length) {
    body.appendChild(el("p", `${w.blocks}:`));
    const ul = el("ul");
    for (const s of blocks) {
      const li = el("li");
      li.appendChild(link(s.name || s.id, () => onPick(s.id)));
      ul.appendChild(li);
    }
    body.appendChild(ul);
  }
  if ((f.explain || []).length) {
    body.appendChild(el("p", `${w.explain}:`));
    const ol = el("ol");
    for (const step of f.explain) {
      const values = (step.values || []).join(", ");
      ol.appendChild(el("li", `${step.held ? "✓" : "✗"} ${step.text}${values ? " — " + values : ""}`));
    }
    body.appendChild(ol);
  }
}

/** The overlays as checkboxes. */
export function listOverlays(fieldset, overlays, onChange) {
  for (const old of fieldset.querySelectorAll("label")) old.remove();
  for (const o of overlays) {
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.value = o.id;
    box.addEventListener("change", onChange);
    label.appendChild(box);
    label.append(" " + o.title);
    fieldset.appendChild(label);
  }
}

/** The lab table, ranked by what each change unblocks. */
export function labTable(div, table) {
  div.replaceChildren();
  if (table.note) div.appendChild(el("p", table.note));
  const t = el("table");
  const head = el("tr");
  for (const c of table.columns) { const th = el("th", c); th.scope = "col"; head.appendChild(th); }
  const thead = el("thead");
  thead.appendChild(head);
  t.appendChild(thead);
  const tbody = el("tbody");
  for (const row of table.rows) {
    const tr = el("tr");
    for (const cell of row) tr.appendChild(el("td", cell));
    tbody.appendChild(tr);
  }
  t.appendChild(tbody);
  div.appendChild(t);
}
