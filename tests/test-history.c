/* test-history.c: editing a project's pathway steps, undo and redo of those
 * edits, nested changes, and writing a consistent copy of a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pc-costing.h"
#include "pc-error.h"
#include "pc-history.h"
#include "pc-project-private.h"
#include "pc-schema.h"
#include "pc-test-util.h"

#define PATHWAY "lung_best_practice"

static PcPathway *
load (PcProject  *project,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  PcPathway *pathway = pc_project_load_pathway (project, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pathway);
  return pathway;
}

static void
cost_of (PcProject        *project,
         const char       *name,
         PcCostPerPatient  cost)
{
  g_autoptr(PcPathway) pathway = load (project, name);

  pc_pathway_cost_per_patient (pathway, cost);
}

/* Exactly the same figures, to the last bit. */
static void
assert_same_cost (PcCostPerPatient a,
                  PcCostPerPatient b)
{
  for (guint s = 0; s < PC_N_STAGES; s++)
    for (guint k = 0; k < PC_N_BASES; k++)
      for (guint y = 0; y < PC_N_OFFSETS; y++)
        if (a[s][k][y] != b[s][k][y])
          g_error ("stage %u, basis %u, year %u: %.17g, expected %.17g",
                   s, k, y, a[s][k][y], b[s][k][y]);
}

/* The step names of @name in order, NULL-terminated. */
/* Sum and count of a table's column, to compare its states. */
static char *
table_summary (PcProject  *project,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *summary;

  g_assert_cmpint (sqlite3_prepare_v2 (pc_project_get_db (project), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  summary = g_strdup_printf ("%d rows, %.17g", sqlite3_column_int (stmt, 0), sqlite3_column_double (stmt, 1));
  sqlite3_finalize (stmt);
  return summary;
}

/* A bulk edit of one table and a small edit of another, as one change. */
static gboolean
bulk_edit (PcProject *project,
           gpointer   data,
           GError   **error)
{
  const char *sql =
    "INSERT INTO population (area, year, sex, age_band, count) "
    "SELECT area, year + 100, sex, age_band, count * 2 FROM population;"
    "UPDATE population SET count = count + 1 WHERE year < 2100;"
    "UPDATE settings SET value = '0.05' WHERE key = 'discount_rate';";

  g_assert_cmpint (sqlite3_exec (pc_project_get_db (project), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return TRUE;
}

/* A table kept by snapshot comes back row for row on undo and redo, and
 * the rest of the edit, kept by the session, with it. */
static void
test_snapshot (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);
  g_autoptr(PcProject) project = pc_test_open_project (path, FALSE);
  g_autoptr(PcHistory) history = pc_history_new (project);
  g_autoptr(GError) error = NULL;
  const char *sql = "SELECT count(*), total(count * (year - 1990)) FROM population";
  g_autofree char *before = table_summary (project, sql);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (pc_history_run_full (history, "Import population", "population", bulk_edit, NULL, &error));
  g_assert_no_error (error);
  after = table_summary (project, sql);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpfloat (pc_project_get_discount_rate (project), ==, 0.05);

  g_assert_true (pc_history_undo (history, &error));
  g_assert_no_error (error);
  undone = table_summary (project, sql);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpfloat (pc_project_get_discount_rate (project), ==, 0.035);

  g_assert_true (pc_history_redo (history, &error));
  g_assert_no_error (error);
  redone = table_summary (project, sql);
  g_assert_cmpstr (redone, ==, after);
  g_assert_cmpfloat (pc_project_get_discount_rate (project), ==, 0.05);
  g_assert_cmpuint (_pc_project_get_depth (project), ==, 0);

  /* A new edit forgets the redo, and its snapshot with it. */
  g_assert_true (pc_history_undo (history, &error));
  g_assert_true (pc_project_set_setting (project, "inflation", "0.01", &error));
  pc_history_clear (history);
  g_assert_false (pc_history_get_can_redo (history));
}

static GStrv
step_names (PcProject  *project,
            const char *name)
{
  g_autoptr(PcPathway) pathway = load (project, name);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < pathway->steps->len; i++)
    g_strv_builder_add (names, ((PcStep *) g_ptr_array_index (pathway->steps, i))->name);
  return g_strv_builder_end (names);
}

static PcStep *
step_at (PcProject  *project,
         const char *name,
         guint       index)
{
  g_autoptr(PcPathway) pathway = load (project, name);

  g_assert_cmpuint (index, <, pathway->steps->len);
  return pc_step_copy (g_ptr_array_index (pathway->steps, index));
}

static PcStep *
new_local_step (const char *name,
                double      quantity)
{
  const double share[PC_N_STAGES] = { 1, 1, 0.5, 0.5, 1 };

  return pc_test_make_step (name, "follow_up", "ccg", 1, PC_BASIS_PATIENT,
                            PC_ACTIVITY_COMMUNITY, 40, quantity, share);
}

/* One edit for pc_history_run, described as data. */
typedef enum { EDIT_UPDATE, EDIT_INSERT, EDIT_DELETE, EDIT_MOVE, EDIT_NOTHING } EditKind;

typedef struct
{
  EditKind      kind;
  const char   *pathway;
  guint         index;
  guint         to;
  const PcStep *step;
} Edit;

static gboolean
run_edit (PcProject  *project,
          gpointer    user_data,
          GError    **error)
{
  const Edit *edit = user_data;

  switch (edit->kind)
    {
    case EDIT_UPDATE:
      return pc_project_update_step (project, edit->pathway, edit->index, edit->step, error);
    case EDIT_INSERT:
      return pc_project_insert_step (project, edit->pathway, edit->index, edit->step, error);
    case EDIT_DELETE:
      return pc_project_delete_step (project, edit->pathway, edit->index, error);
    case EDIT_MOVE:
      return pc_project_move_step (project, edit->pathway, edit->index, edit->to, error);
    case EDIT_NOTHING:
    default:
      return TRUE;
    }
}

static void
run_ok (PcHistory  *history,
        const char *label,
        Edit        edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_history_run (history, label, run_edit, &edit, &error));
  g_assert_no_error (error);
}

static void
undo_ok (PcHistory *history)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_history_undo (history, &error));
  g_assert_no_error (error);
}

