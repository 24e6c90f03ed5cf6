/* test-faults.c: pathcost-cli under the faults a user's machine has: a
 * CSV of endless or huge lines, a full disk, a crash (kill -9) in the
 * middle of an import or an export, names no analysis knows, temporary
 * files a crash left behind.  After each, the project is the old one or the
 * new one, readable at once by a read-only report, and the message is one
 * line that says what happened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pc-error.h"
#include "pc-importer.h"
#include "pc-project.h"
#include "pc-test-util.h"
#include "pc-workbook-private.h"

#define PATHWAY "breast_best_practice"
#define AREA "QMF"

static char *
sample_csv (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "sample", name, NULL);
}

static gboolean
same_bytes (const char *a, GBytes *b)
{
  g_autoptr(GBytes) now = pc_test_read_bytes (a);

  return g_bytes_equal (now, b);
}

static void
assert_one_line (const char *err, const char *words)
{
  if (strstr (err, words) == NULL)
    g_error ("'%s' does not say '%s'", err, words);
  /* one line: its only line break is the last character */
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

/* Runs @command with sh under a file-size limit of @blocks 512-byte
 * blocks and SIGXFSZ ignored: writes past the limit fail as on a full
 * disk.  Returns the exit status; a signal fails the test. */
static int
run_limited (gsize        blocks,
             char       **err,
             const char  *command)
{
  g_autofree char *script = g_strdup_printf ("ulimit -f %" G_GSIZE_FORMAT "; trap '' XFSZ; exec %s",
                                             blocks, command);
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/* /dev/zero as a CSV (here 8 MB of it): one line naming line 1, column 1,
 * at once, the project unchanged. */
static void
test_import_zeros (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *project = pc_test_copy_sample (dir);
  g_autofree char *csv = g_build_filename (dir, "zeros.csv", NULL);
  g_autofree char *zeros = g_malloc0 (8 << 20);
  g_autoptr(GBytes) before = pc_test_read_bytes (project);
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (csv, zeros, 8 << 20, NULL));
  g_assert_cmpint (pc_test_run_cli (NULL, &err, "import", project, "population", csv, NULL), ==, 1);
  assert_one_line (err, "zeros.csv:1:1: the field is too long (more than 64 KiB)");
  g_assert_true (same_bytes (project, before));
}

/* A name of 70,000 characters: "too long" at its line and column, not
 * SQLite's "NOT NULL constraint failed" with no place. */
static void
test_import_long_field (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *project = pc_test_copy_sample (dir);
  g_autoptr(GString) text = g_string_new ("code,name,mff\nP9,");
  g_autofree char *csv = NULL;
  g_autofree char *err = NULL;

  for (guint i = 0; i < 70000; i++)
    g_string_append_c (text, i % 7 == 6 ? ' ' : 'n');
  g_string_append (text, ",1\n");
  csv = pc_test_write_file (dir, "providers.csv", text->str);
  g_assert_cmpint (pc_test_run_cli (NULL, &err, "import", project, "providers", csv, NULL), ==, 1);
  assert_one_line (err, "providers.csv:2:2: the field is too long (more than 64 KiB)");
}

/* A bad value that spans lines or runs long (found by fuzzing): the
 * problem quotes its start on one line, for the window as for the CLI. */
