/* pc-window-actions.c: the window's actions (Save, Undo, Import, Export…)
 * and the file choosers in front of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-window"
#include "config.h"

#include <glib/gi18n.h>

#include "pc-application.h"
#include "pc-area-group-dialog.h"
#include "pc-error.h"
#include "pc-format.h"
#include "pc-window-private.h"

typedef void (*ChosenFunc) (PcWindow *self, const char *path, gpointer data);

/* The chooser holds the window (and @data, a GObject or NULL) until it
 * answers: the window may be closed from elsewhere meanwhile. */
typedef struct
{
  PcWindow   *window;
  ChosenFunc  chosen;
  GObject    *data;
  /* (name, pattern) pairs, static */
  const char * const *filters;
} Chooser;

/* "*.svg" gives ".svg"; a pattern of several kinds gives NULL. */
static const char *
filter_extension (Chooser       *chooser,
                  GtkFileFilter *filter)
{
  const char *name = filter != NULL ? gtk_file_filter_get_name (filter) : NULL;

  for (guint i = 0; name != NULL && chooser->filters != NULL && chooser->filters[i] != NULL; i += 2)
    {
      const char *pattern = chooser->filters[i + 1];

      if (g_strcmp0 (name, _(chooser->filters[i])) == 0 && g_str_has_prefix (pattern, "*.")
          && strchr (pattern + 2, '*') == NULL)
        return pattern + 1;
    }
  return NULL;
}

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     Chooser         *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
      const char *extension = filter_extension (chooser, filter);
      g_autofree char *name = path != NULL ? g_path_get_basename (path) : NULL;

      /* "chart" saved with the SVG filter chosen becomes "chart.svg". */
      if (path != NULL && extension != NULL && strchr (name, '.') == NULL)
        {
          char *with = g_strconcat (path, extension, NULL);

          g_free (path);
          path = with;
          /* The chooser asked about replacing the name without the
           * extension, not this one. */
          if (g_file_test (path, G_FILE_TEST_EXISTS))
            {
              g_autofree char *shown = g_path_get_basename (path);
              g_autofree char *message = g_strdup_printf (_("“%s” already exists. Choose it by its full name to replace it."), shown);

              _pc_window_show_error (chooser->window, _("Nothing was written"), message, NULL);
              g_clear_pointer (&path, g_free);
            }
        }
      if (path != NULL && !gtk_widget_in_destruction (GTK_WIDGET (chooser->window)))
        chooser->chosen (chooser->window, path, chooser->data);
    }
  g_object_unref (native);
  g_clear_object (&chooser->data);
  g_object_unref (chooser->window);
  g_free (chooser);
}

/* Filters: (name, pattern) pairs, NULL-terminated. */
static void
choose_file (PcWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *suggested_name,
             const char * const   *filters,
             ChosenFunc            chosen,
             gpointer              data)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  Chooser *chooser = g_new0 (Chooser, 1);

  for (guint i = 0; filters != NULL && filters[i] != NULL; i += 2)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(filters[i]));
      gtk_file_filter_add_pattern (filter, filters[i + 1]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      g_object_unref (filter);
    }
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  chooser->window = g_object_ref (self);
  chooser->chosen = chosen;
  chooser->filters = filters;
  chooser->data = data != NULL ? g_object_ref (data) : NULL;
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean is_open_somewhere (const char *path);

/* Adds @extension when the name typed has none. */
static char *
with_extension (const char *path,
                const char *extension)
{
  g_autofree char *name = g_path_get_basename (path);

  if (strchr (name, '.') != NULL)
    return g_strdup (path);
  return g_strconcat (path, extension, NULL);
}

/* Save */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  pc_pathway_editor_commit_pending (self->pathway_editor);
  if (pc_pathway_editor_ask_about_refused (self->pathway_editor, _("_Save Without It"), "win.save"))
    return;
  if (!pc_document_save (self->document, &error))
    {
      if (g_error_matches (error, PC_ERROR, PC_ERROR_EXISTS))
        _pc_window_ask_changed_on_disk (self);
      else
        _pc_window_show_error (self, _("The project was not saved"), error->message, NULL);
    }
  else
    pc_window_toast (self, _("Saved"));
}

