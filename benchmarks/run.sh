#!/usr/bin/env bash
# Runs the JMH suite and prints the performance targets with the measured figures.
#
#   benchmarks/run.sh quick   # a few minutes: 1 fork, short iterations, GC profiler
#   benchmarks/run.sh full    # the benchmarks' own settings (5 x 2 s warm-up and measurement), GC profiler
#   benchmarks/run.sh quick 'TechniqueLookup'   # only benchmarks matching a regex
#
# Results go to benchmarks/results/<profile>-<time>.json; the target table is printed at the end.
# Benchmarks that read real data need SIGMAP_SHARED (default: ../shared beside the project root).
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-quick}"
filter="${2:-io.sigmap.benchmarks}"
if [ -z "${SIGMAP_SHARED:-}" ] && [ -d ../shared ]; then
  export SIGMAP_SHARED="$(cd ../shared && pwd)"
fi
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  mvn -B -ntp -q -pl benchmarks -am package -DskipTests -Dbenchmarks.smoke.skip=true
fi
mkdir -p benchmarks/results
out="benchmarks/results/${profile}-$(date -u +%Y%m%dT%H%M%SZ).json"
case "$profile" in
  quick) opts=(-f 1 -wi 3 -w 1s -i 3 -r 1s) ;;
  full) opts=() ;;
  *) echo "usage: $0 quick|full [regex]" >&2; exit 2 ;;
esac
java -jar "$jar" "$filter" "${opts[@]}" -prof gc -rf json -rff "$out"
echo
echo "results: $out"
java -cp "$jar" io.sigmap.benchmarks.Report "$out"
