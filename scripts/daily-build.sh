#!/usr/bin/env bash
# The daily job: ingest the newsroom's feeds, build, publish, and leave a JSON summary for
# monitoring. Exit code: 0 all good, 1 some episodes, articles (or a feed) failed, 2 unusable
# setup. (`audiocast build` alone exits 3 when another build of the show is running; with
# --wait, as here, it waits for it instead.)
#
#   scripts/daily-build.sh SHOW_DIR [FEED_URL ...]
#
# Environment: AUDIOCAST (the command, default `audiocast`), SUMMARY (default
# SHOW_DIR/.audiocast/last-build.json).
set -uo pipefail
show=${1:?usage: daily-build.sh SHOW_DIR [FEED_URL ...]}
shift
audiocast=${AUDIOCAST:-audiocast}
summary=${SUMMARY:-$show/.audiocast/last-build.json}
status=0

for feed in "$@"; do
  $audiocast ingest "$feed" --show "$show" || status=1
done

# --wait: a build still running from yesterday finishes first; --quiet: cron mails only
# what needs attention.
$audiocast build "$show" --wait --quiet --summary "$summary"
built=$?
if [ "$built" -gt "$status" ]; then status=$built; fi
exit "$status"
