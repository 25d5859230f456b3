// The edugraph workbench: YASQE (editor: highlighting, completion, Ctrl+Enter) and YASR (sortable, paged
// tables; CONSTRUCT/DESCRIBE as Turtle) against /query, the saved-query catalogue with its parameter forms,
// CSV/JSON downloads and a graph drawing. Our own DOM is built with textContent, so data from the graph is
// never parsed as HTML; YASR's table cells are escaped by YASR, and its IRI links are rebuilt below.
"use strict";
const $ = (id) => document.getElementById(id);
const JSON_TYPE = "application/sparql-results+json";
const { Yasqe, Yasr } = window.Yasgui;
let catalogue = [];
let projectPrefixes = {};
let lastResult = null;
let yasqe = null;
let yasr = null;

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// IRIs in the table link to the front's node page (the node's triples) rather than out to the web, and the
// href is escaped (YASR puts the raw IRI between quotes).
class NodeLinkTable extends Yasr.plugins.table {
  getUriLinkFromBinding(binding, prefixes) {
    const iri = binding.value;
    let shown = `<${iri}>`, longest = 0;
    for (const [prefix, namespace] of Object.entries(prefixes || {})) {
      if (namespace && namespace.length > longest && iri.startsWith(namespace)) {
        shown = `${prefix}:${iri.slice(namespace.length)}`;
        longest = namespace.length;
      }
    }
    return `<a class="iri" href="/node?iri=${encodeURIComponent(iri)}">${escapeHtml(shown)}</a>`;
  }
}
Yasr.registerPlugin("table", NodeLinkTable);

// Completion from this server's data instead of prefix.cc and LOV (which would reach the network).
async function select(sparql) {
  const answer = await fetch("/query", { method: "POST", body: sparql,
    headers: { "Content-Type": "application/sparql-query", Accept: JSON_TYPE } });
  if (!answer.ok) return [];
  const result = await answer.json();
  const v = result.head.vars[0];
  return result.results.bindings.map((b) => b[v].value).sort();
}
const terms = {
  property: select("SELECT DISTINCT ?p WHERE { ?s ?p ?o }"),
  class: select("SELECT DISTINCT ?c WHERE { ?s a ?c }"),
};
function localCompleters() {
  Yasqe.forkAutocompleter("prefixes", { name: "local-prefixes", persistenceId: null,
    get: () => Object.entries(projectPrefixes).map(([p, ns]) => `${p}: <${ns}>`).sort() }, false);
  for (const kind of ["property", "class"]) {
    Yasqe.forkAutocompleter(kind, { name: `local-${kind}`, bulk: false, persistenceId: null,
      get: async (_, token) => (await terms[kind]).filter((iri) => iri.startsWith(token.autocompletionString)) },
    false);
  }
}

async function loadCatalogue() {
  [catalogue, projectPrefixes] = await Promise.all([
    (await fetch("/api/queries")).json(), (await fetch("/api/prefixes")).json()]);
  for (const q of catalogue) {
    const option = document.createElement("option");
    option.value = q.name;
    option.textContent = `${q.name} — ${q.title.zh || ""} ${q.title.en || ""}`;
    $("query-select").append(option);
  }
}

function prologue() {
  return Object.entries(projectPrefixes).map(([p, ns]) => `PREFIX ${p}: <${ns}>\n`).join("");
}

function startEditors() {
  localCompleters();
  yasqe = new Yasqe($("yasqe"), {
    value: prologue() + "\nSELECT ?plan ?title WHERE {\n  ?plan a edu:Plan ; dct:title ?title .\n}\n",
    persistenceId: null, showQueryButton: true, resizeable: true, editorHeight: "260px",
    autocompleters: ["variables", "local-prefixes", "local-property", "local-class"],
    requestConfig: { endpoint: "/query", method: "POST",
      // One media type each, both of which Oxigraph answers and YASR shows (Turtle in the response view).
      acceptHeaderSelect: JSON_TYPE, acceptHeaderGraph: "text/turtle" },
  });
  yasr = new Yasr($("yasr"), {
    persistenceId: null, pluginOrder: ["table", "response"], defaultPlugin: "table",
    prefixes: () => ({ ...projectPrefixes, ...yasqe.getPrefixesFromQuery() }),
  });
  yasqe.on("query", () => { status("running… 运行中"); lastResult = null; });
  yasqe.on("queryResponse", (_, response, duration) => showResponse(response, duration));
  yasqe.on("change", updatePermalink);
}

function showResponse(response, duration) {
  const graph = ["CONSTRUCT", "DESCRIBE"].includes(yasqe.getQueryType());
  // Turtle as text (highlighted), bindings as the table; chosen before drawing, so that one view is drawn.
  yasr.selectPlugin(graph ? "response" : "table");
  yasr.setResponse(response, duration);
  if (response instanceof Error || (response.status && response.status >= 400)) {
    const detail = response.response ? response.response.text : response.message;
    status(`${response.status || ""}: ${detail}`.trim(), true);
    return;
  }
  if (graph) {
    status(`Turtle (${duration} ms)`);
  } else {
    lastResult = JSON.parse(response.text);
    const rows = lastResult.results ? lastResult.results.bindings.length : 1;
    status(`${rows} rows · ${rows} 行 (${duration} ms)`);
  }
  updatePermalink();
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
  yasqe.setValue((await answer.json()).sparql);
  updatePermalink();
}

function updatePermalink() {
  const q = currentQuery();
  const hash = q ? new URLSearchParams({ query: q.name, ...Object.fromEntries(
    Object.entries(paramValues()).map(([k, v]) => [`param.${k}`, v])) })
    : new URLSearchParams({ sparql: yasqe.getValue() });
  $("permalink").href = `#${hash}`;
}

function status(text, error = false) {
  $("status").textContent = text;
  $("status").className = error ? "error" : "";
}

async function download(accept, extension) {
  const answer = await fetch("/query", { method: "POST", body: yasqe.getValue(),
    headers: { "Content-Type": "application/sparql-query", Accept: accept } });
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
    yasqe.query();
  } else if (hash.get("sparql")) {
    yasqe.setValue(hash.get("sparql"));
    yasqe.query();
  }
}

$("query-select").addEventListener("change", () => showQuery());
$("run").addEventListener("click", () => yasqe.query());
$("download-csv").addEventListener("click", () => download("text/csv", "csv"));
$("download-json").addEventListener("click", () => download(JSON_TYPE, "json"));
$("show-graph").addEventListener("click", showGraph);
loadCatalogue().then(() => {
  startEditors();
  // For the browser tests: the editors, and a query with the project prefixes declared.
  window.edugraph = { yasqe, yasr, ready: true, setQuery: (body) => yasqe.setValue(prologue() + body) };
  return fromHash();
});
