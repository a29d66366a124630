# Sourced by the infra/local scripts: builds target/function.zip (unless SKIP_BUILD=1 and it
# exists), unpacks it to target/lambda-task and fetches AWS's runtime interface client into
# target/ric (Maven Central, once), and compiles the local tools into target/local-tools.
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f target/function.zip ]; then
  ./mvnw -B -q package -DskipTests >&2
fi
if [ ! -d target/ric ] || [ -z "$(ls target/ric 2>/dev/null)" ]; then
  ./mvnw -B -q -Plocal-lambda dependency:copy-dependencies -DincludeScope=provided \
    -DoutputDirectory=target/ric >&2
fi
if [ ! -d target/lambda-task ] || [ target/function.zip -nt target/lambda-task ]; then
  rm -rf target/lambda-task && mkdir -p target/lambda-task
  (cd target/lambda-task && jar xf ../function.zip)
fi
# The local tools (a Runtime API, the invoke/bench/soak drivers): plain JDK sources, compiled once.
if [ ! -d target/local-tools ] || [ -n "$(find infra/local -name '*.java' -newer target/local-tools 2>/dev/null)" ]; then
  rm -rf target/local-tools && mkdir -p target/local-tools
  javac -d target/local-tools infra/local/*.java
fi