static void
redo_ok (PcHistory *history)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_history_redo (history, &error));
  g_assert_no_error (error);
}

static void
count_signal (gpointer  object,
              gpointer  data_or_pspec,
              guint    *count)
{
  (*count)++;
}

static void
count_changed (PcHistory *history,
               guint     *count)
{
  (*count)++;
}

/* Raising a step's quantity raises the pathway's cost by exactly that
 * step's share; undo gives back the previous figures to the bit, redo the
 * new ones, and each tells the views to reload. */
static void
test_update_undo_redo (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);
  g_autoptr(PcProject) project = pc_test_open_project (path, FALSE);
  g_autoptr(PcHistory) history = pc_history_new (project);
  g_autoptr(PcPathway) pathway = load (project, PATHWAY);
  g_autoptr(PcStep) step = step_at (project, PATHWAY, 2);
  g_autoptr(PcStep) reloaded = NULL;
  PcCostPerPatient before, after, expected;
  double old_quantity = step->quantity;
  guint n_changed = 0;

  g_signal_connect (history, "changed", G_CALLBACK (count_changed), &n_changed);
  pc_pathway_cost_per_patient (pathway, before);
  memcpy (expected, before, sizeof expected);
  step->quantity = old_quantity + 2;
  for (guint s = 0; s < PC_N_STAGES; s++)
    expected[s][step->basis][step->year_offset] +=
      2 * step->share[s] * pc_step_unit_cost (step, pathway->mff);

  run_ok (history, "Change quantity of CT", (Edit) { EDIT_UPDATE, PATHWAY, 2, 0, step });
  g_assert_cmpuint (n_changed, ==, 1);
  cost_of (project, PATHWAY, after);
  for (guint s = 0; s < PC_N_STAGES; s++)
    pc_assert_close (after[s][step->basis][step->year_offset],
                     expected[s][step->basis][step->year_offset]);
  g_assert_cmpfloat (after[PC_STAGE_1][step->basis][step->year_offset], >,
                     before[PC_STAGE_1][step->basis][step->year_offset]);
  reloaded = step_at (project, PATHWAY, 2);
  g_assert_cmpfloat (reloaded->quantity, ==, old_quantity + 2);
  g_assert_cmpstr (reloaded->name, ==, step->name);
  g_clear_pointer (&reloaded, pc_step_free);

  undo_ok (history);
  g_assert_cmpuint (n_changed, ==, 2);
  cost_of (project, PATHWAY, expected);
  assert_same_cost (expected, before);
  reloaded = step_at (project, PATHWAY, 2);
  g_assert_cmpfloat (reloaded->quantity, ==, old_quantity);
  g_clear_pointer (&reloaded, pc_step_free);
  g_assert_false (pc_history_get_can_undo (history));
  g_assert_true (pc_history_get_can_redo (history));
  g_assert_cmpstr (pc_history_get_redo_label (history), ==, "Change quantity of CT");

  redo_ok (history);
  g_assert_cmpuint (n_changed, ==, 3);
  cost_of (project, PATHWAY, expected);
  assert_same_cost (expected, after);

  /* The edit is in the file itself, not only in this connection. */
  g_clear_object (&history);
  g_clear_object (&project);
  project = pc_test_open_project (path, FALSE);
  reloaded = step_at (project, PATHWAY, 2);
  g_assert_cmpfloat (reloaded->quantity, ==, old_quantity + 2);
}