static void
save_as_chosen (PcWindow   *self,
                const char *chosen,
                gpointer    unused)
{
  g_autofree char *path = with_extension (chosen, ".pathcost");
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();

  if (self->document == NULL)
    return;
  if (g_strcmp0 (canonical, pc_document_get_path (self->document)) != 0 && is_open_somewhere (canonical))
    {
      _pc_window_show_error (self, _("The project was not saved"),
                             _("That file is open in another window: close it there first, or choose another name."),
                             NULL);
      return;
    }
  if (!pc_document_save_as (self->document, path, &error))
    {
      _pc_window_show_error (self, _("The project was not saved"), error->message, NULL);
      return;
    }
  if (PC_IS_APPLICATION (app))
    pc_application_note_recent (PC_APPLICATION (app), pc_document_get_path (self->document));
  pc_window_toast (self, _("Saved"));
}

static const char * const project_filters[] = { N_("Pathcost projects"), "*.pathcost", NULL };

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);

  pc_pathway_editor_commit_pending (self->pathway_editor);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Project As"), _("_Save"),
               pc_document_get_title (self->document), project_filters, save_as_chosen, NULL);
}

/* Undo and redo */

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!pc_document_undo (self->document, &error))
    _pc_window_show_error (self, _("Nothing was undone"), error->message, NULL);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!pc_document_redo (self->document, &error))
    _pc_window_show_error (self, _("Nothing was redone"), error->message, NULL);
}

/* Import */

/* "population.csv", "population-2024.csv" and "pathway_steps.csv" name
 * their kind; the longest kind that starts the name wins. */
static gboolean
kind_from_file_name (const char   *path,
                     PcImportKind *kind)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  gsize best = 0;

  for (guint k = 0; k < PC_N_IMPORT_KINDS; k++)
    {
      const char *kind_name = pc_import_kind_to_string (k);
      gsize length = strlen (kind_name);

      if (g_str_has_prefix (lower, kind_name) && length > best
          && !g_ascii_isalpha (lower[length]))
        {
          best = length;
          *kind = k;
        }
    }
  return best > 0;
}

static const char *kind_title (PcImportKind kind);

/* "2,340 rows of Population imported", then what the engine noted. */
char *
_pc_window_describe_import (PcImportKind  kind,
                            PcImportFlags flags,
                            guint64       n_rows,
                            GPtrArray    *notes)
{
  g_autofree char *count = pc_format_number ((double) n_rows, 0);
  GString *text = g_string_new (NULL);

  if (kind == PC_IMPORT_ACTIVITY && (flags & PC_IMPORT_REPLACE))
    g_string_append_printf (text, ngettext ("%s activity row replaced the project’s",
                                            "%s activity rows replaced the project’s", (gulong) n_rows),
                            count);
  else if (kind == PC_IMPORT_ACTIVITY)
    g_string_append_printf (text, ngettext ("%s activity row added to the project’s",
                                            "%s activity rows added to the project’s", (gulong) n_rows),
                            count);
  else
    g_string_append_printf (text, ngettext ("%s row of %s imported", "%s rows of %s imported", (gulong) n_rows),
                            count, kind_title (kind));
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_string_append_printf (text, "; %s", (const char *) g_ptr_array_index (notes, i));
  return g_string_free (text, FALSE);
}

typedef struct
{
  PcWindow     *window;
  PcImportKind  kind;
  char         *path;
  GtkEntry     *entry;
} SourceQuestion;

static void
source_question_free (SourceQuestion *question)
{
  g_object_unref (question->window);
  g_free (question->path);
  g_free (question);
}

static void
on_source_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SourceQuestion   *question)
{
  PcWindow *self = question->window;
  g_autofree char *source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (question->entry))));

  /* Escape (the close response) imports nothing. */
  if (g_strcmp0 (response, "cancel") == 0 || self->document == NULL)
    return;
  if (self->busy)
    {
      pc_window_toast (self, _("Wait for the current import to finish."));
      return;
    }
  /* Activity is added to the project's unless the user chose to replace
   * it; into a project without any, replacing is the cheaper of the two. */
  pc_window_import_with_flags (self, question->kind, question->path, source,
                               g_strcmp0 (response, "append") == 0 || question->kind != PC_IMPORT_ACTIVITY
                               ? PC_IMPORT_DEFAULT : PC_IMPORT_REPLACE, NULL, NULL);
}

/* Before an import: where the figures come from, for the record the
 * project keeps of it, prefilled from the last import of its kind. */
