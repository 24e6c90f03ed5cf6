/* pc-application.c: the Pathcost application object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-application"
#include "config.h"

#include <glib/gi18n.h>

#include "pc-application.h"
#include "pc-window.h"

struct _PcApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  char           *initial_view;
  char           *initial_pathway;
  gboolean        open_sample;
  gboolean        present;      /* --present: open in presentation mode */
  double          text_scale;   /* --text-scale, 0 when not given */
};

G_DEFINE_FINAL_TYPE (PcApplication, pc_application, ADW_TYPE_APPLICATION)

GSettings *
pc_settings_new (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaSource) build_source = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (PC_BUILD_SCHEMA_DIR, installed, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APPLICATION_ID, TRUE);
    }
  if (schema == NULL)
    g_error ("The settings schema %s is not installed", APPLICATION_ID);
  return g_settings_new_full (schema, NULL, NULL);
}

char *
pc_application_find_sample (void)
{
  const char *from_env = g_getenv ("PATHCOST_SAMPLE");

  if (from_env != NULL && g_file_test (from_env, G_FILE_TEST_EXISTS))
    return g_strdup (from_env);
  if (g_file_test (PC_INSTALLED_SAMPLE, G_FILE_TEST_EXISTS))
    return g_strdup (PC_INSTALLED_SAMPLE);
  if (g_file_test (PC_BUILD_SAMPLE, G_FILE_TEST_EXISTS))
    return g_strdup (PC_BUILD_SAMPLE);
  return NULL;
}

GSettings *
pc_application_get_settings (PcApplication *self)
{
  g_return_val_if_fail (PC_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
pc_application_note_recent (PcApplication *self,
                            const char    *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint kept = 1;

  g_return_if_fail (PC_IS_APPLICATION (self));
  old = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && kept < 10; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        kept++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

static void
pc_application_finalize (GObject *object)
{
  PcApplication *self = PC_APPLICATION (object);

  g_clear_object (&self->settings);
  g_free (self->initial_view);
  g_free (self->initial_pathway);
  G_OBJECT_CLASS (pc_application_parent_class)->finalize (object);
}

/* A window showing nothing yet, or a new one. */
static PcWindow *
empty_window (PcApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PC_IS_WINDOW (l->data) && pc_window_get_document (l->data) == NULL)
      return l->data;
  return pc_window_new (GTK_APPLICATION (self));
}

/* A project already open in a window is raised, never opened twice. */
void
pc_application_open_path (PcApplication *self,
                          const char    *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  PcWindow *window;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      PcDocument *document = PC_IS_WINDOW (l->data) ? pc_window_get_document (l->data) : NULL;

      if (document != NULL && g_strcmp0 (pc_document_get_path (document), canonical) == 0)
        {
          gtk_window_present (l->data);
          return;
        }
    }
  window = empty_window (self);
  gtk_window_present (GTK_WINDOW (window));
  pc_window_open (window, canonical);
  if (self->initial_view != NULL)
    pc_window_show_view (window, self->initial_view);
  if (self->present)
    g_object_set (window, "presenting", TRUE, NULL);
  if (self->initial_pathway != NULL && pc_window_get_document (window) != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!pc_document_set_pathway_name (pc_window_get_document (window), self->initial_pathway, &error))
        pc_window_toast (window, error->message);
    }
}

static int
pc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PcApplication *self = PC_APPLICATION (app);

  g_clear_pointer (&self->initial_view, g_free);
  g_variant_dict_lookup (options, "view", "s", &self->initial_view);
  g_clear_pointer (&self->initial_pathway, g_free);
  g_variant_dict_lookup (options, "pathway", "s", &self->initial_pathway);
  self->open_sample = g_variant_dict_contains (options, "sample");
  self->present = g_variant_dict_contains (options, "present");
  if (g_variant_dict_lookup (options, "text-scale", "d", &self->text_scale)
      && (self->text_scale < 0.5 || self->text_scale > 4.0))
    {
      g_printerr (_("--text-scale takes a factor from 0.5 to 4\n"));
      return 2;
    }
  return -1;
}

static void
pc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (pc_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
  if (PC_APPLICATION (app)->open_sample)
    {
      PC_APPLICATION (app)->open_sample = FALSE;
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
    }
}

static void
pc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        pc_application_open_path (PC_APPLICATION (app), path);
    }
}

/* Actions */

