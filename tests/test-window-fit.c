/* test-window-fit.c: the window in every room.  On a 1024x768 projector at
 * 1x and 1.5x text every view fits (the window's minimum width, measured
 * as GTK does, is at most 1024), the main menu, the close button and the
 * pathway's Delete button and "Unknown stage" total are on screen; the
 * views' list is the stack's own pages; the title names the project and
 * marks unsaved changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pc-pathway-editor-private.h"
#include "pc-test-keys.h"
#include "pc-test-util.h"
#include "pc-test-window.h"
#include "pc-window.h"

#define PROJECTOR_WIDTH  1024
#define PROJECTOR_HEIGHT 768

typedef PcTestWindow Fixture;

/* Text scaled as a desktop's text scaling factor does: 96 dpi x @factor. */
static void
set_text_scale (double factor)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (factor * 96 * 1024), NULL);
}

/* @data: the text scale the window opens with (NULL: 1x). */
static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  set_text_scale (data != NULL ? *(const double *) data : 1.0);
  pc_test_window_set_up (fixture, PROJECTOR_WIDTH, PROJECTOR_HEIGHT);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  set_text_scale (1.0);
  pc_test_window_tear_down (fixture, data);
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} SizeWait;

static gboolean
has_width (gpointer data)
{
  SizeWait *wait = data;

  int width = gtk_widget_get_width (wait->widget);

  /* The surface is @width wide; the window's frame (resize borders
   * without a compositor) may take a few pixels of it. */
  return width > wait->width - 16 && width <= wait->width;
}

/* @widget lies wholly inside the window as it is allocated, and is shown. */
static void
assert_on_screen (Fixture    *fixture,
                  GtkWidget  *widget,
                  const char *what)
{
  graphene_rect_t bounds;
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_assert_true (gtk_widget_is_drawable (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_test_message ("%s: x %.0f–%.0f, y %.0f–%.0f", what, bounds.origin.x, bounds.origin.x + bounds.size.width,
                  bounds.origin.y, bounds.origin.y + bounds.size.height);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
  g_assert_cmpfloat (bounds.size.width, >, 0);
}

/* @widget lies across the window's width, its left and right edges inside. */
static void
assert_across_screen (Fixture    *fixture,
                      GtkWidget  *widget,
                      const char *what)
{
  graphene_rect_t bounds;
  GtkWidget *window = GTK_WIDGET (fixture->window);

  g_assert_true (gtk_widget_is_drawable (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_test_message ("%s: x %.0f–%.0f of %d", what, bounds.origin.x, bounds.origin.x + bounds.size.width,
                  gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  /* Nor clipped by a scroller it lies in (a table scrolling sideways). */
  for (GtkWidget *above = gtk_widget_get_parent (widget); above != NULL; above = gtk_widget_get_parent (above))
    {
      graphene_rect_t view;

      if (!GTK_IS_VIEWPORT (above))
        continue;
      g_assert_true (gtk_widget_compute_bounds (above, window, &view));
      g_assert_cmpfloat (bounds.origin.x, >=, view.origin.x);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, view.origin.x + view.size.width);
    }
}

static gboolean
is_delete_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "editor.delete-step") == 0;
}

static gboolean
is_label_showing (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* Before this work the window stopped at 1,167 px with 1.5x text: the
 * header, the view switcher in it and the pathway list beside the steps.
 * Every view now fits 1024 px at 1x and at 1.5x. */
static void
test_every_view_fits (Fixture *fixture, gconstpointer data)
{
  AdwViewStack *stack = pc_test_window_child (fixture, "view_stack");
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  const double scales[] = { 1.0, 1.5 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), >=, 5);
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      set_text_scale (scales[s]);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
          int width;

          adw_view_stack_set_visible_child (stack, adw_view_stack_page_get_child (page));
          pc_test_wait_idle (30);
          width = minimum_width (GTK_WIDGET (fixture->window));
          g_test_message ("%s at %.1fx text: the window's minimum width is %d px",
                          adw_view_stack_page_get_name (page), scales[s], width);
          g_assert_cmpint (width, <=, PROJECTOR_WIDTH);
        }
    }
}

/* At 1024x768 with 1.5x text, the window is 1024 px wide and the header's
 * menu and close button, the step toolbar's Delete and the footer's
 * "Unknown stage" total are all inside it. */
static void
test_pathway_view_uncut (Fixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *editor = GTK_WIDGET (pc_window_get_pathway_editor (fixture->window));
  SizeWait wait = { window, PROJECTOR_WIDTH };

  set_text_scale (1.5);
  pc_window_show_view (fixture->window, "pathway");
  pc_test_wait_until (has_width, &wait, 30, "the window to be 1024 px wide");
  pc_test_wait_idle (30);
  assert_on_screen (fixture, pc_test_window_child (fixture, "menu_button"), "main menu");
  assert_on_screen (fixture, pc_test_window_child (fixture, "nav_button"), "views button");
  assert_on_screen (fixture, pc_test_find_widget (editor, is_delete_button, NULL), "Delete");
  /* The footer's, not the share column's heading of that name. */
  assert_on_screen (fixture, pc_test_find_widget (GTK_WIDGET (PC_PATHWAY_EDITOR (editor)->summary_grid),
                                                  is_label_showing, "Unknown stage"), "Unknown stage");
  assert_on_screen (fixture, GTK_WIDGET (PC_PATHWAY_EDITOR (editor)->stage_costs[PC_STAGE_UNKNOWN]),
                    "Unknown stage total");
}

