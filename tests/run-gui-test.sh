#!/bin/sh
# Runs one GUI test program under a private X server and D-Bus session, the
# way PLATFORM.md says GTK 4.8 runs headless without aborting.  The session
# bus is started apart from the test so that what the services it starts
# print (the accessibility registry announces itself on standard output)
# stays out of the test's TAP stream.
exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" sh -c '
  eval "$(dbus-launch --sh-syntax --close-stderr </dev/null 2>/dev/null)"
  trap "kill \$DBUS_SESSION_BUS_PID 2>/dev/null" EXIT
  "$@"
' run-gui-test "$@"
