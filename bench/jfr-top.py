#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go: the hottest methods by self samples, and by inclusive
samples restricted to frames of interest. Usage: bench/jfr-top.py recording.jfr [thread-substring [from to]],
from and to as HH:MM:SS of the recording's clock (an empty thread-substring takes every thread)."""
import collections
import re
import subprocess
import sys

recording = sys.argv[1]
thread_filter = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
window = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else None
out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                     capture_output=True, text=True, check=True).stdout
frame = re.compile(r"^\s+([\w$.<>/]+\([^)]*\))")
self_count = collections.Counter()
inclusive = collections.Counter()
total = 0
for event in out.split("jdk.ExecutionSample")[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    if thread_filter and (not thread or thread_filter not in thread.group(1)):
        continue
    at = re.search(r"startTime = (\d\d:\d\d:\d\d)", event)
    if window and (not at or not window[0] <= at.group(1) <= window[1]):
        continue
    frames = [m.group(1) for m in (frame.match(line) for line in event.splitlines()) if m]
    if not frames:
        continue
    total += 1
    self_count[frames[0]] += 1
    for f in dict.fromkeys(frames):
        inclusive[f] += 1
print(f"{total} samples" + (f" on threads matching '{thread_filter}'" if thread_filter else ""))
print("\nself (top 25):")
for f, n in self_count.most_common(25):
    print(f"{100 * n / total:5.1f}%  {f}")
print("\ninclusive, Tandem and driver frames (top 40):")
shown = 0
for f, n in inclusive.most_common():
    if f.startswith(("io.tandem", "org.mariadb", "org.eclipse.persistence", "jakarta.json", "org.eclipse.parsson")):
        print(f"{100 * n / total:5.1f}%  {f}")
        shown += 1
        if shown == 40:
            break
