// CreditSim explorer: plain JavaScript, no libraries, no build step.
//
// The page keeps the unedited scenario (`base`, from GET /api/scenarios/NAME) and reads its
// edits off the controls. It writes the edits as a scenario overlay (YAML, the same format the
// CLI reads), posts it to /api/run and shows the report section the server renders. The server
// validates everything; its located errors are shown as they come.
"use strict";

const $ = (id) => document.getElementById(id);
const session = Math.random().toString(36).slice(2) + Date.now().toString(36);
let base = null;          // the scenario as the server decoded it (snake_case keys)
let limits = { max_population: 600000, default_population: 100000 };
let lastResponse = null;
let controller = null;    // aborts the previous run when a new one starts
let timer = null;
let autoPopulation = null; // the population the page chose itself (files larger than the default)

// ---------- helpers ----------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/** A YAML scalar: plain when it reads back as the same text, else double-quoted (JSON is valid YAML). */
function scalar(value) {
  const text = String(value).trim();
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  if (/^[A-Za-z][A-Za-z0-9_.-]*$/.test(text) && !/^(yes|no|true|false|null|on|off|y|n)$/i.test(text)) return text;
  return JSON.stringify(text);
}

function flow(entries) {
  return "{" + entries.map(([k, v]) => `${k}: ${v}`).join(", ") + "}";
}

function setStatus(text) { $("status").textContent = text; }

/** The server's message, each located error in words, and the CLI's form folded away. */
function showErrors(message, diagnostics) {
  const box = $("errors");
  box.replaceChildren(el("strong", { text: message }));
  if (diagnostics && diagnostics.length) {
    const list = el("ul");
    for (const d of diagnostics) {
      const m = d.match(/^[^\n]*?:\d+:\d+: error: (.*) \(([^()]*)\)$/m);
      list.append(el("li", { text: m ? `${describeKeyPath(m[2])}: ${m[1]}` : d }));
    }
    box.append(list, el("details", {}, el("summary", { text: "as the command line would report it" }),
      el("pre", { text: diagnostics.join("\n") })));
  }
  box.hidden = false;
}

/** A scenario key path in words: `scheme.rulebooks[v1].rules[r2].points` → "points of r2 in rulebook v1". */
function describeKeyPath(keyPath) {
  const m = keyPath.match(/^scheme\.rulebooks\[([^\]]+)\]\.rules\[([^\]]+)\]\.?(.*)$/);
  if (m) return `${m[3] || "rule"} of ${m[2]} in rulebook ${m[1]}`;
  const words = {
    "population.size": "Population", "run.seed": "Seed", "responses.deterrence": "Deterrence",
    "enrolment.mode": "Enrolment mode", "enrolment.from": "Enrolment from",
  };
  return words[keyPath] || keyPath;
}

function clearErrors() { $("errors").hidden = true; $("errors").replaceChildren(); clearMarks(); }

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error(body.error || response.statusText), { body });
  return body;
}

// ---------- controls ----------

function behaviourName(id) {
  const b = base.behaviours.find((x) => x.id === id);
  return b ? b.name : id;
}

function ruleRow(rulebook, rule, added) {
  const key = `${rulebook.id}/${rule.behaviour}`;
  const points = el("input", {
    type: "text", inputmode: "numeric", value: String(rule.points), class: "num",
    "data-rule": key, "data-field": "points", "aria-label": `points for ${rule.behaviour} in ${rulebook.id}`,
  });
  const detection = el("input", {
    type: "text", inputmode: "decimal", value: String(rule.detection ?? 1), class: "num",
    "data-rule": key, "data-field": "detection", "aria-label": `detection for ${rule.behaviour} in ${rulebook.id}`,
  });
  const row = el("tr", { "data-rule": key, "data-added": added ? "true" : "false" },
    el("td", { title: behaviourName(rule.behaviour) }, el("code", { text: rule.behaviour }), " ", el("span", { class: "name", text: behaviourName(rule.behaviour) })),
    el("td", {}, points), el("td", {}, detection));
  const removeCell = el("td");
  if (added) {
    removeCell.append(el("button", { type: "button", class: "small", text: "×", title: "Drop this added rule",
      onclick: () => { row.remove(); changed(); } }));
  } else {
    removeCell.append(el("input", { type: "checkbox", "data-rule": key, "data-field": "remove", "aria-label": `remove ${rule.behaviour} from ${rulebook.id}` }));
  }
  row.append(removeCell);
  return row;
}

