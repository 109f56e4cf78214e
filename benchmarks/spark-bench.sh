#!/usr/bin/env bash
# The Spark benchmark (SparkFormatsBench) in one command, from the repository root or anywhere:
#   benchmarks/spark-bench.sh [--rows N] [--dense-rows N] [--masters local[1],local[2]] [--warmup 2] [--passes 7]
#                             [--groups read,write,udf] [--dir bench-data/spark] [--report FILE]
# Defaults: 1,000,000 sparse rows (~250 MB per LibSVM copy) and 250,000 dense rows, generated once into
# bench-data/spark/ and kept; the Markdown report also goes to benchmarks/spark/target/spark-bench.md.
# Builds the module and what it needs with ./mvnw (tests skipped; MVNW_ARGS=-o to stay offline); JAVA_OPTS sets
# the heap (default -Xmx6g). Runs one JVM: both masters, every group, passes interleaved.
set -euo pipefail
cd "$(dirname "$0")/.."
module=benchmarks/spark
./mvnw -B -q ${MVNW_ARGS:-} -pl "$module" -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
run="$module/target/run"
args=("$@")
case " $* " in *" --report "*) ;; *) args+=(--report "$module/target/spark-bench.md") ;; esac
# shellcheck disable=SC2046 # the options file holds several space-separated JVM options
exec java ${JAVA_OPTS:--Xmx6g} -XX:+UseParallelGC $(cat "$run/jvm.options") \
  -Dlog4j2.configurationFile="$run/log4j2.properties" \
  -cp "$module/target/classes:$(cat "$run/classpath.txt")" io.mlformats.benchmarks.spark.SparkFormatsBench "${args[@]}"
