/* test-csv.c: the CSV reader: RFC 4180 quoting, line numbers a user can
 * find, and strictness (a stray quote is an error at its line).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pc-csv.h"
#include "pc-error.h"
#include "pc-test-util.h"

/* Reads @text and returns its records as "line:field|field|…" strings. */
static GStrv
read_all (const char *text, GError **error)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = pc_test_write_file (dir, "t.csv", text);
  g_autoptr(GStrvBuilder) records = g_strv_builder_new ();
  g_autoptr(PcCsv) csv = pc_csv_open (path, error);

  while (csv != NULL && pc_csv_next (csv, error))
    {
      g_autoptr(GString) record = g_string_new (NULL);

      g_string_printf (record, "%" G_GUINT64_FORMAT ":", pc_csv_get_line (csv));
      for (guint i = 0; i < pc_csv_get_n_fields (csv); i++)
        g_string_append_printf (record, "%s%s", i ? "|" : "", pc_csv_get_field (csv, i));
      g_strv_builder_add (records, record->str);
    }
  return g_strv_builder_end (records);
}

static void
assert_records (const char *text, const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) records = read_all (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstrv (records, expected);
}

static void
test_plain_and_quoted (void)
{
  assert_records ("a,b,c\n1,2,3\n",
                  (const char *[]) { "1:a|b|c", "2:1|2|3", NULL });
  /* BOM, CRLF, no final newline */
  assert_records ("\xEF\xBB\xBF" "code,name\r\nX1,\"Smith, J\"\r\nX2,last",
                  (const char *[]) { "1:code|name", "2:X1|Smith, J", "3:X2|last", NULL });
  /* "" inside quotes; an empty quoted field; empty fields */
  assert_records ("a,\"say \"\"hi\"\"\",\"\",\n",
                  (const char *[]) { "1:a|say \"hi\"||", NULL });
  /* a field over two lines: the next record starts on line 4 */
  assert_records ("h\n\"two\nlines\"\nnext\n",
                  (const char *[]) { "1:h", "2:two\nlines", "4:next", NULL });
  /* empty lines are skipped but counted */
  assert_records ("h\n\n\r\nx\n",
                  (const char *[]) { "1:h", "4:x", NULL });
}

static void
assert_fails (const char *text, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) records = read_all (text, &error);

  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  if (strstr (error->message, words) == NULL)
    g_error ("'%s' does not say '%s'", error->message, words);
}

static void
test_strict (void)
{
  assert_fails ("a,b\n1,x\"y\n", "t.csv:2: a quote inside an unquoted field (field 2)");
  assert_fails ("a,b\n1,\"x\"y\n", "t.csv:2: text after a closing quote (field 2)");
  assert_fails ("a,b\n1,2\n3,\"open\n4,5\n", "t.csv:3: a quoted field is never closed");
  assert_fails ("a,b\n1,caf\xe9\n", "t.csv:2:2: the text is not valid UTF-8");
}

/* A stray quote deep in a large file is still found at its own line, and
 * records crossing the reader's 1 MiB blocks come back whole. */
static void
test_large_file (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autoptr(GString) text = g_string_new ("area,year,count\n");
  g_autofree char *path = NULL;
  g_autoptr(PcCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  for (guint i = 0; i < 120000; i++)
    g_string_append_printf (text, "E%06u,\"%u\",%u.5\r\n", i, 2000 + i % 50, i);
  g_string_append (text, "E9,2020,1\"2\n");
  path = pc_test_write_file (dir, "big.csv", text->str);

  csv = pc_csv_open (path, &error);
  g_assert_no_error (error);
  while (pc_csv_next (csv, &error))
    {
      if (n > 0)
        {
          g_autofree char *expected = g_strdup_printf ("E%06u", (guint) (n - 1));

          g_assert_cmpstr (pc_csv_get_field (csv, 0), ==, expected);
          g_assert_cmpuint (pc_csv_get_n_fields (csv), ==, 3);
        }
      n++;
    }
  g_assert_cmpuint (n, ==, 120001);
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "big.csv:120002: a quote inside an unquoted field"));
  g_assert_cmpuint (pc_csv_get_size (csv), ==, text->len);
}

/* A NUL byte (a UTF-16 file, a binary one) is an error, never a field cut
 * short at it. */
static void
test_nul_byte (void)
{
  static const char text[] = "a,b\n1,x\0y\n";
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "nul.csv", NULL);
  g_autoptr(PcCsv) csv = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, sizeof text - 1, NULL));
  csv = pc_csv_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pc_csv_next (csv, &error));
  g_assert_false (pc_csv_next (csv, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "nul.csv:2:2: the text is not valid UTF-8"));
}