function buildControls() {
  const s = base;
  $("about").replaceChildren(
    el("h2", { text: s.meta.title }),
    el("p", { class: "note", text: s.meta.description }),
    el("p", { class: "note", text: `${s.run.start} to ${endDate(s)} · base ${s.scheme.base} points · grades ` +
      s.scheme.grades.map((g) => g.min == null ? g.id : `${g.id} ≥ ${g.min}`).join(", ") }));

  const books = $("rulebooks");
  books.replaceChildren();
  s.scheme.rulebooks.forEach((rulebook, index) => {
    const header = el("div", { class: "rulebook-head" }, el("h3", { text: `Rulebook ${rulebook.id}` }));
    const effective = el("input", { type: "text", inputmode: "numeric", pattern: "\\d{4}-\\d{2}-\\d{2}", placeholder: "YYYY-MM-DD", class: "date",
      value: rulebook.effective, "data-rulebook": rulebook.id, "data-field": "effective", "aria-label": `effective date of ${rulebook.id}` });
    header.append(el("label", {}, index === 0 ? "In force from " : "Overhaul on ", effective));
    if (index > 0) {
      const migration = el("select", { "data-rulebook": rulebook.id, "data-field": "migration", "aria-label": `migration of ${rulebook.id}` });
      for (const option of ["keep", "void_removed", "reset"]) {
        migration.append(el("option", { value: option, text: option.replace("_", " ") }));
      }
      migration.value = rulebook.migration;
      header.append(el("label", {}, "Migration ", migration));
    }
    const body = el("tbody");
    for (const rule of rulebook.rules) body.append(ruleRow(rulebook, rule, false));
    const table = el("table", { class: "rules", "data-rulebook": rulebook.id },
      el("thead", {}, el("tr", {}, el("th", { text: "behaviour" }), el("th", { text: "points" }), el("th", { text: "detection" }), el("th", { text: "remove" }))),
      body);
    const used = new Set(rulebook.rules.map((r) => r.behaviour));
    const choice = el("select", { "aria-label": `behaviour to add to ${rulebook.id}` });
    for (const b of s.behaviours) if (!used.has(b.id)) choice.append(el("option", { value: b.id, text: `${b.id}: ${b.name}` }));
    const addPoints = el("input", { type: "text", class: "num", value: "-10", "aria-label": "points of the new rule" });
    const add = el("button", { type: "button", text: "Add rule", onclick: () => {
      if (!choice.value) return;
      if (body.querySelector(`tr[data-rule="${CSS.escape(rulebook.id + "/" + choice.value)}"]`)) return;
      body.append(ruleRow(rulebook, { behaviour: choice.value, points: addPoints.value, detection: 1 }, true));
      changed();
    } });
    const adder = el("p", { class: "adder" }, choice, " points ", addPoints, " ", add);
    if (choice.options.length === 0) adder.hidden = true;
    books.append(el("div", { class: "rulebook" }, header, table, adder));
  });

  $("enrolment-mode").value = s.enrolment.mode;
  $("enrolment-from").value = s.enrolment.from || "";
  $("enrolment-leave").value = bandValue(s.enrolment.leave);
  $("enrolment-consent").value = bandValue(s.enrolment.consent);
  $("deterrence").value = String(s.responses.deterrence);
  // Larger file populations start as an edit down to the page's default (about a second per run).
  $("population").value = String(Math.min(s.population.size, limits.default_population));
  autoPopulation = s.population.size > limits.default_population ? $("population").value : null;
  $("population").max = String(limits.max_population);
  $("population-range").max = String(limits.max_population);
  $("population-range").value = $("population").value;
  $("seed").value = String(s.run.seed);
}

