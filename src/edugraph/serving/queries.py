"""Saved SPARQL queries: one .rq file each, with a grlc-style YAML header in `#+` comment lines.

    #+ title: {en: Plan outline, zh: 规划大纲}
    #+ description: {en: …, zh: …}
    #+ keywords: [structure]
    #+ params:
    #+   plan: {type: iri, default: "", description: {en: …, zh: …}}

A parameter NAME is written ?_NAME in the query body. Given a value (or a non-empty default) it is
replaced by that value as a SPARQL term; otherwise ?_NAME stays a variable and matches anything.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from edugraph import settings
from edugraph.errors import QueryError
from edugraph.namespaces import ID, PREFIXES, sparql_prologue

PARAM_TYPES = ("iri", "literal", "integer")


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "literal"
    default: str = ""
    required: bool = False
    description: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path
    text: str
    title: dict
    description: dict
    keywords: tuple = ()
    params: dict = field(default_factory=dict)
    portability: str = ""

    @property
    def is_violation(self):
        return self.name.endswith("-violation")


def parse_header(text, path):
    header = "\n".join(line[2:] for line in text.splitlines() if line.startswith("#+"))
    try:
        meta = yaml.safe_load(header) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise QueryError(f"bad #+ header: {getattr(error, 'problem', error)}", path=path,
                         line=mark.line + 1 if mark else None) from None
    if not isinstance(meta, dict):
        raise QueryError("bad #+ header: expected key: value lines", path=path, line=1)
    return meta


def load_query_file(path):
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError("no such query file", path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"cannot read query: {error}", path=path) from None
    meta = parse_header(text, path)
    params = {}
    for name, spec in (meta.get("params") or {}).items():
        spec = spec or {}
        kind = spec.get("type", "literal")
        if kind not in PARAM_TYPES:
            raise QueryError(f"parameter {name!r} has type {kind!r}; expected one of {', '.join(PARAM_TYPES)}",
                             path=path)
        params[name] = Param(name=name, type=kind, default=str(spec.get("default", "") or ""),
                             required=bool(spec.get("required", False)),
                             description=spec.get("description") or {})
    as_dict = lambda value: value if isinstance(value, dict) else {"en": str(value or "")}  # noqa: E731
    return SavedQuery(name=path.stem, path=path, text=text, title=as_dict(meta.get("title")),
                      description=as_dict(meta.get("description")),
                      keywords=tuple(meta.get("keywords") or ()), params=params,
                      portability=str(meta.get("portability") or ""))


def catalogue(folder=None):
    """{name: SavedQuery} for every .rq file in the queries folder, sorted by name."""
    folder = Path(folder or settings.QUERIES_DIR)
    return {path.stem: load_query_file(path) for path in sorted(folder.glob("*.rq"))}


def resolve(name_or_path, folder=None):
    """A saved query by catalogue name, or any .rq file by path."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" or candidate.is_file():
        return load_query_file(candidate)
    saved = Path(folder or settings.QUERIES_DIR) / f"{name_or_path}.rq"
    if not saved.is_file():  # only this file is read: a broken neighbour must not stop it
        raise QueryError(f"no saved query named {name_or_path!r}; `edugraph queries` lists them")
    return load_query_file(saved)


IRI_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]+")
ID_RE = re.compile(r"[A-Za-z0-9][\w.~()/-]*")  # a plan id or an id path: weihai-2022, weihai-2022/task/5


def expand_iri(value, name="value"):
    """The full IRI a parameter names: a full IRI as given; a prefixed name of the project's prefixes
    (id:weihai-2022, stage:preschool, division:370000); else an id under …/id/ (weihai-2022, the form
    `edugraph link` takes and the tables print after id:)."""
    value = value.strip().strip("<>")
    if IRI_RE.fullmatch(value):
        return value
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not re.search(r"[\s<>\"{}|\\^`]", local):
        return f"{PREFIXES[prefix]}{local}"
    if not sep and ID_RE.fullmatch(value):
        return f"{ID}{value}"
    raise QueryError(f"parameter {name!r} expects an IRI, a prefixed name ({', '.join(sorted(PREFIXES))}) "
                     f"or a plan id such as weihai-2022; got {value!r}")