static void
test_problem_one_line (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *project_path = pc_test_copy_sample (dir);
  g_autoptr(PcProject) project = pc_test_open_project (project_path, FALSE);
  g_autoptr(GString) text = g_string_new ("code,description,unit,price,year\nT9,Surgery,spell,10,\"");
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (text, i % 20 == 19 ? "\n" : "word ");
  g_string_append (text, "\"\n");
  csv = pc_test_write_file (dir, "tariffs.csv", text->str);
  g_assert_false (pc_import_csv (project, PC_IMPORT_TARIFFS, csv, NULL, NULL, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_assert_nonnull (strstr (error->message, "tariffs.csv:2:5: year: 'word word word word word word word word …' "
                                            "is not a whole number from 1948 to 2200"));
}

/* An import that fills the disk is rolled back in the process: the file
 * byte-identical, no journal left, and the message says the disk is full. */
static void
test_full_disk_import (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *project = pc_test_copy_sample (dir);
  g_autofree char *journal = g_strconcat (project, "-journal", NULL);
  g_autofree char *csv = sample_csv ("activity.csv");
  g_autoptr(GBytes) before = pc_test_read_bytes (project);
  g_autofree char *command = g_strdup_printf ("'%s' import '%s' activity '%s'",
                                              g_getenv ("PATHCOST_CLI"), project, csv);
  g_autofree char *err = NULL;
  gsize blocks = (g_bytes_get_size (before) + 512 * 1024) / 512;

  g_assert_cmpint (run_limited (blocks, &err, command), ==, 1);
  assert_one_line (err, "the disk is full");
  g_assert_true (same_bytes (project, before));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Runs @body with sh in a private mount namespace where @dir is a fresh
 * tmpfs of 16 MB holding a copy of the sample (p.pathcost), filled up but
 * for @free_kb KiB: a real full disk.  @body's stdout is returned; FALSE
 * (the test skipped) where no such mount can be made (not root). */
static gboolean
run_on_small_disk (const char  *dir,
                   guint        free_kb,
                   const char  *body,
                   char       **out,
                   char       **err)
{
  g_autofree char *script = g_strdup_printf (
    "mount -t tmpfs -o size=16m tmpfs \"$D\" 2>/dev/null || exit 99\n"
    "cp \"$PATHCOST_SAMPLE\" \"$D/p.pathcost\"\n"
    "cat /dev/zero > \"$D/filler\" 2>/dev/null\n"
    "truncate -s -%uK \"$D/filler\"\n"
    "cd \"$D\" && %s", free_kb, body);
  const char *argv[] = { "unshare", "-m", "/bin/sh", "-c", script, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "D", dir, TRUE);
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err,
                     &wait_status, &error)
      || !WIFEXITED (wait_status) || WEXITSTATUS (wait_status) == 99
      || g_str_has_prefix (*err, "unshare:"))
    {
      g_test_skip ("no small file system can be mounted here (needs root)");
      return FALSE;
    }
  return TRUE;
}

/* The same on a real full disk (a 16 MB tmpfs filled but for a little):
 * an import, and an export, say the disk is full in one line, leave the
 * project byte-identical with no journal, and nothing of libxlsxwriter's
 * own reaches stderr. */
static void
test_small_disk (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *csv = sample_csv ("activity.csv");
  g_autofree char *body = g_strdup_printf (
    "'%s' import p.pathcost activity '%s'; echo \"import=$?\"\n"
    "cmp -s p.pathcost \"$PATHCOST_SAMPLE\" && echo same\n"
    "test -e p.pathcost-journal && echo journal\n"
    "'%s' export p.pathcost --output out.xlsx --area " AREA " --pathway " PATHWAY
    " --from 2026 --years 3; echo \"export=$?\"\n"
    "ls -A | grep -v '^filler$' | grep -v '^p.pathcost$'; true\n",
    g_getenv ("PATHCOST_CLI"), csv, g_getenv ("PATHCOST_CLI"));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  if (!run_on_small_disk (dir, 40, body, &out, &err))
    return;
  g_assert_cmpstr (out, ==, "import=1\nsame\nexport=1\n");
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "the disk is full"));
  g_assert_nonnull (strstr (lines[1], "out.xlsx: the disk is full"));
  g_assert_cmpstr (lines[2], ==, "");
}

/* On a read-only file system (a mount made read-only in a private mount
 * namespace, so that root meets it too): set says the file is read-only,
 * not "not an error"; a file a crash left with a journal cannot be rolled
 * back there, and report says so and what to do. */
