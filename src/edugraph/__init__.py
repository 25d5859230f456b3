"""edugraph: Chinese education plans as an OWL/RDF knowledge graph."""

__version__ = "0.1.0"
