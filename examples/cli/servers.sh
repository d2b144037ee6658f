#!/usr/bin/env bash
# The vps CLI in a shell script: list the active servers, create one and wait until it is active,
# read it as JSON, then delete it. Needs VPS_API_TOKEN (and VPS_BASE_URL for another API, e.g. the sandbox).
# Run: VPS_API_TOKEN=... bash servers.sh [NAME]
set -euo pipefail
: "${VPS_API_TOKEN:?set VPS_API_TOKEN to your API token}"
vps="${VPS_CLI:-vps}"             # the installed command; the test points it at the workspace's bin
name="${1:-script-$(date +%s)}"
interval="${WAIT_INTERVAL:-5}"   # seconds between polls while waiting

# json FIELD: read one field of the JSON on stdin (node is there wherever vps is).
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=process.argv[1].split(".").reduce((o,k)=>o?.[k],JSON.parse(s));console.log(v??"")})' "$1"; }

echo "active servers: $("$vps" servers list --status active -o json | json count)"

# --wait polls until the status settles, then prints the server.
id="$("$vps" servers create --name "$name" --plan-id 1 --os-id 5 --location us-west \
  --wait --wait-interval "$interval" -o json | json id)"
echo "created server #$id"
echo "server #$id is $("$vps" servers get "$id" -o json | json status)"

"$vps" servers delete "$id" --yes >/dev/null
echo "deleted server #$id"
