#!/usr/bin/env bash
# SPEC §10 "PDF report ≤ 50 ms median, ≤ 250 KB" (see bench/README.md, section "PDF report"):
# warm-up, single-thread median/p95, reports per second on 1 and 2 threads, file sizes of the four variants.
# Runs in one JVM against the test configuration (H2 in memory); no database server needed. About 2 minutes.
#
#   bench/report.sh                                        # defaults: 2000 warm-up reports, 1000 samples, 20 s per throughput run
#   BENCH_OPTS="-Dbench.samples=3000 -Dbench.seconds=30" bench/report.sh
#   BENCH_SKIP_BUILD=1 bench/report.sh                     # reuse target/ from an earlier build
#
# The PDFs are written to target/bench/report/ (report-de.pdf, report-de-booked.pdf, report-en.pdf, report-en-booked.pdf).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/bench
mkdir -p "$OUT"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "[bench] building (test-compile, test class path)"
  ./mvnw -q -B -Dfrontend.skip=true test-compile
  ./mvnw -q -B -Dfrontend.skip=true dependency:build-classpath \
    -DincludeScope=test -Dmdep.outputFile="$OUT/classpath-test.txt"
fi

echo "[bench] machine before: $(uptime)"
top -bn1 | head -12 || true

# shellcheck disable=SC2086
exec java -Xms512m -Xmx512m -Dlogback.configurationFile=bench/logback-harness.xml \
  -cp "target/test-classes:target/classes:$(cat "$OUT/classpath-test.txt")" \
  -Dbench.out="$OUT/report" ${BENCH_OPTS:-} \
  de.digitalcheck.portal.bench.ReportBench
