"""Matching brackets: where the bracket that closes one opened at a given index stands."""


def closing_index(text, index, close, limit):
    """The index of the `close` that matches the opening bracket text[index] (the same opening bracket
    nests), searching before `limit`; None when it does not close there."""
    opening, depth = text[index], 0
    for probe in range(index, limit):
        if text[probe] == opening:
            depth += 1
        elif text[probe] == close:
            depth -= 1
            if depth == 0:
                return probe
    return None