static void
assert_same_step (const PcStep *a,
                  const PcStep *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->phase, ==, b->phase);
  g_assert_cmpstr (a->funding, ==, b->funding);
  g_assert_cmpint (a->year_offset, ==, b->year_offset);
  g_assert_cmpint (a->basis, ==, b->basis);
  g_assert_cmpint (a->activity, ==, b->activity);
  g_assert_cmpstr (a->tariff_code, ==, b->tariff_code);
  if (a->tariff_code == NULL)
    g_assert_cmpfloat (a->local_unit_cost, ==, b->local_unit_cost);
  else
    g_assert_cmpfloat (a->tariff_price, ==, b->tariff_price);
  g_assert_cmpfloat (a->quantity, ==, b->quantity);
  for (guint s = 0; s < PC_N_STAGES; s++)
    g_assert_cmpfloat (a->share[s], ==, b->share[s]);
  g_assert_cmpint (a->has_provider_unit_cost, ==, b->has_provider_unit_cost);
  if (a->has_provider_unit_cost)
    g_assert_cmpfloat (a->provider_unit_cost, ==, b->provider_unit_cost);
}

/* Every field of the step is written; undo brings every one back. */
static void
test_update_every_field (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);
  g_autoptr(PcProject) project = pc_test_open_project (path, FALSE);
  g_autoptr(PcHistory) history = pc_history_new (project);
  g_autoptr(PcStep) original = step_at (project, PATHWAY, 5);
  g_autoptr(PcStep) local = new_local_step ("Nurse telephone review", 2.5);
  g_autoptr(PcStep) tariffed = pc_step_copy (original);
  g_autoptr(PcStep) now = NULL;

  g_assert_nonnull (original->tariff_code);
  local->basis = PC_BASIS_DEATH;
  local->year_offset = 4;
  local->has_provider_unit_cost = TRUE;
  local->provider_unit_cost = 37.5;
  run_ok (history, "Replace step", (Edit) { EDIT_UPDATE, PATHWAY, 5, 0, local });
  now = step_at (project, PATHWAY, 5);
  assert_same_step (now, local);
  g_clear_pointer (&now, pc_step_free);

  /* Back to a tariff, whose price comes from the tariffs, not the step. */
  g_free (tariffed->tariff_code);
  tariffed->tariff_code = g_strdup ("WF01A");
  tariffed->tariff_price = 1;
  run_ok (history, "Change tariff", (Edit) { EDIT_UPDATE, PATHWAY, 5, 0, tariffed });
  now = step_at (project, PATHWAY, 5);
  g_assert_cmpstr (now->tariff_code, ==, "WF01A");
  pc_assert_close (now->tariff_price, 171.46);   /* the sample's WF01A */
  g_clear_pointer (&now, pc_step_free);

  undo_ok (history);
  now = step_at (project, PATHWAY, 5);
  assert_same_step (now, local);
  g_clear_pointer (&now, pc_step_free);
  undo_ok (history);
  now = step_at (project, PATHWAY, 5);
  assert_same_step (now, original);
}

/* Each structural edit gives the expected order; its undo the exact order
 * and names there were before, its redo the edited ones again. */
static void
check_structural (PcProject  *project,
                  PcHistory  *history,
                  const char *label,
                  Edit        edit,
                  const char *const *expected)
{
  g_auto(GStrv) before = step_names (project, edit.pathway);
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) undone = NULL;
  g_auto(GStrv) redone = NULL;
  PcCostPerPatient cost_after, cost_redone;

  run_ok (history, label, edit);
  after = step_names (project, edit.pathway);
  g_assert_cmpstrv (after, expected);
  cost_of (project, edit.pathway, cost_after);

  undo_ok (history);
  undone = step_names (project, edit.pathway);
  g_assert_cmpstrv (undone, before);

  redo_ok (history);
  redone = step_names (project, edit.pathway);
  g_assert_cmpstrv (redone, after);
  cost_of (project, edit.pathway, cost_redone);
  assert_same_cost (cost_redone, cost_after);
  undo_ok (history);
}

/* @names with the entry at @from moved to @to (a copy). */
static GStrv
moved (const GStrv names,
       guint       from,
       guint       to)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_insert (list, to, g_ptr_array_steal_index (list, from));
  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (list, FALSE);
}

static GStrv
inserted (const GStrv  names,
          guint        index,
          const char  *name)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (list, g_strdup (names[i]));
  g_ptr_array_insert (list, index, g_strdup (name));
  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (list, FALSE);
}

