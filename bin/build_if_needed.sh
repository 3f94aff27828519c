#!/usr/bin/env bash
# Builds daemon/target/pycotrd.jar through the Maven wrapper when it is missing or older than any
# source or build file. Sourced by bin/pycotrd, bin/pycotr and bin/start_nodes.sh.
# PYCOTR_NO_BUILD=1 skips the check (the test suite sets it: it has just built the jar).
pycotr_build_if_needed() {
  local root="$1" jar="$1/daemon/target/pycotrd.jar"
  if [ "${PYCOTR_NO_BUILD:-0}" = "1" ] && [ -f "$jar" ]; then
    return 0
  fi
  if [ -f "$jar" ] && [ -z "$(find "$root"/pom.xml "$root"/proto/pom.xml "$root"/protocol/pom.xml "$root"/daemon/pom.xml \
        "$root"/proto/src/main "$root"/protocol/src/main "$root"/daemon/src/main -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
    return 0
  fi
  echo "Building pycotrd (first run or sources changed)..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -pl daemon -am install) >&2 || {
    echo "pycotrd: build failed; run ./mvnw -B -pl daemon -am install to see why" >&2
    return 1
  }
  touch "$jar"  # up to date now, even if Maven found nothing to repackage
}
