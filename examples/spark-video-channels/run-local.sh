#!/usr/bin/env bash
# Runs the example job in local mode from a fresh clone, in one command (needs only a JDK 17+):
#   examples/spark-video-channels/run-local.sh [--rows N] [--out DIR] [--shards N] [--seed N] [--master local[N]]
# Defaults: 1,000,000 rows, 4 shards per channel, output under examples/spark-video-channels/target/channels,
# master local[*]. It builds the module and what it needs with ./mvnw (tests skipped; set MVNW_ARGS=-o to stay
# offline), then starts the job with plain java: Spark's class path and its JDK 17 --add-opens options are
# written by the build into target/run/. JAVA_OPTS adds JVM options (default -Xmx4g).
set -euo pipefail
cd "$(dirname "$0")/../.."
module=examples/spark-video-channels
./mvnw -B -q ${MVNW_ARGS:-} -pl "$module" -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
run="$module/target/run"
args=("$@")
case " $* " in *" --out "*) ;; *) args+=(--out "$module/target/channels") ;; esac
# shellcheck disable=SC2046 # the options file holds several space-separated JVM options
exec java ${JAVA_OPTS:--Xmx4g} $(cat "$run/jvm.options") -Dlog4j2.configurationFile="$run/log4j2.properties" \
  -cp "$module/target/classes:$(cat "$run/classpath.txt")" io.mlformats.examples.spark.VideoChannels "${args[@]}"
