/* pc-importer-activity.c: the activity extract (docs/FORMATS.md,
 * "activity"), millions of rows.  This thread reads, checks and tallies
 * each row (pc-activity-tally.c); a writer thread inserts them, many rows
 * per statement, in batches handed over through two queues.  Three
 * batches exist, so memory stays the same whatever the file's size, and
 * reading waits when writing falls behind.  The writer only ever runs
 * inside the import's transaction: it has stopped before anything else
 * touches the connection (the summaries, the commit or the rollback).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-importer-private.h"
#include "pc-project-private.h"

#define BATCH_ROWS 4096
#define N_BATCHES 8
#define ROWS_PER_INSERT 32
#define N_COLUMNS 11
#define INSERT_SQL "INSERT INTO activity (patient, provider, area, site, stage, day, hrg, " \
                   "activity, quantity, cost, tariff_paid) VALUES "

enum { ACT_PATIENT, ACT_PROVIDER, ACT_AREA, ACT_SITE, ACT_STAGE, ACT_DATE, ACT_HRG, ACT_ACTIVITY,
       ACT_QUANTITY, ACT_COST, ACT_TARIFF_PAID };

/* A row as the writer binds it; its texts are offsets into the batch's. */
typedef struct
{
  guint32    offset;
  guint32    length;
} BatchText;

typedef struct
{
  BatchText  patient, provider, area, site, hrg;
  PcStage    stage;
  PcActivity activity;
  int        day;
  double     quantity, cost, tariff_paid;
} BatchRow;

typedef struct
{
  GString *text;       /* the rows' texts, each NUL-terminated */
  GArray  *rows;       /* of BatchRow */
  gboolean last;       /* the writer stops after it */
} Batch;

typedef struct
{
  GHashTable      *areas, *sites, *providers;
  PcActivityTally *tally;     /* NULL when the rows go after others, or came apart */
  GAsyncQueue     *full;      /* batches to write */
  GAsyncQueue     *empty;     /* batches written, to fill again */
  Batch           *filling;
  GThread         *writer;
  sqlite3         *db;
  sqlite3_stmt    *insert_many, *insert_one;
  PcProject       *project;
  GError          *error;     /* the writer's first failure (set before it stops) */
  gint             failed;    /* atomic: error is set */
} ActivityState;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->text = g_string_sized_new (BATCH_ROWS * 48);
  batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (BatchRow), BATCH_ROWS);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_string_free (batch->text, TRUE);
  g_array_unref (batch->rows);
  g_free (batch);
}

static BatchText
batch_add_text (Batch      *batch,
                const char *text)
{
  BatchText added = { (guint32) batch->text->len, (guint32) strlen (text) };

  g_string_append_len (batch->text, text, (gssize) added.length + 1);
  return added;
}

static void
bind_text (sqlite3_stmt    *stmt,
           int              index,
           const Batch     *batch,
           BatchText        text)
{
  sqlite3_bind_text (stmt, index, batch->text->str + text.offset, (int) text.length, SQLITE_STATIC);
}

/* Binds @row to the @n-th row of @stmt's parameters. */
static void
bind_row (sqlite3_stmt   *stmt,
          int             n,
          const Batch    *batch,
          const BatchRow *row)
{
  int base = n * N_COLUMNS;

  bind_text (stmt, base + 1, batch, row->patient);
  bind_text (stmt, base + 2, batch, row->provider);
  bind_text (stmt, base + 3, batch, row->area);
  bind_text (stmt, base + 4, batch, row->site);
  sqlite3_bind_text (stmt, base + 5, pc_stage_to_string (row->stage), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, base + 6, row->day);
  bind_text (stmt, base + 7, batch, row->hrg);
  sqlite3_bind_text (stmt, base + 8, pc_activity_to_string (row->activity), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, base + 9, row->quantity);
  sqlite3_bind_double (stmt, base + 10, row->cost);
  sqlite3_bind_double (stmt, base + 11, row->tariff_paid);
}

