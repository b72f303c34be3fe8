#!/usr/bin/env bash
# Adversarial streaming check of `orgnet ingest`: pipes a generated event log of
# EVENTS_GB gigabytes (default 2) through a FIFO into the tool, then prints the
# events read, the throughput and the tool's peak resident memory (VmHWM, read
# from /proc while it runs). The memory must stay at a few MB: it is bounded by
# the distinct (from, to, channel) ties (here 500 people writing to 20 contacts
# each on 3 channels: at most 30,000 ties), not by
# the events. Needs the release build (bash scripts/test.sh builds it) or
# ORGNET_CLI pointing at an orgnet binary.
#
#   bash scripts/stream_events_2gb.sh            # 2 GB
#   EVENTS_GB=0.2 bash scripts/stream_events_2gb.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cli="${ORGNET_CLI:-$ORGNET_ROOT/build/release/bin/orgnet}"
[ -x "$cli" ] || { echo "stream_events_2gb: no orgnet binary at $cli (build the release preset)" >&2; exit 2; }
gigabytes="${EVENTS_GB:-2}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fifo="$work/events.fifo"
mkfifo "$fifo"

# The generator: 16 different blocks of 20,000 events (500 people with 20
# contacts each, 3 channels, a year of timestamps), written in turn until the
# byte budget is spent.
generate() {
  /usr/bin/python3 - "$gigabytes" <<'PY'
import random, sys
budget = int(float(sys.argv[1]) * 1e9)
rng = random.Random(1)
contacts = [rng.sample([p for p in range(500) if p != f], 20) for f in range(500)]
blocks = []
for b in range(16):
    lines = []
    for _ in range(20000):
        f = rng.randrange(500)
        t = contacts[f][rng.randrange(20)]
        lines.append(f"person{f:03d}@example.com,person{t:03d}@example.com,"
                     f"{1_704_067_200 + rng.randrange(365 * 86400)},{('email', 'chat', 'meeting')[rng.randrange(3)]}\n")
    blocks.append("".join(lines).encode())
out = sys.stdout.buffer
out.write(b"from,to,timestamp,channel\n")
written = 0
i = 0
while written < budget:
    block = blocks[i % len(blocks)]
    out.write(block)
    written += len(block)
    i += 1
out.flush()
PY
}

start=$(date +%s.%N)
"$cli" ingest --events "$fifo" --half-life 30d --out "$work/ties.csv" 2> "$work/summary.txt" &
pid=$!
generate > "$fifo" &
gen=$!
hwm=0
while kill -0 "$pid" 2>/dev/null; do
  now=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  [ -n "$now" ] && hwm=$now
  sleep 0.2
done
wait "$gen"
status=0
wait "$pid" || status=$?
end=$(date +%s.%N)
cat "$work/summary.txt"
[ "$status" -eq 0 ] || { echo "stream_events_2gb: orgnet ingest failed ($status)" >&2; exit 1; }

events=$(sed -n 's/^orgnet ingest: \([0-9]*\) events (\([0-9]*\) bytes).*/\1/p' "$work/summary.txt")
bytes=$(sed -n 's/^orgnet ingest: \([0-9]*\) events (\([0-9]*\) bytes).*/\2/p' "$work/summary.txt")
ties=$(($(wc -l < "$work/ties.csv") - 1))
awk -v e="$events" -v b="$bytes" -v s="$start" -v t="$end" -v h="$hwm" -v ties="$ties" 'BEGIN {
  d = t - s
  printf "stream_events_2gb: %d events, %.2f GB in %.1f s: %.2f M events/s, %.0f MB/s; %d ties; peak RSS %.1f MB\n",
         e, b / 1e9, d, e / d / 1e6, b / d / 1e6, ties, h / 1024
}'
