/* pc-csv.c: a streaming, strict RFC 4180 reader.  It reads the file in large
 * blocks and copies each record's fields into one reused buffer, so memory
 * does not grow with the file.  A stray quote is an error at its line, never
 * a quoted field that silently swallows the rest of the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-csv"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <nettle/sha2.h>

#include "pc-csv.h"
#include "pc-error.h"

#define BLOCK_SIZE (1 << 20)

/* Limits that keep memory bounded whatever the input (/dev/zero, a file of
 * one 1 GB line): a reader that stores a record whole must stop somewhere.
 * Real data stays far below them: the longest field of the sample is a few
 * hundred bytes.  The header gets its own, smaller limit: past it, the file
 * is not a CSV file at all. */
#define MAX_FIELD_BYTES  PC_CSV_MAX_FIELD
#define MAX_RECORD_BYTES PC_CSV_MAX_RECORD
#define MAX_HEADER_BYTES PC_CSV_MAX_HEADER

struct _PcCsv
{
  FILE    *file;
  char    *name;           /* for messages */
  guint8  *block;
  gsize    block_length;
  gsize    block_position;
  guint64  bytes_before;   /* bytes of the file before this block */
  guint64  size;
  gboolean at_end;
  gboolean started;
  guint64  line;           /* the line being read */
  guint64  record_line;    /* the line the current record starts on */
  guint64  n_records;      /* records read so far: the first is the header */
  GString *text;           /* the record's fields, each NUL-terminated */
  GArray  *starts;         /* offset of each field in text */
  gboolean ascii;          /* the record is known to be ASCII with no NUL byte */
  struct sha256_ctx checksum;  /* SHA-256 of every byte read, for the import's record */
};

PcCsv *
pc_csv_open (const char  *path,
             GError     **error)
{
  g_autoptr(PcCsv) csv = g_new0 (PcCsv, 1);
  GStatBuf info;

  g_return_val_if_fail (path != NULL, NULL);

  csv->name = g_filename_display_name (path);
  csv->file = g_fopen (path, "rb");
  if (csv->file == NULL || g_stat (path, &info) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PC_ERROR, PC_ERROR_IO, "%s: %s", csv->name, g_strerror (saved_errno));
      return NULL;
    }
  if (S_ISDIR (info.st_mode))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_IO, "%s: is a folder, not a CSV file", csv->name);
      return NULL;
    }
  csv->size = info.st_size;
  csv->block = g_malloc (BLOCK_SIZE);
  csv->line = 1;
  csv->text = g_string_sized_new (256);
  csv->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  sha256_init (&csv->checksum);
  return g_steal_pointer (&csv);
}

void
pc_csv_free (PcCsv *csv)
{
  if (csv == NULL)
    return;
  if (csv->file != NULL)
    fclose (csv->file);
  g_free (csv->name);
  g_free (csv->block);
  if (csv->text != NULL)
    g_string_free (csv->text, TRUE);
  if (csv->starts != NULL)
    g_array_unref (csv->starts);
  g_free (csv);
}

/* The next byte, or -1 at the end of the file. */
static int
read_byte (PcCsv   *csv,
           GError **error)
{
  if (csv->block_position == csv->block_length)
    {
      if (csv->at_end)
        return -1;
      csv->bytes_before += csv->block_length;
      csv->block_length = fread (csv->block, 1, BLOCK_SIZE, csv->file);
      csv->block_position = 0;
      sha256_update (&csv->checksum, csv->block_length, csv->block);
      if (csv->block_length < BLOCK_SIZE)
        {
          if (ferror (csv->file))
            {
              g_set_error (error, PC_ERROR, PC_ERROR_IO, "%s: could not be read", csv->name);
              return -2;
            }
          csv->at_end = TRUE;
        }
      if (!csv->started)
        {
          csv->started = TRUE;
          if (csv->block_length >= 3 && memcmp (csv->block, "\xEF\xBB\xBF", 3) == 0)
            csv->block_position = 3;
        }
      if (csv->block_position == csv->block_length)
        return -1;
    }
  return csv->block[csv->block_position++];
}

/* The next byte without consuming it (reading the next block if need be). */
static int
peek_byte (PcCsv   *csv,
           GError **error)
{
  int c = read_byte (csv, error);

  if (c >= 0)
    csv->block_position--;
  return c;
}

/* After a '\r': a following '\n' belongs to the same line break. */
static gboolean
end_line (PcCsv   *csv,
          int      c,
          GError **error)
{
  if (c == '\r')
    {
      int next = peek_byte (csv, error);

      if (next == -2)
        return FALSE;
      if (next == '\n')
        csv->block_position++;
    }
  csv->line++;
  return TRUE;
}

static void
start_field (PcCsv *csv)
{
  gsize start = csv->text->len;

  g_array_append_val (csv->starts, start);
}

/* Stops the record once a field, or the record, passes its limit: the
 * message names the line and column where it started. */
