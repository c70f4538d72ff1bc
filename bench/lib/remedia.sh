# Shared by the benchmark scripts (sourced, not run): builds the jars when they are missing, starts
# Remedia in dev mode on free ports with an operator configuration of the script's choosing, runs the
# driver, keeps its JSON report in bench/results/ with Remedia's log beside it, and stops Remedia.
#
#   source "$(dirname "$0")/lib/remedia.sh"
#   bench_init <name> <driver main class> "$@"     # handles --help; sets external, work, driver_args
#   $external || { write "$work/remedia.yml"; start_remedia "$work/remedia.yml"; }
#   run_driver

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
remedia_jar=api/target/remedia.jar
driver_jar=bench/target/bench.jar
remedia_pid=
work=

bench_init() {
  bench_name=$1
  driver_main=$2
  shift 2
  driver_args=("$@")
  if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
    [[ -f $driver_jar ]] || mvn -B -o -q package -DskipTests -pl bench
    java -cp "$driver_jar" "$driver_main" 2>&1 | sed -n '/^usage/,$p' || true
    echo "  (without --url, this script starts and stops Remedia itself; REMEDIA_JAVA_OPTS adds JVM options)"
    exit 0
  fi

  external=false
  for arg in "$@"; do
    [[ $arg == --url || $arg == --url=* ]] && external=true
  done

  if [[ ! -f $driver_jar ]] || { ! $external && [[ ! -f $remedia_jar ]]; }; then
    echo "$bench_name: building the jars (mvn -B -o -q package -DskipTests)" >&2
    mvn -B -o -q package -DskipTests
  fi
  for jar in "$driver_jar" "$remedia_jar"; do
    if [[ -f $jar ]] && [[ -n $(find pom.xml ./*/pom.xml ./*/src -newer "$jar" -type f -print -quit 2>/dev/null) ]]; then
      echo "$bench_name: warning: $jar is older than the sources; rebuild with: mvn -B -o -q package -DskipTests" >&2
    fi
  done

  mkdir -p bench/results
  result=bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$bench_name.json
  work=$(mktemp -d)
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

# Starts Remedia with the operator configuration in $1 and waits for /health; the driver is told where
# it runs, its process (for CPU and memory) and its PostgreSQL port.
start_remedia() {
  local config=$1 ports http_port temporal_port healthy pg_port
  mapfile -t ports < <(java -cp "$driver_jar" dev.remedia.bench.FreePort 2)
  http_port=${ports[0]}
  temporal_port=${ports[1]}
  echo "$bench_name: starting Remedia in dev mode on port $http_port (Temporal $temporal_port), log in $work/remedia.log" >&2
  # The driver reads /api with this admin token. The rate limits are off: a benchmark measures how much
  # Remedia can take, not where its limits stop a client.
  REMEDIA_ADMIN_TOKEN=${REMEDIA_ADMIN_TOKEN:-rmd_bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')}
  export REMEDIA_ADMIN_TOKEN
  # shellcheck disable=SC2086
  MICRONAUT_SERVER_PORT=$http_port REMEDIA_DEV_TEMPORAL_PORT=$temporal_port REMEDIA_CONFIG=$config \
    REMEDIA_API_RATE=0 REMEDIA_WEBHOOK_RATE=0 \
    java ${REMEDIA_JAVA_OPTS:-} -jar "$remedia_jar" > "$work/remedia.log" 2>&1 &
  remedia_pid=$!
  healthy=false
  for _ in $(seq 1 240); do
    if ! kill -0 "$remedia_pid" 2>/dev/null; then
      echo "$bench_name: Remedia exited during start-up; its log:" >&2
      tail -n 30 "$work/remedia.log" >&2
      exit 1
    fi
    if curl -fs -o /dev/null "http://127.0.0.1:$http_port/health" 2>/dev/null; then
      healthy=true
      break
    fi
    sleep 0.5
  done
  if ! $healthy; then
    echo "$bench_name: Remedia did not become healthy within 120 s; its log:" >&2
    tail -n 30 "$work/remedia.log" >&2
    exit 1
  fi
  pg_port=$(sed -nE 's/.*embedded PostgreSQL on [^:]+:([0-9]+).*/\1/p' "$work/remedia.log" | head -n 1)
  driver_args+=(--url "http://127.0.0.1:$http_port" --remedia-pid "$remedia_pid")
  [[ -n $pg_port ]] && driver_args+=(--pg-port "$pg_port")
  return 0
}

run_driver() {
  java -cp "$driver_jar" "$driver_main" "${driver_args[@]}" > "$work/report.json"
  cp "$work/report.json" "$result"
  cat "$result"
  echo "$bench_name: report written to $result" >&2
}

stop_remedia() {
  if [[ -n $remedia_pid ]] && kill -0 "$remedia_pid" 2>/dev/null; then
    kill "$remedia_pid" 2>/dev/null || true
    # A clean shutdown also stops the embedded PostgreSQL; give it the time it needs.
    for _ in $(seq 1 60); do
      kill -0 "$remedia_pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$remedia_pid" 2>/dev/null; then
      echo "$bench_name: Remedia (pid $remedia_pid) did not stop in 30 s; killing it" >&2
      kill -9 "$remedia_pid" 2>/dev/null || true
    fi
  fi
}

cleanup() {
  stop_remedia
  if [[ -n $remedia_pid && -f $work/remedia.log ]]; then
    cp "$work/remedia.log" "${result%.json}-remedia.log"
  fi
  rm -rf "$work"
}
