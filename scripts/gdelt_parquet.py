#!/usr/bin/env python3
"""Writes a GDELT-like dataset for the Parquet slice benchmark (benches/parquet_slice.sh):
N rows (default 20M) of the GDELT 2.0 event columns as BigQuery exports them
(gdelt-bq.gdeltv2.events: INTEGER -> INT64, FLOAT -> DOUBLE, STRING -> UTF8), one hive
partition a day (DAYS/date=YYYY-MM-DD/part-0.parquet), snappy, row groups of ROW_GROUP rows,
rows sorted by date and then event id.

Distributions: actors Zipf-like over ~300 codes (40 countries x roles), with USA the most
frequent at USA_SHARE of either side. The numbers are chosen so that a one-month, one-actor
slice holds about 1M rows: with 20M rows over 92 days (Oct-Dec 2025), a day holds ~217k rows;
USA is on one side or the other of ~15% of rows (8.15% of first actors and of the 90% of
rows that have a second: 0.0815 + 0.9 x 0.0815 x (1 - 0.0815) = 0.149), so
November (30 days) holds 30 x 217k x 0.15 = ~0.98M USA rows.

Usage: python3 scripts/gdelt_parquet.py [--rows N] [--out /tmp/gdelt20m]   (needs pyarrow,
numpy; writes ~2 GB for 20M rows, outside the repository)."""

import argparse
import datetime
import os
import shutil
import time

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

FIRST_DAY = datetime.date(2025, 10, 1)
DAYS = 92
ROW_GROUP = 128 * 1024
# Either side: a + 0.9 a (1 - a) = 0.149 of rows name USA, one in ten having no second actor.
USA_SIDE = 0.0815

COUNTRIES = [
    ("USA", "UNITED STATES", "US"), ("RUS", "RUSSIA", "RS"), ("CHN", "CHINA", "CH"),
    ("UKR", "UKRAINE", "UP"), ("GBR", "UNITED KINGDOM", "UK"), ("FRA", "FRANCE", "FR"),
    ("DEU", "GERMANY", "GM"), ("ISR", "ISRAEL", "IS"), ("IRN", "IRAN", "IR"),
    ("IND", "INDIA", "IN"), ("TUR", "TURKEY", "TU"), ("JPN", "JAPAN", "JA"),
    ("PAK", "PAKISTAN", "PK"), ("SYR", "SYRIA", "SY"), ("AFG", "AFGHANISTAN", "AF"),
    ("KOR", "SOUTH KOREA", "KS"), ("PRK", "NORTH KOREA", "KN"), ("SAU", "SAUDI ARABIA", "SA"),
    ("EGY", "EGYPT", "EG"), ("CAN", "CANADA", "CA"), ("AUS", "AUSTRALIA", "AS"),
    ("MEX", "MEXICO", "MX"), ("BRA", "BRAZIL", "BR"), ("NGA", "NIGERIA", "NI"),
    ("ZAF", "SOUTH AFRICA", "SF"), ("ITA", "ITALY", "IT"), ("ESP", "SPAIN", "SP"),
    ("POL", "POLAND", "PL"), ("QAT", "QATAR", "QA"), ("CHE", "SWITZERLAND", "SZ"),
    ("BLR", "BELARUS", "BO"), ("HUN", "HUNGARY", "HU"), ("VEN", "VENEZUELA", "VE"),
    ("CUB", "CUBA", "CU"), ("IRQ", "IRAQ", "IZ"), ("LBN", "LEBANON", "LE"),
    ("PSE", "PALESTINE", "WE"), ("YEM", "YEMEN", "YM"), ("SDN", "SUDAN", "SU"),
    ("ETH", "ETHIOPIA", "ET"),
]
ROLES = [("", ""), ("GOV", "GOVERNMENT"), ("MIL", "MILITARY"), ("BUS", "BUSINESS"),
         ("MED", "MEDIA"), ("OPP", "OPPOSITION"), ("COP", "POLICE")]
