#!/usr/bin/env bash
# SPEC §10 speed benchmark (see bench/README.md): startup to ready, questionnaire page vs a bare endpoint,
# POST /api/v1/assessments per second against MariaDB. One run, stops by itself, prints a summary table.
#
#   bench/run.sh                      # everything: ~6 minutes plus the build on a quiet machine; while other work
#                                     # keeps the cores busy it waits (up to 3 min per scenario) and re-measures
#   BENCH_SWEEP=16x16,64x32 bench/run.sh  # plus page and POST runs with BLOCKING_THREADSxDB_POOL_SIZE variants,
#                                         # optionally with other JDBC URL parameters: 32x16+cachePrepStmts=true&...
#
# Environment (all optional): BENCH_PORT (default: a free port), BENCH_DB (digitalcheck_bench: dropped and re-created!),
# BENCH_DB_HOST, BENCH_DB_PORT, BENCH_DB_USER, BENCH_DB_PASSWORD (127.0.0.1, 3306, root, empty),
# BLOCKING_THREADS, DB_POOL_SIZE (the portal's own variables; unset = its defaults 16 and 16),
# BENCH_SCENARIOS (startup,page,post,image: image = bench/image-config.sh), BENCH_APP_JVM_OPTS (extra JVM flags for the portal),
# BENCH_STARTUP_VARIANTS (JVM option sets for extra warm starts, ";"-separated; "none" to skip),
# BENCH_DB_URL_PARAMS (JDBC URL parameters of DB_URL; default: those of the project's MariaDB tests),
# BENCH_OPTS (extra -Dbench.* flags for the harness, e.g. "-Dbench.measureSeconds=20"), BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/bench
APP=$OUT/app
mkdir -p "$OUT"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "[bench] building (package without tests, runtime class path for the harness)"
  # (retried once: a build running at the same time in the same target/ can make it fail transiently)
  ./mvnw -q -B -Dfrontend.skip=true -DskipTests package \
    || { sleep 15; ./mvnw -q -B -Dfrontend.skip=true -DskipTests package; }
  ./mvnw -q -B -Dfrontend.skip=true dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$OUT/classpath-runtime.txt"

  # A private copy: other people's builds may rewrite target/ while the benchmark runs. The portal is the
  # runnable jar that `./mvnw package` builds (with all its dependencies, as deployed; application class-data
  # sharing also needs jars, not directories). Only the benchmark's own test classes go next to it (no other test
  # beans, no logback-test.xml).
  # The jar keeps its name and its class-data-sharing archive goes with it: the archive names the jar as the
  # training start saw it, relative to the directory the portal starts in (the harness starts it in $APP), and
  # checks its size and modification time (hence cp -p).
  rm -rf "$APP"
  BEANS=META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference
  mkdir -p "$APP/bench-classes/de/digitalcheck/portal" "$APP/bench-classes/$BEANS"
  cp -p target/digitalcheck-portal-*.jar target/digitalcheck-portal-*.jsa "$APP/"
  cp -R target/test-classes/de/digitalcheck/portal/bench "$APP/bench-classes/de/digitalcheck/portal/"
  cp target/test-classes/$BEANS/de.digitalcheck.portal.bench.* "$APP/bench-classes/$BEANS/"
fi

DB_NAME=${BENCH_DB:-digitalcheck_bench}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
# The bench database (the harness drops and re-creates it before the first start, to measure migrations).
if command -v mariadb >/dev/null 2>&1 || command -v mysql >/dev/null 2>&1; then
  CLIENT=$(command -v mariadb || command -v mysql)
  MYSQL_PWD="$DB_PASSWORD" "$CLIENT" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" \
    -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\`"
fi

# Startup is also measured with these JVM options (";"-separated sets; BENCH_STARTUP_VARIANTS=none: skip).
# The archive is the one `./mvnw package` builds next to the jar (started in $APP, where both are); -Xshare:on
# makes a start fail instead of silently going without it, should it not fit the jar.
JAR=$(cd "$APP" && ls digitalcheck-portal-*.jar)
ARCHIVE=${JAR%.jar}.jsa
DEFAULT_STARTUP_VARIANTS="-XX:TieredStopAtLevel=1;-Xshare:on -XX:SharedArchiveFile=$ARCHIVE;-XX:TieredStopAtLevel=1 -Xshare:on -XX:SharedArchiveFile=$ARCHIVE"
[ "${BENCH_STARTUP_VARIANTS:-}" = none ] && BENCH_STARTUP_VARIANTS=" "

SCENARIOS=${BENCH_SCENARIOS:-startup,page,post,image}
HARNESS_SCENARIOS=$(echo "$SCENARIOS" | tr ',' '\n' | grep -v '^image$' | paste -sd, - || true)
if [ -n "$HARNESS_SCENARIOS" ]; then
# shellcheck disable=SC2086
java -Xms256m -Xmx512m -Dlogback.configurationFile=bench/logback-harness.xml \
  -cp "$APP/bench-classes:$(cat "$OUT/classpath-runtime.txt")" \
  -Dbench.appClasses="$PWD/$APP/$JAR" \
  -Dbench.benchClasses="$PWD/$APP/bench-classes" \
  -Dbench.runtimeClasspathFile="$OUT/classpath-runtime.txt" \
  -Dbench.out="$OUT" \
  -Dbench.port="${BENCH_PORT:-0}" \
  -Dbench.dbHost="$DB_HOST" -Dbench.dbPort="$DB_PORT" -Dbench.dbName="$DB_NAME" \
  -Dbench.dbUser="$DB_USER" -Dbench.dbPassword="$DB_PASSWORD" \
  -Dbench.dbUrlParams="${BENCH_DB_URL_PARAMS:-}" \
  -Dbench.blockingThreads="${BLOCKING_THREADS:-}" -Dbench.poolSize="${DB_POOL_SIZE:-}" \
  -Dbench.scenarios="$HARNESS_SCENARIOS" \
  -Dbench.sweep="${BENCH_SWEEP:-}" \
  -Dbench.appJvmOptions="${BENCH_APP_JVM_OPTS:-}" \
  -Dbench.startupVariants="${BENCH_STARTUP_VARIANTS:-$DEFAULT_STARTUP_VARIANTS}" \
  ${BENCH_OPTS:-} \
  de.digitalcheck.portal.bench.PortalBench
fi

# The portal in the container image's configuration vs a minimal Micronaut application, and its memory under load
# (bench/image-config.sh; scenario "image").
if [[ ",$SCENARIOS," == *",image,"* ]]; then
  bench/image-config.sh
fi
