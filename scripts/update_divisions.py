"""Regenerate data/divisions/divisions.tsv (China's administrative divisions, GB/T 2260 codes) from a pinned
release of the `cpca` package on PyPI. Run it to move to another release, then review the diff:

    python scripts/update_divisions.py && git diff data/divisions

Why cpca (README, Libraries): its adcodes.csv (3,511 provinces, prefecture-level cities and counties with
their 12-digit statistical codes, whose first six digits are the GB/T 2260 code) is the data behind the most
used Chinese place recogniser (DQinYuan/chinese_province_city_area_mapper, MIT), and its 2020 snapshot still
names the divisions that the 2015–2022 plans of the corpus speak of. Only its data file is used: edugraph
does not import cpca (which would pull pandas). Nothing here is typed by hand.
"""

import csv
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE, VERSION = "cpca", "0.5.5"
DATA_FILE = "cpca/resources/adcodes.csv"
OUT = Path(__file__).resolve().parents[1] / "data" / "divisions"
NATION = ("100000", "中华人民共和国", "national", "")


def fetch_wheel(folder):
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:",
                    "-d", folder, f"{PACKAGE}=={VERSION}"], check=True)
    return next(Path(folder).glob(f"{PACKAGE}-{VERSION}-*.whl"))


def divisions(rows):
    """(code, name, level, parent code) for every province, prefecture-level city and county."""
    by_code = {row["adcode"][:6]: row["name"] for row in rows}
    out = [NATION]
    for code, name in sorted(by_code.items()):
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue  # statistical groupings, not divisions with a government of their own
        if code[2:] == "0000":
            level, parent = "provincial", NATION[0]
        elif code[4:] == "00":
            level, parent = "municipal", code[:2] + "0000"
        else:
            city = code[:4] + "00"
            level = "county"
            parent = city if city in by_code and by_code[city] not in ("市辖区", "县", "省直辖县级行政区划",
                                                                       "自治区直辖县级行政区划") else code[:2] + "0000"
        out.append((code, name, level, parent))
    return out


def main():
    with tempfile.TemporaryDirectory() as folder:
        wheel = fetch_wheel(folder)
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        with zipfile.ZipFile(wheel) as archive:
            rows = list(csv.DictReader(io.TextIOWrapper(archive.open(DATA_FILE), encoding="utf-8")))
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "divisions.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "name", "level", "parent"])
        writer.writerows(divisions(rows))
    (OUT / "SOURCE.tsv").write_text(
        "package\tversion\tfile\twheel_sha256\tlicense\tgenerated_by\n"
        f"{PACKAGE}\t{VERSION}\t{DATA_FILE}\t{digest}\tMIT\tscripts/update_divisions.py\n", encoding="utf-8")
    print(f"wrote {OUT / 'divisions.tsv'} from {PACKAGE} {VERSION} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