static int
step_reset (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The batch's rows, ROWS_PER_INSERT to a statement, the rest one by one. */
static int
write_batch (ActivityState *state,
             const Batch   *batch)
{
  guint n = batch->rows->len, i = 0;
  int rc = SQLITE_OK;

  for (; rc == SQLITE_OK && i + ROWS_PER_INSERT <= n; i += ROWS_PER_INSERT)
    {
      for (int r = 0; r < ROWS_PER_INSERT; r++)
        bind_row (state->insert_many, r, batch, &g_array_index (batch->rows, BatchRow, i + r));
      rc = step_reset (state->insert_many);
    }
  for (; rc == SQLITE_OK && i < n; i++)
    {
      bind_row (state->insert_one, 0, batch, &g_array_index (batch->rows, BatchRow, i));
      rc = step_reset (state->insert_one);
    }
  return rc;
}

static gpointer
write_batches (gpointer data)
{
  ActivityState *state = data;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (state->full);
      gboolean last = batch->last;

      if (batch->rows->len > 0 && !g_atomic_int_get (&state->failed))
        {
          int rc = write_batch (state, batch);

          if (rc != SQLITE_OK)
            {
              _pc_project_sqlite_error (state->project, rc, "import the file", &state->error);
              g_atomic_int_set (&state->failed, 1);
            }
        }
      g_string_truncate (batch->text, 0);
      g_array_set_size (batch->rows, 0);
      batch->last = FALSE;
      g_async_queue_push (state->empty, batch);
      if (last)
        return NULL;
    }
}

