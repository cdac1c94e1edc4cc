#!/usr/bin/env bash
# The portal in the container image's configuration (bench/README.md, "Memory and start in the image's configuration"):
#  1. time to ready of the portal (runnable jar + its class-data-sharing archive, the Helm chart's JVM options, the
#     512 MiB container limit as -XX:MaxRAM=512m, MariaDB) over that of a minimal Micronaut HTTP application
#     (bench/minimal: only the Netty server and one endpoint) started the same way (same JDK, same JVM options, its own
#     archive) in the same run: medians of BENCH_STARTS (5) warm starts each, alternating. Goal: ≤ 2×. As the chart
#     runs it: with its migration Job (values.yaml migrations.job) the schema is migrated first by the jar with
#     --migrate-only (not counted) and the portal starts with FLYWAY_ENABLED=false.
#  2. resident memory of the portal with those options under the SPEC §10 load (POST /api/v1/assessments, 64 clients,
#     the harness's "post" scenario): VmRSS sampled every 200 ms and the peak VmHWM from /proc/<pid>/status.
# Run by bench/run.sh after its scenarios (BENCH_SCENARIOS containing "image"), or alone after one bench/run.sh build:
#   bench/image-config.sh            # BENCH_STARTS=5, BENCH_IMAGE_PARTS=start,memory
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$PWD/target/bench/image
APP=$PWD/target/bench/app
mkdir -p "$OUT/portal" "$OUT/minimal"
STARTS=${BENCH_STARTS:-5}
PARTS=${BENCH_IMAGE_PARTS:-start,memory}
DB_NAME=${BENCH_DB:-digitalcheck_bench}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
PORT=${BENCH_PORT:-18470}
MPORT=$((PORT + 1))
# the chart's JVM options (helm/digitalcheck/values.yaml), with the container limit's equivalent outside a container
CHART_OPTS=$(sed -n 's/^jvmOptions: "\(.*\)"$/\1/p' helm/digitalcheck/values.yaml)
JVM_OPTS="-XX:MaxRAM=512m $CHART_OPTS"
echo "[image] JVM options: $JVM_OPTS"
# the chart's migrations (values.yaml, migrations.job): with the Job the schema is migrated by the image run with
# --migrate-only before the pods start, and the pods start with FLYWAY_ENABLED=false; without it every start migrates
MIGRATION_JOB=$(sed -n '/^migrations:/,/^[a-z]/s/^  job: *\([a-z]*\).*$/\1/p' helm/digitalcheck/values.yaml)
if [ "$MIGRATION_JOB" = true ]; then FLYWAY_ENABLED=false; else FLYWAY_ENABLED=true; fi
echo "[image] migration Job: ${MIGRATION_JOB:-false}, the portal starts with FLYWAY_ENABLED=$FLYWAY_ENABLED"

# the portal's jar as bench/run.sh copied it, in a directory of its own with an archive made with these options
JAR=$(cd "$APP" && ls digitalcheck-portal-*.jar)
ARCHIVE=${JAR%.jar}.jsa
cp -p "$APP/$JAR" "$OUT/portal/"
echo "[image] building bench/minimal (offline) and the archives (training starts with the chart's options)"
MINIMAL_JAR=bench/minimal/target/minimal-micronaut-1.jar
if [ ! -f $MINIMAL_JAR ] || [ bench/minimal/pom.xml -nt $MINIMAL_JAR ] \
   || [ bench/minimal/src/main/java/bench/minimal/Minimal.java -nt $MINIMAL_JAR ]; then
  ./mvnw -o -q -B -f bench/minimal/pom.xml -DskipTests package
fi
cmp -s $MINIMAL_JAR "$OUT/minimal/minimal-micronaut-1.jar" || cp -p $MINIMAL_JAR "$OUT/minimal/"
mkdir -p "$OUT/training"
javac -d "$OUT/training" src/build/java/de/digitalcheck/build/ClassDataSharingTraining.java
if [ ! -s "$OUT/portal/$ARCHIVE" ] || [ "$OUT/portal/$ARCHIVE" -ot "$OUT/portal/$JAR" ]; then
  JAVA_TOOL_OPTIONS="$JVM_OPTS" java -cp "$OUT/training" de.digitalcheck.build.ClassDataSharingTraining \
    "$OUT/portal" "$JAR" "$ARCHIVE" 2>&1 | grep -v "Picked up" || true