static gpointer
costing_child (Fixture    *fixture,
               const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (pc_window_get_costing_view (fixture->window)),
                                                   PC_TYPE_COSTING_VIEW, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
flap_hidden (gpointer data)
{
  return adw_flap_get_reveal_progress (data) == 0.0;
}

/* Opened at 1024x768 with 1.5x text (as a projector's desktop is), the
 * Costing view's title, chart and phase
 * table (to its last column, "All stages") are inside the window: before
 * this work the table held the view 1,080 px wide and all three ran past
 * the right edge, to be scrolled sideways. */
static void
test_costing_view_uncut (Fixture *fixture, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkGrid *phases = costing_child (fixture, "phase_table");
  SizeWait wait = { window, PROJECTOR_WIDTH };
  GtkWidget *all_stages;

  pc_window_show_view (fixture->window, "costing");
  pc_test_wait_until (has_width, &wait, 30, "the window to be 1024 px wide");
  /* The list of views hidden with its button, as the window folds it at
   * this width when opened so (a list shown beside it leaves 800 px). */
  gtk_toggle_button_set_active (pc_test_window_child (fixture, "nav_button"), FALSE);
  pc_test_wait_until (flap_hidden, pc_test_window_child (fixture, "nav_flap"), 30, "the list of views to be hidden");
  pc_test_wait_idle (30);
  assert_on_screen (fixture, costing_child (fixture, "title_label"), "Costing title");
  assert_on_screen (fixture, GTK_WIDGET (pc_costing_view_get_chart (pc_window_get_costing_view (fixture->window))),
                    "Costing chart");
  /* The table may run below the fold (the view scrolls down), not past
   * the right edge. */
  assert_across_screen (fixture, GTK_WIDGET (phases), "phase table");
  all_stages = pc_test_find_widget (GTK_WIDGET (phases), is_label_showing, "All stages");
  g_assert_nonnull (all_stages);
  assert_across_screen (fixture, all_stages, "All stages");
}

static gboolean
is_close_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "close");
}

/* The window's own close button, drawn by the header bar, too. */
static void
test_close_button_on_screen (Fixture *fixture, gconstpointer data)
{
  SizeWait wait = { GTK_WIDGET (fixture->window), PROJECTOR_WIDTH };
  GtkWidget *close_button;

  set_text_scale (1.5);
  pc_test_wait_until (has_width, &wait, 30, "the window to be 1024 px wide");
  pc_test_wait_idle (30);
  close_button = pc_test_find_widget (GTK_WIDGET (fixture->window), is_close_button, NULL);
  g_assert_nonnull (close_button);
  assert_on_screen (fixture, close_button, "close");
}

/* The views' list is the stack's pages: a page added to the stack (as
 * each new view is) is listed with its title, with no code of the list's
 * knowing it; choosing it in the list shows it. */
static void
test_navigation_follows_stack (Fixture *fixture, gconstpointer data)
{
  AdwViewStack *stack = pc_test_window_child (fixture, "view_stack");
  GtkListView *list = pc_test_window_child (fixture, "nav_list");
  GListModel *listed = G_LIST_MODEL (gtk_list_view_get_model (list));
  guint before = g_list_model_get_n_items (listed);
  AdwViewStackPage *page;

  page = adw_view_stack_add_titled (stack, gtk_label_new ("extra"), "extra", "Extra View");
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, before + 1);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (listed), before, TRUE);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "extra");
}

static gboolean
title_is (gpointer data)
{
  gpointer *pair = data;

  return g_strcmp0 (adw_window_title_get_title (pair[0]), pair[1]) == 0;
}

/* The title shows the file's name, and a bullet before it once there is
 * an unsaved change (a step added with the real Ctrl+Return). */
static void
test_title_shows_project_and_unsaved (Fixture *fixture, gconstpointer data)
{
  AdwWindowTitle *title = pc_test_window_child (fixture, "window_title");
  gpointer pair[2] = { title, "• sample.pathcost" };

  set_text_scale (1.5);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "sample.pathcost");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (title)));
  pc_window_show_view (fixture->window, "pathway");
  pc_test_wait_idle (30);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (pc_window_get_pathway_editor (fixture->window)->column_view)));
  pc_test_key (GTK_WINDOW (fixture->window), GDK_KEY_Return, GDK_CONTROL_MASK);
  pc_test_wait_until (title_is, pair, 10, "the unsaved mark in the title");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (title)));
}

int
main (int argc, char *argv[])
{
  static const double projector_text = 1.5;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/window-fit/every-view", Fixture, NULL, fixture_set_up, test_every_view_fits, fixture_tear_down);
  g_test_add ("/window-fit/pathway-uncut", Fixture, NULL, fixture_set_up, test_pathway_view_uncut, fixture_tear_down);
  g_test_add ("/window-fit/costing-uncut", Fixture, &projector_text, fixture_set_up, test_costing_view_uncut,
              fixture_tear_down);
  g_test_add ("/window-fit/close-button", Fixture, NULL, fixture_set_up, test_close_button_on_screen,
              fixture_tear_down);
  g_test_add ("/window-fit/navigation", Fixture, NULL, fixture_set_up, test_navigation_follows_stack,
              fixture_tear_down);
  g_test_add ("/window-fit/title", Fixture, NULL, fixture_set_up, test_title_shows_project_and_unsaved,
              fixture_tear_down);
  return g_test_run ();
}