function endDate(s) {
  const d = new Date(s.run.start + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + s.run.days - 1);
  return d.toISOString().slice(0, 10);
}

/** A single band's probability as text; empty when the file has several bands (left as they are). */
function bandValue(bands) {
  if (!bands || bands.length === 0) return "";
  return bands.length === 1 ? String(bands[0].probability) : "";
}

// ---------- edits ----------

/**
 * Reads the controls and returns {yaml: the overlay, baseYAML: its population and seed alone (the
 * unedited scheme on the same residents), changes: the student's edits in words, notes: what the
 * page itself did or what an edit left behind}.
 */
function collectEdits() {
  const s = base;
  const changes = [];
  const notes = [];
  const top = [];

  const population = $("population").value.trim();
  if (population !== String(s.population.size)) {
    top.push(`population:\n  size: ${scalar(population)}`);
    if (population === autoPopulation) {
      notes.push(`The page runs ${Number(population).toLocaleString("en")} of the file's ${s.population.size.toLocaleString("en")} residents, ` +
        "so that a run takes about a second; raise Population to run them all.");
    } else {
      changes.push(`population ${s.population.size} → ${population}`);
    }
  }
  const seed = $("seed").value.trim();
  if (seed !== String(s.run.seed)) {
    top.push(`run:\n  seed: ${scalar(seed)}`);
    changes.push(`seed ${s.run.seed} → ${seed}`);
  }
  const baseYAML = top.length ? top.join("\n") + "\n" : "";

  const books = [];
  for (const rulebook of s.scheme.rulebooks) {
    const entries = [];
    const effective = document.querySelector(`input[data-rulebook="${CSS.escape(rulebook.id)}"][data-field="effective"]`).value;
    if (effective && effective !== rulebook.effective) {
      entries.push(`effective: ${scalar(effective)}`);
      changes.push(`rulebook ${rulebook.id} in force from ${effective} (was ${rulebook.effective})`);
      if (s.enrolment.from === rulebook.effective && $("enrolment-from").value === s.enrolment.from) {
        notes.push(`Enrolment still changes on ${s.enrolment.from}, the old date of ${rulebook.id}: ` +
          `set Enrolment "From" to ${effective} to move opting out (or consent) with the overhaul.`);
      }
    }
    const migrationControl = document.querySelector(`select[data-rulebook="${CSS.escape(rulebook.id)}"][data-field="migration"]`);
    if (migrationControl && migrationControl.value !== rulebook.migration) {
      entries.push(`migration: ${migrationControl.value}`);
      changes.push(`rulebook ${rulebook.id} migration ${rulebook.migration} → ${migrationControl.value}`);
    }
    const rules = [];
    const table = document.querySelector(`table.rules[data-rulebook="${CSS.escape(rulebook.id)}"]`);
    for (const row of table.querySelectorAll("tbody tr")) {
      const behaviour = row.dataset.rule.slice(rulebook.id.length + 1);
      const points = row.querySelector('[data-field="points"]').value.trim();
      const detection = row.querySelector('[data-field="detection"]').value.trim();
      if (row.dataset.added === "true") {
        const fields = [["behaviour", scalar(behaviour)], ["points", scalar(points)]];
        if (detection !== "1") fields.push(["detection", scalar(detection)]);
        rules.push(flow(fields));
        changes.push(`${rulebook.id}: new rule ${behaviour} ${points} points` + (detection !== "1" ? `, detection ${detection}` : ""));
        continue;
      }
      const rule = rulebook.rules.find((r) => r.behaviour === behaviour);
      if (row.querySelector('[data-field="remove"]').checked) {
        rules.push(flow([["behaviour", scalar(behaviour)], ["remove", "true"]]));
        changes.push(`${rulebook.id}: rule ${behaviour} removed`);
        continue;
      }
      const fields = [];
      if (points !== String(rule.points)) {
        fields.push(["points", scalar(points)]);
        changes.push(`${rulebook.id}: ${behaviour} points ${rule.points} → ${points}`);
      }
      if (detection !== String(rule.detection)) {
        fields.push(["detection", scalar(detection)]);
        changes.push(`${rulebook.id}: ${behaviour} detection ${rule.detection} → ${detection}`);
      }
      if (fields.length) rules.push(flow([["behaviour", scalar(behaviour)], ...fields]));
    }
    if (rules.length) entries.push("rules:\n" + rules.map((r) => `        - ${r}`).join("\n"));
    if (entries.length) {
      books.push(`    - id: ${scalar(rulebook.id)}\n` + entries.map((e) => `      ${e}`).join("\n"));
    }
  }
  if (books.length) top.push("scheme:\n  rulebooks:\n" + books.join("\n"));

  const enrolment = [];
  const mode = $("enrolment-mode").value;
  const from = $("enrolment-from").value;
  const leave = $("enrolment-leave").value.trim();
  const consent = $("enrolment-consent").value.trim();
  if (mode !== s.enrolment.mode) {
    enrolment.push(`mode: ${mode}`);
    changes.push(`enrolment ${s.enrolment.mode} → ${mode}`);
  }
  if (mode === "mandatory") {
    if (s.enrolment.mode !== "mandatory") enrolment.push("from: null", "leave: null", "consent: null");
  } else {
    if ((from || "") !== (s.enrolment.from || "") || mode !== s.enrolment.mode) {
      enrolment.push(`from: ${from ? scalar(from) : "null"}`);
      if (from !== (s.enrolment.from || "")) changes.push(`enrolment from ${from || "(none)"}`);
    }
    if (leave !== bandValue(s.enrolment.leave)) {
      enrolment.push(leave === "" ? "leave: null" : `leave: [${flow([["probability", scalar(leave)]])}]`);
      changes.push(`opt-out propensity ${leave || "none"} per day`);
    }
    if (mode === "consent" && consent !== bandValue(s.enrolment.consent)) {
      enrolment.push(consent === "" ? "consent: null" : `consent: [${flow([["probability", scalar(consent)]])}]`);
      changes.push(`consent probability ${consent || "none"}`);
    }
    if (mode === "opt_out" && s.enrolment.mode === "consent") enrolment.push("consent: null");
  }
  if (enrolment.length) top.push("enrolment:\n" + enrolment.map((e) => `  ${e}`).join("\n"));

  const deterrence = $("deterrence").value.trim();
  if (deterrence !== String(s.responses.deterrence)) {
    top.push(`responses:\n  deterrence: ${scalar(deterrence)}`);
    changes.push(`deterrence ${s.responses.deterrence} → ${deterrence}`);
  }
  return { yaml: top.length ? top.join("\n") + "\n" : "", baseYAML, changes, notes };
}