static void
structural_edits (PcProject *project)
{
  g_autoptr(PcHistory) history = pc_history_new (project);
  g_autoptr(PcStep) nurse = new_local_step ("Nurse telephone review", 3);
  g_auto(GStrv) names = step_names (project, PATHWAY);
  guint n = g_strv_length (names);
  g_auto(GStrv) at_2 = inserted (names, 2, nurse->name);
  g_auto(GStrv) at_0 = inserted (names, 0, nurse->name);
  g_auto(GStrv) at_end = inserted (names, n, nurse->name);
  g_auto(GStrv) without_first = moved (names, 0, n - 1);
  g_auto(GStrv) down = moved (names, 1, 7);
  g_auto(GStrv) up = moved (names, 9, 3);
  g_auto(GStrv) first_to_last = moved (names, 0, n - 1);
  g_auto(GStrv) last_to_first = moved (names, n - 1, 0);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n, >, 10);
  check_structural (project, history, "Insert step",
                    (Edit) { EDIT_INSERT, PATHWAY, 2, 0, nurse }, (const char * const *) at_2);
  check_structural (project, history, "Insert step",
                    (Edit) { EDIT_INSERT, PATHWAY, 0, 0, nurse }, (const char * const *) at_0);
  check_structural (project, history, "Append step",
                    (Edit) { EDIT_INSERT, PATHWAY, n, 0, nurse }, (const char * const *) at_end);
  g_free (without_first[n - 1]);
  without_first[n - 1] = NULL;
  check_structural (project, history, "Delete step",
                    (Edit) { EDIT_DELETE, PATHWAY, 0, 0, NULL },
                    (const char * const *) without_first);
  check_structural (project, history, "Move step",
                    (Edit) { EDIT_MOVE, PATHWAY, 1, 7, NULL }, (const char * const *) down);
  check_structural (project, history, "Move step",
                    (Edit) { EDIT_MOVE, PATHWAY, 9, 3, NULL }, (const char * const *) up);
  check_structural (project, history, "Move step",
                    (Edit) { EDIT_MOVE, PATHWAY, 0, n - 1, NULL },
                    (const char * const *) first_to_last);
  check_structural (project, history, "Move step",
                    (Edit) { EDIT_MOVE, PATHWAY, n - 1, 0, NULL },
                    (const char * const *) last_to_first);

  /* Several edits undone one by one, newest first. */
  run_ok (history, "Insert step", (Edit) { EDIT_INSERT, PATHWAY, 2, 0, nurse });
  run_ok (history, "Move step", (Edit) { EDIT_MOVE, PATHWAY, 2, 0, NULL });
  run_ok (history, "Delete step", (Edit) { EDIT_DELETE, PATHWAY, 5, 0, NULL });
  undo_ok (history);
  undo_ok (history);
  {
    g_auto(GStrv) now = step_names (project, PATHWAY);

    g_assert_cmpstrv (now, at_2);
  }
  undo_ok (history);
  {
    g_auto(GStrv) now = step_names (project, PATHWAY);

    g_assert_cmpstrv (now, names);
  }
  g_assert_false (pc_history_undo (history, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
}

static void
test_structural_edits (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);
  g_autoptr(PcProject) project = pc_test_open_project (path, FALSE);

  structural_edits (project);
}

/* Positions need not follow one another, nor be positive: a pathway
 * whose positions have gaps and lie below zero edits the same way. */