static void
ask_source (PcWindow     *self,
            PcImportKind  kind,
            const char   *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *heading = g_strdup_printf (_("Import %s"), kind_title (kind));
  g_autofree char *body = g_strdup_printf (_("“%s” as %s. Where do these figures come from? "
                                             "Name the publication and its year, for example "
                                             "“ONS 2022-based SNPP, June 2025”. You may leave it empty."),
                                           name, kind_title (kind));
  g_autofree char *last = pc_project_get_last_source (pc_document_get_project (self->document),
                                                      pc_import_kind_to_string (kind));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  GtkWidget *entry = gtk_entry_new ();
  SourceQuestion *question = g_new0 (SourceQuestion, 1);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Publication, year"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Source of the figures: publication, year"), -1);
  if (last != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), last);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  if (kind == PC_IMPORT_ACTIVITY && pc_project_has_activity (pc_document_get_project (self->document)))
    {
      /* The project holds activity: add this extract to it (another
       * quarter) or replace it (a corrected extract). */
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "replace", _("_Replace the Activity"), "append", _("_Add to It"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "append", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "append");
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("The project already holds patient activity. Add the rows of “%s” to it, "
                                        "or replace it with them? Where do these figures come from? Name the "
                                        "extract and its period. You may leave it empty."), name);
    }
  else
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  question->window = g_object_ref (self);
  question->kind = kind;
  question->path = g_strdup (path);
  question->entry = GTK_ENTRY (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_source_response), question,
                         (GClosureNotify) (void (*) (void)) source_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
pc_window_import_file (PcWindow   *self,
                       const char *path)
{
  PcImportKind kind;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (PC_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL);

  /* The name first ("population-2024.csv"); a name that does not say
   * ("bad_tariffs.csv") leaves it to the header. */
  if (kind_from_file_name (path, &kind) || pc_import_detect_kind (path, &kind, &error))
    {
      ask_source (self, kind, path);
      return;
    }
  name = g_path_get_basename (path);
  message = g_strdup_printf (_("Neither the name nor the header of “%s” says what it holds. %s"), name, error->message);
  _pc_window_show_error (self, _("Nothing was imported"), message, NULL);
}

static const char * const csv_filters[] = { N_("CSV files"), "*.csv", N_("All files"), "*", NULL };

static void
import_any_chosen (PcWindow   *self,
                   const char *path,
                   gpointer    unused)
{
  if (!self->busy)
    pc_window_import_file (self, path);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_file (PC_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Reference Data"), _("_Import"), NULL,
               csv_filters, import_any_chosen, NULL);
}

static void
import_kind_chosen (PcWindow   *self,
                    const char *path,
                    gpointer    data)
{
  if (!self->busy)
    ask_source (self, self->import_kind, path);
}

/* What each kind of CSV holds, in the menu and the chooser's title. */
static const char *
kind_title (PcImportKind kind)
{
  static const char * const titles[PC_N_IMPORT_KINDS] = {
    N_("Tariffs"), N_("Providers"), N_("Areas"), N_("Population"), N_("Tumour Sites"), N_("Incidence"),
    N_("Stage at Diagnosis"), N_("Survival"), N_("Pathway Steps"), N_("Scenario Changes"),
    N_("Scenario Investments"), N_("Patient Activity"),
    N_("Area Groups (ICBs and their places)"), N_("ONS Population Projection"),
  };

  return _(titles[kind]);
}

static void
import_kind_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PcImportKind kind;
  g_autofree char *title = NULL;

  if (!pc_import_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;
  title = g_strdup_printf (_("Import %s"), kind_title (kind));
  /* One chooser at a time is modal to the window: the kind it answers
   * for is the last one asked. */
  PC_WINDOW (widget)->import_kind = kind;
  choose_file (PC_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, title, _("_Import"), NULL, csv_filters,
               import_kind_chosen, NULL);
}

/* Dropping files: projects open, CSV files are imported. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PcWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path == NULL)
        continue;
      if (g_str_has_suffix (path, ".pathcost"))
        {
          GApplication *app = g_application_get_default ();

          /* Through the application: a window of its own, the one that has
           * it raised, never this window's project replaced unasked. */
          if (PC_IS_APPLICATION (app))
            pc_application_open_path (PC_APPLICATION (app), path);
          else if (self->document == NULL)
            pc_window_open (self, path);
        }
      else if (self->document == NULL)
        _pc_window_show_error (self, _("Nothing was imported"), _("Open a project before importing data into it."), NULL);
      else if (self->busy)
        pc_window_toast (self, _("Wait for the current import to finish."));
      else
        pc_window_import_file (self, path);
    }
  return TRUE;
}

/* Export */

static void
export_chosen (PcWindow   *self,
               const char *chosen,
               gpointer    unused)
{
  g_autofree char *path = with_extension (chosen, ".xlsx");

  pc_window_export (self, path, NULL, NULL);
}

