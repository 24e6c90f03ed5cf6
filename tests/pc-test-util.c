/* pc-test-util.c: small helpers shared by the test programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "pc-test-util.h"

static GPtrArray *tmp_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_tmp_dirs (void)
{
  for (guint i = 0; tmp_dirs != NULL && i < tmp_dirs->len; i++)
    remove_tree (g_ptr_array_index (tmp_dirs, i));
}

char *
pc_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pathcost-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmp_dirs == NULL)
    {
      tmp_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tmp_dirs);
    }
  g_ptr_array_add (tmp_dirs, g_strdup (dir));
  return dir;
}

char *
pc_test_write_file (const char *dir,
                    const char *name,
                    const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

int
pc_test_run_cli (char       **out,
                 char       **err,
                 const char  *first_arg,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list list;

  va_start (list, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);
  return pc_test_run_cli_argv (out, err, (const char * const *) args->pdata);
}

int
pc_test_run_cli_argv (char              **out,
                      char              **err,
                      const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PATHCOST_CLI");
  g_autofree char *captured_out = NULL;
  g_autofree char *captured_err = NULL;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Output is always captured: a stray line on stdout would break TAP. */
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &captured_out, &captured_err, &wait_status, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&captured_out);
  if (err != NULL)
    *err = g_steal_pointer (&captured_err);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

gboolean
pc_test_job_done (gpointer result_slot)
{
  return *(GAsyncResult **) result_slot != NULL;
}

void
pc_test_on_job_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      result_slot)
{
  *(GAsyncResult **) result_slot = g_object_ref (result);
}