static gboolean
check_length (PcCsv   *csv,
              GError **error)
{
  gsize field_start = csv->starts->len > 0
                      ? g_array_index (csv->starts, gsize, csv->starts->len - 1) : 0;
  gsize record_limit = csv->n_records == 0 ? MAX_HEADER_BYTES : MAX_RECORD_BYTES;

  if (csv->text->len - field_start > MAX_FIELD_BYTES)
    g_set_error (error, PC_ERROR, PC_ERROR_PARSE,
                 "%s:%" G_GUINT64_FORMAT ":%u: the field is too long (more than %u KiB)",
                 csv->name, csv->record_line, csv->starts->len, MAX_FIELD_BYTES / 1024);
  else if (csv->text->len > record_limit)
    g_set_error (error, PC_ERROR, PC_ERROR_PARSE,
                 "%s:%" G_GUINT64_FORMAT ":%u: the %s is too long (more than %u KiB)",
                 csv->name, csv->record_line, csv->starts->len,
                 csv->n_records == 0 ? "header" : "record", (guint) (record_limit / 1024));
  else
    return TRUE;
  return FALSE;
}

static gboolean
fail (PcCsv       *csv,
      guint64      line,
      const char  *message,
      GError     **error)
{
  g_set_error (error, PC_ERROR, PC_ERROR_PARSE, "%s:%" G_GUINT64_FORMAT ": %s (field %u)",
               csv->name, line, message, csv->starts->len);
  return FALSE;
}

/* Reads a quoted field's body, after its opening quote. */
static gboolean
read_quoted (PcCsv   *csv,
             GError **error)
{
  guint64 opened_on = csv->line;

  for (;;)
    {
      int c = read_byte (csv, error);

      if (c == -2)
        return FALSE;
      if (c == -1)
        return fail (csv, opened_on, "a quoted field is never closed", error);
      if (c == '"')
        {
          int next = read_byte (csv, error);

          if (next == '"')
            {
              g_string_append_c (csv->text, '"');
              continue;
            }
          if (next >= 0)
            csv->block_position--;
          return next != -2 && check_length (csv, error);
        }
      if (c == '\n' || c == '\r')
        {
          g_string_append_c (csv->text, (char) c);
          if (c == '\r' && peek_byte (csv, error) == '\n')
            g_string_append_c (csv->text, (char) read_byte (csv, error));
          csv->line++;
          if (!check_length (csv, error))
            return FALSE;
          continue;
        }
      g_string_append_c (csv->text, (char) c);
      /* every 4 KiB is often enough: the limits are far larger */
      if ((csv->text->len & 0xfff) == 0 && !check_length (csv, error))
        return FALSE;
    }
}

/* Appends @first and the ordinary bytes after it in the current block, up
 * to the next delimiter, quote or line break (most of a file is these). */
static gboolean
append_plain_run (PcCsv   *csv,
                  char     first,
                  GError **error)
{
  const guint8 *start = csv->block + csv->block_position;
  const guint8 *end = csv->block + csv->block_length;
  const guint8 *p = start;

  /* never more than the limit allows, so the text stays bounded */
  if ((gsize) (end - start) > MAX_FIELD_BYTES + 1)
    end = start + MAX_FIELD_BYTES + 1;
  while (p < end && *p != ',' && *p != '\n' && *p != '\r' && *p != '"')
    p++;
  g_string_append_c (csv->text, first);
  g_string_append_len (csv->text, (const char *) start, p - start);
  csv->block_position += p - start;
  return check_length (csv, error);
}

/* Reads one record into text/starts; FALSE at the end of the file. */
static gboolean
read_record (PcCsv    *csv,
             gboolean *got_record,
             GError  **error)
{
  gboolean in_field = FALSE, quoted = FALSE;

  g_string_truncate (csv->text, 0);
  g_array_set_size (csv->starts, 0);
  csv->record_line = csv->line;
  *got_record = FALSE;

  for (;;)
    {
      int c = read_byte (csv, error);

      if (c == -2)
        return FALSE;
      if (c == -1 || c == '\n' || c == '\r')
        {
          if (csv->starts->len == 0 && !in_field && c == -1)
            return TRUE;
          if (!in_field && csv->starts->len == 0)
            {
              /* an empty line: skip it */
              if (!end_line (csv, c, error))
                return FALSE;
              csv->record_line = csv->line;
              continue;
            }
          if (!in_field)
            start_field (csv);
          g_string_append_c (csv->text, '\0');
          *got_record = TRUE;
          return c == -1 || end_line (csv, c, error);
        }
      if (!in_field)
        {
          start_field (csv);
          in_field = TRUE;
          quoted = FALSE;
        }
      if (c == ',')
        {
          g_string_append_c (csv->text, '\0');
          in_field = FALSE;
          /* a record of commas alone grows too */
          if (!check_length (csv, error))
            return FALSE;
          continue;
        }
      if (quoted)
        return fail (csv, csv->line, "text after a closing quote", error);
      if (c != '"')
        {
          if (!append_plain_run (csv, (char) c, error))
            return FALSE;
          continue;
        }
      if (csv->text->len != g_array_index (csv->starts, gsize, csv->starts->len - 1))
        return fail (csv, csv->line, "a quote inside an unquoted field", error);
      if (!read_quoted (csv, error))
        return FALSE;
      quoted = TRUE;
    }
}

