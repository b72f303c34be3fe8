#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang, ASan + UBSan), assembles a
# seed corpus from the bundled data and the malformed-input corpus, and runs
# each target for FUZZ_SECONDS (default 60). Exit status is non-zero when a
# target finds a crash, a leak, undefined behaviour or a broken invariant; the
# input that caused it is left in build/fuzz/artifacts/.
#
#   bash scripts/fuzz.sh                 # every target, 60 s each
#   FUZZ_SECONDS=3600 bash scripts/fuzz.sh fuzz_graphml
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
orgnet_ensure_packages
orgnet_build fuzz

seconds="${FUZZ_SECONDS:-60}"
build="$ORGNET_ROOT/build/fuzz"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_csv fuzz_edge_list fuzz_graphml fuzz_events fuzz_csv_stream)

# ---- seed corpus ------------------------------------------------------------------
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_csv,fuzz_edge_list,fuzz_graphml,fuzz_events,fuzz_csv_stream} "$build/artifacts"
data="$ORGNET_ROOT/data"
malformed="$ORGNET_ROOT/tests/data/malformed"
# CSV: people, a NUL byte, ties (see fuzz/fuzz_csv.cpp); the small datasets whole.
for dir in krackhardt_high_tech uk_faculty lazega_law_firm; do
  { cat "$data/$dir/nodes.csv"; printf '\0'; cat "$data/$dir/edges.csv"; } > "$seeds/fuzz_csv/$dir"
  cp "$data/$dir/edges.csv" "$seeds/fuzz_csv/$dir.ties-only"
done
for dir in "$malformed"/csv/*/; do
  name="$(basename "$dir")"
  { cat "$dir/people.csv" 2>/dev/null || true; printf '\0'; cat "$dir/ties.csv" 2>/dev/null || true; } \
    > "$seeds/fuzz_csv/malformed-$name"
done
# Edge lists: the small datasets' ties as "source target weight" lines.
for dir in krackhardt_high_tech uk_faculty; do
  /usr/bin/python3 - "$data/$dir/edges.csv" > "$seeds/fuzz_edge_list/$dir" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        print(row["source"], row["target"], row.get("weight") or 1)
PY
done
printf '# comment\na b\nb c 0.5\n\nc\ta 2\n' > "$seeds/fuzz_edge_list/small"
# GraphML: the malformed corpus and a small valid document using every feature.
cp "$malformed"/graphml/*.graphml "$seeds/fuzz_graphml/"
cat > "$seeds/fuzz_graphml/small.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="department" attr.type="string"/>
  <key id="d1" for="node" attr.name="level" attr.type="int"/>
  <key id="d2" for="node" attr.name="manager" attr.type="string"/>
  <key id="e0" for="edge" attr.name="relation" attr.type="string"/>
  <key id="e1" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d0">Sales &amp; Ops</data><data key="d1">0</data></node>
    <node id="b"><data key="d0">R&#233;D</data><data key="d2">a</data></node>
    <node id="c"/>
    <edge source="a" target="b"><data key="e0">advice</data><data key="e1">2.5</data></edge>
    <edge source="b" target="c"><data key="e0">reports_to</data></edge>
    <edge source="c" target="a"/>
  </graph>
</graphml>
XML
# Events: two option bytes (see fuzz/fuzz_events.cpp), then an events CSV: the
# malformed events corpus and a small valid log using every timestamp form.
for dir in "$malformed"/events/*/; do
  { printf '\x05\x00'; cat "$dir/events.csv"; } > "$seeds/fuzz_events/malformed-$(basename "$dir")"
done
{ printf '\xC3\x05'; cat <<'CSV'
from,to,timestamp,channel
a,b,2024-03-01T12:00:00Z,email
b,a,2024-03-01T13:00:00+01:00,
a,c,2024-03-02,chat
"Ã©",a,1709294400.25,"e,mail"
c,c,0,
,b,-1.5,email
a,b,2024-03-01 12:00:00.123456789-05:30,email
CSV
} > "$seeds/fuzz_events/small"
# CSV stream: one option byte (chunk size, dialect; see fuzz/fuzz_csv_stream.cpp), then text.
for dir in "$malformed"/csv/*/; do
  for file in "$dir"*.csv; do
    [ -f "$file" ] && { printf '\x03'; cat "$file"; } > "$seeds/fuzz_csv_stream/$(basename "$dir")-$(basename "$file")"
  done
done
{ printf '\x01'; cat "$data/krackhardt_high_tech/nodes.csv"; } > "$seeds/fuzz_csv_stream/krackhardt-nodes"

# ---- run ----------------------------------------------------------------------------
status=0
for target in "${targets[@]}"; do
  work="$build/corpus/$target"
  mkdir -p "$work"
  echo "fuzz: $target for ${seconds}s" >&2
  if ! "$build/bin/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" "$work" "$seeds/$target" \
      > "$build/$target.log" 2>&1; then
    echo "fuzz: $target FAILED; see $build/$target.log and $build/artifacts/" >&2
    tail -40 "$build/$target.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$build/$target.log" | sed "s/^/fuzz: $target /" >&2
  fi
done
exit $status