function showEdits() {
  const edits = collectEdits();
  $("changes").replaceChildren(...(edits.changes.length ? edits.changes : ["nothing: the scheme as in its file"]).map((c) => el("li", { text: c })));
  $("page-notes").replaceChildren(...edits.notes.map((n) => el("span", { text: n + " " })));
  saveState();
  $("overlay").textContent = `extends: ${$("scenario").value}.yaml\n` + edits.yaml;
  return edits;
}

// ---------- running ----------

function changed() {
  showEdits();
  if ($("auto").checked) {
    clearTimeout(timer);
    timer = setTimeout(run, 400);
  }
}

async function run() {
  clearTimeout(timer);
  const edits = showEdits();
  if (controller) controller.abort();
  controller = new AbortController();
  const mine = controller;
  document.body.dataset.state = "running";
  setStatus("running…");
  // With edits, the server also runs (or remembers) the unedited scheme on the same residents:
  // the "before" column and the dashed lines behind the charts.
  const edited = edits.yaml !== edits.baseYAML;
  const request = {
    scenario: $("scenario").value, edits: edits.yaml, session,
    guidance: $("compare").checked && $("guidance").value ? $("guidance").value : null,
    baseline: edited ? edits.baseYAML : null,
  };
  const started = performance.now();
  let response, body;
  try {
    ({ response, body } = await fetchRun(request, mine.signal));
  } catch (error) {
    if (mine.signal.aborted) return;   // a newer run replaced this one
    document.body.dataset.state = "error";
    setStatus("");
    showErrors(`The server did not answer: ${error.message}`);
    return;
  }
  if (mine !== controller) return;
  if (!response.ok) {
    if (response.status === 409) return;   // cancelled by a newer run
    document.body.dataset.state = "error";
    const marked = markErrors(body);
    setStatus(marked ? "fix the marked value" : "the server refused this run");
    showErrors(body.error || response.statusText, body.diagnostics);
    $("stale").hidden = lastResponse === null;
    return;
  }
  clearErrors();
  lastResponse = body;
  render(body, body.baseline);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  setStatus(`${body.population.toLocaleString("en")} residents, ${body.seconds.toFixed(2)} s on the server, ${seconds} s in all`);
  document.body.dataset.runs = String(Number(document.body.dataset.runs || "0") + 1);
  document.body.dataset.state = "done";
}