static const char * const workbook_filters[] = { N_("Excel workbooks"), "*.xlsx", NULL };

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);
  PcWorkbookRequest request;
  g_autofree char *name = NULL;

  pc_pathway_editor_commit_pending (self->pathway_editor);
  if (!pc_projection_view_get_request (self->projection_view, &request))
    {
      _pc_window_show_error (self, _("The workbook was not exported"),
                             _("There is no projection to export: choose a pathway and areas first."), NULL);
      return;
    }
  name = g_strdup_printf ("%s-%d.xlsx", request.pathway, request.from);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Negotiation Workbook"), _("_Export"), name,
               workbook_filters, export_chosen, NULL);
}

static void
export_negotiation_chosen (PcWindow   *self,
                           const char *chosen,
                           gpointer    unused)
{
  g_autofree char *path = with_extension (chosen, ".xlsx");

  pc_window_export_negotiation (self, path, NULL, NULL);
}

/* The pack of the site and place the Providers page shows: the page is
 * shown first, so the user sees what goes in it. */
static void
export_negotiation_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);
  const char *site, *place;
  g_autofree char *name = NULL;

  pc_pathway_editor_commit_pending (self->pathway_editor);
  pc_window_show_view (self, "providers");
  site = pc_providers_view_get_site (self->providers_view);
  place = pc_providers_view_get_place (self->providers_view);
  if (site == NULL || place == NULL)
    {
      _pc_window_show_error (self, _("The negotiation pack was not exported"),
                             _("There are no providers to compare: the project needs a site and an area."), NULL);
      return;
    }
  name = g_strdup_printf ("negotiation-%s-%s.xlsx", site, place);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Negotiation Pack"), _("_Export"), name,
               workbook_filters, export_negotiation_chosen, NULL);
}

/* Charts */

static PcChart *
visible_chart (PcWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "costing") == 0)
    return pc_costing_view_get_chart (self->costing_view);
  return pc_projection_view_get_cost_chart (self->projection_view);
}

static void
save_chart_chosen (PcWindow   *self,
                   const char *chosen,
                   gpointer    data)
{
  g_autofree char *path = with_extension (chosen, ".png");
  g_autoptr(GError) error = NULL;
  PcChart *chart = data;

  if (!pc_chart_save (chart, path, 1600, 900, &error))
    _pc_window_show_error (self, _("The chart was not saved"), error->message, NULL);
  else
    pc_window_toast (self, _("Chart saved"));
}

static const char * const chart_filters[] = {
  N_("PNG images"), "*.png", N_("SVG drawings"), "*.svg", N_("PDF documents"), "*.pdf", NULL,
};

static void
save_chart (PcWindow   *self,
            PcChart    *chart,
            const char *name)
{
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Chart as Image"), _("_Save"), name,
               chart_filters, save_chart_chosen, chart);
}

static void
save_chart_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);
  PcChart *chart = visible_chart (self);

  save_chart (self, chart,
              chart == pc_costing_view_get_chart (self->costing_view) ? "cost-per-patient.png" : "cost-by-year.png");
}

static void
save_patient_chart_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);

  save_chart (self, pc_projection_view_get_patient_chart (self->projection_view), "patients-by-stage.png");
}

/* The business case's charts and document (Compare and Sensitivity views) */

typedef enum
{
  BUSINESS_CHART_COMPARE,
  BUSINESS_CHART_TORNADO,
  BUSINESS_CHART_FAN,
} BusinessChart;

static void
save_business_chart_chosen (PcWindow   *self,
                            const char *chosen,
                            gpointer    data)
{
  g_autofree char *path = with_extension (chosen, ".png");
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;

  switch ((BusinessChart) GPOINTER_TO_INT (data))
    {
    case BUSINESS_CHART_COMPARE:
      saved = pc_compare_chart_save (pc_compare_view_get_chart (self->compare_view), path, 1600, 900, &error);
      break;
    case BUSINESS_CHART_TORNADO:
      saved = pc_tornado_chart_save (pc_sensitivity_view_get_tornado (self->sensitivity_view), path, 1600, 900, &error);
      break;
    case BUSINESS_CHART_FAN:
    default:
      saved = pc_fan_chart_save (pc_sensitivity_view_get_fan (self->sensitivity_view), path, 1600, 900, &error);
      break;
    }
  if (!saved)
    _pc_window_show_error (self, _("The chart was not saved"), error->message, NULL);
  else
    pc_window_toast (self, _("Chart saved"));
}

