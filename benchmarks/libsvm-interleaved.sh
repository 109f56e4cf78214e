#!/usr/bin/env bash
# Same-period LibSVM ratios on a noisy machine: three rounds of [a short JMH run of our single-thread streaming
# reader, then XGBoost's dmlc-core parser 3 times and scikit-learn once] on the same file.
# Usage: benchmarks/libsvm-interleaved.sh [FILE]   (default: bench-data/libsvm-200mb.svm from run-all.sh)
# Needs benchmarks/target/benchmarks.jar (./mvnw -B -q -pl benchmarks -am package -DskipTests) and the peers'
# Python packages (../shared/peers/libsvm-peers.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
f=${1:-bench-data/libsvm-200mb.svm}
jar=benchmarks/target/benchmarks.jar
mb=$(( $(stat -c %s "$f") / 1000000 ))
for round in 1 2 3; do
  java -jar "$jar" 'LibSvmBenchmark.streamOneThread' -p file="$f" -wi 2 -i 3 -f 1 2>/dev/null \
    | awk -v r="$round" -v mb="$mb" '/^Iteration/ {printf "round %s ours: %.0f MB/s (%s ms)\n", r, mb * 1000 / $3, $3}'
  OMP_NUM_THREADS=1 /usr/bin/python3 - "$f" <<'PY'
import sys, os, time, warnings
warnings.filterwarnings("ignore")
import xgboost, numpy
from sklearn.datasets import load_svmlight_file
f = sys.argv[1]; mb = os.path.getsize(f) / 1e6
ts = []
for _ in range(3):
    t = time.perf_counter(); xgboost.DMatrix(f + "?format=libsvm", nthread=1); ts.append(time.perf_counter() - t)
print("  xgboost:", " ".join(f"{mb / x:.0f}" for x in ts), "MB/s")
t = time.perf_counter(); load_svmlight_file(f, dtype=numpy.float32)
print(f"  sklearn: {mb / (time.perf_counter() - t):.0f} MB/s")
PY
done
