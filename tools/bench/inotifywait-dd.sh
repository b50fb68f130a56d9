#!/bin/bash
# The hot backup a user writes from the RDM example's approach: `inotifywait -m` on the database
# directory piped into a shell loop that, for each event,
#   create -> touches the file on the target,
#   modify -> copies the new tail with dd, from the target's current size to the source's end,
#   delete -> removes the file from the target.
# The benchmark's baseline peer (tools/bench/peers.ts). Needs inotify-tools and coreutils.
#
#   tools/bench/inotifywait-dd.sh SOURCE-DIR TARGET-DIR
#
# Prints "ready" once the watch is established. SIGTERM/SIGINT stop it after the event at hand,
# leaving any backlog; inotifywait is waited for, so /usr/bin/time counts every process it ran.
set -u
src=${1:?usage: inotifywait-dd.sh SOURCE-DIR TARGET-DIR}
dst=${2:?usage: inotifywait-dd.sh SOURCE-DIR TARGET-DIR}
mkdir -p "$dst"
errors=$(mktemp)

exec {events}< <(exec inotifywait -m -e create,modify,delete --format '%e %f' "$src" 2>"$errors")
watcher=$!
stopping=
stop() { stopping=1; kill "$watcher" 2>/dev/null; }
trap stop TERM INT

until grep -q 'Watches established' "$errors" 2>/dev/null; do
  if ! kill -0 "$watcher" 2>/dev/null; then cat "$errors" >&2; exit 1; fi
  sleep 0.01
done
echo ready

while [ -z "$stopping" ] && read -r -u "$events" event name; do
  case "$event" in
    *ISDIR*) continue ;;
    *DELETE*) rm -f -- "$dst/$name" ;;
    *CREATE*) touch -- "$dst/$name" ;;
    *MODIFY*)
      [ -e "$dst/$name" ] || touch -- "$dst/$name"
      size=$(stat -c %s -- "$dst/$name")
      dd if="$src/$name" of="$dst/$name" bs=1M skip="$size" seek="$size" \
        iflag=skip_bytes oflag=seek_bytes conv=notrunc status=none 2>/dev/null
      ;;
  esac
done
wait "$watcher" 2>/dev/null
rm -f "$errors"
exit 0