static void
save_business_chart_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  BusinessChart chart = g_str_equal (action_name, "win.save-compare-chart") ? BUSINESS_CHART_COMPARE
                        : g_str_equal (action_name, "win.save-tornado-chart") ? BUSINESS_CHART_TORNADO
                        : BUSINESS_CHART_FAN;
  const char *names[] = { "comparison.png", "tornado.png", "uncertainty.png" };

  choose_file (PC_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Chart as Image"), _("_Save"), names[chart],
               chart_filters, save_business_chart_chosen, GINT_TO_POINTER (chart));
}

static void
business_case_written (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  g_autoptr(PcWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (!pc_compare_view_write_business_case_finish (PC_COMPARE_VIEW (source), result, &error))
    _pc_window_show_error (self, _("The business case was not written"), error->message, NULL);
  else
    pc_window_toast (self, _("Business case written"));
}

static void
business_case_chosen (PcWindow   *self,
                      const char *chosen,
                      gpointer    unused)
{
  g_autofree char *path = with_extension (chosen, ".pdf");

  pc_window_toast (self, _("Writing the business case…"));
  pc_compare_view_write_business_case (self->compare_view, path, NULL, business_case_written, g_object_ref (self));
}

static const char * const pdf_filters[] = { N_("PDF documents"), "*.pdf", NULL };

static void
business_case_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);
  const PcScenarioComparison *compared;
  g_autofree char *name = NULL;

  pc_window_show_view (self, "compare");
  compared = pc_compare_view_get_comparison (self->compare_view);
  if (compared == NULL)
    {
      _pc_window_show_error (self, _("The business case was not written"),
                             _("There is no comparison to write: choose a pathway, areas and a scenario in Compare first."),
                             NULL);
      return;
    }
  name = g_strdup_printf ("business-case-%s.pdf", pc_compare_selection_get_scenario (pc_compare_view_get_selection (self->compare_view))->name);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Business Case PDF"), _("_Save"), name,
               pdf_filters, business_case_chosen, NULL);
}

static void
area_groups_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (pc_area_group_dialog_new (GTK_WINDOW (self), self->document)));
}

static void
cancel_job_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pc_window_cancel_job (PC_WINDOW (widget));
}

static void
view_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pc_window_show_view (PC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* F9: the views' list, over the view in a narrow window. */
static void
show_views_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->nav_flap);

  adw_flap_set_reveal_flap (self->nav_flap, reveal);
  if (reveal)
    gtk_widget_grab_focus (GTK_WIDGET (self->nav_list));
}

/* Installed on the class, as GNOME Text Editor's window does: every
 * PcWindow has them, with or without the application.  The "win."
 * prefix keeps the menus' and buttons' action names. */
static const struct
{
  const char                  *name;
  const char                  *parameter_type;
  GtkWidgetActionActivateFunc  activate;
} window_actions[] = {
  { "win.save", NULL, save_activated },
  { "win.save-as", NULL, save_as_activated },
  { "win.undo", NULL, undo_activated },
  { "win.redo", NULL, redo_activated },
  { "win.import", NULL, import_activated },
  { "win.import-kind", "s", import_kind_activated },
  { "win.export", NULL, export_activated },
  { "win.export-negotiation", NULL, export_negotiation_activated },
  { "win.save-chart", NULL, save_chart_activated },
  { "win.save-patient-chart", NULL, save_patient_chart_activated },
  { "win.view", "s", view_activated },
  { "win.show-views", NULL, show_views_activated },
  { "win.area-groups", NULL, area_groups_activated },
  { "win.business-case", NULL, business_case_activated },
  { "win.save-compare-chart", NULL, save_business_chart_activated },
  { "win.save-tornado-chart", NULL, save_business_chart_activated },
  { "win.save-fan-chart", NULL, save_business_chart_activated },
  { "win.cancel-job", NULL, cancel_job_activated },
};

void
_pc_window_class_install_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_class_install_action (widget_class, window_actions[i].name, window_actions[i].parameter_type,
                                     window_actions[i].activate);
}

static void
set_enabled (PcWindow   *self,
             const char *name,
             gboolean    enabled)
{
  g_autofree char *full_name = g_strconcat ("win.", name, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), full_name, enabled);
}

