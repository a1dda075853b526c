"""gpxpy (Debian python3-gpxpy) on the files given, timed the way tendon_decode times
Tendon's GPX importer: files read into memory first, then parsed in passes until
--min-seconds have passed (at least one). Prints the same JSON line.
Usage: /usr/bin/python3 gpxpy_parse.py [--min-seconds S] FILE..."""
import json
import sys
import time

import gpxpy

args = sys.argv[1:]
min_seconds = 0.0
files = []
i = 0
while i < len(args):
    if args[i] == "--min-seconds":
        min_seconds = float(args[i + 1])
        i += 2
    else:
        files.append(args[i])
        i += 1
contents = []
for name in files:
    with open(name, encoding="utf-8") as f:
        contents.append(f.read())
size = sum(len(c.encode("utf-8")) for c in contents)

passes = activities = failed = 0
start = time.perf_counter()
while True:
    activities = failed = 0
    for text in contents:
        try:
            activities += len(gpxpy.parse(text).tracks)
        except Exception:  # a file it cannot read counts as failed, as in the other runners
            failed += 1
    passes += 1
    seconds = time.perf_counter() - start
    if seconds >= min_seconds:
        break
print(json.dumps({"files": len(contents), "bytes": size, "passes": passes, "seconds": seconds,
                  "activities": activities, "failed": failed}))
