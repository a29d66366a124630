#!/usr/bin/env bash
# Cold start, warm latency and memory of the packaged function, run exactly as Lambda's java21
# runtime runs it (AWS's runtime interface client, a Runtime API on 127.0.0.1), next to a minimal
# Funqy function of the same Quarkus version measured in the same run (figures as ratios).
#
#   infra/local/bench-coldstart.sh            # JVM, -XX:TieredStopAtLevel=1 as Lambda uses
#   RUNS=9 WARM=500 infra/local/bench-coldstart.sh
#   SKIP=1000 infra/local/bench-coldstart.sh   # warm figures after 1,000 warm-up calls (steady state) instead of 50
#   NATIVE=target/ai-cost-engine-1.0.0-SNAPSHOT-runner infra/local/bench-coldstart.sh   # a native build
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/local/prepare.sh

# The baseline: a minimal Funqy function (String in, String out), generated and built once.
B=target/baseline
if [ ! -f "$B/target/function.zip" ]; then
  mkdir -p "$B/src/main/java/baseline" "$B/src/main/resources"
  QV=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)
  cat > "$B/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>baseline</groupId><artifactId>minimal-funqy</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencyManagement><dependencies><dependency><groupId>io.quarkus</groupId><artifactId>quarkus-bom</artifactId>
    <version>$QV</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies><dependency><groupId>io.quarkus</groupId><artifactId>quarkus-funqy-amazon-lambda</artifactId></dependency></dependencies>
  <build><plugins>
    <plugin><groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId><version>$QV</version><extensions>true</extensions>
      <executions><execution><goals><goal>build</goal></goals></execution></executions></plugin>
    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
  </plugins></build>
</project>
POM
  cat > "$B/src/main/java/baseline/Greeting.java" <<'JAVA'
package baseline;

import io.quarkus.funqy.Funq;

public class Greeting {
    @Funq
    public String greet(String name) {
        return "hello " + name;
    }
}
JAVA
  echo "quarkus.funqy.export=greet" > "$B/src/main/resources/application.properties"
  echo '"world"' > "$B/event.json"
  ./mvnw -B -q -f "$B/pom.xml" package -DskipTests >&2
fi
rm -rf "$B/task" && mkdir -p "$B/task" && (cd "$B/task" && jar xf ../target/function.zip)

EVENTS=${EVENTS:-$(ls infra/events/*.json | paste -sd, -)}  # EVENTS=a.json,b.json to measure others
ARGS=(--task target/lambda-task --ric target/ric --events "$EVENTS" \
      --baseline-task "$B/task" --baseline-events "$B/event.json" \
      --runs "${RUNS:-5}" --warm "${WARM:-300}" --skip "${SKIP:-50}")
if [ -n "${NATIVE:-}" ]; then ARGS+=(--native "$NATIVE" --label "ai-cost-engine (native)"); fi
echo "machine: $(nproc) cores, $(uname -m), $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%d)"
java -cp target/local-tools ColdStartBench "${ARGS[@]}"
