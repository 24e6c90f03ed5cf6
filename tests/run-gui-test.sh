#!/bin/sh
# Runs one GUI test program under a private X server and D-Bus session, the
# way PLATFORM.md says GTK 4.8 runs headless without aborting.
exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" dbus-run-session -- "$@"
