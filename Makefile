# The two commands (see README.md): `make run` and `make test`.  Both install
# whatever Debian packages are missing, then build with meson.

BUILD      ?= build
SAN_BUILD  ?= build-sanitize
FUZZ_BUILD ?= build-fuzz
# Seconds each libFuzzer harness runs for in make fuzz.
FUZZ_SECONDS ?= 60
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SAMPLE     := $(BUILD)/resources/sample.pathcost
CLI        := $(BUILD)/src/cli/pathcost-cli

# Build, test and benchmark dependencies, all from Debian 12.
DEBIAN_PACKAGES := \
	gcc meson ninja-build pkg-config gettext locales \
	libglib2.0-dev libjson-glib-dev libsqlite3-dev sqlite3 nettle-dev libxlsxwriter-dev libgsl-dev gnumeric \
	python3 python3-numpy bc time \
	libgtk-4-dev libadwaita-1-dev xvfb xauth dbus dbus-x11 appstream desktop-file-utils \
	libglib2.0-bin libgtk-4-bin libxml2-utils imagemagick dconf-gsettings-backend libxtst-dev

.PHONY: all deps build run test bench fuzz clean

all: build

deps:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@# A decimal-comma locale, so the locale tests run rather than skip.
	@locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$$' || \
	  $(SUDO) localedef -i de_DE -f UTF-8 de_DE.UTF-8 || true

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	@if [ -x $(BUILD)/src/ui/pathcost ] && [ -n "$${DISPLAY}$${WAYLAND_DISPLAY}" ]; then \
	  exec $(BUILD)/src/ui/pathcost --sample; \
	fi; \
	if [ -z "$${DISPLAY}$${WAYLAND_DISPLAY}" ]; then \
	  echo "No display: printing the sample's breast pathway report for its ICB through the CLI."; \
	else \
	  echo "The window is not built yet: printing the sample project's breast pathway report."; \
	fi; \
	$(CLI) report $(SAMPLE) --area $$(sed -n 2p resources/sample/area_groups.csv | cut -d, -f1) \
	  --pathway breast_best_practice --from 2026 --years 10

test: build
	meson test -C $(BUILD) --print-errorlogs
	@echo "== The same suite under AddressSanitizer and UndefinedBehaviorSanitizer"
	@[ -f $(SAN_BUILD)/build.ninja ] || \
	  meson setup $(SAN_BUILD) -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
	meson compile -C $(SAN_BUILD)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  meson test -C $(SAN_BUILD) --print-errorlogs --timeout-multiplier 3

bench: build
	bench/run-bench.sh $(BUILD)
	bench/run-bench-activity.sh $(BUILD)
	bench/run-bench-export.sh $(BUILD)
	bench/run-bench-ui.sh $(BUILD)
	bench/run-bench-levers.sh $(BUILD)
	bench/run-bench-business.sh $(BUILD)
	bench/run-bench-activity-ui.sh $(BUILD)

# libFuzzer on CSV import and on project open (tests/fuzz/), each for
# FUZZ_SECONDS; not part of make test.  Needs clang, installed if missing.
fuzz: deps
	@dpkg-query -W -f='$${Status}\n' clang 2>/dev/null | grep -q '^install ok installed' || { \
	  echo "Installing Debian packages: clang"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends clang; }
	@[ -f $(FUZZ_BUILD)/build.ninja ] || \
	  CC=clang meson setup $(FUZZ_BUILD) -Dfuzzing=true -Db_sanitize=address,undefined \
	    -Db_lundef=false -Dbench=false -Dwerror=false
	meson compile -C $(FUZZ_BUILD) fuzz-csv-import fuzz-project-open src/cli/pathcost-cli
	tests/fuzz/run-fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD)
