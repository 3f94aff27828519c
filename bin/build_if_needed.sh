#!/usr/bin/env bash
# Builds daemon/target/pycotrd.jar through the Maven wrapper when it is missing or older than any
# source or build file. Sourced by bin/pycotrd, bin/pycotr and bin/start_nodes.sh.
# PYCOTR_NO_BUILD=1 skips the check (the test suite sets it: it has just built the jar).
pycotr_build_if_needed() {
  local root="$1" jar="$1/daemon/target/pycotrd.jar"
  if [ "${PYCOTR_NO_BUILD:-0}" = "1" ] && [ -f "$jar" ]; then
    return 0
  fi
  if [ -f "$jar" ] && [ -z "$(find "$root/pom.xml" "$root"/proto "$root"/protocol "$root"/daemon/src "$root"/daemon/pom.xml \
        -newer "$jar" -type f \( -name '*.java' -o -name '*.proto' -o -name 'pom.xml' -o -name '*.xml' \) \
        -not -path '*/target/*' 2>/dev/null | head -n 1)" ]; then
    return 0
  fi
  echo "Building pycotrd (first run or sources changed)..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -pl daemon -am install) >&2 || {
    echo "pycotrd: build failed; run ./mvnw -B -pl daemon -am install to see why" >&2
    return 1
  }
}