static void
test_structural_edits_sparse_positions (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);
  g_autoptr(PcProject) project = pc_test_open_project (path, FALSE);
  g_auto(GStrv) before = step_names (project, PATHWAY);
  g_auto(GStrv) after = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  g_assert_true (pc_project_begin (project, &error));
  if (sqlite3_exec (pc_project_get_db (project), "UPDATE pathway_steps SET position = "
                    "-3 * position - 5 WHERE pathway = '" PATHWAY "'", NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  /* Reversed by the negation: put the names back in their first order. */
  if (sqlite3_exec (pc_project_get_db (project), "UPDATE pathway_steps SET position = "
                    "-position WHERE pathway = '" PATHWAY "'", NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  g_assert_true (pc_project_commit (project, &error));
  after = step_names (project, PATHWAY);
  g_assert_cmpstrv (after, before);
  g_assert_cmpint (sqlite3_exec (pc_project_get_db (project), "UPDATE pathway_steps SET position = "
                                 "position - 200 WHERE pathway = '" PATHWAY "'", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  structural_edits (project);
}

/* A refused edit changes nothing, records nothing and says which value is
 * wrong. */
static void
assert_refused (PcHistory  *history,
                Edit        edit,
                int         code,
                const char *words)
{
  PcProject *project = pc_history_get_project (history);
  g_autoptr(GBytes) before = pc_test_read_bytes (pc_project_get_path (project));
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_notify = 0, n_changed = 0;
  gulong notify_id = g_signal_connect (history, "notify", G_CALLBACK (count_signal), &n_notify);
  gulong changed_id = g_signal_connect (history, "changed", G_CALLBACK (count_changed), &n_changed);

  g_assert_false (pc_history_run (history, "Bad edit", run_edit, &edit, &error));
  g_assert_error (error, PC_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("'%s' does not say '%s'", error->message, words);
  after = pc_test_read_bytes (pc_project_get_path (project));
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (pc_history_get_can_undo (history));
  g_assert_null (pc_history_get_undo_label (history));
  g_assert_cmpuint (n_notify, ==, 0);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpuint (_pc_project_get_depth (project), ==, 0);
  g_signal_handler_disconnect (history, notify_id);
  g_signal_handler_disconnect (history, changed_id);
}

static gboolean
update_then_fail (PcProject  *project,
                  gpointer    user_data,
                  GError    **error)
{
  g_autoptr(PcStep) step = step_at (project, PATHWAY, 0);

  step->quantity = 5;
  if (!pc_project_update_step (project, PATHWAY, 0, step, error))
    return FALSE;
  step->quantity = -1;
  return pc_project_update_step (project, PATHWAY, 1, step, error);
}

static void
test_refused_edits (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);
  g_autoptr(PcProject) project = pc_test_open_project (path, FALSE);
  g_autoptr(PcHistory) history = pc_history_new (project);
  g_autoptr(PcStep) step = step_at (project, PATHWAY, 3);
  g_autoptr(PcStep) first = step_at (project, PATHWAY, 0);
  g_autoptr(PcStep) good = new_local_step ("Nurse telephone review", 1);
  g_autoptr(GBytes) before = pc_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = step_names (project, PATHWAY);
  double quantity = step->quantity;
  guint n = g_strv_length (names);

  step->quantity = -1;
  assert_refused (history, (Edit) { EDIT_UPDATE, PATHWAY, 3, 0, step }, PC_ERROR_INVALID, "quantity");
  step->quantity = quantity;
  step->share[PC_STAGE_2] = 1.5;
  assert_refused (history, (Edit) { EDIT_UPDATE, PATHWAY, 3, 0, step }, PC_ERROR_INVALID, "stage_2");
  step->share[PC_STAGE_2] = 1;
  g_free (step->tariff_code);
  step->tariff_code = g_strdup ("XX99Z");
  assert_refused (history, (Edit) { EDIT_UPDATE, PATHWAY, 3, 0, step }, PC_ERROR_NOT_FOUND,
                  "unknown tariff code 'XX99Z'");
  g_clear_pointer (&step->tariff_code, g_free);
  step->local_unit_cost = NAN;
  assert_refused (history, (Edit) { EDIT_INSERT, PATHWAY, 3, 0, step }, PC_ERROR_INVALID,
                  "local_unit_cost");
  step->tariff_code = g_strdup ("");
  assert_refused (history, (Edit) { EDIT_UPDATE, PATHWAY, 3, 0, step }, PC_ERROR_INVALID,
                  "local_unit_cost");
  g_clear_pointer (&step->tariff_code, g_free);
  step->local_unit_cost = 10;
  g_free (step->phase);
  step->phase = g_strdup ("");
  assert_refused (history, (Edit) { EDIT_INSERT, PATHWAY, 3, 0, step }, PC_ERROR_INVALID, "phase");
  /* The same step, year and basis twice: an import refuses it too. */
  assert_refused (history, (Edit) { EDIT_INSERT, PATHWAY, 3, 0, first }, PC_ERROR_INVALID,
                  first->name);
  assert_refused (history, (Edit) { EDIT_UPDATE, PATHWAY, 3, 0, first }, PC_ERROR_INVALID,
                  first->name);
  assert_refused (history, (Edit) { EDIT_UPDATE, "no_such_pathway", 0, 0, good },
                  PC_ERROR_NOT_FOUND, "no_such_pathway");
  assert_refused (history, (Edit) { EDIT_UPDATE, PATHWAY, n, 0, good }, PC_ERROR_INVALID,
                  "no step number");
  assert_refused (history, (Edit) { EDIT_INSERT, PATHWAY, n + 1, 0, good }, PC_ERROR_INVALID,
                  "no step number");
  assert_refused (history, (Edit) { EDIT_DELETE, PATHWAY, n, 0, NULL }, PC_ERROR_INVALID,
                  "no step number");
  assert_refused (history, (Edit) { EDIT_MOVE, PATHWAY, 0, n, NULL }, PC_ERROR_INVALID,
                  "no step number");

  /* An edit that changed one step before failing leaves none changed. */
  g_assert_false (pc_history_run (history, "Two steps", update_then_fail, NULL, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "quantity"));
  g_clear_error (&error);
  g_assert_false (pc_history_get_can_undo (history));

  /* An edit that changes nothing records nothing. */
  run_ok (history, "Nothing", (Edit) { EDIT_NOTHING, PATHWAY, 0, 0, NULL });
  g_assert_false (pc_history_get_can_undo (history));
  after = pc_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* A read-only project refuses every edit, naming the file. */
  {
    g_autoptr(PcProject) reader = pc_project_open_full (path, PC_PROJECT_OPEN_READ_ONLY, &error);
    g_autoptr(PcHistory) reader_history = NULL;

    g_assert_no_error (error);
    reader_history = pc_history_new (reader);
    assert_refused (reader_history, (Edit) { EDIT_UPDATE, PATHWAY, 0, 0, good }, PC_ERROR_IO,
                    "read-only");
  }
}

/* Each property is announced once when, and only when, its value changes. */
static void
test_notifications (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);
  g_autoptr(PcProject) project = pc_test_open_project (path, FALSE);
  g_autoptr(PcHistory) history = pc_history_new (project);
  g_autoptr(PcStep) nurse = new_local_step ("Nurse telephone review", 1);
  guint can_undo = 0, can_redo = 0, undo_label = 0, redo_label = 0;
  g_autofree char *label = NULL;
  gboolean flag = TRUE;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_signal), &can_undo);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (count_signal), &can_redo);
  g_signal_connect (history, "notify::undo-label", G_CALLBACK (count_signal), &undo_label);
  g_signal_connect (history, "notify::redo-label", G_CALLBACK (count_signal), &redo_label);
  g_object_get (history, "can-undo", &flag, "undo-label", &label, NULL);
  g_assert_false (flag);
  g_assert_null (label);

  run_ok (history, "Insert nurse review", (Edit) { EDIT_INSERT, PATHWAY, 1, 0, nurse });
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (undo_label, ==, 1);
  g_assert_cmpuint (can_redo, ==, 0);
  g_assert_cmpuint (redo_label, ==, 0);
  g_object_get (history, "can-undo", &flag, "undo-label", &label, NULL);
  g_assert_true (flag);
  g_assert_cmpstr (label, ==, "Insert nurse review");
  g_clear_pointer (&label, g_free);

  run_ok (history, "Move nurse review", (Edit) { EDIT_MOVE, PATHWAY, 1, 4, NULL });
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (undo_label, ==, 2);
  g_assert_cmpstr (pc_history_get_undo_label (history), ==, "Move nurse review");

  undo_ok (history);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (undo_label, ==, 3);
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_cmpuint (redo_label, ==, 1);
  g_assert_cmpstr (pc_history_get_undo_label (history), ==, "Insert nurse review");
  g_assert_cmpstr (pc_history_get_redo_label (history), ==, "Move nurse review");

  undo_ok (history);
  g_assert_cmpuint (can_undo, ==, 2);
  g_assert_false (pc_history_get_can_undo (history));
  g_assert_null (pc_history_get_undo_label (history));
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_cmpuint (redo_label, ==, 2);

  /* A new edit forgets what could be redone. */
  run_ok (history, "Delete step", (Edit) { EDIT_DELETE, PATHWAY, 0, 0, NULL });
  g_assert_cmpuint (can_undo, ==, 3);
  g_assert_cmpuint (can_redo, ==, 2);
  g_assert_cmpuint (redo_label, ==, 3);
  g_assert_false (pc_history_get_can_redo (history));

  pc_history_clear (history);
  g_assert_cmpuint (can_undo, ==, 4);
  g_assert_cmpuint (undo_label, ==, 6);
  pc_history_clear (history);
  g_assert_cmpuint (can_undo, ==, 4);
  g_assert_cmpuint (can_redo, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&history));
}

