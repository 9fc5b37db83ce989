#!/bin/sh
# The OpenST benchmark (bench/README.md):
#
#   bench/run.sh [sessions|im|fanout|churn|all|smoke] [--option value ...]   scenarios, results table
#   bench/run.sh micro [JMH options]                                         JMH microbenchmarks
#   bench/run.sh --help                                                      options and defaults
#
# Needs the built distribution (runtime/target/openst-hub: mvn -q -DskipTests install). Builds only
# this module's jar when it is missing (mvn -q -f bench/pom.xml package -DskipTests rebuilds it).
# Environment: JAVA_HOME (else java on the PATH); the hub and the load generator use the same java.
set -e
BENCH=$(cd "$(dirname "$0")" && pwd -P)

# One process holds one descriptor per connection: allow as many as the hard limit does.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || echo "run.sh: could not raise the open-files limit ($(ulimit -n))" >&2

if [ ! -f "$BENCH/target/openst-bench.jar" ] || [ ! -d "$BENCH/target/lib" ]; then
    echo "run.sh: building bench/target/openst-bench.jar" >&2
    mvn -q -f "$BENCH/pom.xml" package -DskipTests
fi

if [ -n "$JAVA_HOME" ]; then
    JAVA=$JAVA_HOME/bin/java
else
    JAVA=java
fi
CP="$BENCH/target/openst-bench.jar:$BENCH/target/lib/*"

if [ "$1" = micro ]; then
    shift
    exec "$JAVA" -cp "$CP" org.openjdk.jmh.Main "$@"
fi
exec "$JAVA" -Xmx512m -cp "$CP" org.openst.bench.Bench "$@"
