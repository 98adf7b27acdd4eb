#!/usr/bin/env bash
# Samples the CPU seconds used so far by the benchmark's processes (MariaDB, Payara Micro, the test JVM
# with the emulator) every 2 s, until killed: how a run's CPU splits between them. Usage: bench/cpu-monitor.sh > cpu.log
hz=$(getconf CLK_TCK)
while true; do
  line="$(date +%H:%M:%S)"
  for name in mariadbd payara-micro surefire; do
    pids=$(pgrep -f "$name" | tr '\n' ' ')
    total=0
    for p in $pids; do
      [ -r /proc/$p/stat ] || continue
      t=$(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null)
      total=$((total + ${t:-0}))
    done
    line="$line $name=$(awk -v t=$total -v hz=$hz 'BEGIN{printf "%.1f", t/hz}')"
  done
  echo "$line"
  sleep 2
done
