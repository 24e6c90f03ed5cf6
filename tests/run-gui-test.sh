#!/bin/sh
# Runs one GUI test program under a private X server and D-Bus session, the
# way PLATFORM.md says GTK 4.8 runs headless without aborting.  The session
# bus is started apart from the test so that what the services it starts
# print (the accessibility registry announces itself on standard output)
# stays out of the test's TAP stream.
#
# Each program gets its own empty state folder (working copies and
# recovery): the window looks through every working copy there when it
# opens, so copies a crash test leaves behind would otherwise pile up run
# after run and slow every later window, and no test would start from what
# a user's desktop holds.
state=$(mktemp -d "${TMPDIR:-/tmp}/pathcost-gui-state.XXXXXX") || exit 1
trap 'rm -rf "$state"' EXIT
XDG_STATE_HOME=$state xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" sh -c '
  eval "$(dbus-launch --sh-syntax --close-stderr </dev/null 2>/dev/null)"
  trap "kill \$DBUS_SESSION_BUS_PID 2>/dev/null" EXIT
  "$@"
' run-gui-test "$@"
