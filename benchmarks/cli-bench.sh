#!/usr/bin/env bash
# Whole-process benchmark of the mlformats command on a large LibSVM file (issue 6):
#   1. convert LibSVM -> RecordIO-protobuf (sparse, the libsvm benchmark file: indices < 10^6)
#   2. convert LibSVM -> CSV (a file of the same size but 100 columns wide: 10^6 columns would not fit in CSV)
#   3. validate --for xgboost
# plus `inspect` (read + statistics, no output) as the read-side baseline. Each run is timed with /usr/bin/time -v;
# the script prints MB/s of input and peak RSS. Memory should be flat in the input size: compare a run at
# SIZE_MB=20 with one at 500. The pure parse throughput to compare with is LibSvmBenchmark (JMH, run-all.sh).
#
# Usage: benchmarks/cli-bench.sh [SIZE_MB=500] [DATA_DIR=bench-data]
# Run it on a quiet machine. Needs about 3 x SIZE_MB of disk for inputs and outputs (outputs are deleted).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-500}
data=${2:-bench-data}
mkdir -p "$data"
if [[ ! -f formats-cli/target/mlformats.jar || ! -f benchmarks/target/benchmarks.jar ]]; then
  ./mvnw -B -q -pl formats-cli,benchmarks -am package -DskipTests
fi
bench_jar=benchmarks/target/benchmarks.jar
wide="$data/cli-libsvm-${size}mb.svm"
narrow="$data/cli-libsvm-narrow-${size}mb.svm"
[[ -f "$wide" ]] || java -cp "$bench_jar" io.mlformats.benchmarks.libsvm.LibSvmDataGenerator "$wide" "$size" 42
[[ -f "$narrow" ]] || java -cp "$bench_jar" io.mlformats.benchmarks.cli.NarrowLibSvmGenerator "$narrow" "$size" 42 100
out="$data/cli-out"
rm -rf "$out"
mkdir -p "$out"

# run NAME INPUT mlformats-args...: prints one result line
run() {
  local name=$1 input=$2
  shift 2
  local log="$out/$name.time"
  /usr/bin/time -v bin/mlformats "$@" 2>"$log" >/dev/null || { echo "$name FAILED:"; tail -5 "$log"; return 1; }
  local bytes secs rss
  bytes=$(stat -c %s "$input")
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  awk -v n="$name" -v b="$bytes" -v s="$secs" -v r="$rss" \
    'BEGIN { printf "%-28s %8.1f MB in %7.2f s = %7.1f MB/s   peak RSS %6.0f MB\n", n, b/1e6, s, b/1e6/s, r/1024 }'
}

echo "mlformats CLI, input ${size} MB, $(nproc) cores, $(java -version 2>&1 | head -1)"
run "inspect (read baseline)" "$wide" inspect -q "$wide"
run "convert -> recordio-protobuf" "$wide" convert -q --to recordio-protobuf --num-features 1000000 "$wide" -o "$out/wide.pbr"
run "convert -> csv (100 cols)" "$narrow" convert -q --to csv --num-features 100 "$narrow" -o "$out/narrow.csv"
run "inspect narrow (baseline)" "$narrow" inspect -q "$narrow"
run "validate --for xgboost" "$wide" validate -q --for xgboost "$wide"
rm -rf "$out"/*.pbr "$out"/*.csv
