#!/usr/bin/env bash
# Runs the packaged function (target/function.zip) on bundled or given events, exactly as AWS
# Lambda's java21 runtime runs it: AWS's runtime interface client against a Lambda Runtime API
# served on 127.0.0.1 by infra/local/RuntimeApi.java. Prints each report (or error) as JSON.
#
#   infra/local/invoke.sh infra/events/startup-chatbot.json [more.json ...]
#   SKIP_BUILD=1 infra/local/invoke.sh ...     # reuse target/function.zip
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 1 ] || { echo "usage: infra/local/invoke.sh EVENT.json..." >&2; exit 2; }
source infra/local/prepare.sh
java -cp target/local-tools Invoke --task target/lambda-task --ric target/ric "$@"
