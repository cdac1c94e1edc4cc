#!/usr/bin/env bash
# Interleaved A/B of the portal's start in the image's configuration (bench/README.md, "Memory and start in the
# image's configuration"): two builds of the portal, each a directory with its runnable jar (and whatever the jar's
# manifest names, e.g. lib/), started alternately as bench/image-config.sh starts the portal (the Helm chart's JVM
# options, -XX:MaxRAM=512m, a class-data-sharing archive made by the build's training start with those options,
# -Xshare:on, MariaDB, FLYWAY_ENABLED=false after one --migrate-only); prints each start and the medians of the time
# to ready and of the CPU used until ready.
#
#   bench/ab-start.sh DIR_A DIR_B        # BENCH_STARTS=7 starts each, alternating A B A B ...
#   BENCH_B_JVM_OPTS="-XX:NewSize=96m" bench/ab-start.sh DIR DIR   # one build, B with further JVM options
#
# Besides the medians it prints the mean of the pairs' differences (B - A) with its standard error: on a machine whose
# single starts vary by ±15 %, a change of a few per cent needs 30-40 pairs to show.
#
# Environment: BENCH_STARTS (7), BENCH_DB (digitalcheck_bench), BENCH_DB_HOST/PORT/USER/PASSWORD, BENCH_PORT (18470),
# BENCH_B_JVM_OPTS (options added to B's starts only; none).
set -euo pipefail
cd "$(dirname "$0")/.."
A=$(cd "$1" && pwd); B=$(cd "$2" && pwd)
STARTS=${BENCH_STARTS:-7}
DB_NAME=${BENCH_DB:-digitalcheck_bench}
PORT=${BENCH_PORT:-18470}
MPORT=$((PORT + 1))
CHART_OPTS=$(sed -n 's/^jvmOptions: "\(.*\)"$/\1/p' helm/digitalcheck/values.yaml)
JVM_OPTS="-XX:MaxRAM=512m $CHART_OPTS"
DB_URL="jdbc:mysql://${BENCH_DB_HOST:-127.0.0.1}:${BENCH_DB_PORT:-3306}/$DB_NAME?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
SECRET="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
TRAINING=$(mktemp -d)
trap 'rm -rf "$TRAINING"' EXIT
javac -d "$TRAINING" src/build/java/de/digitalcheck/build/ClassDataSharingTraining.java
if command -v mariadb >/dev/null 2>&1 || command -v mysql >/dev/null 2>&1; then
  MYSQL_PWD="${BENCH_DB_PASSWORD:-}" "$(command -v mariadb || command -v mysql)" --host="${BENCH_DB_HOST:-127.0.0.1}" \
    --port="${BENCH_DB_PORT:-3306}" --user="${BENCH_DB_USER:-root}" -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\`"
fi

jar_of() { (cd "$1" && ls digitalcheck-portal-*.jar | head -1); }
for d in "$A" "$B"; do
  jar=$(jar_of "$d"); archive=${jar%.jar}.jsa
  if [ ! -s "$d/$archive" ] || [ "$d/$archive" -ot "$d/$jar" ]; then
    echo "[ab] archive for $d (training start with the chart's options)"
    JAVA_TOOL_OPTIONS="$JVM_OPTS" java -cp "$TRAINING" de.digitalcheck.build.ClassDataSharingTraining "$d" "$jar" "$archive" \
      2>&1 | grep -v "Picked up" || true
  fi
done

migrate() { # the chart's migration Job: the portal of DIR with --migrate-only
  local d=$1 jar
  jar=$(jar_of "$d")
  (cd "$d" && exec env DB_URL="$DB_URL" DB_USER="${BENCH_DB_USER:-root}" DB_PASSWORD="${BENCH_DB_PASSWORD:-}" \
    SESSION_SECRET="$SECRET" PORT=$PORT MANAGEMENT_PORT=$MPORT FLYWAY_ENABLED=true \
    java $JVM_OPTS -Xshare:on -XX:SharedArchiveFile="${jar%.jar}.jsa" -jar "$jar" --migrate-only > "$d/migrate.log" 2>&1)
}
# the schema first, by A's jar (the chart's migration Job; not counted)
migrate "$A" || { echo "[ab] --migrate-only failed, see $A/migrate.log" >&2; exit 1; }

start() { # start DIR [JVM options]: prints "<ms to ready> <CPU ms until ready>"
  local d=$1 extra=${2:-} pid t0 t1 cpu jar
  jar=$(jar_of "$d")
  t0=$(date +%s%N)
  (cd "$d" && exec env DB_URL="$DB_URL" DB_USER="${BENCH_DB_USER:-root}" DB_PASSWORD="${BENCH_DB_PASSWORD:-}" \
    SESSION_SECRET="$SECRET" PORT=$PORT MANAGEMENT_PORT=$MPORT RATE_LIMITS_ENABLED=false FLYWAY_ENABLED=false \
    java $JVM_OPTS $extra -Xshare:on -XX:SharedArchiveFile="${jar%.jar}.jsa" -jar "$jar" > "$d/start.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 6000); do
    curl -sf -o /dev/null "http://127.0.0.1:$MPORT/health/readiness" && break
    kill -0 $pid 2>/dev/null || { echo "[ab] $d exited, see its start.log" >&2; return 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  # CPU of the process until ready (user + system, all threads), as bench/image-config.sh measures it
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat" 2>/dev/null || echo 0)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $cpu"
}
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

B_OPTS=${BENCH_B_JVM_OPTS:-}
[ -n "$B_OPTS" ] && echo "[ab] B starts with the further JVM options: $B_OPTS"
echo "[ab] first starts (not counted): A $(start "$A" | cut -d' ' -f1) ms, B $(start "$B" "$B_OPTS" | cut -d' ' -f1) ms"
AW=(); AC=(); BW=(); BC=()
for i in $(seq 1 "$STARTS"); do
  read -r aw ac < <(start "$A"); read -r bw bc < <(start "$B" "$B_OPTS")
  AW+=("$aw"); AC+=("$ac"); BW+=("$bw"); BC+=("$bc")
  echo "[ab] start $i: A $aw ms (CPU $ac ms), B $bw ms (CPU $bc ms)"
done
echo "[ab] A: $1 — to ready ${AW[*]} ms, median $(echo "${AW[*]}" | median) ms; CPU ${AC[*]} ms, median $(echo "${AC[*]}" | median) ms"
echo "[ab] B: $2 — to ready ${BW[*]} ms, median $(echo "${BW[*]}" | median) ms; CPU ${BC[*]} ms, median $(echo "${BC[*]}" | median) ms"
# mean of the pairs' differences B - A and its standard error (sample standard deviation / sqrt(pairs))
paired() { paste -d' ' <(tr ' ' '\n' <<< "$1") <(tr ' ' '\n' <<< "$2") | awk '{d = $2 - $1; n++; s += d; q += d * d}
  END {m = s / n; sd = n > 1 ? sqrt((q - n * m * m) / (n - 1)) : 0; printf "%+.0f ms ± %.0f ms", m, sd / sqrt(n)}'; }
echo "[ab] B - A, mean of the $STARTS pairs ± its standard error: to ready $(paired "${AW[*]}" "${BW[*]}"), CPU $(paired "${AC[*]}" "${BC[*]}")"
echo "[ab] load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
