/* pc-test-util.h: small helpers shared by the test programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "pc-project.h"
#include "pc-projection.h"

G_BEGIN_DECLS

/* A fresh folder under the system's temporary folder, removed at exit. */
char     *pc_test_make_tmp_dir   (void);
/* Writes @contents to @dir/@name and returns the path. */
char     *pc_test_write_file     (const char  *dir,
                                  const char  *name,
                                  const char  *contents);
/* Runs pathcost-cli (from $PATHCOST_CLI) with @args (NULL-terminated);
 * returns its exit status and fills @out / @err when not NULL. */
int       pc_test_run_cli        (char       **out,
                                  char       **err,
                                  const char  *first_arg,
                                  ...) G_GNUC_NULL_TERMINATED;
int       pc_test_run_cli_argv   (char              **out,
                                  char              **err,
                                  const char * const *args);
/* pathcost-cli's JSON answer to @first_arg … (NULL-terminated), failing
 * the test with its message when it fails. */
JsonNode *pc_test_cli_json       (const char  *first_arg,
                                  ...) G_GNUC_NULL_TERMINATED;
/* Iterates the default main context until @done (@data) is true, and
 * fails the test, naming @what, if that takes more than @seconds: a
 * timeout source wakes a blocked iteration, so a stuck loop fails rather
 * than hangs. The one way the tests wait. */
typedef gboolean (*PcTestCondition) (gpointer data);
void      pc_test_wait_until     (PcTestCondition  done,
                                  gpointer         data,
                                  guint            seconds,
                                  const char      *what);
/* For an asynchronous job: pc_test_on_job_done, its callback, keeps its
 * result in the GAsyncResult * its data points to, NULL until then;
 * pc_test_job_done, the condition to wait for, is whether it has. */
gboolean  pc_test_job_done       (gpointer         result_slot);
void      pc_test_on_job_done    (GObject         *source,
                                  GAsyncResult    *result,
                                  gpointer         result_slot);
/* Iterates until nothing is pending (after at most @seconds): for checks
 * that something did NOT happen once the loop is idle, never a sleep. */
void      pc_test_wait_idle      (guint            seconds);

/* The file's bytes, for "unchanged" checks. */
GBytes   *pc_test_read_bytes     (const char  *path);

/* A writable copy of $PATHCOST_SAMPLE as @dir/sample.pathcost (in a fresh
 * folder when @dir is NULL); returns its path. */
char      *pc_test_copy_sample       (const char *dir);
/* Opens @path, failing the test when it does not open. */
PcProject *pc_test_open_project      (const char *path,
                                      gboolean    read_only);
/* $PATHCOST_SAMPLE itself, read-only. */
PcProject *pc_test_open_sample       (void);
/* A writable copy of the sample, opened. */
PcProject *pc_test_open_sample_copy  (void);
/* A new project as a killed writer leaves it, at @dir/@name: area A1
 * named 'Before' committed, then a change half written into the file (the
 * cache spilled) with its hot journal beside it. */
char      *pc_test_make_crashed_project (const char *dir,
                                         const char *name);
/* The first column of @sql's first row as text; NULL when there is no row. */
char      *pc_test_query_text        (PcProject  *project,
                                      const char *sql);
/* Runs @sql as one change of @project, failing the test on any error. */
void       pc_test_exec_sql          (PcProject  *project,
                                      const char *sql);

/* The hand-costed pathway of tests/test-projection.c:
 *   A surgery   offset 0, patient, £1,000 × 1, stages 1 and 2  (treatment, ccg, elective)
 *   B follow-up offset 1, patient, £100 × 2 × share 0.5, every stage (follow_up, ccg, outpatient)
 *   C hospice   offset 0, death,   £500 × 1, stage 4 only  (end_of_life, public_health, other)
 * and its input: 100 cases a year, stage mix 40% / 30% / 0 / 30% / 0, survival
 * stage 1 always 1, stage 2 0.9 from year 1, stage 4 0.5 then 0.25; base
 * 2026, inflation 10%, discount 5%. */
PcPathway         *pc_test_tiny_pathway (void);
PcProjectionInput *pc_test_tiny_input   (guint  horizon,
                                         double trend);
PcStep            *pc_test_make_step    (const char *name,
                                         const char *phase,
                                         const char *funding,
                                         int         offset,
                                         PcBasis     basis,
                                         PcActivity  activity,
                                         double      unit_cost,
                                         double      quantity,
                                         const double share[PC_N_STAGES]);

#define pc_assert_close(a, b) \
  G_STMT_START { \
    double _a = (a), _b = (b); \
    if (!(fabs (_a - _b) <= 1e-9 * MAX (1.0, fabs (_b)))) \
      g_error ("%s:%d: %s = %.17g, expected %.17g", __FILE__, __LINE__, #a, _a, _b); \
  } G_STMT_END

G_END_DECLS