static void
test_read_only_disk (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *mount_point = g_build_filename (dir, "ro", NULL);
  g_autofree char *crashed = pc_test_make_crashed_project (dir, "crashed.pathcost");
  g_autofree char *script = g_strdup_printf (
    "mount -t tmpfs -o size=16m tmpfs \"$D\" 2>/dev/null || exit 99\n"
    "cp \"$PATHCOST_SAMPLE\" \"$D/p.pathcost\"\n"
    "cp '%s' '%s-journal' \"$D/\"\n"
    "mount -o remount,ro \"$D\" || exit 99\n"
    "cd \"$D\"\n"
    "'%s' set p.pathcost inflation 0.02; echo \"set=$?\"\n"
    "'%s' report crashed.pathcost --area A1 --pathway x --from 2026 --years 1; echo \"report=$?\"\n",
    crashed, crashed, g_getenv ("PATHCOST_CLI"), g_getenv ("PATHCOST_CLI"));
  const char *argv[] = { "unshare", "-m", "/bin/sh", "-c", script, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "D", mount_point, TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  int wait_status = 0;

  g_assert_cmpint (g_mkdir (mount_point, 0700), ==, 0);
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &wait_status, NULL)
      || !WIFEXITED (wait_status) || WEXITSTATUS (wait_status) == 99
      || g_str_has_prefix (err, "unshare:"))
    {
      g_test_skip ("no file system can be mounted read-only here (needs root)");
      return;
    }
  g_assert_cmpstr (out, ==, "set=1\nreport=1\n");
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "p.pathcost: could not save the setting: the file or its "
                                      "folder is read-only"));
  g_assert_nonnull (strstr (lines[1], "crashed.pathcost: a change to it was interrupted and must be "
                                      "undone before it can be read, but the file or its folder is "
                                      "read-only: make both writable"));
}

/* new on a full disk says so (the file-size limit stands in for it). */
static void
test_full_disk_new (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *fresh = g_build_filename (dir, "new.pathcost", NULL);
  g_autofree char *command = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GDir) listing = NULL;

  command = g_strdup_printf ("'%s' new '%s'", g_getenv ("PATHCOST_CLI"), fresh);
  g_assert_cmpint (run_limited (4, &err, command), ==, 1);
  assert_one_line (err, "new.pathcost: could not create the project: the disk is full");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

/* range: and se: take only a parameter the analysis knows: anything else
 * (a typo, invalid UTF-8, a name of 120 kB (the most one argument may hold)) is refused, the file unchanged. */
static void
test_set_unknown_parameter (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *project = pc_test_copy_sample (dir);
  g_autoptr(GBytes) before = pc_test_read_bytes (project);
  g_autofree char *huge = g_strnfill (120 * 1024, 'q');
  g_autofree char *huge_key = g_strconcat ("range:", huge, NULL);
  const char *refused[][2] = {
    { "range:incidense", "unknown parameter 'incidense'" },
    { "range:unit_cost:No such step", "sample.pathcost has a step named 'No such step'" },
    { "se:stage_mix:5", "stage_mix needs a stage" },
    { "se:share:7", "share needs a step and a stage" },
    { "range:trend:1", "trend takes nothing after it" },
    { "range:\xff\xfe", "not valid UTF-8" },
    { huge_key, "at most 256 bytes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (pc_test_run_cli (NULL, &err, "set", project, refused[i][0], "0.5,1.5",
                                        NULL), ==, 1);
      assert_one_line (err, refused[i][1]);
      g_assert_true (same_bytes (project, before));
    }
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", project, "range:incidence", "0.8,1.2",
                                    NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", project, "se:survival:2", "0.1",
                                    NULL), ==, 0);
}

/* The text of a cell is cut at a word with a marker, never silently. */
static void
test_cut_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *cut = NULL;
  g_autofree char *short_text = NULL;
  const char *marker = " […] (cut: a cell holds at most 32,767 characters)";

  while (text->len < 40000)
    g_string_append (text, "pathway ");
  cut = _pc_wb_printable_text (text->str);
  g_assert_cmpuint (strlen (cut), <=, 32767);
  g_assert_true (g_str_has_suffix (cut, marker));
  /* the last word kept is whole */
  cut[strlen (cut) - strlen (marker)] = '\0';
  g_assert_true (g_str_has_suffix (cut, " pathway"));
  short_text = _pc_wb_printable_text ("short");
  g_assert_cmpstr (short_text, ==, "short");
}

/* A crash during an export or a Save leaves a full-size hidden file; the
 * next export removes those whose process is gone, and only those. */
