"""Stores, saved queries and their results, endpoints, publishing and `edugraph serve`."""