async function fetchRun(request, signal) {
  const response = await fetch("/api/run", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request), signal,
  });
  return { response, body: await response.json() };
}

/**
 * Key numbers: with edits, the unedited scheme (same residents), the edited one and the change;
 * with "compare", also the compliant variant of the edited scheme and its difference.
 */
function render(r, baseline) {
  const compliant = r.compliant;
  const table = $("key-numbers");
  const head = el("tr", {}, el("th", { text: "" }));
  if (baseline) head.append(el("th", { text: "unedited" }), el("th", { text: "edited" }), el("th", { text: "change" }));
  else head.append(el("th", { text: "this scheme" }));
  if (compliant) head.append(el("th", { text: `compliant with ${compliant.guidance}` }), el("th", { text: "compliant − " + (baseline ? "edited" : "this") }));
  table.replaceChildren(el("thead", {}, head));
  const body = el("tbody");
  for (const k of r.key_numbers) {
    const row = el("tr", { "data-key": k.id }, el("td", { text: k.label }));
    if (baseline) {
      const before = baseline.key_numbers.find((x) => x.id === k.id);
      row.append(el("td", { class: "num", id: `before-${k.id}`, text: before ? before.text : "–" }));
      row.append(el("td", { class: "num", id: `key-${k.id}`, text: k.text }));
      row.append(el("td", { class: "num", id: `change-${k.id}`, text: before ? signed(k, k.value - before.value) : "–" }));
    } else {
      row.append(el("td", { class: "num", id: `key-${k.id}`, text: k.text }));
    }
    if (compliant) {
      const other = compliant.key_numbers.find((x) => x.id === k.id);
      row.append(el("td", { class: "num", text: other ? other.text : "–" }));
      row.append(el("td", { class: "num", text: other ? signed(k, other.value - k.value) : "–" }));
    }
    body.append(row);
  }
  table.append(body);
  $("stale").hidden = true;

  $("report-main").innerHTML = r.report;
  const second = $("report-compliant");
  const reports = $("reports");
  if (compliant) {
    second.innerHTML = compliant.report;
    second.hidden = false;
    reports.classList.add("side-by-side");
    renderAudit(compliant);
  } else {
    second.hidden = true;
    second.replaceChildren();
    reports.classList.remove("side-by-side");
    $("audit").replaceChildren();
  }
  link("download-yaml", r.standalone, `${r.scenario}-edited.yaml`, "application/yaml");
  link("download-overlay", `# Save next to ${$("scenario").value}.yaml\n` + r.overlay, `${r.scenario}-overlay.yaml`, "application/yaml");
  link("download-daily", r.files["daily.csv"], `${r.scenario}-daily.csv`, "text/csv");
  link("download-rules", r.files["rules.csv"], `${r.scenario}-rules.csv`, "text/csv");
}

