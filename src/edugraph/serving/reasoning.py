"""Consistency check of data + the edugraph ontology with the HermiT reasoner (via owlready2)."""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib.namespace import OWL

from edugraph.errors import ReasoningError


@dataclass
class ConsistencyReport:
    consistent: bool
    inconsistent_classes: list[str] = field(default_factory=list)  # IRIs of classes inferred ≡ owl:Nothing
    seconds: float = 0.0  # wall-clock time of loading + reasoning


def default_ontology_path() -> Path:
    try:
        from edugraph import settings

        return Path(settings.ONTOLOGY_PATH)
    except (ImportError, AttributeError):
        # Source checkout layout: src/edugraph/serving/reasoning.py → <repo>/ontology/edugraph.ttl
        return Path(__file__).resolve().parents[3] / "ontology" / "edugraph.ttl"


def check_consistency(data: rdflib.Graph, ontology_path=None) -> ConsistencyReport:
    """Merge the ontology with `data` and ask HermiT whether the result is consistent."""
    import owlready2  # imported here so that the rest of edugraph works without owlready2 installed

    if shutil.which(owlready2.JAVA_EXE) is None:
        raise ReasoningError(f"Java not found ({owlready2.JAVA_EXE!r} is not on PATH); HermiT needs a Java runtime")
    path = Path(ontology_path) if ontology_path is not None else default_ontology_path()
    try:
        merged = rdflib.Graph().parse(path, format="turtle")
    except Exception as exc:
        raise ReasoningError(f"cannot read ontology {path}: {exc}") from exc
    for triple in data.triples((None, None, None)):  # also yields plain triples for a Dataset
        merged.add(triple)
    # The ontology is merged in already; an owl:imports in the data would make owlready2 fetch it from the web.
    merged.remove((None, OWL.imports, None))

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="edugraph-reasoning-") as tmp:
        nt = Path(tmp) / "merged.nt"
        merged.serialize(nt, format="nt", encoding="utf-8")
        world = owlready2.World()
        saved_tempdir = tempfile.tempdir
        # owlready2 writes HermiT's input to a temp file and does not delete it when Java fails
        # (which is how inconsistency is reported); keep that file inside our directory.
        tempfile.tempdir = tmp
        try:
            # Say the format: owlready2 guesses it from the first 1,000 bytes, and a first triple longer than that
            # (a plan's full text) made it guess RDF/XML, depending on which triple rdflib wrote first.
            world.get_ontology(nt.as_uri()).load(format="ntriples")
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
            unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)
        except owlready2.OwlReadyInconsistentOntologyError:
            return ConsistencyReport(False, [], time.perf_counter() - started)
        except Exception as exc:  # OwlReadyJavaError, parse errors, OSError from subprocess, ...
            raise ReasoningError(f"reasoner failed: {_one_line(exc)}") from exc
        finally:
            tempfile.tempdir = saved_tempdir
            world.close()
    # Unsatisfiable classes do not make the ontology inconsistent (nothing need be in them), so they are
    # reported separately; callers decide whether they are an error.
    return ConsistencyReport(True, unsatisfiable, time.perf_counter() - started)


def _one_line(exc: Exception) -> str:
    """A Java error (banner, multi-line message, stack trace) condensed to its message on one line."""
    lines = []
    for line in str(exc).splitlines():
        line = line.strip()
        if line.startswith("at "):  # the stack trace starts; the message is complete
            break
        if line and line != "Java error message is:":
            lines.append(line)
    return " ".join(lines).replace('Exception in thread "main" ', "")[:500] or type(exc).__name__
