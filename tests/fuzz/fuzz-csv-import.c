/* fuzz-csv-import.c: libFuzzer on the CSV reader and every kind of import.
 * The first byte of an input chooses the kind, the rest is the file.  The
 * project holds a small set of reference data so that rows get past their
 * lookups; each import runs inside a change that is rolled back, so every
 * input meets the same project.  A crash, a leak, undefined behaviour or
 * an import that fails without a message is a finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "pc-error.h"
#include "pc-importer.h"
#include "pc-project.h"

static const struct
{
  PcImportKind kind;
  const char  *csv;
} reference[] = {
  { PC_IMPORT_TARIFFS, "code,description,unit,price,year\nT1,Surgery,spell,1000,2019\n" },
  { PC_IMPORT_PROVIDERS, "code,name,mff\nP1,Trust,1.25\n" },
  { PC_IMPORT_AREAS, "code,name\nA1,Area one\n" },
  { PC_IMPORT_SITES, "code,name,icd10,trend\nlung,Lung,C34,0\n" },
  { PC_IMPORT_PATHWAY_STEPS,
    "pathway,site,kind,provider,phase,year_offset,basis,step,activity,tariff_code,"
    "local_unit_cost,quantity,stage_1,stage_2,stage_3,stage_4,stage_unknown,funding,"
    "provider_unit_cost\n"
    "tiny,lung,best_practice,,treatment,0,patient,A,elective,T1,,1,1,1,0,0,0,ccg,\n" },
};

static PcProject *project;
static char *input_path;

static void
write_file (const char *path, const uint8_t *data, size_t size)
{
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    abort ();
}

static void
set_up (void)
{
  char *dir = g_dir_make_tmp ("pathcost-fuzz-XXXXXX", NULL);
  char *path = g_build_filename (dir, "fuzz.pathcost", NULL);

  input_path = g_build_filename (dir, "input.csv", NULL);
  project = pc_project_create (path, NULL);
  if (project == NULL)
    abort ();
  for (guint i = 0; i < G_N_ELEMENTS (reference); i++)
    {
      write_file (input_path, (const uint8_t *) reference[i].csv, strlen (reference[i].csv));
      if (!pc_import_csv (project, reference[i].kind, input_path, NULL, NULL, NULL))
        abort ();
    }
  g_free (path);
  g_free (dir);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GError *error = NULL;
  PcImportKind kind;
  GPtrArray *problems = NULL;
  guint64 n_rows = 0;
  gboolean ok;

  if (project == NULL)
    set_up ();
  if (size < 1)
    return 0;
  kind = data[0] % PC_N_IMPORT_KINDS;
  write_file (input_path, data + 1, size - 1);
  if (!pc_project_begin (project, NULL))
    abort ();
  ok = pc_import_csv_full (project, kind, input_path,
                           kind == PC_IMPORT_ACTIVITY && (data[0] & 0x80) ? PC_IMPORT_REPLACE
                                                                         : PC_IMPORT_DEFAULT,
                           NULL, NULL, &n_rows, &problems, &error);
  /* a failure always says why, in one line */
  if (!ok && (error == NULL || error->message[0] == '\0' || strchr (error->message, '\n') != NULL))
    abort ();
  pc_project_rollback (project);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);
  return 0;
}
