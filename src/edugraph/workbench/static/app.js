// The edugraph workbench: pick a saved query or type SPARQL, run it against /query, show a table,
// download CSV/JSON, draw the result as a graph. Everything is built with DOM calls (textContent), so
// data from the graph is never parsed as HTML.
"use strict";
const $ = (id) => document.getElementById(id);
const JSON_TYPE = "application/sparql-results+json";
let catalogue = [];
let lastResult = null;

async function loadCatalogue() {
  catalogue = await (await fetch("/api/queries")).json();
  for (const q of catalogue) {
    const option = document.createElement("option");
    option.value = q.name;
    option.textContent = `${q.name} — ${q.title.zh || ""} ${q.title.en || ""}`;
    $("query-select").append(option);
  }
}

function currentQuery() { return catalogue.find((q) => q.name === $("query-select").value); }

function showQuery(values = {}) {
  const q = currentQuery();
  const form = $("params");
  form.replaceChildren();
  $("query-title").textContent = q ? `${q.title.zh || ""} · ${q.title.en || ""}` : "";
  $("query-description-zh").textContent = q ? q.description.zh || "" : "";
  $("query-description-en").textContent = q ? q.description.en || "" : "";
  $("query-portability").textContent = q && q.portability ? q.portability : "";
  if (!q) return Promise.resolve();
  for (const p of q.params) {
    const label = document.createElement("label");
    label.textContent = `${p.name} (${p.type})${p.required ? " *" : ""} — ${p.description.zh || ""} ${p.description.en || ""}`;
    const input = document.createElement("input");
    input.name = p.name;
    input.value = p.name in values ? values[p.name] : p.default;
    input.addEventListener("change", () => fillSparql());
    label.append(input);
    form.append(label);
  }
  return fillSparql();
}

function paramValues() {
  const values = {};
  for (const input of $("params").querySelectorAll("input")) values[input.name] = input.value;
  return values;
}

async function fillSparql() {
  const q = currentQuery();
  if (!q) return;
  const answer = await fetch(`/api/queries/${encodeURIComponent(q.name)}/sparql?` + new URLSearchParams(paramValues()));
  if (!answer.ok) { status(await answer.text(), true); return; }
  $("sparql").value = (await answer.json()).sparql;
  updatePermalink();
}

function updatePermalink() {
  const q = currentQuery();
  const hash = q ? new URLSearchParams({ query: q.name, ...Object.fromEntries(
    Object.entries(paramValues()).map(([k, v]) => [`param.${k}`, v])) })
    : new URLSearchParams({ sparql: $("sparql").value });
  $("permalink").href = `#${hash}`;
}

function status(text, error = false) {
  $("status").textContent = text;
  $("status").className = error ? "error" : "";
}

async function post(accept) {
  return fetch("/query", { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: accept },
    body: $("sparql").value });
}

async function run() {
  status("running… 运行中");
  const started = performance.now();
  const answer = await post(JSON_TYPE);
  if (!answer.ok) { status(`${answer.status}: ${await answer.text()}`, true); return; }
  lastResult = await answer.json();
  renderTable(lastResult);
  const rows = lastResult.results ? lastResult.results.bindings.length : 1;
  status(`${rows} rows · ${rows} 行 (${Math.round(performance.now() - started)} ms)`);
  updatePermalink();
}

function cellText(term) {
  if (!term) return "";
  return term.value;  // the language tag and datatype are in the JSON download
}

function renderTable(result) {
  const table = document.createElement("table");
  if ("boolean" in result) {
    table.insertRow().insertCell().textContent = String(result.boolean);
  } else {
    const head = table.createTHead().insertRow();
    for (const v of result.head.vars) { const th = document.createElement("th"); th.textContent = v; head.append(th); }
    const body = table.createTBody();
    for (const binding of result.results.bindings) {
      const row = body.insertRow();
      for (const v of result.head.vars) row.insertCell().textContent = cellText(binding[v]);
    }
  }
  $("results").replaceChildren(table);
}

async function download(accept, extension) {
  const answer = await post(accept);
  if (!answer.ok) { status(`${answer.status}: ${await answer.text()}`, true); return; }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await answer.blob());
  link.download = `${(currentQuery() || { name: "query" }).name}.${extension}`;
  link.click();
}

function showGraph() {
  if (!lastResult || !lastResult.results) { status("run a SELECT query first · 请先运行 SELECT 查询", true); return; }
  // Each row links its values in column order: IRIs and literals become nodes, columns the edge labels.
  const nodes = new Map();
  const edges = [];
  const vars = lastResult.head.vars;
  for (const binding of lastResult.results.bindings) {
    let previous = null;
    for (const v of vars) {
      const term = binding[v];
      if (!term) continue;
      const id = `${term.type}:${term.value}`;
      if (!nodes.has(id)) {
        const label = term.type === "uri" ? term.value.replace(/^.*\/id\//, "").slice(-40) : term.value.slice(0, 40);
        nodes.set(id, { id, label, title: term.value, shape: term.type === "uri" ? "dot" : "box", group: v });
      }
      if (previous) edges.push({ from: previous, to: id, label: v, arrows: "to" });
      previous = id;
    }
  }
  $("graph").hidden = false;
  const network = new vis.Network($("graph"), { nodes: new vis.DataSet([...nodes.values()]),
    edges: new vis.DataSet(edges) }, { physics: { stabilization: { iterations: 200 } },
    edges: { font: { size: 10 } }, nodes: { font: { size: 12 } } });
  network.once("stabilizationIterationsDone", () => network.setOptions({ physics: false }));
  status(`graph: ${nodes.size} nodes, ${edges.length} edges · 图：${nodes.size} 个节点`);
}

async function fromHash() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("query")) {
    $("query-select").value = hash.get("query");
    const values = {};
    for (const [k, v] of hash) if (k.startsWith("param.")) values[k.slice(6)] = v;
    await showQuery(values);
    await run();
  } else if (hash.get("sparql")) {
    $("sparql").value = hash.get("sparql");
    await run();
  }
}

$("query-select").addEventListener("change", () => showQuery());
$("sparql").addEventListener("input", updatePermalink);
$("run").addEventListener("click", run);
$("download-csv").addEventListener("click", () => download("text/csv", "csv"));
$("download-json").addEventListener("click", () => download(JSON_TYPE, "json"));
$("show-graph").addEventListener("click", showGraph);
loadCatalogue().then(fromHash);
