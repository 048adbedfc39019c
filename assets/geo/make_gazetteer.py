#!/usr/bin/env python3
"""Derives assets/geo/cities.tsv.gz from GeoNames cities15000 (CC BY 4.0, geonames.org).

Usage (from the repository root, with the shared data checked out beside it):

    python3 assets/geo/make_gazetteer.py ../shared/data/geo/cities15000.tsv \
        assets/geo/countries.tsv assets/geo/cities.tsv.gz

Keeps every city of at least MIN_POPULATION people and every national capital whatever its
size (talks are held in Vaduz and Andorra la Vella too); alternate names are kept for the
capitals and the cities of at least ALTERNATES_POPULATION people. Output: one city per line, tab
separated, no header: geonameid, name, ISO country code, latitude, longitude, population,
alternate names joined by "|". The output is deterministic (sorted by population, then id;
gzip with a zero timestamp), so rebuilding gives the same bytes.
"""

import csv
import gzip
import sys
import unicodedata

# The file should stay under ~600 KB compressed (it is embedded in the binary). Measured on
# cities15000 (34,006 places): all of it is 1.3 MB; >= 25,000 people, 0.91 MB; >= 50,000,
# 0.54 MB but without summit towns such as Sharm el-Sheikh (38,478) or Annapolis (40,812).
# >= 35,000 keeps those (16,953 cities) and, with alternates only for the larger cities
# below, comes to 0.57 MB. Montreux (25,984) and Rambouillet (26,674) fall below it: such
# venues are entered by hand, with coordinates.
MIN_POPULATION = 35_000
# Alternate names are half of the bytes. Exonyms that analysts type (Kiev, Munich, Peking)
# belong to capitals and big cities; below 100,000 people they are mostly spelling variants
# of the name itself, which the prefix search finds anyway. Dropping them there saves 0.14 MB.
ALTERNATES_POPULATION = 100_000


def fold(text):
    """Lower case without accents: what the app compares."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def alternates(name, raw):
    """Latin-script alternate names worth typing: those that start with a capital (the
    lower-case ones are machine transliterations of other scripts, such as "bei jing shi"),
    and that differ from the name and from each other once folded."""
    seen = {fold(name)}
    kept = []
    for alt in raw.split("|"):
        alt = alt.strip()
        if not alt or not alt[0].isupper():
            continue
        key = fold(alt)
        if key in seen:
            continue
        seen.add(key)
        kept.append(alt)
    return kept


def main(cities_path, countries_path, out_path):
    with open(countries_path, newline="", encoding="utf-8") as f:
        capitals = {
            (row["iso2"], fold(row["capital"]))
            for row in csv.DictReader(f, delimiter="\t")
            if row["capital"]
        }
    rows = []
    with open(cities_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            population = int(row["population"] or 0)
            is_capital = (row["country_code"], fold(row["name"])) in capitals
            if population < MIN_POPULATION and not is_capital:
                continue
            with_alternates = is_capital or population >= ALTERNATES_POPULATION
            alts = alternates(row["name"], row["alternate_names"]) if with_alternates else []
            rows.append((
                -population,
                int(row["geonameid"]),
                "\t".join([
                    row["geonameid"], row["name"], row["country_code"],
                    row["latitude"], row["longitude"], str(population), "|".join(alts),
                ]),
            ))
    rows.sort()
    data = "".join(line + "\n" for _, _, line in rows).encode("utf-8")
    with open(out_path, "wb") as raw, gzip.GzipFile(
        filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0
    ) as out:
        out.write(data)
    print(f"{len(rows)} cities, {len(data)} bytes, written to {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
