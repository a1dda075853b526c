#!/usr/bin/env python3
"""The table `make bench` ends with: each job measured in this run, Tendon beside the
programs a runner would otherwise use, and the ratio. Decoding is timed two ways, both on
the same bytes: in process (files already in memory; each runner repeats passes for a few
seconds and reports bytes / seconds) and as a whole process (start-up included; the median
of several runs), the only way to time a command-line program such as gpsbabel. The
daemon jobs come from the Google Benchmark results bench.sh has just written.

A peer that is not installed is a row saying so, never a row left out. Everything also
goes to a JSON file.

Usage: compare.py BUILD_DIR SHARED_DIR PEERS_DIR OUT_JSON"""
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
IN_PROCESS_SECONDS = "3"
WHOLE_PROCESS_RUNS = 5
GPX_POINTS = "200000"
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, where python3-gpxpy is installed


def run_json(argv):
    """One runner's JSON line (see tests/bench/peer_decode.cpp), or None when it failed."""
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(f"bench: {' '.join(argv[:2])}: exit {done.returncode}: {done.stderr.strip()[-300:]}\n")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def whole_process_seconds(argv):
    """The median wall time of WHOLE_PROCESS_RUNS runs of argv, or None if one fails."""
    times = []
    for _ in range(WHOLE_PROCESS_RUNS):
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            return None
    return statistics.median(times)


class Peers:
    """The peers' command lines, each None when it is not installed (and why)."""

    def __init__(self, build, peers_dir):
        self.tendon = os.path.join(build, "tests", "bench", "tendon_decode")
        self.missing = {}
        self.gpsbabel = shutil.which("gpsbabel")
        if not self.gpsbabel:
            self.missing["gpsbabel"] = "not installed (Debian package gpsbabel)"
        self.fitsdk = os.path.join(peers_dir, "node_modules", "@garmin", "fitsdk")
        self.node = shutil.which("node")
        if not (self.node and os.path.isdir(self.fitsdk)):
            self.missing["@garmin/fitsdk"] = "not installed (node and npm package @garmin/fitsdk)"
            self.fitsdk = None
        has_gpxpy = os.path.exists(SYSTEM_PYTHON) and subprocess.run(
            [SYSTEM_PYTHON, "-c", "import gpxpy"], capture_output=True).returncode == 0
        self.gpxpy = SYSTEM_PYTHON if has_gpxpy else None
        if not has_gpxpy:
            self.missing["gpxpy"] = "not installed (Debian package python3-gpxpy)"

    def tendon_cmd(self, kind, files, seconds):
        return [self.tendon, kind, "--min-seconds", seconds, *files]

    def fitsdk_cmd(self, files, seconds):
        return [self.node, os.path.join(HERE, "fitsdk_decode.mjs"), self.fitsdk, "--min-seconds", seconds, *files]

    def gpxpy_cmd(self, files, seconds):
        return [self.gpxpy, os.path.join(HERE, "gpxpy_parse.py"), "--min-seconds", seconds, *files]

    def gpsbabel_cmd(self, fmt, files):
        # Reads every file, then drops what it read before writing: decoding alone.
        inputs = [arg for f in files for arg in ("-f", f)]
        return [self.gpsbabel, "-i", fmt, *inputs, "-x", "nuketypes,waypoints,tracks,routes", "-o", "gpx", "-F", "/dev/null"]


def readable_by_all(peers, files):
    """The FIT files every installed decoder reads without an error: the same bytes for all."""
    kept = []
    for f in files:
        ours = run_json(peers.tendon_cmd("fit", [f], "0"))
        if not ours or ours["failed"] or not ours["activities"]:
            continue
        if peers.fitsdk:
            theirs = run_json(peers.fitsdk_cmd([f], "0"))
            if not theirs or theirs["failed"]:
                continue
        if peers.gpsbabel and subprocess.run(peers.gpsbabel_cmd("garmin_fit", [f]), capture_output=True).returncode != 0:
            continue
        kept.append(f)
    return kept


def mb_per_s(result):
    return result["bytes"] * result["passes"] / result["seconds"] / 1e6 if result else None


def decode_rows(peers, job, kind, files, in_process_peers, whole_process_peers):
    """Rows for one decoding job: in process, then whole process, Tendon first in each."""
    size = sum(os.path.getsize(f) for f in files)
    rows = []
    ours = mb_per_s(run_json(peers.tendon_cmd(kind, files, IN_PROCESS_SECONDS)))
    for name, cmd in in_process_peers:
        theirs = mb_per_s(run_json(cmd(files, IN_PROCESS_SECONDS))) if cmd else None
        rows.append(row(f"{job}, in process", "MB/s", ours, name, theirs, higher_is_better=True))
    ours_wall = whole_process_seconds(peers.tendon_cmd(kind, files, "0"))
    for name, cmd in whole_process_peers:
        theirs_wall = whole_process_seconds(cmd(files)) if cmd else None
        rows.append(row(f"{job}, whole process", "MB/s", size / ours_wall / 1e6 if ours_wall else None, name,
                        size / theirs_wall / 1e6 if theirs_wall else None, higher_is_better=True))
    return rows