/** A difference with its sign, in the key number's unit ("0" when there is none). */
function signed(k, diff) {
  if (!Number.isFinite(diff)) return "–";
  if (diff === 0) return "0";
  const text = formatLike(k, Math.abs(diff));
  return (diff > 0 ? "+" : "−") + text;
}

// ---------- errors at their input ----------

/** The control a scenario key path (`scheme.rulebooks[v1].rules[r2].points`) was edited with. */
function controlFor(keyPath) {
  let m = keyPath.match(/^scheme\.rulebooks\[([^\]]+)\]\.rules\[([^\]]+)\]\.(points|detection)/);
  if (m) return document.querySelector(`input[data-rule="${CSS.escape(m[1] + "/" + m[2])}"][data-field="${m[3]}"]`);
  m = keyPath.match(/^scheme\.rulebooks\[([^\]]+)\]\.(effective|migration)/);
  if (m) return document.querySelector(`[data-rulebook="${CSS.escape(m[1])}"][data-field="${m[2]}"]`);
  const simple = {
    "population.size": "population", "run.seed": "seed", "responses.deterrence": "deterrence",
    "enrolment.mode": "enrolment-mode", "enrolment.from": "enrolment-from",
  };
  for (const [prefix, id] of Object.entries(simple)) if (keyPath.startsWith(prefix)) return $(id);
  if (keyPath.startsWith("enrolment.leave")) return $("enrolment-leave");
  if (keyPath.startsWith("enrolment.consent")) return $("enrolment-consent");
  return null;
}

/** Marks each input the server's errors point at, with the message in words beside it. */
function markErrors(body) {
  clearMarks();
  let marked = 0;
  const located = (body.diagnostics || []).map((d) => d.match(/^[^\n]*?:\d+:\d+: error: (.*) \(([^()]*)\)$/m)).filter(Boolean);
  for (const [, message, keyPath] of located) {
    const input = controlFor(keyPath);
    if (!input) continue;
    input.classList.add("invalid");
    input.setAttribute("aria-invalid", "true");
    const note = el("span", { class: "field-error", text: message.charAt(0).toUpperCase() + message.slice(1) });
    input.insertAdjacentElement("afterend", note);
    marked++;
  }
  // Limits the explorer sets itself come without a location.
  if (!located.length && /population\.size/.test(body.error || "")) {
    $("population").classList.add("invalid");
    $("population").insertAdjacentElement("afterend", el("span", { class: "field-error", text: body.error }));
    marked++;
  }
  return marked > 0;
}

function clearMarks() {
  for (const note of document.querySelectorAll(".field-error")) note.remove();
  for (const input of document.querySelectorAll(".invalid")) {
    input.classList.remove("invalid");
    input.removeAttribute("aria-invalid");
  }
}

/** A difference in the key number's unit, as the server names it (MetricCatalogue on the server). */
function formatLike(k, diff) {
  return significant(diff * k.scale) + k.difference_unit;
}

/** Three significant digits in plain decimals, thousands grouped (as the reports write numbers). */
function significant(x) {
  if (x === 0) return "0";
  const decimals = Math.max(0, Math.min(15, 2 - Math.floor(Math.log10(Math.abs(x)))));
  return Number(x.toFixed(decimals)).toLocaleString("en-US", { maximumFractionDigits: decimals });
}

function renderAudit(compliant) {
  const violations = compliant.audit.items.filter((i) => i.verdict === "violates");
  const box = $("audit");
  box.replaceChildren(el("h2", { text: `Audit against ${compliant.title}` }),
    el("p", { text: violations.length ? `${violations.length} violations; the compliant variant makes ${compliant.changes.length} changes:` : "No clause is violated." }));
  if (compliant.changes.length) {
    const list = el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: "clause" }), el("th", { text: "subject" }), el("th", { text: "change" }))));
    const tbody = el("tbody");
    for (const c of compliant.changes) tbody.append(el("tr", {}, el("td", { text: c.clause }), el("td", { text: c.subject }), el("td", { text: c.change })));
    list.append(tbody);
    box.append(list);
  }
}

