#!/usr/bin/env bash
# Runs the Jazzer fuzzing campaign (see FUZZING.md): one target at a time, each run stopping by itself after a
# set time, continuing from the committed corpus of the last run, and recording executions, coverage and findings.
#
#   fuzz/run-campaign.sh [--seconds N] [--until HH:MM] [--only ID[,ID...]] [--list] [--status]
#
# Without --until: one run of each selected target, fewest cumulative executions first.
#
#   --seconds N   fuzzing time of one run (libFuzzer -max_total_time; default 300)
#   --until HH:MM rotate over the targets until this UTC time (a run is started only if it can end before it)
#   --only IDS    restrict to these target ids (comma-separated; see --list)
#   --list        print the target ids and exit
#   --status      print the progress table (cumulative executions toward 10M per target) and exit
#   --record ID LOG  record a finished run from its log (when the runner was interrupted but the run completed)
#
# Each run: JAZZER_FUZZ=1 mvn test -Dtest=Class#method with libFuzzer arguments passed as jazzer-junit's
# jazzer.internal.arg.N properties (appended last, so they override @FuzzTest(maxDuration)): -max_total_time, the
# committed corpus directory fuzz/corpus/ID (first corpus directory: libFuzzer writes new inputs there; the seeds
# in src/test/resources/.../<Class>Inputs/<method>/ are read too), -print_final_stats=1, -timeout=60 (an input running
# over a minute is a finding: a hang). The process runs under
# nice -n 19 and is killed if it outlives its time by 15 minutes. A crash is written by jazzer-junit into the
# target's Inputs directory (a regression input every build replays) and reported here; fix it or list it as an
# open finding in FUZZING.md.
#
# Results: fuzz/cumulative.tsv (committed: executions, fuzzing seconds and runs per target, so later sessions
# continue toward 10M per target) and one row per run appended to the run log table at the end of FUZZING.md.
# Logs of each run go to fuzz/logs/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# id module class method
TARGETS="
libsvm      formats-libsvm    io.mlformats.libsvm.LibSvmFuzzTest                noRecordLost
csv         formats-libsvm    io.mlformats.libsvm.csv.CsvFuzzTest               noRecordLost
recordio    formats-recordio  io.mlformats.recordio.RecordIoFuzzTest            framing
gzip        formats-recordio  io.mlformats.recordio.RecordIoFuzzTest            gzipFraming
protobuf    formats-recordio  io.mlformats.recordio.RecordIoFuzzTest            protobufRecords
image       formats-recordio  io.mlformats.recordio.RecordIoFuzzTest            imageRecords
idx         formats-recordio  io.mlformats.recordio.RecordIoFuzzTest            idxIndex
lst         formats-recordio  io.mlformats.recordio.RecordIoFuzzTest            lstFile
deepar      formats-jsonlines io.mlformats.jsonlines.JsonLinesReadersFuzzTest   deepAr
object2vec  formats-jsonlines io.mlformats.jsonlines.JsonLinesReadersFuzzTest   object2Vec
blazingtext formats-jsonlines io.mlformats.jsonlines.JsonLinesReadersFuzzTest   blazingText
manifest    formats-jsonlines io.mlformats.jsonlines.JsonLinesReadersFuzzTest   manifest
parquet     formats-parquet   io.mlformats.parquet.ParquetReaderFuzzTest        noRecordLost
validate    formats-cli       io.mlformats.cli.CliFuzzTest                      validateApprovesOnlyWhatCatReads
inspect     formats-cli       io.mlformats.cli.CliFuzzTest                      inspectCountsWhatCatReads
"
GOAL=10000000
# Open findings (FUZZING.md) that another change is fixing: campaign runs skip inputs that hit them so they can go
# on exploring (FuzzChecks.knownOpen); regression mode never does. Empty this when the fixes are merged.
KNOWN_OPEN=${KNOWN_OPEN-}
# The committed corpus of a target stays small: at most this many files and bytes (largest files dropped first).
CORPUS_MAX_FILES=400
CORPUS_MAX_BYTES=$((512 * 1024))
CUMULATIVE=fuzz/cumulative.tsv
seconds=300
until_time=""
only=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --until) until_time=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --list) echo "$TARGETS" | awk 'NF {print $1 "\t" $3 "#" $4}'; exit 0 ;;
    --status) status=1; shift ;;
    --record) record_args=("$2" "$3"); shift 3 ;;
    *) echo "unknown argument $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done

[[ -f $CUMULATIVE ]] || printf 'target\texecutions\tfuzz_seconds\truns\tcov\tft\tcorpus_files\tfindings\n' > "$CUMULATIVE"

