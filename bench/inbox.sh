#!/usr/bin/env bash
# The inbox benchmark (issue 13): 10,000 leads of one agency and 100,000 in all on MySQL/MariaDB, the inbox's first
# page with each single filter (median, p95 of 100 runs) and the streamed CSV of the agency's 10,000 leads.
# The harness is test code (src/test/java/de/digitalcheck/portal/leads/web/InboxBench.java) run in one JVM with the
# portal's beans (no HTTP: the server-side work of the page, i.e. filter parsing, the page query, the counts per stage
# and the overdue count; for the CSV the same streamed Flux the page answers with).
#
#   bench/inbox.sh                       # database test_b on 127.0.0.1:3306 (its schema is dropped and migrated!)
#   INBOX_DB_URL='jdbc:mysql://…' bench/inbox.sh
#
# Writes bench/results/inbox-<date>.md with the machine's load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${INBOX_DB_URL:-'jdbc:mysql://127.0.0.1:3306/test_b?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true'}
OUT=target/bench-inbox
mkdir -p "$OUT" bench/results
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -o -q -B -Dfrontend.skip=true -Dcds.skip=true -Dopenapi.lint.skip=true test-compile
  ./mvnw -o -q -B dependency:build-classpath -DincludeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
fi
RESULT=bench/results/inbox-$(date -u +%Y%m%d-%H%M).md
{
  echo "## Inbox benchmark $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores, $(uname -sm), $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} > "$RESULT"
TEST_MYSQL_URL="$URL" java -Xmx512m -cp "target/test-classes:target/classes:$(cat "$OUT/classpath.txt")" \
  -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  de.digitalcheck.portal.leads.web.InboxBench | grep -E '^\||^Seeded|^$' >> "$RESULT"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULT"
cat "$RESULT"
