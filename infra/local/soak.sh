#!/usr/bin/env bash
# Soak: tens of thousands of mixed valid (the bundled events) and invalid invocations through AWS's
# runtime interface client against a Runtime API on 127.0.0.1 (the cold-start harness). Fails if a
# valid invocation is lost or fails, or an invalid one is not a structured INVALID_REQUEST error;
# prints latency and RSS over time (flat after warm-up is the goal).
#
#   infra/local/soak.sh                 # 20,000 invocations (~2 minutes)
#   COUNT=50000 infra/local/soak.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source infra/local/prepare.sh
EVENTS=$(ls infra/events/*.json | paste -sd, -)
echo "machine: $(nproc) cores, $(uname -m), $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%d)"
java -cp target/local-tools Soak --task target/lambda-task --ric target/ric --events "$EVENTS" \
  --count "${COUNT:-20000}" ${NATIVE:+--native "$NATIVE"}
