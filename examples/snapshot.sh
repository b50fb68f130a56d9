#!/usr/bin/env sh
# Records the current state of a database directory into a journal and exits; run it from cron
# between live recordings, or to seed a journal. Prints the result as JSON.
#   examples/snapshot.sh /var/lib/rdm/DB.rdm /var/backups/rdm/DB.journal
set -eu
exec rdm-journal record "$1" --journal "$2" --once --json
