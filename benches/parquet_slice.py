#!/usr/bin/env python3
"""Times a one-month, one-actor slice of the GDELT-like dataset of scripts/gdelt_parquet.py,
in one run, alternating: (a) `detente import` of the slice into a saved project, (b) DuckDB
writing the same rows (the columns Detente reads) to CSV with COPY (SELECT ...) TO. Prints
wall times, the bytes Detente read (from its report), the compressed bytes of the needed
columns of the matching row groups (from the files' metadata), and the ratios.

Usage: python3 benches/parquet_slice.py [--data /tmp/gdelt20m] [--bin target/release/detente]
       [--old-bin OTHER] [--rounds 3] [--from 2025-11-01] [--to 2025-11-30] [--actor USA]
With --old-bin, each round also runs that binary first (OLD, NEW, DuckDB, alternating), to
compare two builds under the same load; the project files they write are compared too.
Needs pyarrow and duckdb (pip install pyarrow duckdb). The files are read from the page cache
after the first round (24 GB of memory hold the whole dataset): these are warm-cache times."""

import argparse
import glob
import os
import re
import statistics
import subprocess
import tempfile
import time

import duckdb
import pyarrow.parquet as pq

# The GDELT columns Detente decodes (src/import/parquet/preset.rs GDELT_EVENT_READ); the
# actor filter reads Actor1/2Code and Actor1/2Name, the date filter SQLDATE, all among them.
NEEDED = [
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "EventCode", "EventRootCode", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]


def needed_bytes(data, first, last):
    """Compressed bytes of NEEDED in the row groups whose SQLDATE range meets [first, last]."""
    total = groups = 0
    for path in sorted(glob.glob(os.path.join(data, "**", "*.parquet"), recursive=True)):
        meta = pq.ParquetFile(path).metadata
        names = [meta.schema.column(i).name for i in range(meta.num_columns)]
        date_at = names.index("SQLDATE")
        wanted = [names.index(n) for n in NEEDED if n in names]
        for g in range(meta.num_row_groups):
            rg = meta.row_group(g)
            st = rg.column(date_at).statistics
            if st is not None and st.has_min_max and (st.max < first or st.min > last):
                continue
            groups += 1
            total += sum(rg.column(c).total_compressed_size for c in wanted)
    return total, groups


def run_detente(binary, data, out, args):
    cmd = [binary, "import", data, "-o", out, "--force", "--from", args.from_, "--to", args.to,
           "--actor", args.actor]
    cpu_before = os.times()
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    cpu_after = os.times()
    cpu = (cpu_after.children_user - cpu_before.children_user
           + cpu_after.children_system - cpu_before.children_system)
    report = done.stdout
    timing = re.search(r"timing: import (\d+) ms, check and save (\d+) ms", report)
    # Builds from 5 Dec 2026 (03:20 UTC) group the counts by thousands ("1,144,031,584").
    m = re.search(r"read ([\d,]+) of ([\d,]+) bytes \(needed columns of the row groups read: ([\d,]+)",
                  report)
    events = re.search(r"imported ([\d,]+) events", report)
    # Builds before 4 Dec 2026 (22:50 UTC) had no laying-out thread and print no such time.
    phases = re.search(r"decoding (\d+) ms, (?:laying rows out (\d+) ms, )?building (\d+) ms",
                       report)
    return {
        "wall": wall, "cpu": cpu, "import_ms": int(timing.group(1)),
        "save_ms": int(timing.group(2)), "bytes_read": number(m.group(1)),
        "bytes_total": number(m.group(2)), "needed_reported": number(m.group(3)), "events": number(events.group(1)),
        "decode_ms": int(phases.group(1)), "lay_out_ms": int(phases.group(2) or 0),
        "build_ms": int(phases.group(3)),
        "project_bytes": os.path.getsize(out),
    }


def number(text):
    """A count as the report prints it, with or without thousands separators."""
    return int(text.replace(",", ""))


def threads(run):
    """The reading threads' times: they overlap, so they do not add up to the import's."""
    return (f"threads: decoding {run['decode_ms']} ms, laying rows out {run['lay_out_ms']} ms, "
            f"building {run['build_ms']} ms")