/* A record that is one line of the current block, with no quote or '\r'
 * and shorter than any limit (most records of a large file): copied and
 * split in one pass.  FALSE, having read nothing, for any other, which
 * read_record reads byte by byte. */
static gboolean
read_simple_record (PcCsv *csv)
{
  const guint8 *start = csv->block + csv->block_position;
  const guint8 *newline;
  gsize length, field = 0;
  guint8 unusual = 0;
  char *text;

  if (csv->n_records == 0 || csv->block_position >= csv->block_length)
    return FALSE;
  newline = memchr (start, '\n', csv->block_length - csv->block_position);
  if (newline == NULL || newline == start || (gsize) (newline - start) > MAX_FIELD_BYTES
      || memchr (start, '"', newline - start) != NULL || memchr (start, '\r', newline - start) != NULL)
    return FALSE;
  length = newline - start;
  g_string_truncate (csv->text, 0);
  g_string_append_len (csv->text, (const char *) start, (gssize) length);
  g_array_set_size (csv->starts, 0);
  g_array_append_val (csv->starts, field);
  text = csv->text->str;
  for (gsize i = 0; i < length; i++)
    {
      guint8 c = (guint8) text[i];

      /* a NUL byte, or any byte of a multi-byte character */
      unusual |= (c == 0) | (c >> 7);
      if (c == ',')
        {
          text[i] = '\0';
          field = i + 1;
          g_array_append_val (csv->starts, field);
        }
    }
  g_string_append_c (csv->text, '\0');   /* as read_record ends a record */
  csv->ascii = !unusual;
  csv->record_line = csv->line++;
  csv->block_position += length + 1;
  return TRUE;
}

gboolean
pc_csv_next (PcCsv   *csv,
             GError **error)
{
  gboolean got_record;

  g_return_val_if_fail (csv != NULL, FALSE);

  if (read_simple_record (csv))
    {
      csv->n_records++;
      if (csv->ascii)
        return TRUE;
    }
  else if (!read_record (csv, &got_record, error) || !got_record)
    return FALSE;
  else
    csv->n_records++;
  for (guint i = 0; i < csv->starts->len; i++)
    {
      gsize start = g_array_index (csv->starts, gsize, i);
      gsize end = i + 1 < csv->starts->len ? g_array_index (csv->starts, gsize, i + 1)
                                           : csv->text->len;

      /* the field's own length (less its terminator): a NUL byte inside it
       * fails, where validating up to the first NUL would cut the field short */
      if (g_utf8_validate (csv->text->str + start, end - start - 1, NULL))
        continue;
      g_set_error (error, PC_ERROR, PC_ERROR_PARSE,
                   "%s:%" G_GUINT64_FORMAT ":%u: the text is not valid UTF-8 "
                   "(save the file as UTF-8)", csv->name, csv->record_line, i + 1);
      return FALSE;
    }
  return TRUE;
}

guint
pc_csv_get_n_fields (PcCsv *csv)
{
  return csv->starts->len;
}

gsize
pc_csv_get_field_length (PcCsv *csv,
                         guint  index)
{
  gsize start, end;

  g_return_val_if_fail (index < csv->starts->len, 0);
  start = g_array_index (csv->starts, gsize, index);
  end = index + 1 < csv->starts->len ? g_array_index (csv->starts, gsize, index + 1) : csv->text->len;
  return end - start - 1;
}

char *
pc_csv_get_field (PcCsv *csv,
                  guint  index)
{
  g_return_val_if_fail (index < csv->starts->len, NULL);
  return csv->text->str + g_array_index (csv->starts, gsize, index);
}

guint64
pc_csv_get_line (PcCsv *csv)
{
  return csv->record_line;
}

guint64
pc_csv_get_bytes_read (PcCsv *csv)
{
  return csv->bytes_before + csv->block_position;
}

guint64
pc_csv_get_size (PcCsv *csv)
{
  return csv->size;
}

char *
pc_csv_get_sha256 (PcCsv *csv)
{
  struct sha256_ctx copy;
  guint8 digest[SHA256_DIGEST_SIZE];
  GString *hex;

  g_return_val_if_fail (csv != NULL, NULL);

  if (!csv->at_end || csv->block_position < csv->block_length)
    return NULL;
  hex = g_string_sized_new (2 * SHA256_DIGEST_SIZE);
  copy = csv->checksum;   /* sha256_digest resets the context it ends */
  sha256_digest (&copy, sizeof digest, digest);
  for (guint i = 0; i < sizeof digest; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}
