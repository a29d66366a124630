# Sourced by the infra/local scripts: builds target/function.zip (unless SKIP_BUILD=1 and it
# exists), unpacks it to target/lambda-task and fetches AWS's runtime interface client into
# target/ric (Maven Central, once).
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