def row(job, unit, tendon, peer=None, peer_value=None, higher_is_better=True):
    ratio = None
    if tendon and peer_value:
        ratio = tendon / peer_value if higher_is_better else peer_value / tendon
    return {"job": job, "unit": unit, "tendon": tendon, "peer": peer, "peer_value": peer_value, "ratio": ratio}


def benchmark_rows(results_dir):
    """The daemon and import jobs from the Google Benchmark JSON files."""
    found = {}
    for path in glob.glob(os.path.join(results_dir, "bench_*.json")):
        with open(path) as f:
            for b in json.load(f).get("benchmarks", []):
                # "BM_ImportExport/3650/iterations:1/manual_time" -> "BM_ImportExport/3650"
                parts = [p for p in b["name"].split("/") if not re.fullmatch(r"iterations:\d+|manual_time|real_time|min_time:[\d.]+", p)]
                found["/".join(parts)] = b
    rows = []

    def add(job, unit, name, field, scale=1.0):
        b = found.get(name)
        value = b.get(field) if b and not b.get("error_occurred") else None
        rows.append(row(job, unit, value * scale if value is not None else None, "(no peer)"))

    add("ten-year Strava export (3,650 .fit.gz) imported, alerts judged", "s", "BM_ImportExport/3650", "real_time")
    add("  peak memory of that import", "MB", "BM_ImportExport/3650", "peak_rss_MB")
    add("file in inbox to alert event, p50", "ms", "BM_DaemonAlertLatency", "alert_p50_ms")
    add("file in inbox to alert event, p99", "ms", "BM_DaemonAlertLatency", "alert_p99_ms")
    add("idle tendond memory (RSS)", "MiB", "BM_DaemonAlertLatency", "idle_rss_MiB")
    add("Status.Get per second, no other client", "1/s", "BM_DaemonStatusQueries/0", "queries/s")
    add("Status.Get per second, 60 subscribed clients", "1/s", "BM_DaemonStatusQueries/60", "queries/s")
    return rows


def fmt(value):
    if value is None:
        return "-"
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def print_table(rows, missing):
    header = ("job", "unit", "Tendon", "peer", "peer value", "Tendon is")
    lines = [header]
    for r in rows:
        times = f"{r['ratio']:.1f}x faster" if r["ratio"] else "-"
        peer = r["peer"] or "-"
        if r["peer"] in missing:
            peer, times = f"{r['peer']}: missing", "-"
        lines.append((r["job"], r["unit"], fmt(r["tendon"]), peer, fmt(r["peer_value"]), times))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for n, line in enumerate(lines):
        print("  ".join(cell.ljust(widths[i]) if i in (0, 1, 3) else cell.rjust(widths[i]) for i, cell in enumerate(line)))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    for name, why in missing.items():
        print(f"peer {name}: {why}")


def main():
    build, shared, peers_dir, out = sys.argv[1:5]
    peers = Peers(build, peers_dir)
    rows = []
    fit_files = sorted(glob.glob(os.path.join(shared, "corpus", "fit", "*.fit")))
    if fit_files:
        common = readable_by_all(peers, fit_files)
        size = sum(os.path.getsize(f) for f in common) / 1e6
        job = f"FIT decoding, {len(common)} corpus files every decoder reads ({size:.1f} MB)"
        rows += decode_rows(peers, job, "fit", common,
                            [("@garmin/fitsdk (node)", peers.fitsdk and peers.fitsdk_cmd)],
                            [("gpsbabel garmin_fit", peers.gpsbabel and (lambda f: peers.gpsbabel_cmd("garmin_fit", f))),
                             ("@garmin/fitsdk (node)", peers.fitsdk and (lambda f: peers.fitsdk_cmd(f, "0")))])
    else:
        print(f"bench: no FIT corpus under {shared}: the FIT comparison is left out")
    gpx = os.path.join(build, "bench-results", "generated-200k.gpx")
    subprocess.run([os.path.join(build, "tests", "bench", "tendon_write_gpx"), GPX_POINTS, gpx], check=True)
    job = f"GPX parsing, generated 200k points ({os.path.getsize(gpx) / 1e6:.1f} MB)"
    rows += decode_rows(peers, job, "gpx", [gpx],
                        [("gpxpy", peers.gpxpy and peers.gpxpy_cmd)],
                        [("gpsbabel gpx", peers.gpsbabel and (lambda f: peers.gpsbabel_cmd("gpx", f))),
                         ("gpxpy", peers.gpxpy and (lambda f: peers.gpxpy_cmd(f, "0")))])
    rows += benchmark_rows(os.path.join(build, "bench-results"))
    print_table(rows, peers.missing)
    with open(out, "w") as f:
        json.dump({"date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count(), "rows": rows,
                   "missing_peers": peers.missing}, f, indent=2)
    print(f"bench: table in {out}")


if __name__ == "__main__":
    main()