/* The tooltip names the change, as "Undo “Change Quantity of …”". */
static void
set_history_tooltip (GtkWidget  *button,
                     gboolean    undo,
                     const char *label)
{
  g_autofree char *text = NULL;

  if (label == NULL)
    text = g_strdup (undo ? _("Undo (Ctrl+Z)") : _("Redo (Ctrl+Shift+Z)"));
  else if (undo)
    text = g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), label);
  else
    text = g_strdup_printf (_("Redo “%s” (Ctrl+Shift+Z)"), label);
  /* Unchanged text is not set again: each set asks X where the pointer is. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (button), text) != 0)
    gtk_widget_set_tooltip_text (button, text);
}

void
_pc_window_update_actions (PcWindow *self)
{
  gboolean open = self->document != NULL && !self->busy;
  PcHistory *history = self->document != NULL ? pc_document_get_history (self->document) : NULL;
  gboolean can_undo = FALSE, can_redo = FALSE;

  if (history != NULL)
    g_object_get (history, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  set_enabled (self, "save", open);
  set_enabled (self, "save-as", open);
  set_enabled (self, "undo", open && can_undo);
  set_enabled (self, "redo", open && can_redo);
  set_enabled (self, "import", open);
  set_enabled (self, "import-kind", open);
  set_enabled (self, "export", open);
  set_enabled (self, "export-negotiation", open);
  set_enabled (self, "save-chart", open);
  set_enabled (self, "save-patient-chart", open);
  set_enabled (self, "view", open);
  set_enabled (self, "area-groups", open);
  set_enabled (self, "show-views", open && !self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->nav_list), !self->busy);
  /* Presenting hides the editing chrome (pc-presentation.c). */
  gtk_widget_set_visible (self->nav_button, self->document != NULL && !self->presenting);
  gtk_widget_set_visible (self->open_button, !self->presenting);
  gtk_widget_set_visible (self->menu_button, !self->presenting);
  gtk_widget_set_visible (self->present_button, self->document != NULL);
  gtk_widget_set_visible (self->undo_box, self->document != NULL && !self->presenting);
  set_enabled (self, "business-case", open);
  set_enabled (self, "save-compare-chart", open);
  set_enabled (self, "save-tornado-chart", open);
  set_enabled (self, "save-fan-chart", open);
  set_enabled (self, "cancel-job", self->busy && self->job_cancellable != NULL);
  set_history_tooltip (self->undo_button, TRUE, history != NULL ? pc_history_get_undo_label (history) : NULL);
  set_history_tooltip (self->redo_button, FALSE, history != NULL ? pc_history_get_redo_label (history) : NULL);
  gtk_widget_set_visible (self->save_button, self->document != NULL && !self->presenting);
  gtk_widget_set_visible (self->export_button, self->document != NULL && !self->presenting);
}

static void
fill_import_menu (PcWindow *self)
{
  for (guint k = 0; k < PC_N_IMPORT_KINDS; k++)
    {
      const char *kind = pc_import_kind_to_string (k);
      g_autofree char *label = g_strdup_printf (_("%s…"), kind_title (k));
      g_autofree char *detailed = g_strdup_printf ("win.import-kind::%s", kind);

      g_menu_append (self->import_section, label, detailed);
    }
}

/* A file open in a window of this application has a marker too, but
 * nothing to recover. */
static gboolean
is_open_somewhere (const char *path)
{
  GApplication *app = g_application_get_default ();

  if (!GTK_IS_APPLICATION (app))
    return FALSE;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      PcDocument *document = PC_IS_WINDOW (l->data) ? pc_window_get_document (l->data) : NULL;

      if (document != NULL && g_strcmp0 (pc_document_get_path (document), path) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
file_row (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
  return row;
}

void
_pc_window_fill_recent (PcWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  g_auto(GStrv) recoverable = pc_document_list_recoverable ();
  GtkWidget *child;
  gboolean any = FALSE;

  g_menu_remove_all (self->recent_section);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  /* First what a crash left unsaved: docs/MODEL.md: "the next start offers
   * to recover"; opening it asks whether to. */
  for (guint i = 0; recoverable[i] != NULL; i++)
    if (!is_open_somewhere (recoverable[i]))
      {
        GtkWidget *row = file_row (recoverable[i]);
        GtkWidget *badge = gtk_label_new (_("Unsaved changes"));

        gtk_widget_add_css_class (badge, "warning");
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        gtk_list_box_append (self->recent_list, row);
        any = TRUE;
      }
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);
      if (g_strv_contains ((const char * const *) recoverable, recent[i]))
        continue;
      gtk_list_box_append (self->recent_list, file_row (recent[i]));
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), any);
}

void
_pc_window_install_actions (PcWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  fill_import_menu (self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