static void
test_stale_temporary_files (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *project = pc_test_copy_sample (dir);
  g_autofree char *output = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *dead = NULL;
  g_autofree char *dead_journal = NULL;
  g_autofree char *alive = NULL;
  g_autofree char *other = g_build_filename (dir, ".out.xlsx.swp", NULL);
  GPid pid;
  const char *true_argv[] = { "/bin/true", NULL };
  int wait_status;

  /* a process that has ended: its id is free */
  g_assert_true (g_spawn_async (NULL, (char **) true_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL));
  waitpid (pid, &wait_status, 0);
  dead = g_strdup_printf ("%s/.out.xlsx.pc-%d-abcdef", dir, (int) pid);
  dead_journal = g_strdup_printf ("%s/.out.xlsx.pc-%d-abcdef-journal", dir, (int) pid);
  alive = g_strdup_printf ("%s/.out.xlsx.pc-%d-ghijkl", dir, (int) getpid ());
  g_assert_true (g_file_set_contents (dead, "left by a crash", -1, NULL));
  g_assert_true (g_file_set_contents (dead_journal, "left by a crash", -1, NULL));
  g_assert_true (g_file_set_contents (alive, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "export", project, "--output", output,
                                    "--area", AREA, "--pathway", PATHWAY, "--from", "2026",
                                    "--years", "3", NULL), ==, 0);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (alive, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* A read-only open of a large file still checks it: here a file over
 * 64 MB that a copy extended by a page. */
static void
test_large_read_only_checked (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *project = pc_test_copy_sample (dir);
  g_autoptr(PcProject) writer = pc_test_open_project (project, FALSE);
  g_autoptr(PcProject) reader = NULL;
  g_autoptr(GError) error = NULL;
  static const char page[4096] = { 0, };
  FILE *file;

  pc_test_exec_sql (writer, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                            "WHERE i < 66000) INSERT INTO activity (patient, provider, area, "
                            "site, stage, day, hrg, activity, quantity, cost, tariff_paid) "
                            "SELECT printf ('%.1000c', 'p'), 'RQX', '" AREA "', 'breast', '1', "
                            "738000, 'X', 'other', 1, 1, 0 FROM n");
  g_clear_object (&writer);
  file = g_fopen (project, "ab");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (page, 1, sizeof page, file), ==, sizeof page);
  fclose (file);

  reader = pc_project_open_full (project, PC_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_null (reader);
  g_assert_error (error, PC_ERROR, PC_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged"));
}

/* Spawns the CLI with @args, kills it after @delay_us microseconds
 * (unless it ended first); TRUE when it was killed. */
static gboolean
run_and_kill (const char * const *args,
              gulong              delay_us)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("PATHCOST_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_async (NULL, (char **) argv->pdata, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  /* the kill point, chosen at random: not a wait for anything */
  g_usleep (delay_us);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  return WIFSIGNALED (wait_status);
}

/* After each kill a read-only report opens the project at once (saying at
 * most one line, that an interrupted change was undone), and the activity
 * is the old or the new, never a mix. */
static void
assert_old_or_new (const char *project,
                   const char *old_costs,
                   const char *new_costs,
                   guint      *n_new)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *costs = NULL;

  g_assert_cmpint (pc_test_run_cli (&out, &err, "report", project, "--area", AREA, "--pathway",
                                    PATHWAY, "--from", "2026", "--years", "3", NULL), ==, 0);
  g_assert_true (*err == '\0' || (strstr (err, "was undone") != NULL
                                  && strchr (err, '\n') == err + strlen (err) - 1));
  g_assert_cmpint (pc_test_run_cli (&costs, NULL, "activity", project, "--costs", NULL), ==, 0);
  if (g_strcmp0 (costs, new_costs) == 0)
    (*n_new)++;
  else
    g_assert_cmpstr (costs, ==, old_costs);
}

/* A journal killed before its header was written (empty, or zero at
 * its start) is not hot: SQLite ignores it and so may we. */
static gboolean
journal_is_hot (const char *journal)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!g_file_test (journal, G_FILE_TEST_EXISTS))
    return FALSE;
  bytes = pc_test_read_bytes (journal);
  return g_bytes_get_size (bytes) > 0 && ((const guint8 *) g_bytes_get_data (bytes, NULL))[0] != 0;
}

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* kill -9 at random points of an import and of an export, bounded in
 * time (about three seconds for the imports and two for the exports, at
 * least eight runs each whatever the build's speed). */
static void
test_kill_import_and_export (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *pristine = pc_test_copy_sample (dir);
  g_autofree char *project = g_build_filename (dir, "p.pathcost", NULL);
  g_autofree char *journal = g_strconcat (project, "-journal", NULL);
  g_autofree char *output = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *csv = sample_csv ("activity.csv");
  g_autofree char *old_costs = NULL;
  g_autofree char *new_costs = NULL;
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  const char *import[] = { "import", project, "activity", csv, NULL };
  const char *export[] = { "export", project, "--output", output, "--area", AREA, "--pathway",
                           PATHWAY, "--from", "2026", "--years", "3", NULL };
  guint n_killed = 0, n_runs = 0, n_new = 0, n_journals = 0;
  gint64 start, duration;
  GRand *rand = g_rand_new ();

  copy_file (pristine, project);
  g_assert_cmpint (pc_test_run_cli (&old_costs, NULL, "activity", project, "--costs", NULL), ==, 0);
  start = g_get_monotonic_time ();
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "import", project, "activity", csv, NULL), ==, 0);
  duration = g_get_monotonic_time () - start;
  g_assert_cmpint (pc_test_run_cli (&new_costs, NULL, "activity", project, "--costs", NULL), ==, 0);
  g_assert_cmpstr (old_costs, !=, new_costs);

  start = g_get_monotonic_time ();
  while (n_runs < 8 || g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    {
      copy_file (pristine, project);
      g_remove (journal);
      n_killed += run_and_kill (import, g_rand_int_range (rand, 0, duration + 1));
      n_journals += journal_is_hot (journal);
      assert_old_or_new (project, old_costs, new_costs, &n_new);
      g_assert_false (journal_is_hot (journal));
      n_runs++;
    }
  g_test_message ("import: %u runs, %u killed, %u left a hot journal, %u ended with the new data",
                  n_runs, n_killed, n_journals, n_new);
  g_assert_cmpuint (n_killed, >, 0);

  /* the export: the project untouched, the workbook absent or whole */
  copy_file (pristine, project);
  old_bytes = pc_test_read_bytes (project);
  start = g_get_monotonic_time ();
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "export", project, "--output", output, "--area",
                                    AREA, "--pathway", PATHWAY, "--from", "2026", "--years", "3",
                                    NULL), ==, 0);
  duration = g_get_monotonic_time () - start;
  g_remove (output);
  n_runs = n_killed = 0;
  start = g_get_monotonic_time ();
  while (n_runs < 8 || g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    {
      g_autoptr(GBytes) workbook = NULL;

      n_killed += run_and_kill (export, g_rand_int_range (rand, 0, duration * 11 / 10 + 1));
      g_assert_true (same_bytes (project, old_bytes));
      if (g_file_test (output, G_FILE_TEST_EXISTS))
        {
          /* a whole zip ends with its end-of-central-directory record */
          workbook = pc_test_read_bytes (output);
          g_assert_cmpuint (g_bytes_get_size (workbook), >, 22);
          g_assert_cmpmem ((const char *) g_bytes_get_data (workbook, NULL)
                           + g_bytes_get_size (workbook) - 22, 4, "PK\x05\x06", 4);
          g_remove (output);
        }
      n_runs++;
    }
  g_test_message ("export: %u runs, %u killed", n_runs, n_killed);
  g_assert_cmpuint (n_killed, >, 0);
  /* a last export clears what the killed ones left */
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "export", project, "--output", output, "--area",
                                    AREA, "--pathway", PATHWAY, "--from", "2026", "--years", "3",
                                    NULL), ==, 0);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".out.xlsx"));
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/import-zeros", test_import_zeros);
  g_test_add_func ("/faults/import-long-field", test_import_long_field);
  g_test_add_func ("/faults/problem-one-line", test_problem_one_line);
  g_test_add_func ("/faults/full-disk-import", test_full_disk_import);
  g_test_add_func ("/faults/full-disk-new", test_full_disk_new);
  g_test_add_func ("/faults/small-disk", test_small_disk);
  g_test_add_func ("/faults/read-only-disk", test_read_only_disk);
  g_test_add_func ("/faults/set-unknown-parameter", test_set_unknown_parameter);
  g_test_add_func ("/faults/cut-text", test_cut_text);
  g_test_add_func ("/faults/stale-temporary-files", test_stale_temporary_files);
  g_test_add_func ("/faults/large-read-only-checked", test_large_read_only_checked);
  g_test_add_func ("/faults/kill-import-and-export", test_kill_import_and_export);
  return g_test_run ();
}
