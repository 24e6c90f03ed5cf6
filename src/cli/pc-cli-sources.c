/* pc-cli-sources.c: `pathcost-cli sources`, where every table's figures
 * came from: each import's kind, file, SHA-256, rows, time and the
 * publication named with --source, newest first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pc-cli.h"
#include "pc-error.h"
#include "pc-format.h"
#include "pc-project.h"
#include "pc-report-json.h"

static void
print_sources (GPtrArray *sources)
{
  if (sources->len == 0)
    {
      printf ("%s\n", _("Nothing has been imported into this project."));
      return;
    }
  for (guint i = 0; i < sources->len; i++)
    {
      const PcSource *source = g_ptr_array_index (sources, i);
      g_autofree char *rows = NULL;

      if (source->file_name == NULL)
        {
          printf ("%-22s%s\n\n", source->kind, _("source not recorded (imported before sources were kept)"));
          continue;
        }
      rows = pc_format_number ((double) source->rows, 0);
      printf ("%-22s%s, %s %s, %s\n", source->kind, source->file_name, rows, _("rows"),
              source->imported_at);
      printf ("%-22s%s\n", "", source->source != NULL ? source->source : _("source not given"));
      printf ("%-22sSHA-256 %s\n\n", "", source->sha256);
    }
}

int
pc_cli_command_sources (int argc, char **argv, GError **error)
{
  g_autoptr(PcProject) project = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  gboolean json = argc == 4 && strcmp (argv[3], "--json") == 0;

  if (argc != 3 && !json)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s",
                   _("usage: pathcost-cli sources FILE.pathcost [--json]"));
      return 2;
    }
  project = pc_project_open_full (argv[2], PC_PROJECT_OPEN_READ_ONLY, error);
  if (project == NULL || (sources = pc_project_list_sources (project, error)) == NULL)
    return 1;
  if (json)
    {
      JsonNode *node = pc_sources_json_build (sources);
      g_autofree char *text = pc_report_json_to_string (node, TRUE);

      puts (text);
      json_node_unref (node);
    }
  else
    print_sources (sources);
  return 0;
}
