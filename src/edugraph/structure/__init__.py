"""The plan's structure: outline, titles, measures, preamble, metadata."""
