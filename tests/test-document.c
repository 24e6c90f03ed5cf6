/* test-document.c: a project opened for editing (PcDocument) without a
 * window: when it says it has unsaved edits, what Save writes, what a crash
 * leaves to recover, Save As, and a file changed by someone else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pc-document.h"
#include "pc-error.h"
#include "pc-test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PcDocument *document;
  guint       dirty_notifies;
  guint       changes;
} Fixture;

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_change (PcDocument *document,
              guint       scope,
              Fixture    *fixture)
{
  fixture->changes++;
}

static PcDocument *
open_document (Fixture    *fixture,
               const char *path,
               gboolean    recover)
{
  g_autoptr(GError) error = NULL;
  PcDocument *document = pc_document_open (path, recover, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  fixture->dirty_notifies = 0;
  fixture->changes = 0;
  g_signal_connect (document, "notify::dirty", G_CALLBACK (count_notify), &fixture->dirty_notifies);
  g_signal_connect (document, "changed", G_CALLBACK (count_change), fixture);
  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pc_test_make_tmp_dir ();
  fixture->path = pc_test_copy_sample (fixture->dir);
  fixture->document = open_document (fixture, fixture->path, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->document != NULL)
    {
      pc_document_close (fixture->document);
      g_assert_finalize_object (fixture->document);
    }
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gboolean
set_inflation (PcProject  *project,
               gpointer    user_data,
               GError    **error)
{
  return pc_project_set_setting (project, "inflation", user_data, error);
}

static void
edit_inflation (PcDocument *document,
                const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_document_edit (document, "Set inflation", PC_CHANGE_DATA, set_inflation,
                                   (gpointer) value, &error));
  g_assert_no_error (error);
}

/* The inflation the file at @path holds, read as a new start would. */
static double
inflation_in_file (const char *path)
{
  g_autoptr(PcProject) project = pc_test_open_project (path, TRUE);

  return pc_project_get_inflation (project);
}

/* The title bar's mark follows the edits: one notify when the document
 * becomes dirty, none while it stays so, one when undo brings it back to
 * the saved state; the file itself is untouched until Save. */