static void
open_chosen (GtkNativeDialog *native,
             int              response,
             PcApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        pc_application_open_path (self, path);
    }
  g_object_unref (native);
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pathcost projects"));
  gtk_file_filter_add_pattern (filter, "*.pathcost");
  return filter;
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  PcApplication *self = data;
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (_("Open Project"), gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = project_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (open_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_chosen (GtkNativeDialog *native,
            int              response,
            PcApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PcDocument) document = NULL;
      PcWindow *window = empty_window (self);

      gtk_window_present (GTK_WINDOW (window));
      if (chosen == NULL)
        {
          pc_window_toast (window, _("Projects are kept in local folders: choose one on this computer."));
          g_object_unref (native);
          return;
        }
      path = g_str_has_suffix (chosen, ".pathcost") ? g_strdup (chosen) : g_strconcat (chosen, ".pathcost", NULL);
      document = pc_document_create (path, &error);
      if (document == NULL)
        pc_window_toast (window, error->message);
      else
        {
          pc_window_set_document (window, document);
          pc_application_note_recent (self, pc_document_get_path (document));
          pc_window_show_view (window, "reference");
        }
    }
  g_object_unref (native);
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  PcApplication *self = data;
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (_("New Project"), gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = project_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("New project.pathcost"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (new_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  pc_application_open_path (data, g_variant_get_string (parameter, NULL));
}

/* The sample is installed read-only: the user works on a copy of it. */
static void
open_sample_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  PcApplication *self = data;
  g_autofree char *sample = pc_application_find_sample ();
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "pathcost", NULL);
  g_autofree char *copy = g_build_filename (folder, "Sample project.pathcost", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (sample == NULL)
    {
      PcWindow *window = empty_window (self);

      gtk_window_present (GTK_WINDOW (window));
      pc_window_toast (window, _("The sample project is not installed."));
      return;
    }
  if (!g_file_test (copy, G_FILE_TEST_EXISTS))
    {
      from = g_file_new_for_path (sample);
      to = g_file_new_for_path (copy);
      g_mkdir_with_parents (folder, 0700);
      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        {
          PcWindow *window = empty_window (self);

          gtk_window_present (GTK_WINDOW (window));
          pc_window_toast (window, error->message);
          return;
        }
    }
  pc_application_open_path (self, copy);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  /* Each window asks about its own unsaved changes. */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  const char *developers[] = { _("The Pathcost developers"), NULL };
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  adw_about_window_set_application_name (about, "Pathcost");
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Pathcost developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about, _("Costs cancer care pathways and projects what a population’s cancer care will cost."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, "© 2026 The Pathcost developers");
  adw_about_window_add_legal_section (about, _("Sample project data"), NULL, GTK_LICENSE_CUSTOM,
    _("The bundled sample project is illustrative and not for real commissioning decisions. "
      "Its place (NHS Havering CCG, 08F) and providers are real names with made-up or approximated figures.\n\n"
      "Sources: NHS England National Tariff 2019/20 and the National Schedule of NHS Costs for prices; "
      "ONS mid-year population estimates for the population; NHS Digital Cancer Registration Statistics "
      "(England) for incidence and stage at diagnosis; ONS Cancer Survival in England for survival; "
      "NICE guidelines NG101 (breast) and NG122 (lung) for the best-practice pathways. "
      "Figures marked ESTIMATE in the sample’s SOURCES.md are the sample’s own judgement."));
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (GTK_APPLICATION (data)));
  gtk_window_present (GTK_WINDOW (about));
}

static GtkWidget *
spin_row (GSettings  *settings,
          const char *key,
          const char *title,
          const char *subtitle,
          double      low,
          double      high)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (low, high, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_settings_bind (settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  PcApplication *self = data;
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New projections"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What the projection view starts with when a window opens."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (self->settings, "default-first-year", _("First financial year"),
                                       _("The year the financial year starts in: 2026 means 2026/27"), 2000, 2100));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (self->settings, "default-horizon", _("Horizon"),
                                       _("Years projected, 1 to 20"), 1, 20));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  gtk_window_set_transient_for (GTK_WINDOW (window), gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "new", new_activated },
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "open-sample", open_sample_activated },
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static const struct { const char *action; const char *accels[3]; } accelerators[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  /* The window's own shortcuts are in its template, so they work in
   * any PcWindow, with or without the application. */
};

static void
pc_application_startup (GApplication *app)
{
  PcApplication *self = PC_APPLICATION (app);

  G_APPLICATION_CLASS (pc_application_parent_class)->startup (app);

  /* Larger text where the desktop sets none (a projector on a laptop
   * without GNOME): what GNOME's text scaling factor does, 96 dpi × the
   * factor, in 1024ths. */
  if (self->text_scale > 0)
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (self->text_scale * 96 * 1024), NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accelerators[i].action,
                                           accelerators[i].accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
pc_application_class_init (PcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pc_application_finalize;
  app_class->startup = pc_application_startup;
  app_class->activate = pc_application_activate;
  app_class->open = pc_application_open;
  app_class->handle_local_options = pc_application_handle_local_options;
}

static void
pc_application_init (PcApplication *self)
{
  static const GOptionEntry options[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Show this view of the project: pathway, costing, projection, reference, settings or activity "
         "(activity/flows, activity/costs, activity/compliance, activity/unit-costs, activity/risks)"), N_("VIEW") },
    { "pathway", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Show this pathway of the project"), N_("NAME") },
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open (a copy of) the bundled sample project"), NULL },
    { "present", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open in presentation mode: full screen, large type, live levers (Escape leaves)"), NULL },
    { "text-scale", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
      N_("Scale the text by this factor, as a desktop’s text scaling does (1.5 for a projector)"), N_("FACTOR") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  self->settings = pc_settings_new ();
}

PcApplication *
pc_application_new (void)
{
  return g_object_new (PC_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/pathcost/Pathcost",
                       NULL);
}
