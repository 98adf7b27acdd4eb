#!/usr/bin/env python3
"""Where a JFR recording's allocation goes: the sampled bytes by class, and by allocating frame with the first
Tandem frame above it. Usage: bench/jfr-alloc.py recording.jfr [from to], from and to as HH:MM:SS of the
recording's clock (settings=profile samples allocation)."""
import collections
import re
import subprocess
import sys

recording = sys.argv[1]
window = (sys.argv[2], sys.argv[3]) if len(sys.argv) > 3 else None
out = subprocess.run(["jfr", "print", "--events", "jdk.ObjectAllocationSample", "--stack-depth", "20", recording],
                     capture_output=True, text=True, check=True).stdout
frame = re.compile(r"^\s+([\w$.<>/]+\([^)]*\))")
units = {"B": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}
by_class = collections.Counter()
by_site = collections.Counter()
total = 0.0
for event in out.split("jdk.ObjectAllocationSample")[1:]:
    at = re.search(r"startTime = (\d\d:\d\d:\d\d)", event)
    if window and (not at or not window[0] <= at.group(1) <= window[1]):
        continue
    weight = re.search(r"weight = ([\d.]+) ([kMG]?B)", event)
    kind = re.search(r"objectClass = (\S+)", event)
    if not weight or not kind:
        continue
    bytes_ = float(weight.group(1)) * units[weight.group(2)]
    frames = [m.group(1) for m in (frame.match(line) for line in event.splitlines()) if m]
    ours = [f for f in frames if "io.tandem" in f]
    total += bytes_
    by_class[kind.group(1)] += bytes_
    by_site[(frames[0] if frames else "?") + " <- " + (ours[0] if ours else "?")] += bytes_
if not total:
    sys.exit("no allocation samples in that window")
print("%.0f MB sampled" % (total / 1e6))
print("\nby class (top 15):")
for name, b in by_class.most_common(15):
    print("%6.1f%%  %s" % (100 * b / total, name))
print("\nby allocating frame <- first Tandem frame (top 30):")
for site, b in by_site.most_common(30):
    print("%6.1f%%  %s" % (100 * b / total, site))
