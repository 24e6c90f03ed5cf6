/* pc-test-window.c: the GUI tests' window fixture (see pc-test-window.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pc-test-util.h"
#include "pc-test-window.h"

void
pc_test_window_open (PcTestWindow *fixture,
                     int           width,
                     int           height)
{
  fixture->window = g_object_ref_sink (pc_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  pc_window_open (fixture->window, fixture->path);
  g_assert_null (pc_window_get_open_error (fixture->window));
  g_assert_nonnull (pc_window_get_document (fixture->window));
}

void
pc_test_window_set_up (PcTestWindow *fixture,
                       int           width,
                       int           height)
{
  fixture->dir = pc_test_make_tmp_dir ();
  fixture->path = pc_test_copy_sample (fixture->dir);
  pc_test_window_open (fixture, width, height);
}

void
pc_test_window_set_up_desktop (PcTestWindow  *fixture,
                               gconstpointer  data)
{
  pc_test_window_set_up (fixture, PC_TEST_DESKTOP_WIDTH, PC_TEST_SCREEN_HEIGHT);
}

void
pc_test_window_set_up_projector (PcTestWindow  *fixture,
                                 gconstpointer  data)
{
  pc_test_window_set_up (fixture, PC_TEST_PROJECTOR_WIDTH, PC_TEST_SCREEN_HEIGHT);
}

void
pc_test_window_tear_down (PcTestWindow  *fixture,
                          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_free (fixture->path);
  g_free (fixture->dir);
}

gpointer
pc_test_window_child (PcTestWindow *fixture,
                      const char   *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), PC_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

AdwMessageDialog *
pc_test_window_dialog (PcTestWindow *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (fixture->window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

gboolean
pc_test_window_dialog_shown (gpointer fixture)
{
  return pc_test_window_dialog (fixture) != NULL;
}

gboolean
pc_test_window_dialog_gone (gpointer fixture)
{
  return pc_test_window_dialog (fixture) == NULL;
}