static void
test_dirty_follows_edits (Fixture *fixture, gconstpointer data)
{
  PcDocument *document = fixture->document;
  double saved = inflation_in_file (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_false (pc_document_get_dirty (document));
  edit_inflation (document, "0.02");
  g_assert_true (pc_document_get_dirty (document));
  g_assert_cmpuint (fixture->dirty_notifies, ==, 1);
  g_assert_cmpuint (fixture->changes, ==, 1);

  edit_inflation (document, "0.03");
  g_assert_cmpuint (fixture->dirty_notifies, ==, 1);
  g_assert_cmpuint (fixture->changes, ==, 2);
  /* The same value again is no change: nothing to undo, no signal. */
  edit_inflation (document, "0.03");
  g_assert_cmpuint (fixture->changes, ==, 2);
  pc_assert_close (inflation_in_file (fixture->path), saved);

  g_assert_true (pc_document_undo (document, &error));
  g_assert_no_error (error);
  g_assert_true (pc_document_get_dirty (document));
  g_assert_cmpuint (fixture->dirty_notifies, ==, 1);
  g_assert_true (pc_document_undo (document, &error));
  g_assert_false (pc_document_get_dirty (document));
  g_assert_cmpuint (fixture->dirty_notifies, ==, 2);
  pc_assert_close (pc_project_get_inflation (pc_document_get_project (document)), saved);

  /* Redo makes it dirty again. */
  g_assert_true (pc_document_redo (document, &error));
  g_assert_no_error (error);
  g_assert_true (pc_document_get_dirty (document));
  g_assert_cmpuint (fixture->dirty_notifies, ==, 3);
}

/* Save writes the edits to the user's file and makes the document clean;
 * undo after Save makes it dirty again, since the file holds the edit. */
static void
test_save_writes_file (Fixture *fixture, gconstpointer data)
{
  PcDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;

  edit_inflation (document, "0.025");
  g_assert_true (pc_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_false (pc_document_get_dirty (document));
  g_assert_cmpuint (fixture->dirty_notifies, ==, 2);
  pc_assert_close (inflation_in_file (fixture->path), 0.025);

  g_assert_true (pc_document_undo (document, &error));
  g_assert_true (pc_document_get_dirty (document));
  g_assert_cmpuint (fixture->dirty_notifies, ==, 3);
  pc_assert_close (inflation_in_file (fixture->path), 0.025);
}

/* A document dropped without Save or close (a crash) leaves its edits in
 * a working copy; the next open finds it, and recovering gives the edits
 * back, still unsaved, and uses the copy up. */
static void
test_recover_after_crash (Fixture *fixture, gconstpointer data)
{
  double saved = inflation_in_file (fixture->path);
  g_autoptr(GBytes) before = pc_test_read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_auto(GStrv) recoverable = NULL;
  g_autofree char *working = g_strdup (pc_document_get_working_path (fixture->document));

  g_assert_false (pc_document_has_recovery (fixture->path));
  edit_inflation (fixture->document, "0.04");
  g_assert_finalize_object (g_steal_pointer (&fixture->document));

  after = pc_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (g_file_test (working, G_FILE_TEST_EXISTS));
  g_assert_true (pc_document_has_recovery (fixture->path));
  recoverable = pc_document_list_recoverable ();
  g_assert_true (g_strv_contains ((const char * const *) recoverable, fixture->path));

  fixture->document = open_document (fixture, fixture->path, TRUE);
  g_assert_cmpstr (pc_document_get_working_path (fixture->document), ==, working);
  pc_assert_close (pc_project_get_inflation (pc_document_get_project (fixture->document)), 0.04);
  g_assert_true (pc_document_get_dirty (fixture->document));
  /* In use by this document: not offered to another. */
  g_assert_false (pc_document_has_recovery (fixture->path));
  pc_assert_close (inflation_in_file (fixture->path), saved);

  /* Closing after the user chose drops the copy for good. */
  pc_document_close (fixture->document);
  g_assert_finalize_object (g_steal_pointer (&fixture->document));
  g_assert_false (g_file_test (working, G_FILE_TEST_EXISTS));
  g_assert_false (pc_document_has_recovery (fixture->path));
}

/* Opening without recovering drops what a crash left of that file. */
static void
test_open_discards_recovery (Fixture *fixture, gconstpointer data)
{
  edit_inflation (fixture->document, "0.04");
  g_assert_finalize_object (g_steal_pointer (&fixture->document));
  g_assert_true (pc_document_has_recovery (fixture->path));

  fixture->document = open_document (fixture, fixture->path, FALSE);
  g_assert_false (pc_document_get_dirty (fixture->document));
  pc_assert_close (pc_project_get_inflation (pc_document_get_project (fixture->document)),
                   inflation_in_file (fixture->path));
  g_assert_false (pc_document_has_recovery (fixture->path));
}

/* Save As writes the new file and leaves the old one as it was; edits made
 * after it are recovered under the new name only, and the old name opens
 * through a copy of its own. */
static void
test_save_as_keeps_recovery_apart (Fixture *fixture, gconstpointer data)
{
  PcDocument *document = fixture->document;
  g_autofree char *other = g_build_filename (fixture->dir, "copy.pathcost", NULL);
  g_autofree char *working = g_strdup (pc_document_get_working_path (document));
  g_autoptr(GBytes) before = pc_test_read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcDocument) reopened = NULL;
  guint path_notifies = 0;

  g_signal_connect (document, "notify::path", G_CALLBACK (count_notify), &path_notifies);

  edit_inflation (document, "0.05");
  g_assert_true (pc_document_save_as (document, other, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pc_document_get_path (document), ==, other);
  g_assert_cmpstr (pc_document_get_title (document), ==, "copy.pathcost");
  g_assert_cmpuint (path_notifies, ==, 1);
  g_assert_false (pc_document_get_dirty (document));
  pc_assert_close (inflation_in_file (other), 0.05);
  after = pc_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  edit_inflation (document, "0.06");
  reopened = pc_document_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_document_get_working_path (reopened), !=, working);
  pc_document_close (reopened);
  g_assert_finalize_object (g_steal_pointer (&reopened));
  g_assert_true (g_file_test (working, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (g_steal_pointer (&fixture->document));
  g_assert_true (pc_document_has_recovery (other));
  g_assert_false (pc_document_has_recovery (fixture->path));
  fixture->document = open_document (fixture, other, TRUE);
  pc_assert_close (pc_project_get_inflation (pc_document_get_project (fixture->document)), 0.06);
}

/* Save refuses to overwrite a file another program changed since it was
 * opened, changing neither; Save anyway then writes over it. */
static void
test_changed_on_disk_refused (Fixture *fixture, gconstpointer data)
{
  PcDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) now = NULL;

  edit_inflation (document, "0.07");
  g_assert_false (pc_document_changed_on_disk (document));
  {
    g_autoptr(PcProject) other = pc_test_open_project (fixture->path, FALSE);

    g_assert_true (pc_project_set_setting (other, "inflation", "0.01", &error));
    g_assert_no_error (error);
  }
  g_assert_true (pc_document_changed_on_disk (document));
  theirs = pc_test_read_bytes (fixture->path);

  g_assert_false (pc_document_save (document, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "sample.pathcost"));
  g_clear_error (&error);
  now = pc_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (theirs, now));
  g_assert_true (pc_document_get_dirty (document));

  g_assert_true (pc_document_save_anyway (document, &error));
  g_assert_no_error (error);
  g_assert_false (pc_document_get_dirty (document));
  g_assert_false (pc_document_changed_on_disk (document));
  pc_assert_close (inflation_in_file (fixture->path), 0.07);
}

int
main (int argc, char **argv)
{
  g_autofree char *state = NULL;

  g_test_init (&argc, &argv, NULL);
  /* Working copies in a folder of the test's own, never the user's (not
   * G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks its folder names).  Each
   * test edits a copy of its own, and recovery finds copies by the file
   * they belong to, so the tests share the folder safely. */
  state = pc_test_make_tmp_dir ();
  g_setenv ("XDG_STATE_HOME", state, TRUE);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/dirty", test_dirty_follows_edits);
  ADD ("/document/save", test_save_writes_file);
  ADD ("/document/recover", test_recover_after_crash);
  ADD ("/document/open-discards-recovery", test_open_discards_recovery);
  ADD ("/document/save-as", test_save_as_keeps_recovery_apart);
  ADD ("/document/changed-on-disk", test_changed_on_disk_refused);
#undef ADD
  return g_test_run ();
}
