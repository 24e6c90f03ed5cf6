/* pc-application.c: the Pathcost application object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-application"
#include "config.h"

#include <glib/gi18n.h>

#include "pc-application.h"

struct _PcApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
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
  G_OBJECT_CLASS (pc_application_parent_class)->finalize (object);
}

static void
pc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
}

static void
pc_application_class_init (PcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pc_application_finalize;
  app_class->activate = pc_application_activate;
}

static void
pc_application_init (PcApplication *self)
{
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
