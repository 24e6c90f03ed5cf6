/* fuzz-project-open.c: libFuzzer on opening a project file from elsewhere
 * and reading it: the header, the journal check, the schema and value
 * checks, then everything report and export read.  The input is written to
 * a file and opened read-only, then read-write.  Refusing it is fine; a
 * crash, undefined behaviour, a refusal without a one-line message, or a
 * file that opens but then fails to read without a message, is a finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "pc-error.h"
#include "pc-project.h"

static char *path;
static char *journal;

static void
check_error (gboolean ok, GError *error)
{
  if (!ok && (error == NULL || error->message[0] == '\0' || strchr (error->message, '\n') != NULL))
    abort ();
}

static void
read_everything (PcProject *project)
{
  GError *error = NULL;
  char **pathways = pc_project_list_pathways (project, &error);
  char **areas = NULL;

  check_error (pathways != NULL, error);
  g_clear_error (&error);
  areas = pc_project_list_areas (project, &error);
  check_error (areas != NULL, error);
  g_clear_error (&error);
  pc_project_get_discount_rate (project);
  pc_project_get_inflation (project);
  g_hash_table_unref (pc_project_load_sensitivity_ranges (project));
  g_hash_table_unref (pc_project_load_standard_errors (project));
  for (guint i = 0; pathways != NULL && pathways[i] != NULL && i < 4; i++)
    {
      PcPathway *pathway = pc_project_load_pathway (project, pathways[i], &error);

      check_error (pathway != NULL, error);
      g_clear_error (&error);
      if (pathway != NULL && areas != NULL && areas[0] != NULL)
        {
          const char *one[] = { areas[0], NULL };
          PcProjectionInput *input = pc_project_load_projection_input (project, pathway->site, one,
                                                                       2026, 3, &error);

          check_error (input != NULL, error);
          g_clear_error (&error);
          g_clear_pointer (&input, pc_projection_input_free);
        }
      g_clear_pointer (&pathway, pc_pathway_free);
    }
  g_strfreev (pathways);
  g_strfreev (areas);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  PcProjectOpenFlags modes[] = { PC_PROJECT_OPEN_READ_ONLY, PC_PROJECT_OPEN_DEFAULT };

  if (path == NULL)
    {
      char *dir = g_dir_make_tmp ("pathcost-fuzz-XXXXXX", NULL);

      path = g_build_filename (dir, "input.pathcost", NULL);
      journal = g_strconcat (path, "-journal", NULL);
      g_free (dir);
    }
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      GError *error = NULL;
      PcProject *project;

      g_unlink (journal);
      if (!g_file_set_contents (path, (const char *) data, size, NULL))
        abort ();
      project = pc_project_open_full (path, modes[m], &error);
      check_error (project != NULL, error);
      g_clear_error (&error);
      if (project != NULL)
        read_everything (project);
      g_clear_object (&project);
    }
  return 0;
}