field() { # field ID COLUMN -> value from the cumulative table (0 if absent)
  awk -F'\t' -v id="$1" -v c="$2" '$1 == id {print $c; found=1} END {if (!found) print 0}' "$CUMULATIVE"
}

print_status() {
  printf '| Target | Executions | Toward 10M | Fuzzing time | Runs | Mean exec/s | cov / ft (last run) | Fuzzing time left to 10M at that rate |\n'
  printf '|---|---:|---:|---:|---:|---:|---|---:|\n'
  echo "$TARGETS" | awk 'NF {print $1}' | while read -r id; do
    awk -F'\t' -v id="$id" -v goal=$GOAL '
      $1 == id {
        rate = $3 > 0 ? $2 / $3 : 0
        left = goal - $2; if (left < 0) left = 0
        eta = rate > 0 ? sprintf("%.1f h", left / rate / 3600) : "-"
        printf "| %s | %d | %.2f%% | %d s | %d | %.0f | %s / %s | %s |\n", id, $2, 100 * $2 / goal, $3, $4, rate, $5, $6, eta
        found = 1
      }
      END { if (!found) printf "| %s | 0 | 0%% | 0 s | 0 | - | - | - |\n", id }' "$CUMULATIVE"
  done
}

if [[ ${status:-0} == 1 ]]; then
  print_status
  exit 0
fi

selected() {
  echo "$TARGETS" | awk 'NF' | while read -r id module cls method; do
    if [[ -z $only || ",$only," == *",$id,"* ]]; then
      echo "$(field "$id" 2) $id $module $cls $method"
    fi
  done | sort -n -k1,1 | cut -d' ' -f2-
}

cap_corpus() { # keep the committed corpus small: drop the largest inputs first
  local dir=$1
  while :; do
    local n bytes
    n=$(find "$dir" -type f | wc -l)
    bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    if (( n <= CORPUS_MAX_FILES && bytes <= CORPUS_MAX_BYTES )); then
      break
    fi
    find "$dir" -type f -printf '%s %p\n' | sort -n -r | head -n $(( n / 20 + 1 )) | cut -d' ' -f2- | xargs rm -f || true
  done
}

run_one() {
  local id=$1 module=$2 cls=$3 method=$4
  local corpus=$root/fuzz/corpus/$id
  local stamp log
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  mkdir -p "$corpus" fuzz/logs
  log=fuzz/logs/$id-$stamp.log
  find "$(inputs_dir "$module" "$cls" "$method")" \( -name 'crash-*' -o -name 'timeout-*' \) 2>/dev/null | sort > "$log.crashes-before"
  echo "== $(date -u +%H:%M:%S) $id: fuzzing $cls#$method for ${seconds}s (log $log)" >&2
  local start end rc=0
  start=$(date +%s)
  JAZZER_FUZZ=1 timeout --kill-after=30 $((seconds + 900)) nice -n 19 ./mvnw -B -o -pl "$module" -am test \
    -Dmaven.javadoc.skip=true -Dsurefire.failIfNoSpecifiedTests=false -Dtest="$cls#$method" \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" \
    -Djazzer.internal.arg.2=-print_final_stats=1 -Djazzer.internal.arg.3=-timeout=60 \
    -Djazzer.internal.arg.4="$corpus" -Dmlformats.fuzz.knownOpen="$KNOWN_OPEN" > "$log" 2>&1 || rc=$?
  end=$(date +%s)
  record "$id" "$module" "$cls" "$method" "$log" $((end - start)) "$rc"
}