function link(id, text, filename, type) {
  const a = $(id);
  if (a.href && a.href.startsWith("blob:")) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = filename;
  a.classList.remove("disabled");
}

// ---------- the page's state in its address ----------

/** The controls' differences from the file, compact enough for a link a teacher hands out. */
function currentState() {
  const s = base;
  const state = {};
  const population = $("population").value.trim();
  // The page starts at min(file, default): anything else is the student's choice.
  if (population !== String(Math.min(s.population.size, limits.default_population))) state.p = population;
  if ($("seed").value.trim() !== String(s.run.seed)) state.s = $("seed").value.trim();
  if ($("compare").checked && $("guidance").value) state.g = $("guidance").value;
  for (const rulebook of s.scheme.rulebooks) {
    const effective = document.querySelector(`[data-rulebook="${CSS.escape(rulebook.id)}"][data-field="effective"]`).value;
    const migration = document.querySelector(`select[data-rulebook="${CSS.escape(rulebook.id)}"][data-field="migration"]`);
    if (effective !== rulebook.effective || (migration && migration.value !== rulebook.migration)) {
      (state.b ||= {})[rulebook.id] = [effective, migration ? migration.value : null];
    }
    for (const row of document.querySelectorAll(`table.rules[data-rulebook="${CSS.escape(rulebook.id)}"] tbody tr`)) {
      const behaviour = row.dataset.rule.slice(rulebook.id.length + 1);
      const points = row.querySelector('[data-field="points"]').value.trim();
      const detection = row.querySelector('[data-field="detection"]').value.trim();
      if (row.dataset.added === "true") {
        (state.a ||= []).push([rulebook.id, behaviour, points, detection]);
        continue;
      }
      const rule = rulebook.rules.find((r) => r.behaviour === behaviour);
      const removed = row.querySelector('[data-field="remove"]').checked;
      if (removed || points !== String(rule.points) || detection !== String(rule.detection)) {
        (state.r ||= {})[row.dataset.rule] = [points, detection, removed ? 1 : 0];
      }
    }
  }
  const enrolment = [$("enrolment-mode").value, $("enrolment-from").value, $("enrolment-leave").value.trim(), $("enrolment-consent").value.trim()];
  const fileEnrolment = [s.enrolment.mode, s.enrolment.from || "", bandValue(s.enrolment.leave), bandValue(s.enrolment.consent)];
  if (enrolment.some((v, i) => v !== fileEnrolment[i])) state.e = enrolment;
  if ($("deterrence").value.trim() !== String(s.responses.deterrence)) state.d = $("deterrence").value.trim();
  return state;
}

/** Writes the state into the address (no new history entry per keystroke). */
function saveState() {
  if (!base) return;
  const params = new URLSearchParams({ scenario: $("scenario").value });
  const state = currentState();
  if (Object.keys(state).length) params.set("edits", JSON.stringify(state));
  history.replaceState(null, "", "?" + params.toString());
}