def _term(param, value):
    if param.type == "iri":
        return f"<{expand_iri(value, param.name)}>"
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise QueryError(f"parameter {param.name!r} expects an integer, got {value!r}")
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def bind(query, values=None):
    """The query text with parameters substituted and the project prefixes declared."""
    values = dict(values or {})
    unknown = sorted(set(values) - set(query.params))
    if unknown:
        expected = ", ".join(query.params) or "none"
        raise QueryError(f"unknown parameter {unknown[0]!r} for query {query.name!r}; expected: {expected}")
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#+"))
    for name, param in query.params.items():
        value = values.get(name, param.default)
        if value == "":
            if param.required:
                raise QueryError(f"query {query.name!r} needs --param {name}=VALUE")
            continue
        body = re.sub(rf"\?_{re.escape(name)}\b", lambda _: _term(param, value), body)
    declared = set(re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", body))
    prologue = "".join(line for line in sparql_prologue().splitlines(keepends=True)
                       if line.split()[1].rstrip(":") not in declared)
    return prologue + body


def check_syntax(sparql, name="query"):
    from rdflib.plugins.sparql import prepareQuery  # rdflib's SPARQL engine takes 0.4 s to import
    try:
        prepareQuery(sparql)
    except Exception as error:  # pyparsing and rdflib raise several types
        raise QueryError(f"{name}: SPARQL syntax error: {str(error).splitlines()[0]}") from None


class QueryResult:
    """Rows of a SELECT (or the single boolean row of an ASK), values as rdflib terms or None.

    An embedded Oxigraph store hands over its own terms (`raw`) with a `convert` function; they become
    rdflib terms only when `rows` is first read, so the result formats (results.py), which read `cells`,
    never build an rdflib term they do not need."""

    def __init__(self, variables, rows=None, graph=None, *, raw=None, convert=None):
        self.variables = variables
        self.graph = graph  # CONSTRUCT / DESCRIBE: an rdflib Graph
        self._rows, self._raw, self._convert = rows, raw, convert
        if rows is None and raw is None:
            self._rows = []

    @property
    def rows(self):
        if self._rows is None:
            convert = self._convert
            self._rows = [tuple(None if term is None else convert(term) for term in row) for row in self._raw]
            self._raw = None
        return self._rows

    @property
    def cells(self):
        """The rows as the engine gave them: rdflib terms, or pyoxigraph terms when not converted yet."""
        return self._raw if self._rows is None else self._rows

    def __repr__(self):
        return f"QueryResult({self.variables!r}, {len(self.cells)} row(s){', graph' if self.graph else ''})"

    def to_dicts(self, typed=False, short=False):
        """One dict per row. Values are strings (None where unbound) unless typed=True: then Python values
        (results.python_value: int, Decimal, float, bool, datetime.date). short=True gives IRIs as prefixed
        names (id:weihai-2022)."""
        if not (typed or short):
            return [{v: (None if row[i] is None else str(row[i])) for i, v in enumerate(self.variables)}
                    for row in self.rows]
        from edugraph.serving.results import python_value
        return [{v: python_value(term, short, typed) for v, term in zip(self.variables, row)} for row in self.cells]

    def to_dataframe(self, short=False):
        """A pandas DataFrame with typed columns (results.to_dataframe): integers, floats for decimals,
        booleans, datetime64 for dates; short=True gives IRIs as prefixed names."""
        try:
            import pandas  # noqa: F401
        except ImportError:
            raise QueryError("to_dataframe() needs pandas: pip install pandas") from None
        from edugraph.serving.results import to_dataframe
        return to_dataframe(self, short)


def execute(sparql, graph, name="query"):
    """Run SPARQL text on a store (store.py, remote.py: anything with run_sparql) or an rdflib graph."""
    if hasattr(graph, "run_sparql"):
        return graph.run_sparql(sparql, name)
    check_syntax(sparql, name)
    try:
        result = graph.query(sparql)
    except Exception as error:
        raise QueryError(f"{name}: query failed: {str(error).splitlines()[0]}") from None
    if result.type == "ASK":
        return QueryResult(["ask"], [(result.askAnswer,)])
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult([], [], graph=result.graph)
    variables = [str(v) for v in result.vars]
    return QueryResult(variables, [tuple(row) for row in result])


# Where engines put a line number in a syntax error: Oxigraph "error at 18:2", pyparsing "(line:17, col:3)",
# Virtuoso "line 17:".
ERROR_LINE_RES = [re.compile(r"(error at )(\d+)(:\d+)"), re.compile(r"(\(line:)(\d+)(, col:\d+\))"),
                  re.compile(r"(\bline )(\d+)(:)")]


def file_line(query, sparql, line):
    """The line of query's .rq file that line `line` of its bound text (bind(query)) came from: bind adds
    the prologue in front and drops the #+ header lines. None for a line of the added prologue."""
    body_lines = [number for number, text in enumerate(query.text.splitlines(), 1) if not text.startswith("#+")]
    added = len(sparql.splitlines()) - len(body_lines)
    return body_lines[line - added - 1] if 0 < line - added <= len(body_lines) else None


def _at_user_lines(error, query, sparql):
    """The error with line numbers that point into the user's file, not the bound text."""
    found = []

    def fix(match):
        line = file_line(query, sparql, int(match.group(2)))
        found.append(line)
        return f"{match.group(1)}{line or match.group(2)}{match.group(3)}"

    message = re.sub(r"\s*\(at char \d+\),?", "", error.message)  # an offset into the bound text: no help
    for pattern in ERROR_LINE_RES:
        message = pattern.sub(fix, message)
    if not found or found[0] is None:
        return error
    return QueryError(message.removeprefix(f"{query.name}: "), path=query.path, line=found[0])


def run_query(name_or_path, graph, params=None, folder=None):
    """Run a saved query (by name or .rq path) with parameters on a store, an endpoint or an rdflib graph.
    The Python API entry point. Syntax errors name the query file and the line in it; an IRI parameter
    that names nothing in the data is an error suggesting the nearest names that exist."""
    query = resolve(name_or_path, folder)
    sparql = bind(query, params)
    for name, value in (params or {}).items():
        # Only the project's own names are looked up: an endpoint URL (federated queries) is not data.
        iri = expand_iri(value, name) if query.params[name].type == "iri" and value != "" else ""
        if _is_project_iri(iri):
            check_names_something(graph, iri, name)
    try:
        return execute(sparql, graph, query.name)
    except QueryError as error:
        raise _at_user_lines(error, query, sparql) from None


def check_names_something(graph, iri, name="value"):
    """Raise QueryError when `iri` is neither subject nor object of any triple of the data, naming the
    closest IRIs of the data that share its namespace (…/id/ for plans, a plan's own for its tasks)."""
    import difflib
    if execute(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}", graph, "check-parameter").rows[0][0]:
        return
    stem = iri.rsplit("/", 1)[0] + "/"
    nearby = execute(f"SELECT DISTINCT ?s WHERE {{ ?s a ?type . FILTER (STRSTARTS(STR(?s), {_literal(stem)})) }} "
                     "LIMIT 20000", graph, "parameter-candidates").rows
    same_depth = [str(row[0]) for row in nearby if "/" not in str(row[0])[len(stem):]]
    close = difflib.get_close_matches(iri, same_depth, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(_short_name(c) for c in close)}?" if close else ""
    raise QueryError(f"parameter {name!r}: {_short_name(iri)} names nothing in the data{hint}")


def _is_project_iri(iri):
    return iri.startswith(tuple(str(PREFIXES[p]) for p in ("id", "stage", "level", "division", "doctype", "edu")))


def _literal(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _short_name(iri):
    """How a user can type the IRI back: a plan or node id (weihai-2022/task/9) or a prefixed name."""
    if iri.startswith(str(ID)):
        return iri[len(str(ID)):]
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)) and "/" not in iri[len(str(namespace)):]:
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri
