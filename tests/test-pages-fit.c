/* test-pages-fit.c: each view on its own fits a 1024x768 projector with
 * 1.5x text beside the views' sidebar.  The view stack is as wide as its
 * widest page, so one page that asks for more than 1024 px less the
 * sidebar widens the whole window; the failure names the page and the
 * chain of widgets that asks for the width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pc-test-util.h"
#include "pc-window.h"

#define PROJECTOR_WIDTH 1024

typedef struct
{
  char     *dir;
  char     *path;
  PcWindow *window;
} Fixture;

static void
set_text_scale (double factor)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (factor * 96 * 1024), NULL);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  set_text_scale (1.0);
  fixture->dir = pc_test_make_tmp_dir ();
  fixture->path = pc_test_copy_sample (fixture->dir);
  fixture->window = g_object_ref_sink (pc_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), PROJECTOR_WIDTH, 768);
  gtk_window_present (GTK_WINDOW (fixture->window));
  pc_window_open (fixture->window, fixture->path);
  g_assert_nonnull (pc_window_get_document (fixture->window));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  set_text_scale (1.0);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

/* Logs the widest visible child at each depth, so a failure shows which
 * widget inside the page asks for the width. */
static void
log_widest_chain (GtkWidget *widget, int depth)
{
  GtkWidget *widest = NULL;
  int widest_width = -1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int width;

      if (!gtk_widget_get_visible (child))
        continue;
      width = minimum_width (child);
      if (width > widest_width)
        {
          widest = child;
          widest_width = width;
        }
    }
  if (widest == NULL || depth > 40)
    return;
  g_test_message ("%*s%s%s%s: %d px", depth, "", G_OBJECT_TYPE_NAME (widest),
                  gtk_widget_get_name (widest)[0] ? " #" : "",
                  gtk_widget_get_name (widest)[0] ? gtk_widget_get_name (widest) : "", widest_width);
  log_widest_chain (widest, depth + 1);
}

static gpointer
window_child (Fixture *fixture, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), PC_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

/* Every page's own minimum width, at 1x and 1.5x text, leaves room for
 * the sidebar of views within 1024 px. */
static void
test_every_page_fits_beside_sidebar (Fixture *fixture, gconstpointer data)
{
  AdwViewStack *stack = window_child (fixture, "view_stack");
  /* The sidebar as the flap holds it, and the flap's separator. */
  GtkWidget *sidebar = adw_flap_get_flap (window_child (fixture, "nav_flap"));
  GListModel *pages = G_LIST_MODEL (adw_view_stack_get_pages (stack));
  const double scales[] = { 1.0, 1.5 };
  g_autoptr(GString) too_wide = g_string_new ("");

  g_assert_cmpuint (g_list_model_get_n_items (pages), >=, 10);
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      set_text_scale (scales[s]);
      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);
          GtkWidget *child = adw_view_stack_page_get_child (page);
          int limit, width;

          adw_view_stack_set_visible_child (stack, child);
          pc_test_wait_idle (30);
          limit = PROJECTOR_WIDTH - minimum_width (sidebar) - 1;
          width = minimum_width (child);
          g_test_message ("%s at %.1fx text: the page's minimum width is %d px (at most %d)",
                          adw_view_stack_page_get_name (page), scales[s], width, limit);
          if (width > limit)
            {
              log_widest_chain (child, 1);
              g_string_append_printf (too_wide, "%s%s (%d px at %.1fx)", too_wide->len ? ", " : "",
                                      adw_view_stack_page_get_name (page), width, scales[s]);
            }
        }
    }
  g_object_unref (pages);
  /* Empty when every page fits; otherwise names each page too wide. */
  g_assert_cmpstr (too_wide->str, ==, "");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/pages-fit/every-page", Fixture, NULL, fixture_set_up, test_every_page_fits_beside_sidebar,
              fixture_tear_down);
  return g_test_run ();
}