inputs_dir() { # the target's jazzer-junit Inputs directory (seeds and crashes) in the source tree
  echo "$1/src/test/resources/$(dirname "${2//.//}")/$(basename "${2//.//}")Inputs/$3"
}

record() { # record ID MODULE CLASS METHOD LOG WALL_SECONDS EXIT_CODE: parse a finished run's log into the results
  local id=$1 module=$2 cls=$3 method=$4 log=$5 wall=$6 rc=$7
  local corpus=$root/fuzz/corpus/$id
  local inputs
  inputs=$(inputs_dir "$module" "$cls" "$method")
  # Executions: libFuzzer's final stats, or the last status line when a finding ended the run early.
  local execs rate cov ft finding=""
  execs=$(awk '/^stat::number_of_executed_units/ {v = $NF} END {print v + 0}' "$log")
  if [[ $execs == 0 ]]; then
    execs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    execs=${execs:-0}
  fi
  rate=$(awk '/^stat::average_exec_per_sec/ {v = $NF} END {print v + 0}' "$log")
  cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}' || true)
  ft=$(grep -aoE 'ft: [0-9]+' "$log" | tail -1 | awk '{print $2}' || true)
  [[ -f $log.crashes-before ]] || : > "$log.crashes-before"
  local new_crashes
  new_crashes=$(comm -13 "$log.crashes-before" <(find "$inputs" \( -name 'crash-*' -o -name 'timeout-*' \) 2>/dev/null | sort) | grep . || true)
  if [[ -n $new_crashes ]]; then
    finding="crash: $({ grep -a -m1 -E 'FuzzTestFindingException|^== Java Exception:' "$log" || echo '(no exception in the log: a hang or a killed run)'; } | cut -c1-160) -> ${new_crashes//$'\n'/, }"
  elif [[ $rc != 0 ]] && ! grep -aq 'BUILD SUCCESS' "$log"; then
    finding="run failed (exit $rc): $({ grep -a -m1 -E 'ERROR|Exception' "$log" || true; } | cut -c1-160)"
  fi
  cap_corpus "$corpus"
  local files
  files=$(find "$corpus" -type f | wc -l)
  # A run's fuzzing time is its own (executions over libFuzzer's mean rate: -max_total_time, or less if a finding
  # stopped it); Maven's start-up is not.
  local fuzz_seconds=0
  if (( rate > 0 )); then
    fuzz_seconds=$(( (execs + rate / 2) / rate ))
  fi
  local total=$(( $(field "$id" 2) + execs ))
  local fsec=$(( $(field "$id" 3) + fuzz_seconds ))
  local runs=$(( $(field "$id" 4) + 1 ))
  local nfind=$(( $(field "$id" 8) + (${#finding} > 0 ? 1 : 0) ))
  awk -F'\t' -v id="$id" '$1 != id' "$CUMULATIVE" > "$CUMULATIVE.tmp"
  printf '%s\t%d\t%d\t%d\t%s\t%s\t%d\t%d\n' "$id" "$total" "$fsec" "$runs" "${cov:-0}" "${ft:-0}" "$files" "$nfind" \
    >> "$CUMULATIVE.tmp"
  { head -1 "$CUMULATIVE.tmp"; tail -n +2 "$CUMULATIVE.tmp" | sort; } > "$CUMULATIVE"
  rm -f "$CUMULATIVE.tmp"
  printf '| %s | %s | %d s (%d s wall) | %d | %d | %s / %s | %s | %d | %s |\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$id" \
    "$fuzz_seconds" "$wall" "$execs" "$total" "${cov:--}" "${ft:--}" "$rate" "$files" "${finding:-none}" >> FUZZING.md
  echo "   $id: $execs executions ($rate/s), cov ${cov:-?} ft ${ft:-?}, cumulative $total; ${finding:-no finding}" >&2
}

if [[ -n ${record_args[*]:-} ]]; then
  # Records a run whose runner was interrupted (its fuzzing process went on to the end): --record ID LOG.
  read -r _ module cls method < <(echo "$TARGETS" | awk -v id="${record_args[0]}" '$1 == id')
  record "${record_args[0]}" "$module" "$cls" "$method" "${record_args[1]}" 0 0
  exit 0
fi
if [[ -z $until_time ]]; then
  # One run of each selected target, fewest cumulative executions first.
  selected | while read -r id module cls method; do
    run_one "$id" "$module" "$cls" "$method" < /dev/null
  done
  exit 0
fi
# Rotation until the deadline: after every run, the target furthest behind goes next.
# A target whose run ended with a finding leaves the rotation: its reproducer is now in its Inputs directory, so
# every further run would stop at once until the finding is fixed or moved to fuzz/findings/open.
deadline=$(date -u -d "$until_time" +%s)
stopped=","
while (( $(date +%s) + seconds + 180 <= deadline )); do
  read -r id module cls method < <(selected | while read -r i rest; do
    [[ $stopped == *",$i,"* ]] || echo "$i $rest"; done | head -1) || true
  if [[ -z ${id:-} ]]; then
    echo "== every selected target stopped on a finding" >&2
    exit 1
  fi
  before=$(field "$id" 8)
  run_one "$id" "$module" "$cls" "$method" < /dev/null
  if (( $(field "$id" 8) > before )); then
    echo "== $id left the rotation after a finding" >&2
    stopped="$stopped$id,"
  fi
  id=""
done
echo "== not enough time left before $until_time for another ${seconds}s run" >&2
