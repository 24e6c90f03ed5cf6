/* bench-util.h: what the window benchmarks share: a scratch copy of the
 * sample, a pathway grown to 500 steps, the window, the timing and the
 * figures printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pc-window.h"

G_BEGIN_DECLS

/* A copy of @sample in a fresh temporary folder; returns its path. */
char     *bench_copy_to_tmp     (const char *sample);
/* Grows @pathway of the project at @path to 500 steps, each a renamed
 * copy of one of its own. */
void      bench_grow_pathway    (const char *path,
                                 const char *pathway);
/* A window of @width × @height with @path open, not yet presented. */
PcWindow *bench_new_window      (const char *path,
                                 int         width,
                                 int         height);
/* Milliseconds since @t0 (g_get_monotonic_time). */
double    bench_ms_since        (gint64      t0);
/* Iterates until @chart has drawn since its count was @before; returns
 * the milliseconds since @t0. */
double    bench_ms_until_drawn  (PcChart    *chart,
                                 guint64     before,
                                 gint64      t0);
/* The median of @times (sorting them). */
double    bench_median          (GArray     *times);
/* Prints @what's runs, median, 95th percentile and maximum against a
 * 60 Hz frame (sorting @times). */
void      bench_report          (const char *what,
                                 GArray     *times);

G_END_DECLS