#define pc_assert_ends(message, tail) \
  G_STMT_START { \
    if (!g_str_has_suffix ((message), (tail))) \
      g_error ("%s:%d: '%s' does not end with '%s'", __FILE__, __LINE__, (message), (tail)); \
  } G_STMT_END

/* Reads @length bytes of @text until the reader stops; returns its error. */
static GError *
read_until_error (const char *name,
                  const char *text,
                  gsize       length,
                  guint      *n_records)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(PcCsv) csv = NULL;
  GError *error = NULL;

  g_assert_true (g_file_set_contents (path, text, length, NULL));
  csv = pc_csv_open (path, &error);
  g_assert_no_error (error);
  *n_records = 0;
  while (pc_csv_next (csv, &error))
    (*n_records)++;
  return error;
}

/* A field, a record and a header each have a limit (PC_CSV_MAX_*): past
 * it the reader stops at once, naming line and column, instead of holding
 * a line of any length (a 1 GB line, /dev/zero) in memory. */
static void
test_too_long (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n1,");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* an unquoted field one byte over 64 KiB, then 8 MiB more on its line */
  for (gsize i = 0; i < PC_CSV_MAX_FIELD + 1 + 8 * 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  error = read_until_error ("long.csv", text->str, text->len, &n);
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  pc_assert_ends (error->message, "/long.csv:2:2: the field is too long (more than 64 KiB)");
  g_assert_cmpuint (n, ==, 1);
  g_clear_error (&error);

  /* a field of exactly the limit is read */
  g_string_truncate (text, strlen ("a,b\n1,") + PC_CSV_MAX_FIELD);
  g_string_append (text, "\n");
  error = read_until_error ("limit.csv", text->str, text->len, &n);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  /* a quoted field over lines: the line and column it started on */
  g_string_assign (text, "a,b\n1,2\n3,\"");
  for (gsize i = 0; i < PC_CSV_MAX_FIELD + 2; i++)
    g_string_append (text, i % 100 == 0 ? "\n" : "y");
  g_string_append (text, "\"\n");
  error = read_until_error ("quoted.csv", text->str, text->len, &n);
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  pc_assert_ends (error->message, "/quoted.csv:3:2: the field is too long (more than 64 KiB)");
  g_clear_error (&error);

  /* a record of many fields each within the limit: 20 of 60 KiB */
  g_string_assign (text, "a,b\n");
  for (guint f = 0; f < 20; f++)
    {
      for (gsize i = 0; i < 60 * 1024; i++)
        g_string_append_c (text, 'z');
      g_string_append_c (text, ',');
    }
  error = read_until_error ("wide.csv", text->str, text->len, &n);
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  pc_assert_ends (error->message, "/wide.csv:2:18: the record is too long (more than 1024 KiB)");
  g_clear_error (&error);

  /* the header alone: 70,000 commas are no header */
  g_string_assign (text, "");
  for (gsize i = 0; i < 70000; i++)
    g_string_append_c (text, ',');
  error = read_until_error ("commas.csv", text->str, text->len, &n);
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "commas.csv:1:"));
  g_assert_nonnull (strstr (error->message, ": the header is too long (more than 64 KiB)"));
  g_assert_cmpuint (n, ==, 0);
}

/* NUL bytes, as /dev/zero gives: too long, at line 1, column 1. */
static void
test_zeros (void)
{
  gsize length = 4 * 1024 * 1024;
  g_autofree char *zeros = g_malloc0 (length);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  error = read_until_error ("zeros.csv", zeros, length, &n);
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  pc_assert_ends (error->message, "/zeros.csv:1:1: the field is too long (more than 64 KiB)");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcCsv) csv = pc_csv_open ("/nonexistent/pathcost.csv", &error);

  g_assert_null (csv);
  g_assert_error (error, PC_ERROR, PC_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "pathcost.csv"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/plain-and-quoted", test_plain_and_quoted);
  g_test_add_func ("/csv/strict", test_strict);
  g_test_add_func ("/csv/large-file", test_large_file);
  g_test_add_func ("/csv/nul-byte", test_nul_byte);
  g_test_add_func ("/csv/missing-file", test_missing_file);
  g_test_add_func ("/csv/too-long", test_too_long);
  g_test_add_func ("/csv/zeros", test_zeros);
  return g_test_run ();
}
