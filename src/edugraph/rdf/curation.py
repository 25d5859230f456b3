"""Per-plan curation files (data/curation/<plan-id>.yaml): English labels and corrections.

Corrections add edu:correctedLabel and keep rdfs:label exactly as printed, so offsets stay true.
"""

from dataclasses import dataclass, field
from pathlib import Path


from edugraph import settings
from edugraph.errors import InputError
from edugraph.yamlfile import read_mapping


@dataclass
class Curation:
    path: Path | None = None
    title_en: str = ""
    labels_en: dict = field(default_factory=dict)     # node path → English label
    corrections: dict = field(default_factory=dict)   # node path → (corrected text, note)


def load_curation(plan_id, folder=None):
    path = Path(folder or settings.CURATION_DIR) / f"{plan_id}.yaml"
    if not path.is_file():
        return Curation()
    data = read_mapping(path)
    if data.get("plan") not in (None, plan_id):
        raise InputError(f"curation is for plan {data.get('plan')!r}, expected {plan_id!r}", path=path)
    corrections = {}
    for index, item in enumerate(data.get("corrections") or []):
        if not isinstance(item, dict) or not item.get("node") or not item.get("text"):
            raise InputError(f"corrections[{index}] needs 'node' and 'text'", path=path)
        corrections[str(item["node"])] = (str(item["text"]), str(item.get("note") or ""))
    return Curation(path=path, title_en=str(data.get("title_en") or ""),
                    labels_en={str(k): str(v) for k, v in (data.get("labels_en") or {}).items()},
                    corrections=corrections)


def check_nodes(curation, known_paths):
    """Every node a curation file names must exist in the built plan."""
    for node in list(curation.labels_en) + list(curation.corrections):
        if node not in known_paths:
            raise InputError(f"names node {node!r}, which the plan does not have", path=curation.path)