fi
if [ ! -s "$OUT/minimal/minimal.jsa" ] || [ "$OUT/minimal/minimal.jsa" -ot "$OUT/minimal/minimal-micronaut-1.jar" ]; then
  (cd "$OUT/minimal" && exec env MICRONAUT_SERVER_PORT=$PORT java $JVM_OPTS -XX:ArchiveClassesAtExit=minimal.jsa \
     -jar minimal-micronaut-1.jar > "$OUT/minimal/training.log" 2>&1) &
  echo $! > "$OUT/minimal/training.pid"
  for _ in $(seq 1 500); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.05; done
  kill "$(cat "$OUT/minimal/training.pid")" 2>/dev/null || true; while kill -0 "$(cat "$OUT/minimal/training.pid")" 2>/dev/null; do sleep 0.1; done
fi

DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
# run alone (not after bench/run.sh), the bench database may not exist yet
if command -v mariadb >/dev/null 2>&1 || command -v mysql >/dev/null 2>&1; then
  MYSQL_PWD="${BENCH_DB_PASSWORD:-}" "$(command -v mariadb || command -v mysql)" --host="$DB_HOST" --port="$DB_PORT" \
    --user="${BENCH_DB_USER:-root}" -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4"
fi
SECRET="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"

# migrate: the chart's migration Job (the same jar, archive and options with --migrate-only), prints milliseconds
migrate() {
  local t0 t1
  t0=$(date +%s%N)
  (cd "$OUT/portal" && exec env DB_URL="$DB_URL" DB_USER="${BENCH_DB_USER:-root}" DB_PASSWORD="${BENCH_DB_PASSWORD:-}" \
    SESSION_SECRET="$SECRET" PORT=$PORT MANAGEMENT_PORT=$MPORT FLYWAY_ENABLED=true \
    java $JVM_OPTS -Xshare:on -XX:SharedArchiveFile="$ARCHIVE" -jar "$JAR" --migrate-only > "$OUT/portal/migrate.log" 2>&1) \
    || { echo "[image] --migrate-only failed, see $OUT/portal/migrate.log" >&2; return 1; }
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 ))"
}