/* A change made outside the history to a row an edit touched stops its
 * undo, which leaves the project and the history as they were. */
static void
test_conflict (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);
  g_autoptr(PcProject) project = pc_test_open_project (path, FALSE);
  g_autoptr(PcHistory) history = pc_history_new (project);
  g_autoptr(PcStep) step = step_at (project, PATHWAY, 0);
  g_autoptr(PcStep) now = NULL;
  g_autoptr(GError) error = NULL;

  step->quantity = 4;
  run_ok (history, "Change quantity", (Edit) { EDIT_UPDATE, PATHWAY, 0, 0, step });
  step->quantity = 7;
  g_assert_true (pc_project_update_step (project, PATHWAY, 0, step, &error));
  g_assert_no_error (error);

  g_assert_false (pc_history_undo (history, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "cannot undo “Change quantity”: the project changed since");
  g_assert_true (pc_history_get_can_undo (history));
  g_assert_false (pc_history_get_can_redo (history));
  g_assert_cmpstr (pc_history_get_undo_label (history), ==, "Change quantity");
  now = step_at (project, PATHWAY, 0);
  g_assert_cmpfloat (now->quantity, ==, 7);
  g_assert_cmpuint (_pc_project_get_depth (project), ==, 0);
}

static GStrv
list_folder (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
assert_same_project (PcProject *a,
                     PcProject *b)
{
  g_auto(GStrv) names_a = pc_project_list_pathways (a, NULL);
  g_auto(GStrv) names_b = pc_project_list_pathways (b, NULL);

  if (names_a == NULL || names_b == NULL)
    g_error ("the pathways could not be listed");
  g_assert_cmpuint (g_strv_length (names_a), >, 1);
  g_assert_cmpstrv (names_a, names_b);
  for (guint i = 0; names_a[i] != NULL; i++)
    {
      PcCostPerPatient cost_a, cost_b;
      g_auto(GStrv) steps_a = step_names (a, names_a[i]);
      g_auto(GStrv) steps_b = step_names (b, names_a[i]);

      cost_of (a, names_a[i], cost_a);
      cost_of (b, names_a[i], cost_b);
      assert_same_cost (cost_a, cost_b);
      g_assert_cmpstrv (steps_a, steps_b);
    }
}

/* A copy of a project opened read-only opens with the same pathways and
 * figures, in rollback-journal mode; saving again replaces it. */
static void
test_write_copy (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *dest = g_build_filename (dir, "saved.pathcost", NULL);
  g_autoptr(PcProject) source = pc_project_open_full (g_getenv ("PATHCOST_SAMPLE"),
                                                      PC_PROJECT_OPEN_READ_ONLY, NULL);
  g_autoptr(PcProject) copy = NULL;
  g_autoptr(PcProject) edited = NULL;
  g_autoptr(PcStep) step = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *work_dir = pc_test_make_tmp_dir ();
  g_autofree char *work = pc_test_copy_sample (work_dir);
  const guint8 *header;

  g_assert_nonnull (source);
  g_assert_true (pc_project_write_copy (source, dest, &error));
  g_assert_no_error (error);
  files = list_folder (dir);
  g_assert_cmpstrv (files, ((const char *[]) { "saved.pathcost", NULL }));
  bytes = pc_test_read_bytes (dest);
  header = g_bytes_get_data (bytes, NULL);
  /* File format bytes 18 and 19: 1 is a rollback journal, 2 WAL. */
  g_assert_cmpuint (header[18], ==, 1);
  g_assert_cmpuint (header[19], ==, 1);
  copy = pc_test_open_project (dest, FALSE);
  assert_same_project (source, copy);
  g_clear_object (&copy);

  /* Save again over it, from an edited project: the edit is in the copy. */
  edited = pc_test_open_project (work, FALSE);
  step = step_at (edited, PATHWAY, 0);
  step->quantity = 9;
  g_assert_true (pc_project_update_step (edited, PATHWAY, 0, step, &error));
  g_assert_true (pc_project_write_copy (edited, dest, &error));
  g_assert_no_error (error);
  copy = pc_test_open_project (dest, FALSE);
  assert_same_project (edited, copy);
  g_clear_pointer (&step, pc_step_free);
  step = step_at (copy, PATHWAY, 0);
  g_assert_cmpfloat (step->quantity, ==, 9);
  g_clear_pointer (&files, g_strfreev);
  files = list_folder (dir);
  g_assert_cmpstrv (files, ((const char *[]) { "saved.pathcost", NULL }));

  /* Not while a change is being made, nor over the project itself. */
  g_assert_true (pc_project_begin (edited, &error));
  g_assert_false (pc_project_write_copy (edited, dest, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_IO);
  g_assert_nonnull (strstr (error->message, dest));
  g_clear_error (&error);
  pc_project_rollback (edited);
  g_assert_false (pc_project_write_copy (edited, work, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_IO);
  g_clear_pointer (&files, g_strfreev);
  files = list_folder (work_dir);
  g_assert_cmpstrv (files, ((const char *[]) { "sample.pathcost", NULL }));
}

/* A project someone switched to WAL is copied back in rollback-journal
 * mode: a user's file must be whole without a -wal beside it. */
static void
test_write_copy_from_wal (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *dest = g_build_filename (dir, "saved.pathcost", NULL);
  g_autoptr(PcProject) source = NULL;
  g_autoptr(PcProject) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  const guint8 *header;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  bytes = pc_test_read_bytes (path);
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (bytes, NULL))[18], ==, 2);
  g_clear_pointer (&bytes, g_bytes_unref);

  source = pc_project_open_full (path, PC_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (pc_project_write_copy (source, dest, &error));
  g_assert_no_error (error);
  bytes = pc_test_read_bytes (dest);
  header = g_bytes_get_data (bytes, NULL);
  g_assert_cmpuint (header[18], ==, 1);
  g_assert_cmpuint (header[19], ==, 1);
  copy = pc_test_open_project (dest, FALSE);
  assert_same_project (source, copy);
}

/* A copy that cannot be written says where, and leaves nothing behind. */
static void
test_write_copy_fails (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", "saved.pathcost", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autoptr(PcProject) source = pc_project_open_full (g_getenv ("PATHCOST_SAMPLE"),
                                                      PC_PROJECT_OPEN_READ_ONLY, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) files = NULL;

  g_assert_nonnull (source);
  g_assert_false (pc_project_write_copy (source, missing, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_IO);
  expected = g_strdup_printf ("cannot save to %s: ", missing);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);
  files = list_folder (dir);
  g_assert_cmpstrv (files, ((const char *[]) { NULL }));
  g_clear_pointer (&files, g_strfreev);

  /* Renaming over a folder fails only after the copy is written: the
   * temporary file must go. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_free (pc_test_write_file (folder, "inside", "keep"));
  g_assert_false (pc_project_write_copy (source, folder, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_IO);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("cannot save to %s: ", folder);
  g_assert_true (g_str_has_prefix (error->message, expected));
  files = list_folder (dir);
  g_assert_cmpstrv (files, ((const char *[]) { "folder", NULL }));
}

static void
test_lists (void)
{
  g_autoptr(PcProject) project = pc_project_open_full (g_getenv ("PATHCOST_SAMPLE"),
                                                       PC_PROJECT_OPEN_READ_ONLY, NULL);
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) breast = NULL;
  g_auto(GStrv) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (project);
  codes = pc_project_list_tariff_codes (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (codes), ==, 39);
  g_assert_true (g_strv_contains ((const char * const *) codes, "WF02B"));
  for (guint i = 1; codes[i] != NULL; i++)
    g_assert_cmpint (strcmp (codes[i - 1], codes[i]), <, 0);

  breast = pc_project_list_pathways_for_site (project, "breast", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (breast, ((const char *[]) { "breast_best_practice", "breast_current_RF4", NULL }));
  none = pc_project_list_pathways_for_site (project, "pancreas", &error);
  g_assert_null (none);
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "pancreas"));
}

/* An inner change folds into the outer one; an inner rollback undoes only
 * its own work; nothing reaches the file before the outermost commit. */
static void
test_nested_transactions (void)
{
  g_autofree char *path = pc_test_copy_sample (NULL);
  g_autoptr(PcProject) project = pc_test_open_project (path, FALSE);
  g_autoptr(PcProject) reopened = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_project_begin (project, &error));
  g_assert_no_error (error);
  /* pc_project_set_setting is a change of its own, now inside ours. */
  g_assert_true (pc_project_set_setting (project, "inflation", "0.02", &error));
  g_assert_no_error (error);

  g_assert_true (pc_project_begin (project, &error));
  g_assert_true (pc_project_set_setting (project, "discount_rate", "0.1", &error));
  pc_assert_close (pc_project_get_discount_rate (project), 0.1);
  pc_project_rollback (project);
  g_assert_cmpuint (_pc_project_get_depth (project), ==, 1);

  pc_assert_close (pc_project_get_discount_rate (project), 0.035);
  pc_assert_close (pc_project_get_inflation (project), 0.02);
  g_assert_true (pc_project_commit (project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_pc_project_get_depth (project), ==, 0);

  g_clear_object (&project);
  reopened = pc_test_open_project (path, FALSE);
  pc_assert_close (pc_project_get_inflation (reopened), 0.02);
  pc_assert_close (pc_project_get_discount_rate (reopened), 0.035);

  /* An outer rollback takes the inner, committed work with it. */
  g_assert_true (pc_project_begin (reopened, &error));
  g_assert_true (pc_project_set_setting (reopened, "inflation", "0.05", &error));
  g_assert_no_error (error);
  pc_project_rollback (reopened);
  g_assert_cmpuint (_pc_project_get_depth (reopened), ==, 0);
  pc_assert_close (pc_project_get_inflation (reopened), 0.02);
  g_assert_true (sqlite3_get_autocommit (pc_project_get_db (reopened)));
}

/* The session extension silently leaves out a table without a primary
 * key: an edit to it could not be undone. */
static void
test_every_table_has_primary_key (void)
{
  g_autoptr(PcProject) project = pc_project_open_full (g_getenv ("PATHCOST_SAMPLE"),
                                                       PC_PROJECT_OPEN_READ_ONLY, NULL);
  const char * const *tables = _pc_schema_tables ();
  sqlite3_stmt *stmt = NULL;
  guint n_tables = 0;

  g_assert_nonnull (project);
  g_assert_cmpint (sqlite3_prepare_v2 (pc_project_get_db (project),
                                       "SELECT s.name, (SELECT count (*) FROM pragma_table_info (s.name) "
                                       "WHERE pk > 0) FROM sqlite_schema s WHERE s.type = 'table'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (sqlite3_column_int (stmt, 1) == 0)
        g_error ("table %s has no primary key", name);
      g_assert_true (g_strv_contains (tables, name));
      n_tables++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_tables, ==, g_strv_length ((GStrv) tables));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/history/nested-transactions", test_nested_transactions);
  g_test_add_func ("/history/update-undo-redo", test_update_undo_redo);
  g_test_add_func ("/history/update-every-field", test_update_every_field);
  g_test_add_func ("/history/structural-edits", test_structural_edits);
  g_test_add_func ("/history/structural-edits-sparse-positions",
                   test_structural_edits_sparse_positions);
  g_test_add_func ("/history/refused-edits", test_refused_edits);
  g_test_add_func ("/history/notifications", test_notifications);
  g_test_add_func ("/history/conflict", test_conflict);
  g_test_add_func ("/history/write-copy", test_write_copy);
  g_test_add_func ("/history/write-copy-from-wal", test_write_copy_from_wal);
  g_test_add_func ("/history/write-copy-fails", test_write_copy_fails);
  g_test_add_func ("/history/lists", test_lists);
  g_test_add_func ("/history/snapshot", test_snapshot);
  g_test_add_func ("/history/every-table-has-primary-key", test_every_table_has_primary_key);
  return g_test_run ();
}