JsonNode *
pc_test_cli_json (const char *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  if (pc_test_run_cli_argv (&out, &err, (const char * const *) args->pdata) != 0)
    g_error ("pathcost-cli %s failed: %s", first_arg, err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

char *
pc_test_copy_sample (const char *dir)
{
  g_autofree char *fresh = dir == NULL ? pc_test_make_tmp_dir () : NULL;
  char *path = g_build_filename (dir != NULL ? dir : fresh, "sample.pathcost", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_getenv ("PATHCOST_SAMPLE"));
  source = g_file_new_for_path (g_getenv ("PATHCOST_SAMPLE"));
  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

PcProject *
pc_test_open_project (const char *path,
                      gboolean    read_only)
{
  g_autoptr(GError) error = NULL;
  PcProject *project = pc_project_open_full (path, read_only ? PC_PROJECT_OPEN_READ_ONLY
                                                             : PC_PROJECT_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

PcProject *
pc_test_open_sample (void)
{
  g_assert_nonnull (g_getenv ("PATHCOST_SAMPLE"));
  return pc_test_open_project (g_getenv ("PATHCOST_SAMPLE"), TRUE);
}

PcProject *
pc_test_open_sample_copy (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);

  return pc_test_open_project (path, FALSE);
}

void
pc_test_exec_sql (PcProject  *project,
                  const char *sql)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  g_assert_true (pc_project_begin (project, &error));
  g_assert_no_error (error);
  if (sqlite3_exec (pc_project_get_db (project), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_true (pc_project_commit (project, &error));
  g_assert_no_error (error);
}

GBytes *
pc_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

PcStep *
pc_test_make_step (const char  *name,
                   const char  *phase,
                   const char  *funding,
                   int          offset,
                   PcBasis      basis,
                   PcActivity   activity,
                   double       unit_cost,
                   double       quantity,
                   const double share[PC_N_STAGES])
{
  PcStep *step = pc_step_new ();

  step->name = g_strdup (name);
  step->phase = g_strdup (phase);
  step->funding = g_strdup (funding);
  step->year_offset = offset;
  step->basis = basis;
  step->activity = activity;
  step->local_unit_cost = unit_cost;
  step->quantity = quantity;
  memcpy (step->share, share, sizeof step->share);
  return step;
}

PcPathway *
pc_test_tiny_pathway (void)
{
  const double a[PC_N_STAGES] = { 1, 1, 0, 0, 0 };
  const double b[PC_N_STAGES] = { 0.5, 0.5, 0.5, 0.5, 0.5 };
  const double c[PC_N_STAGES] = { 0, 0, 0, 1, 0 };
  PcPathway *pathway = pc_pathway_new ("tiny", "lung", PC_KIND_BEST_PRACTICE, NULL, 1.0);

  g_ptr_array_add (pathway->steps, pc_test_make_step ("A", "treatment", "ccg", 0, PC_BASIS_PATIENT,
                                                      PC_ACTIVITY_ELECTIVE, 1000, 1, a));
  g_ptr_array_add (pathway->steps, pc_test_make_step ("B", "follow_up", "ccg", 1, PC_BASIS_PATIENT,
                                                      PC_ACTIVITY_OUTPATIENT, 100, 2, b));
  g_ptr_array_add (pathway->steps, pc_test_make_step ("C", "end_of_life", "public_health", 0,
                                                      PC_BASIS_DEATH, PC_ACTIVITY_OTHER, 500, 1, c));
  return pathway;
}

PcProjectionInput *
pc_test_tiny_input (guint  horizon,
                    double trend)
{
  PcProjectionInput *input = pc_projection_input_new (2026, horizon);
  const double s2[] = { 1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9 };
  const double s4[] = { 1, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25 };

  for (guint t = 0; t < input->n_years; t++)
    input->crude_incidence[t] = 100.0;
  input->trend = trend;
  input->stage_share[PC_STAGE_1] = 0.4;
  input->stage_share[PC_STAGE_2] = 0.3;
  input->stage_share[PC_STAGE_4] = 0.3;
  memcpy (input->survival[PC_STAGE_2], s2, sizeof s2);
  memcpy (input->survival[PC_STAGE_4], s4, sizeof s4);
  input->inflation = 0.10;
  input->discount_rate = 0.05;
  return input;
}

static void
on_deadline (gpointer data)
{
  *(gboolean *) data = TRUE;
}

void
pc_test_wait_until (PcTestCondition  done,
                    gpointer         data,
                    guint            seconds,
                    const char      *what)
{
  gboolean timed_out = FALSE;
  guint deadline = g_timeout_add_once (seconds * 1000, on_deadline, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out && !done (data))
    g_error ("waited %u s for %s, in vain", seconds, what);
  if (!timed_out)
    g_source_remove (deadline);
}

static gboolean
nothing_pending (gpointer data)
{
  return !g_main_context_pending (NULL);
}

void
pc_test_wait_idle (guint seconds)
{
  pc_test_wait_until (nothing_pending, NULL, seconds, "the main loop to be idle");
}

/* A project as a killed writer leaves it: a change half written into the
 * file (the cache spilled) and its journal beside it.  Made by copying the
 * file and its journal while a transaction is open. */
char *
pc_test_make_crashed_project (const char *dir,
                              const char *name)
{
  g_autofree char *live_dir = pc_test_make_tmp_dir ();
  g_autofree char *live = g_build_filename (live_dir, "live.pathcost", NULL);
  g_autofree char *live_journal = g_strconcat (live, "-journal", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(PcProject) project = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db = NULL;

  project = pc_project_create (live, NULL);
  g_assert_nonnull (project);
  g_clear_object (&project);
  g_assert_cmpint (sqlite3_open (live, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO areas VALUES ('A1', 'Before');", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (live, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA cache_size = 2; BEGIN;"
                                 "UPDATE areas SET name = 'During';"
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                 "WHERE i < 2000) INSERT INTO areas SELECT 'X' || i, "
                                 "printf ('%.200c', 'y') FROM n;", NULL, NULL, NULL), ==, SQLITE_OK);
  /* the copies: g_file_get_contents opens and closes the files, which
   * drops this process's locks on them, so the connection only rolls back
   * and closes after */
  g_assert_true (g_file_get_contents (live_journal, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (journal, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (live, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  return path;
}

char *
pc_test_query_text (PcProject  *project,
                    const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pc_project_get_db (project), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}