# start <portal|minimal>: launches, polls the ready URL every 10 ms, prints milliseconds to ready, stops it
start() {
  local kind=$1 url pid t0 t1
  t0=$(date +%s%N)
  if [ "$kind" = portal ]; then
    (cd "$OUT/portal" && exec env DB_URL="$DB_URL" DB_USER="${BENCH_DB_USER:-root}" DB_PASSWORD="${BENCH_DB_PASSWORD:-}" \
      SESSION_SECRET="$SECRET" PORT=$PORT MANAGEMENT_PORT=$MPORT RATE_LIMITS_ENABLED=false FLYWAY_ENABLED=$FLYWAY_ENABLED \
      java $JVM_OPTS -Xshare:on -XX:SharedArchiveFile="$ARCHIVE" -jar "$JAR" > "$OUT/portal/start.log" 2>&1) &
    url="http://127.0.0.1:$MPORT/health/readiness"
  else
    (cd "$OUT/minimal" && exec env MICRONAUT_SERVER_PORT=$PORT \
      java $JVM_OPTS -Xshare:on -XX:SharedArchiveFile=minimal.jsa -jar minimal-micronaut-1.jar > "$OUT/minimal/start.log" 2>&1) &
    url="http://127.0.0.1:$PORT/"
  fi
  pid=$!
  for _ in $(seq 1 6000); do
    if curl -sf -o /dev/null "$url"; then break; fi
    kill -0 $pid 2>/dev/null || { echo "[image] $kind exited, see its start.log" >&2; return 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  # CPU the process used until ready (user + system, all its threads; clock ticks of 10 ms): less affected than the
  # wall time when other work shares the cores
  local cpu
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat" 2>/dev/null || echo 0)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $cpu"
}
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

if [[ ",$PARTS," == *",start,"* ]]; then
  if [ "$FLYWAY_ENABLED" = false ]; then
    echo "[image] the migration Job's run (--migrate-only; not counted): $(migrate) ms"
    echo "[image] first start of the portal (not counted): $(start portal | cut -d' ' -f1) ms"
  else
    echo "[image] first start of the portal (migrations; not counted): $(start portal | cut -d' ' -f1) ms"
  fi
  P=(); M=(); PC=(); MC=()
  for i in $(seq 1 "$STARTS"); do
    read -r mw mc < <(start minimal); read -r pw pc < <(start portal)
    M+=("$mw"); MC+=("$mc"); P+=("$pw"); PC+=("$pc")
    echo "[image] start $i: minimal $mw ms (CPU $mc ms), portal $pw ms (CPU $pc ms)"
  done
  PM=$(echo "${P[*]}" | median); MM=$(echo "${M[*]}" | median)
  PCM=$(echo "${PC[*]}" | median); MCM=$(echo "${MC[*]}" | median)
  RATIO=$(awk -v p="$PM" -v m="$MM" 'BEGIN {printf "%.2f", p / m}')
  CRATIO=$(awk -v p="$PCM" -v m="$MCM" 'BEGIN {printf "%.2f", p / m}')
  { echo "[image] time to ready, median of $STARTS: portal $PM ms, minimal Micronaut $MM ms: ratio $RATIO (goal ≤ 2)"
    echo "[image] CPU until ready, median of $STARTS: portal $PCM ms, minimal Micronaut $MCM ms: ratio $CRATIO"
    echo "[image] load average meanwhile: $(cut -d' ' -f1-3 /proc/loadavg)"; } | tee "$OUT/start.txt"
fi

if [[ ",$PARTS," == *",memory,"* ]]; then
  echo "[image] memory under the POST load (harness scenario post, 64 clients) with the chart's options"
  : > "$OUT/memory-samples.txt"
  BENCH_SKIP_BUILD=1 BENCH_SCENARIOS=post BENCH_STARTUP_VARIANTS=none BENCH_PORT=$PORT \
    BENCH_APP_JVM_OPTS="$JVM_OPTS" bench/run.sh > "$OUT/memory-bench.log" 2>&1 &
  BENCH=$!
  PORTAL_PID=
  while kill -0 $BENCH 2>/dev/null; do
    if [ -z "$PORTAL_PID" ]; then
      for p in $(pgrep -f "de.digitalcheck.portal.Application" || true); do
        if [ "$(readlink "/proc/$p/cwd" 2>/dev/null)" = "$APP" ] && grep -q "MaxRAM=512m" "/proc/$p/cmdline" 2>/dev/null; then
          PORTAL_PID=$p
        fi
      done
    elif [ -r "/proc/$PORTAL_PID/status" ]; then
      awk -v t="$(date +%s)" '/VmRSS|VmHWM/ {printf "%s %s %s kB\n", t, $1, $2}' "/proc/$PORTAL_PID/status" >> "$OUT/memory-samples.txt"  2>/dev/null || true
    fi
    sleep 0.2
  done
  wait $BENCH || true
  grep -E "POST /api/v1/assessments|post:" "$OUT/memory-bench.log" | tail -3
  RSS=$(awk '$2 == "VmRSS:" {if ($3 > m) m = $3} END {printf "%.0f", m / 1024}' "$OUT/memory-samples.txt")
  HWM=$(awk '$2 == "VmHWM:" {if ($3 > m) m = $3} END {printf "%.0f", m / 1024}' "$OUT/memory-samples.txt")
  echo "[image] portal resident memory under load: VmRSS at most $RSS MiB, peak VmHWM $HWM MiB (limit 512 MiB)" \
    | tee "$OUT/memory.txt"
fi