/** Sets the controls from a state that `currentState` wrote (unknown rules and rulebooks are skipped). */
function restoreState(state) {
  const s = base;
  if (state.p) { $("population").value = state.p; $("population-range").value = state.p; }
  if (state.s) $("seed").value = state.s;
  if (state.g) { $("compare").checked = true; $("guidance").value = state.g; }
  for (const [id, [effective, migration]] of Object.entries(state.b || {})) {
    const input = document.querySelector(`[data-rulebook="${CSS.escape(id)}"][data-field="effective"]`);
    if (input) input.value = effective;
    const select = document.querySelector(`select[data-rulebook="${CSS.escape(id)}"][data-field="migration"]`);
    if (select && migration) select.value = migration;
  }
  for (const [key, [points, detection, removed]] of Object.entries(state.r || {})) {
    const row = document.querySelector(`table.rules tbody tr[data-rule="${CSS.escape(key)}"][data-added="false"]`);
    if (!row) continue;
    row.querySelector('[data-field="points"]').value = points;
    row.querySelector('[data-field="detection"]').value = detection;
    row.querySelector('[data-field="remove"]').checked = removed === 1;
  }
  for (const [id, behaviour, points, detection] of state.a || []) {
    const rulebook = s.scheme.rulebooks.find((r) => r.id === id);
    const body = document.querySelector(`table.rules[data-rulebook="${CSS.escape(id)}"] tbody`);
    if (!rulebook || !body || !s.behaviours.some((b) => b.id === behaviour)) continue;
    body.append(ruleRow(rulebook, { behaviour, points, detection }, true));
  }
  if (state.e) {
    [$("enrolment-mode").value, $("enrolment-from").value, $("enrolment-leave").value, $("enrolment-consent").value] = state.e;
  }
  if (state.d) $("deterrence").value = state.d;
}

async function copyLink() {
  saveState();
  try {
    await navigator.clipboard.writeText(location.href);
    setStatus("link copied: it opens this page with these edits");
  } catch {
    setStatus(`link: ${location.href}`);
  }
}

// ---------- start ----------

async function loadScenario(name, state = null) {
  document.body.dataset.state = "loading";
  try {
    base = await getJSON(`/api/scenarios/${encodeURIComponent(name)}`);
  } catch (error) {
    document.body.dataset.state = "error";
    showErrors(error.message, error.body && error.body.diagnostics);
    return;
  }
  clearErrors();
  buildControls();
  if (state) {
    try {
      restoreState(state);
    } catch {
      // A damaged link: the scenario as in its file, and say so.
      buildControls();
      setStatus("the link's edits could not be read; showing the scenario as in its file");
    }
  }
  showEdits();
  await run();
}

async function start() {
  let linked = null;
  try {
    const [scenarios, guidance, config] = await Promise.all([getJSON("/api/scenarios"), getJSON("/api/guidance"), getJSON("/api/limits")]);
    limits = config;
    for (const s of scenarios) $("scenario").append(el("option", { value: s.name, text: `${s.name} — ${s.title}` }));
    for (const g of guidance) $("guidance").append(el("option", { value: g.name, text: `${g.name} — ${g.title}` }));
    if (guidance.length === 0) $("compare").disabled = true;
    const params = new URLSearchParams(location.search);
    const wanted = params.get("scenario");
    try { linked = JSON.parse(params.get("edits") || "null"); } catch { linked = null; }
    if (wanted && scenarios.some((s) => s.name === wanted)) $("scenario").value = wanted;
    else if (scenarios.some((s) => s.name === "rongcheng-2016")) $("scenario").value = "rongcheng-2016";
  } catch (error) {
    document.body.dataset.state = "error";
    showErrors(`Cannot list scenarios: ${error.message}`);
    return;
  }
  $("scenario").addEventListener("change", () => loadScenario($("scenario").value));
  $("run").addEventListener("click", run);
  $("share").addEventListener("click", copyLink);
  $("toolbar").addEventListener("submit", (event) => event.preventDefault());
  $("reset").addEventListener("click", () => { buildControls(); changed(); });
  $("compare").addEventListener("change", changed);
  $("guidance").addEventListener("change", () => { if ($("compare").checked) changed(); });
  $("population-range").addEventListener("input", () => { $("population").value = $("population-range").value; changed(); });
  $("population").addEventListener("change", () => { $("population-range").value = $("population").value; });
  $("controls").addEventListener("change", changed);
  $("toolbar").addEventListener("change", (event) => {
    if (event.target.id !== "scenario" && event.target.id !== "compare" && event.target.id !== "guidance" && event.target.id !== "auto") changed();
  });
  await loadScenario($("scenario").value, linked);
}

start();
