/* test-providers-view.c: the Providers page as a user meets it: Alt+0
 * shows the sample's breast providers for its ICB, each figure equal to
 * `pathcost-cli providers --json` on the file; another area, and an
 * import that changes a provider's MFF, change them as the CLI says on the
 * saved file; the negotiation pack exported from the window names the
 * user's file, never the working copy; the disclosure threshold on the
 * Settings page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pc-format.h"
#include "pc-providers-view.h"
#include "pc-test-keys.h"
#include "pc-test-util.h"
#include "pc-test-window.h"
#include "pc-window.h"

/* The table's rows (pc-providers-view.c). */
#define ROW_NAMES 0
#define ROW_MFF 1
#define ROW_TARIFF 4
#define ROW_OWN 5
#define ROW_GAP 6
#define ROW_PATIENTS 7

typedef PcTestWindow Fixture;

static gboolean
is_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static PcProvidersView *
providers_view (Fixture *fixture)
{
  GtkWidget *view = pc_test_find_widget (GTK_WIDGET (fixture->window), is_type,
                                         GSIZE_TO_POINTER (PC_TYPE_PROVIDERS_VIEW));

  g_assert_nonnull (view);
  return PC_PROVIDERS_VIEW (view);
}

static gboolean
providers_shown (gpointer data)
{
  Fixture *fixture = data;
  AdwViewStack *stack = ADW_VIEW_STACK (pc_test_find_widget (GTK_WIDGET (fixture->window), is_type,
                                                             GSIZE_TO_POINTER (ADW_TYPE_VIEW_STACK)));

  return g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "providers") == 0
         && gtk_widget_get_mapped (GTK_WIDGET (providers_view (fixture)));
}

static JsonNode *
cli_providers (const char *path,
               const char *area)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_cmpint (pc_test_run_cli (&out, &err, "providers", path, "--site", "breast", "--area",
                                    area, "--json", NULL), ==, 0);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return node;
}

static char *
money_of (JsonObject *provider,
          const char *member)
{
  return pc_format_money (json_object_get_double_member (
    json_object_get_object_member (provider, member), "all"));
}

/* Every provider's column against the CLI's figures for @area on the file
 * at @path, in the CLI's order. */
static void
assert_shows_cli (PcProvidersView *view,
                  const char      *path,
                  const char      *area)
{
  g_autoptr(JsonNode) node = cli_providers (path, area);
  JsonArray *providers = json_object_get_array_member (json_node_get_object (node), "providers");
  guint n = json_array_get_length (providers);

  g_assert_cmpuint (n, >, 0);
  g_assert_null (pc_providers_view_get_text (view, ROW_NAMES, (int) n + 1));
  for (guint i = 0; i < n; i++)
    {
      JsonObject *p = json_array_get_object_element (providers, i);
      int column = (int) i + 1;
      g_autofree char *name = g_strdup_printf ("%s (%s)", json_object_get_string_member (p, "name"),
                                               json_object_get_string_member (p, "code"));
      g_autofree char *tariff = money_of (p, "at_tariff");
      g_autofree char *own = money_of (p, "at_own_cost");
      g_autofree char *gap = money_of (p, "gap");
      g_autofree char *mff = g_strdup_printf ("%.4f", json_object_get_double_member (p, "mff"));
      g_autofree char *patients = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   json_object_get_int_member (p, "patients"));

      g_assert_cmpstr (pc_providers_view_get_text (view, ROW_NAMES, column), ==, name);
      g_assert_cmpstr (pc_providers_view_get_text (view, ROW_MFF, column), ==, mff);
      g_assert_cmpstr (pc_providers_view_get_text (view, ROW_TARIFF, column), ==, tariff);
      g_assert_cmpstr (pc_providers_view_get_text (view, ROW_OWN, column), ==, own);
      g_assert_cmpstr (pc_providers_view_get_text (view, ROW_GAP, column), ==, gap);
      g_assert_cmpstr (pc_providers_view_get_text (view, ROW_PATIENTS, column), ==, patients);
    }
}

/* Alt+0 shows the page with the sample's first site and place. */
static void
test_shows_cli_figures (Fixture *fixture, gconstpointer data)
{
  PcProvidersView *view = providers_view (fixture);

  pc_test_key (GTK_WINDOW (fixture->window), GDK_KEY_0, GDK_ALT_MASK);
  pc_test_wait_until (providers_shown, fixture, 5, "the Providers page");
  g_assert_cmpstr (pc_providers_view_get_site (view), ==, "breast");
  g_assert_cmpstr (pc_providers_view_get_place (view), ==, "QMF");
  assert_shows_cli (view, fixture->path, "QMF");
  /* RF4's pathway is its current one; its figure at tariff is report's. */
  g_assert_cmpstr (pc_providers_view_get_text (view, 2, 2), ==, "breast_current_RF4");
  g_assert_cmpuint (pc_chart_get_n_categories (pc_providers_view_get_chart (view)), ==, 3);
}