def run_duckdb(data, out, first, last, actor):
    cpu_before = time.process_time()
    started = time.perf_counter()
    con = duckdb.connect()
    cols = ", ".join(NEEDED)
    con.execute(
        f"COPY (SELECT {cols} FROM read_parquet('{data}/**/*.parquet', hive_partitioning = true) "
        f"WHERE SQLDATE BETWEEN {first} AND {last} AND (Actor1Code = '{actor}' OR "
        f"Actor2Code = '{actor}' OR Actor1Name = '{actor}' OR Actor2Name = '{actor}')) "
        f"TO '{out}' (HEADER, DELIMITER ',')")
    con.close()
    return time.perf_counter() - started, time.process_time() - cpu_before


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/tmp/gdelt20m")
    ap.add_argument("--bin", default="target/release/detente")
    ap.add_argument("--old-bin", default=None)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--from", dest="from_", default="2025-11-01")
    ap.add_argument("--to", default="2025-11-30")
    ap.add_argument("--actor", default="USA")
    args = ap.parse_args()
    first, last = (int(d.replace("-", "")) for d in (args.from_, args.to))
    needed, groups = needed_bytes(args.data, first, last)
    tmp = tempfile.mkdtemp(prefix="parquet-slice-")
    detente_runs, duck_runs = [], []
    old_runs = []
    for r in range(args.rounds):
        if args.old_bin:
            o = run_detente(args.old_bin, args.data, os.path.join(tmp, "old.detente.ron"), args)
            old_runs.append(o)
            print(f"round {r + 1}: OLD detente {o['wall']:.2f} s wall, {o['cpu']:.2f} s CPU (import "
                  f"{o['import_ms']} ms, {threads(o)}; check and save {o['save_ms']} ms)", flush=True)
        d = run_detente(args.bin, args.data, os.path.join(tmp, "slice.detente.ron"), args)
        detente_runs.append(d)
        k, k_cpu = run_duckdb(args.data, os.path.join(tmp, "slice.csv"), first, last, args.actor)
        duck_runs.append((k, k_cpu))
        print(f"round {r + 1}: detente {d['wall']:.2f} s wall, {d['cpu']:.2f} s CPU ({d['events']} "
              f"events; import {d['import_ms']} ms, {threads(d)}; check and save {d['save_ms']} ms), "
              f"duckdb {k:.2f} s wall, "
              f"{k_cpu:.2f} s CPU", flush=True)
    rows = sum(1 for _ in open(os.path.join(tmp, "slice.csv"))) - 1
    if old_runs:
        same = subprocess.run(["cmp", "-s", os.path.join(tmp, "old.detente.ron"),
                               os.path.join(tmp, "slice.detente.ron")]).returncode == 0
        o_med = statistics.median(x["wall"] for x in old_runs)
        o_cpu = statistics.median(x["cpu"] for x in old_runs)
        o_import = statistics.median(x["import_ms"] for x in old_runs) / 1000
        o_save = statistics.median(x["save_ms"] for x in old_runs) / 1000
        print(f"OLD: median {o_med:.2f} s wall, {o_cpu:.2f} s CPU, reading {o_import:.2f} s, "
              f"check and save {o_save:.2f} s; the two project files are "
              f"{'byte for byte the same' if same else 'DIFFERENT'}")
    d_med = statistics.median(x["wall"] for x in detente_runs)
    k_med = statistics.median(k for k, _ in duck_runs)
    d_cpu = statistics.median(x["cpu"] for x in detente_runs)
    k_cpu = statistics.median(c for _, c in duck_runs)
    d_import = statistics.median(x["import_ms"] for x in detente_runs) / 1000
    last_run = detente_runs[-1]
    print()
    print("| measure | value |")
    print("| --- | --- |")
    print(f"| slice rows (Detente events / DuckDB CSV rows) | {last_run['events']} / {rows} |")
    print(f"| Detente import, median of {args.rounds} (wall) | {d_med:.2f} s |")
    print(f"| of which reading the slice ({threads(last_run)}), median | {d_import:.2f} s |")
    print(f"| of which checking and saving the project (last round) | {last_run['save_ms'] / 1000:.2f} s |")
    print(f"| Detente CPU time (user + system), median | {d_cpu:.2f} s |")
    print(f"| DuckDB COPY to CSV, median of {args.rounds} (wall) | {k_med:.2f} s |")
    print(f"| DuckDB CPU time, median | {k_cpu:.2f} s |")
    print(f"| ratio Detente / DuckDB, whole import (wall) | {d_med / k_med:.2f} |")
    print(f"| ratio Detente / DuckDB, reading the slice only (wall) | {d_import / k_med:.2f} |")
    print(f"| bytes Detente read | {last_run['bytes_read']:,} of {last_run['bytes_total']:,} |")
    print(f"| needed columns of matching row groups (metadata; {groups} row groups) | {needed:,} |")
    print(f"| bytes read / needed | {last_run['bytes_read'] / needed:.2f} |")
    print(f"| saved project | {last_run['project_bytes']:,} bytes |")


if __name__ == "__main__":
    main()