# CAMEO codes with their share of GDELT rows (rounded from a year of 2.0 events).
EVENT_CODES = [
    ("010", 0.09), ("020", 0.04), ("036", 0.03), ("040", 0.10), ("042", 0.05), ("043", 0.05),
    ("046", 0.04), ("051", 0.05), ("057", 0.02), ("010", 0.0), ("110", 0.04), ("111", 0.03),
    ("112", 0.04), ("120", 0.02), ("130", 0.02), ("141", 0.02), ("173", 0.03), ("190", 0.05),
    ("193", 0.03), ("0311", 0.02), ("0841", 0.01), ("061", 0.03), ("071", 0.02), ("080", 0.02),
    ("090", 0.03), ("100", 0.02), ("160", 0.02), ("180", 0.04), ("182", 0.02), ("200", 0.01),
    ("013", 0.04), ("014", 0.03),
]
GOLDSTEIN = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0,
             "08": 5.0, "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -4.4, "14": -6.5,
             "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0}


def actor_pool(rng):
    """Codes, names and country codes, USA first, then Zipf-ordered by a fixed shuffle."""
    codes, names, countries = [], [], []
    for code, name, _ in COUNTRIES:
        for role, role_name in ROLES:
            codes.append(code + role)
            names.append(name if not role else f"{name} {role_name}")
            countries.append(code)
    order = [0] + list(rng.permutation(np.arange(1, len(codes))))
    codes = [codes[i] for i in order]
    names = [names[i] for i in order]
    countries = [countries[i] for i in order]
    ranks = np.arange(1, len(codes) + 1, dtype=np.float64)
    rest = 1.0 / ranks[1:]
    p = np.concatenate([[USA_SIDE], rest / rest.sum() * (1 - USA_SIDE)])
    return codes, names, countries, p


def place_pool(rng, n=400):
    names, types, ccs, lats, lons, features = [], [], [], [], [], []
    for i in range(n):
        code, country, fips = COUNTRIES[i % len(COUNTRIES)]
        if i < len(COUNTRIES):
            names.append(country.title())
            types.append(1)
            features.append(fips)
        else:
            names.append(f"City {i}, Region {i % 17}, {country.title()}")
            types.append(4)
            features.append(str(-1000000 - i))
        ccs.append(fips)
        lats.append(round(float(rng.uniform(-60, 70)), 4))
        lons.append(round(float(rng.uniform(-180, 180)), 4))
    return names, types, ccs, lats, lons, features