/* One borough instead of the ICB: fewer patients, the same costs. */
static void
test_other_place (Fixture *fixture, gconstpointer data)
{
  PcProvidersView *view = providers_view (fixture);

  pc_window_show_view (fixture->window, "providers");
  pc_test_wait_until (providers_shown, fixture, 5, "the Providers page");
  g_assert_true (pc_providers_view_select (view, "breast", "E09000016"));
  assert_shows_cli (view, fixture->path, "E09000016");
  g_assert_false (pc_providers_view_select (view, "breast", "nowhere"));
}

/* An import that gives R1H an MFF of 1.3 moves its column; saved, the
 * file's CLI figures are what the page shows. */
static void
test_follows_edits (Fixture *fixture, gconstpointer data)
{
  PcProvidersView *view = providers_view (fixture);
  g_autofree char *csv = pc_test_write_file (fixture->dir, "mff.csv",
                                             "code,name,mff\nR1H,Barts Health NHS Trust,1.3\n");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pc_window_show_view (fixture->window, "providers");
  pc_test_wait_until (providers_shown, fixture, 5, "the Providers page");
  g_assert_cmpstr (pc_providers_view_get_text (view, ROW_MFF, 1), ==, "1.2000");
  pc_window_import (fixture->window, PC_IMPORT_PROVIDERS, csv, pc_test_on_job_done, &result);
  pc_test_wait_until (pc_test_job_done, &result, 20, "the import to finish");
  g_assert_true (pc_window_job_finish (fixture->window, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pc_providers_view_get_text (view, ROW_MFF, 1), ==, "1.3000");
  g_assert_true (pc_document_save (pc_window_get_document (fixture->window), &error));
  g_assert_no_error (error);
  assert_shows_cli (view, fixture->path, "QMF");
}

/* The pack from the window: a workbook whose first sheet names the
 * user's file (ssconvert reads it when installed). */
static void
test_export_pack (Fixture *fixture, gconstpointer data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "pack.xlsx", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "providers.csv", NULL);
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autofree char *text = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  pc_window_show_view (fixture->window, "providers");
  pc_test_wait_until (providers_shown, fixture, 5, "the Providers page");
  pc_window_export_negotiation (fixture->window, out, pc_test_on_job_done, &result);
  pc_test_wait_until (pc_test_job_done, &result, 30, "the export to finish");
  g_assert_true (pc_window_job_finish (fixture->window, result, &error));
  g_assert_no_error (error);
  bytes = pc_test_read_bytes (out);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 2, "PK", 2);
  if (ssconvert == NULL)
    return;
  {
    const char *argv[] = { ssconvert, "--export-type=Gnumeric_stf:stf_assistant", out, csv, NULL };
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv, &text, NULL, &error));
    g_assert_nonnull (strstr (text, "Project: sample.pathcost."));
  }
}

/* The Settings page's disclosure threshold: a whole number of patients,
 * 8 by default; 7.5 is refused with its reason; 0 is kept, as an undoable
 * change, and saved to the file. */
static void
test_disclosure_setting (Fixture *fixture, gconstpointer data)
{
  PcSettingsView *settings = pc_window_get_settings_view (fixture->window);
  PcDocument *document = pc_window_get_document (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) saved = NULL;
  const char *label;

  pc_window_show_view (fixture->window, "settings");
  g_assert_cmpstr (pc_settings_view_get_text (settings, "disclosure_threshold"), ==, "8");
  g_assert_false (pc_settings_view_enter (settings, "disclosure_threshold", "7.5"));
  g_assert_nonnull (strstr (pc_settings_view_get_error (settings, "disclosure_threshold"),
                            "whole number"));
  g_assert_true (pc_settings_view_enter (settings, "disclosure_threshold", "0"));
  g_assert_null (pc_settings_view_get_error (settings, "disclosure_threshold"));
  label = pc_history_get_undo_label (pc_document_get_history (document));
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (label, "disclosure threshold"));
  g_assert_true (pc_document_save (document, &error));
  g_assert_no_error (error);
  saved = pc_test_open_project (fixture->path, TRUE);
  g_assert_cmpfloat (pc_project_get_setting (saved, "disclosure_threshold"), ==, 0.0);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_test_add ("/providers-view/shows-cli-figures", Fixture, NULL, pc_test_window_set_up_projector,
              test_shows_cli_figures, pc_test_window_tear_down);
  g_test_add ("/providers-view/other-place", Fixture, NULL, pc_test_window_set_up_projector, test_other_place,
              pc_test_window_tear_down);
  g_test_add ("/providers-view/follows-edits", Fixture, NULL, pc_test_window_set_up_projector, test_follows_edits,
              pc_test_window_tear_down);
  g_test_add ("/providers-view/export-pack", Fixture, NULL, pc_test_window_set_up_projector, test_export_pack,
              pc_test_window_tear_down);
  g_test_add ("/providers-view/disclosure-setting", Fixture, NULL, pc_test_window_set_up_projector,
              test_disclosure_setting, pc_test_window_tear_down);
  return g_test_run ();
}
