#!/bin/sh
# The agency API's cursor query on MySQL/MariaDB (issue 13): see AgencyApiFeedBench. Needs a database with the portal's
# schema (e.g. after a MariaDB test run: BENCH_DB_URL defaults to test_a on 127.0.0.1) and compiled test classes
# (./mvnw -o -Dfrontend.skip=true test-compile). Writes bench/results/agency-api-<time>.md.
set -e
cd "$(dirname "$0")/.."
CP="target/test-classes:target/classes:$(./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout 2>/dev/null)"
OUT="bench/results/agency-api-$(date -u +%Y%m%d-%H%M%S).md"
{
  echo "## Agency API cursor query, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(mysql -N -e 'SELECT VERSION()' 2>/dev/null || echo MariaDB)"
  echo "10,000 leads of the agency among 100,000; 200 measured runs each (after 50 warm-up); time = execute + read the rows over JDBC."
  echo
  echo "| query | rows | median | p95 |"
  echo "|---|---|---|---|"
  java -cp "$CP" de.digitalcheck.portal.bench.AgencyApiFeedBench
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
