#!/usr/bin/env bash
# Runs every JMH benchmark on generated files, then the non-JVM peers on the same files.
# Usage: benchmarks/run-all.sh [DATA_DIR]   (default: bench-data/, git-ignored; needs ~1 GB of disk)
# Results: DATA_DIR/results/*.txt (JMH text output), peers' lines in DATA_DIR/results/peers.txt.
# Run it on a quiet machine: JMH figures are only comparable within one run.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-bench-data}
mkdir -p "$data/results"
./mvnw -B -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
gen() { [ -f "$data/$2" ] || java -cp "$jar" io.mlformats.benchmarks.GenerateData "$1" "$data/$2" "$3" 42; }
gen libsvm libsvm-200mb.svm 200
gen deepar deepar-200mb.jsonl 200
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -1)"
  date -u
} > "$data/results/machine.txt"
jmh() { local name=$1; shift; java -jar "$jar" "$@" -rf text -rff "$data/results/$name.jmh.txt" | tee "$data/results/$name.txt"; }
jmh codec 'io.mlformats.benchmarks.codec.*'
jmh libsvm LibSvmBenchmark -p file="$data/libsvm-200mb.svm"
jmh recordio RecordIoProtobufBenchmark
jmh deepar-read DeepArReadBenchmark -p file="$data/deepar-200mb.jsonl"
jmh deepar-write DeepArWriteBenchmark
{
  ../shared/peers/libsvm-peers.sh "$data/libsvm-200mb.svm" 3
  ../shared/peers/jsonlines-peers.sh "$data/deepar-200mb.jsonl" 3
} 2>&1 | tee "$data/results/peers.txt"
