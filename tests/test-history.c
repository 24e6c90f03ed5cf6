/* test-history.c: editing a project's pathway steps, undo and redo of those
 * edits, nested changes, and writing a consistent copy of a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-project.h"
#include "pc-test-util.h"

/* A writable copy of the sample project in a fresh folder. */
static char *
copy_sample (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "sample.pathcost", NULL);

  g_assert_nonnull (g_getenv ("PATHCOST_SAMPLE"));
  source = g_file_new_for_path (g_getenv ("PATHCOST_SAMPLE"));
  target = g_file_new_for_path (path);
  g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static PcProject *
open_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  PcProject *project = pc_project_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* An inner change folds into the outer one; an inner rollback undoes only
 * its own work; nothing reaches the file before the outermost commit. */
static void
test_nested_transactions (void)
{
  g_autofree char *path = copy_sample ();
  g_autoptr(PcProject) project = open_project (path);
  g_autoptr(PcProject) reopened = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_project_begin (project, &error));
  g_assert_no_error (error);
  /* pc_project_set_setting is a change of its own, now inside ours. */
  g_assert_true (pc_project_set_setting (project, "inflation", "0.02", &error));
  g_assert_no_error (error);

  g_assert_true (pc_project_begin (project, &error));
  g_assert_true (pc_project_set_setting (project, "discount_rate", "0.1", &error));
  pc_assert_close (pc_project_get_discount_rate (project), 0.1);
  pc_project_rollback (project);
  g_assert_cmpuint (_pc_project_get_depth (project), ==, 1);

  pc_assert_close (pc_project_get_discount_rate (project), 0.035);
  pc_assert_close (pc_project_get_inflation (project), 0.02);
  g_assert_true (pc_project_commit (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_pc_project_get_depth (project), ==, 0);

  g_clear_object (&project);
  reopened = open_project (path);
  pc_assert_close (pc_project_get_inflation (reopened), 0.02);
  pc_assert_close (pc_project_get_discount_rate (reopened), 0.035);

  /* An outer rollback takes the inner, committed work with it. */
  g_assert_true (pc_project_begin (reopened, &error));
  g_assert_true (pc_project_set_setting (reopened, "inflation", "0.05", &error));
  g_assert_no_error (error);
  pc_project_rollback (reopened);
  g_assert_cmpuint (_pc_project_get_depth (reopened), ==, 0);
  pc_assert_close (pc_project_get_inflation (reopened), 0.02);
  g_assert_true (sqlite3_get_autocommit (pc_project_get_db (reopened)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/history/nested-transactions", test_nested_transactions);
  return g_test_run ();
}
