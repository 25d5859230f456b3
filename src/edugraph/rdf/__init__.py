"""Writing RDF: the graph writer, the triple sink, output formats, JSON-LD, the ontology release."""