static char *
insert_sql (guint n_rows)
{
  GString *sql = g_string_new (INSERT_SQL);

  for (guint r = 0; r < n_rows; r++)
    g_string_append (sql, r == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                 : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  return g_string_free (sql, FALSE);
}

/* Hands the batch being filled to the writer and takes an empty one. */
static void
hand_over (ActivityState *state,
           gboolean       last)
{
  state->filling->last = last;
  g_async_queue_push (state->full, state->filling);
  state->filling = last ? NULL : g_async_queue_pop (state->empty);
}

/* Waits for the writer to end (it writes what it was given first). */
static void
stop_writer (ActivityState *state)
{
  if (state->writer == NULL)
    return;
  hand_over (state, TRUE);
  g_thread_join (g_steal_pointer (&state->writer));
}

/* The summaries are tallied as the rows go in, after the rows already
 * there (in file order) when appending, as long as each patient's rows
 * come together; else they are made again from every row, sorted by
 * patient, at the end. */
gpointer
_pc_import_start_activity (PcImport *im)
{
  ActivityState *state = g_new0 (ActivityState, 1);
  g_autofree char *many = insert_sql (ROWS_PER_INSERT);
  g_autofree char *one = insert_sql (1);
  sqlite3_stmt *any;

  state->project = im->project;
  state->db = im->db;
  state->areas = _pc_import_load_codes (im, "SELECT code FROM areas");
  state->sites = _pc_import_load_codes (im, "SELECT code FROM sites");
  state->providers = _pc_import_load_codes (im, "SELECT code FROM providers");
  if (im->flags & PC_IMPORT_REPLACE)
    _pc_import_step (im, _pc_import_prepare (im, "DELETE FROM activity"));
  state->tally = pc_activity_tally_new (FALSE);
  any = _pc_import_prepare (im, "SELECT 1 FROM activity LIMIT 1");
  if (any != NULL && sqlite3_step (any) == SQLITE_ROW && im->fatal == NULL
      && _pc_activity_tally_rows (im->db, state->tally, &im->fatal)
      && pc_activity_tally_is_apart (state->tally))
    g_clear_pointer (&state->tally, pc_activity_tally_free);
  if (any != NULL)
    sqlite3_reset (any);   /* a statement left running would hold the rollback up */
  state->insert_many = _pc_import_prepare (im, many);
  state->insert_one = _pc_import_prepare (im, one);
  state->full = g_async_queue_new ();
  state->empty = g_async_queue_new ();
  for (guint i = 1; i < N_BATCHES; i++)
    g_async_queue_push (state->empty, batch_new ());
  state->filling = batch_new ();
  if (im->fatal == NULL)
    state->writer = g_thread_new ("pc-import-writer", write_batches, state);
  return state;
}

static void
tally_row (ActivityState          *state,
           const PcActivityRecord *record)
{
  if (state->tally != NULL && !pc_activity_tally_add (state->tally, record))
    g_clear_pointer (&state->tally, pc_activity_tally_free);
}

static void
queue_row (PcImport               *im,
           ActivityState          *state,
           const PcActivityRecord *record)
{
  Batch *batch = state->filling;
  BatchRow row = {
    batch_add_text (batch, record->patient), batch_add_text (batch, record->provider),
    batch_add_text (batch, record->area), batch_add_text (batch, record->site),
    batch_add_text (batch, record->hrg), record->stage, record->activity, record->day,
    record->quantity, record->cost, record->tariff_paid
  };

  g_array_append_val (batch->rows, row);
  if (batch->rows->len < BATCH_ROWS)
    return;
  if (g_atomic_int_get (&state->failed))
    {
      /* the writer has stopped writing: so does the import */
      stop_writer (state);
      im->fatal = g_steal_pointer (&state->error);
      return;
    }
  hand_over (state, FALSE);
}

void
_pc_import_row_activity (PcImport *im)
{
  ActivityState *state = im->state;
  const char *patient = _pc_import_required (im, ACT_PATIENT);
  const char *provider = _pc_import_reference (im, ACT_PROVIDER, state->providers, "provider", "providers");
  const char *area = _pc_import_reference (im, ACT_AREA, state->areas, "area", "areas");
  const char *site = _pc_import_reference (im, ACT_SITE, state->sites, "site", "sites");
  const char *stage = _pc_import_text (im, ACT_STAGE);
  const char *date = _pc_import_required (im, ACT_DATE);
  const char *hrg = _pc_import_required (im, ACT_HRG);
  const char *activity_text = _pc_import_required (im, ACT_ACTIVITY);
  PcActivityRecord record = { patient, provider, area, site, PC_STAGE_UNKNOWN, 0, hrg, 0, 0, 0, 0 };

  if (activity_text != NULL && !pc_activity_from_string (activity_text, &record.activity))
    _pc_import_problem (im, ACT_ACTIVITY, "'%s' is not %s", activity_text,
                        "an activity (outpatient, imaging, elective, daycase, bed_day, chemotherapy, "
                        "radiotherapy, drug, community or other)");
  if (*stage != '\0' && !pc_stage_from_string (stage, &record.stage))
    _pc_import_problem (im, ACT_STAGE, "'%s' is not a stage (1, 2, 3, 4, unknown or blank)", stage);
  if (date != NULL && (record.day = pc_date_to_day (date)) == 0)
    _pc_import_problem (im, ACT_DATE, "'%s' is not a date (YYYY-MM-DD)", date);
  _pc_import_number (im, ACT_QUANTITY, PC_NUMBER_NOT_NEGATIVE, &record.quantity);
  _pc_import_number (im, ACT_COST, PC_NUMBER_MONEY | PC_NUMBER_NOT_NEGATIVE, &record.cost);
  if (_pc_import_number (im, ACT_TARIFF_PAID, PC_NUMBER_MONEY | PC_NUMBER_NOT_NEGATIVE
                         | PC_NUMBER_OPTIONAL, &record.tariff_paid) && isnan (record.tariff_paid))
    record.tariff_paid = 0.0;
  if (im->row_bad || im->fatal != NULL)
    return;
  tally_row (state, &record);
  queue_row (im, state, &record);
}

/* Before anything else uses the connection: the writer's last rows. */
void
_pc_import_stop_activity (PcImport *im)
{
  ActivityState *state = im->state;

  if (state == NULL || state->writer == NULL)
    return;
  stop_writer (state);
  if (state->error != NULL && im->fatal == NULL)
    im->fatal = g_steal_pointer (&state->error);
}

void
_pc_import_finish_activity (PcImport *im)
{
  ActivityState *state = im->state;

  if (state->tally != NULL)
    {
      pc_activity_tally_finish (state->tally);
      _pc_activity_write_summaries (im->db, state->tally, &im->fatal);
    }
  else
    _pc_activity_summarise (im->db, &im->fatal);
}

void
_pc_import_free_activity (gpointer data)
{
  ActivityState *state = data;
  Batch *batch;

  if (state->writer != NULL)
    stop_writer (state);
  while ((batch = g_async_queue_try_pop (state->empty)) != NULL)
    batch_free (batch);
  g_clear_pointer (&state->filling, batch_free);
  g_async_queue_unref (state->full);
  g_async_queue_unref (state->empty);
  g_clear_pointer (&state->areas, g_hash_table_unref);
  g_clear_pointer (&state->sites, g_hash_table_unref);
  g_clear_pointer (&state->providers, g_hash_table_unref);
  g_clear_pointer (&state->tally, pc_activity_tally_free);
  g_clear_error (&state->error);
  g_free (state);
}
