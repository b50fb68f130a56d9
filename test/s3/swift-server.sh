#!/bin/bash
# Starts a real single-node OpenStack Swift with the s3api middleware and tempauth on 127.0.0.1,
# under one scratch directory, in the foreground of this script's process group. Debian packages:
# swift-proxy swift-object swift-container swift-account memcached (.ci/run installs them).
#   test/s3/swift-server.sh DIR PORT     -> prints "ready" once S3 answers, then waits for SIGTERM
# RINGS_DIR (optional): where rings built for a port are kept and reused. Started again on the same
# DIR and PORT, it serves what it held (the tests stop and restart it mid-ship).
# S3 credentials: access key "test:tester", secret "testing", region "us-east-1".
set -euo pipefail
dir=$1; port=$2
base=$((port + 1))   # account, container, object servers on port+1..port+3, memcached on port+4
mkdir -p "$dir/node/d1" "$dir/conf" "$dir/run" "$dir/log"
cat > "$dir/conf/swift.conf" <<CONF
[swift-hash]
swift_hash_path_suffix = rdmjournaltest
swift_hash_path_prefix = rdmjournaltest
[storage-policy:0]
name = gold
default = yes
CONF
common="[DEFAULT]
devices = $dir/node
mount_check = false
disable_fallocate = true
bind_ip = 127.0.0.1
workers = 1
user = $(id -un)
log_facility = LOG_LOCAL1
log_level = WARNING
swift_dir = $dir/conf"
for kind in account container object; do
  case $kind in account) p=$base;; container) p=$((base + 1));; object) p=$((base + 2));; esac
  cat > "$dir/conf/$kind-server.conf" <<CONF
$common
bind_port = $p
[pipeline:main]
pipeline = $kind-server
[app:$kind-server]
use = egg:swift#$kind
[$kind-replicator]
[$kind-updater]
[$kind-auditor]
CONF
  # Rings name the ports: one built for this port is reused from RINGS_DIR (building them takes
  # 20-110 s of Python start-ups on a loaded machine, more than the server's start).
  cache=${RINGS_DIR:-}/port-$port
  if [ -n "${RINGS_DIR:-}" ] && [ -f "$cache/$kind.ring.gz" ]; then
    cp "$cache/$kind.ring.gz" "$dir/conf/"
  elif [ ! -f "$dir/conf/$kind.ring.gz" ]; then
    (cd "$dir/conf" && swift-ring-builder $kind.builder create 0 1 1 >/dev/null &&
      swift-ring-builder $kind.builder add r1z1-127.0.0.1:$p/d1 1 >/dev/null &&
      swift-ring-builder $kind.builder rebalance >/dev/null 2>&1 || true)
    if [ -n "${RINGS_DIR:-}" ]; then mkdir -p "$cache" && cp "$dir/conf/$kind.ring.gz" "$cache/$kind.ring.gz.tmp" && mv "$cache/$kind.ring.gz.tmp" "$cache/$kind.ring.gz"; fi
  fi
done
cat > "$dir/conf/proxy-server.conf" <<CONF
$common
bind_port = $port
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$((base + 3))
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
CONF
trap 'kill 0' EXIT
memcached -u "$(id -un)" -l 127.0.0.1 -p $((base + 3)) -m 64 &
export SWIFT_DIR="$dir/conf"
for kind in account container object; do
  swift-$kind-server "$dir/conf/$kind-server.conf" >"$dir/log/$kind.log" 2>&1 &
done
swift-proxy-server "$dir/conf/proxy-server.conf" >"$dir/log/proxy.log" 2>&1 &
for _ in $(seq 1 300); do
  if curl -fs "http://127.0.0.1:$port/healthcheck" >/dev/null 2>&1; then echo ready; wait; exit 0; fi
  sleep 0.1
done
echo "swift did not answer on 127.0.0.1:$port within 30 s; logs in $dir/log" >&2
exit 1
