"""One error hierarchy. Library code raises these; only the CLI turns them into messages and exit codes."""


class EdugraphError(Exception):
    """Base class: every error edugraph raises on purpose."""

    exit_code = 1

    def __init__(self, message, *, path=None, line=None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self):
        where = ""
        if self.path is not None:
            where = f"{self.path}"
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        return where + self.message


class InputError(EdugraphError):
    """A source document cannot be read or decoded (missing, empty, binary, unknown encoding)."""

    exit_code = 2


class StructureError(EdugraphError):
    """A document was read but no plan structure (numbered sections or tasks) was recognised."""

    exit_code = 3


class QueryError(EdugraphError):
    """A saved or ad-hoc SPARQL query is missing, malformed, or got bad parameters."""

    exit_code = 4


class OutputError(EdugraphError):
    """An output cannot be written (unknown format, unwritable path)."""

    exit_code = 5


class GraphLoadError(EdugraphError):
    """An RDF file given as data cannot be parsed."""

    exit_code = 6


class ReasoningError(EdugraphError):
    """The reasoner could not run or found the ontology plus data inconsistent."""

    exit_code = 7


class EndpointError(EdugraphError):
    """A SPARQL endpoint or graph store cannot be reached, timed out, refused or failed a request."""

    exit_code = 8
