/* pc-test-xlsx.c: reading a written workbook back (see pc-test-xlsx.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pc-test-util.h"
#include "pc-test-xlsx.h"

gboolean
pc_test_have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
    }
  return path != NULL;
}

void
pc_test_run_program (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
}

/* One CSV record from *@p, advancing past it. */
static GStrv
parse_record (const char **p)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (;; (*p)++)
    {
      char c = **p;

      if (quoted && c == '"' && (*p)[1] == '"')
        g_string_append_c (field, *(++*p));
      else if (c == '"' && (quoted || field->len == 0))
        quoted = !quoted;
      else if (quoted && c != '\0')
        g_string_append_c (field, c);
      else if (c == ',' || c == '\n' || c == '\0')
        {
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
          if (c != ',')
            break;
        }
      else if (c != '\r')
        g_string_append_c (field, c);
    }
  if (**p == '\n')
    (*p)++;
  return g_strv_builder_end (fields);
}

PcTestSheet *
pc_test_read_csv (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PcTestSheet *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  for (const char *p = text; *p != '\0';)
    g_ptr_array_add (rows, parse_record (&p));
  return rows;
}

GPtrArray *
pc_test_read_sheets (const char *xlsx,
                     gboolean    recalculate)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *pattern = g_build_filename (dir, "sheet_%n.csv", NULL);
  const char *argv[] = {
    "ssconvert", "--export-type=Gnumeric_stf:stf_assistant", "--export-options=format=raw",
    "--export-file-per-sheet", xlsx, pattern, recalculate ? "--recalc" : NULL, NULL,
  };
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  pc_test_run_program (argv);
  for (guint i = 0;; i++)
    {
      g_autofree char *name = g_strdup_printf ("sheet_%u.csv", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        break;
      g_ptr_array_add (sheets, pc_test_read_csv (path));
    }
  return sheets;
}