def day_table(rng, day, n, first_id, actors, places, outlets):
    codes, names, countries, p = actors
    ymd = day.year * 10000 + day.month * 100 + day.day
    a1 = rng.choice(len(codes), size=n, p=p)
    a2 = rng.choice(len(codes), size=n, p=p)
    # About one row in ten has no second actor (a statement, an attack on no one named).
    no_a2 = rng.random(n) < 0.10
    codes_arr, names_arr, ctry_arr = pa.array(codes), pa.array(names), pa.array(countries)

    def pick(arr, idx, empty=None):
        out = arr.take(pa.array(idx))
        if empty is not None:
            out = pc.if_else(pa.array(empty), pa.scalar(None, out.type), out)
        return out

    ev_codes = [c for c, _ in EVENT_CODES]
    ev_p = np.array([w for _, w in EVENT_CODES])
    ev_p = ev_p / ev_p.sum()
    ev = rng.choice(len(ev_codes), size=n, p=ev_p)
    ev_arr = pa.array(ev_codes).take(pa.array(ev))
    gold = pa.array([GOLDSTEIN.get(c[:2], 0.0) for c in ev_codes]).take(pa.array(ev))
    pl_names, pl_types, pl_cc, pl_lat, pl_lon, pl_feat = places
    pl = rng.integers(0, len(pl_names), size=n)
    pla = pa.array(pl)
    ids = np.arange(first_id, first_id + n, dtype=np.int64)
    added = ymd * 1000000 + rng.integers(0, 24, n) * 10000 + rng.integers(0, 60, n) * 100
    outlet = pa.array(outlets).take(pa.array(rng.integers(0, len(outlets), n)))
    url = pc.binary_join_element_wise(
        "https://www.", outlet, f".example/{day.year}/{day.month:02}/{day.day:02}/story-",
        pc.cast(pa.array(ids), pa.string()), ".html", "")
    null_s = pa.nulls(n, pa.string())
    geo = {
        "_Type": pa.array(pl_types).take(pla), "_FullName": pa.array(pl_names).take(pla),
        "_CountryCode": pa.array(pl_cc).take(pla), "_ADM1Code": pa.array(pl_cc).take(pla),
        "_ADM2Code": null_s, "_Lat": pa.array(pl_lat).take(pla),
        "_Long": pa.array(pl_lon).take(pla), "_FeatureID": pa.array(pl_feat).take(pla),
    }
    cols = {
        "GLOBALEVENTID": pa.array(ids), "SQLDATE": pa.array(np.full(n, ymd, np.int64)),
        "MonthYear": pa.array(np.full(n, ymd // 100, np.int64)),
        "Year": pa.array(np.full(n, day.year, np.int64)),
        "FractionDate": pa.array(np.full(n, day.year + (day.timetuple().tm_yday / 365.0))),
    }
    for side, idx, empty in (("Actor1", a1, None), ("Actor2", a2, no_a2)):
        cols[side + "Code"] = pick(codes_arr, idx, empty)
        cols[side + "Name"] = pick(names_arr, idx, empty)
        cols[side + "CountryCode"] = pick(ctry_arr, idx, empty)
        for suffix in ("KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                       "Type1Code", "Type2Code", "Type3Code"):
            cols[side + suffix] = null_s
    cols.update({
        "IsRootEvent": pa.array(rng.integers(0, 2, n)), "EventCode": ev_arr,
        "EventBaseCode": pc.utf8_slice_codeunits(ev_arr, 0, 3),
        "EventRootCode": pc.utf8_slice_codeunits(ev_arr, 0, 2),
        "QuadClass": pa.array(rng.integers(1, 5, n)), "GoldsteinScale": gold,
        "NumMentions": pa.array(rng.integers(1, 60, n)), "NumSources": pa.array(rng.integers(1, 8, n)),
        "NumArticles": pa.array(rng.integers(1, 60, n)),
        "AvgTone": pa.array(np.round(rng.normal(-2.0, 3.0, n), 6)),
    })
    for g in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
        for k, v in geo.items():
            cols[g + k] = v
    cols["DATEADDED"] = pa.array(added.astype(np.int64))
    cols["SOURCEURL"] = url
    return pa.table(cols)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=20_000_000)
    ap.add_argument("--out", default="/tmp/gdelt20m")
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    actors = actor_pool(rng)
    places = place_pool(rng)
    outlets = [f"outlet{i}" for i in range(500)]
    shutil.rmtree(args.out, ignore_errors=True)
    # Weekdays carry more news than weekends (GDELT's weekly cycle), +-10%.
    weights = np.array([1.1 if (FIRST_DAY + datetime.timedelta(d)).weekday() < 5 else 0.85
                        for d in range(DAYS)])
    per_day = np.floor(weights / weights.sum() * args.rows).astype(int)
    per_day[-1] += args.rows - per_day.sum()
    started, first_id, usa = time.time(), 1_200_000_000, 0
    for d in range(DAYS):
        day = FIRST_DAY + datetime.timedelta(d)
        t = day_table(rng, day, int(per_day[d]), first_id, actors, places, outlets)
        first_id += int(per_day[d])
        usa += pc.sum(pc.or_kleene(pc.equal(t["Actor1Code"], "USA"),
                                   pc.fill_null(pc.equal(t["Actor2Code"], "USA"), False))).as_py()
        path = os.path.join(args.out, f"date={day.isoformat()}", "part-0.parquet")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        pq.write_table(t, path, compression="snappy", row_group_size=ROW_GROUP)
    print(f"wrote {args.rows} rows in {DAYS} daily partitions to {args.out} "
          f"in {time.time() - started:.0f} s; USA on either side of {usa / args.rows:.1%} of rows")


if __name__ == "__main__":
    main()
