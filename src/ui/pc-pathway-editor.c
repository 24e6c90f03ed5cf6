/* pc-pathway-editor.c: the pathway editor.  Typing previews the cost at
 * once; leaving a cell (Tab, Return, a click elsewhere) saves the value as
 * one undoable change; a refused value stays in the cell, marked, with its
 * reason, and is never clamped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-pathway-editor"
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pc-costing.h"
#include "pc-error.h"
#include "pc-format.h"
#include "pc-pathway-editor.h"
#include "pc-pathway-editor-private.h"
#include "pc-pathway-summary.h"
#include "pc-step-cell.h"
#include "pc-step-row.h"

G_DEFINE_FINAL_TYPE (PcPathwayEditor, pc_pathway_editor, GTK_TYPE_WIDGET)

/* The shown pathway, saved or previewed. */
static const PcPathway *
current_pathway (PcPathwayEditor *self)
{
  return self->document != NULL ? pc_document_get_pathway (self->document) : NULL;
}

/* The footer shows the pathway's headline, the expected cost per patient
 * diagnosed by stage and over all stages, as the engine computes it
 * (docs/MODEL.md#expected-cost-per-patient): never a plain sum over the
 * years, which would count a death once a year. */
static void
update_summary (PcPathwayEditor *self)
{
  const PcPathway *pathway = current_pathway (self);
  g_autoptr(PcProjectionInput) input = NULL;
  PcCostPerPatient cost;
  double expected[PC_N_STAGES + 1];

  if (pathway != NULL)
    input = pc_project_load_site_input (pc_document_get_project (self->document), pathway->site, NULL);
  if (input != NULL)
    {
      pc_pathway_cost_per_patient (pathway, cost);
      expected[PC_N_STAGES] =
        pc_expected_cost_per_patient (cost, (const double (*)[PC_N_OFFSETS + 1]) input->survival,
                                      input->stage_share, expected);
    }
  for (guint s = 0; s <= PC_N_STAGES; s++)
    {
      g_autofree char *text = input != NULL ? pc_format_money (expected[s]) : g_strdup ("—");

      gtk_label_set_text (self->stage_costs[s], text);
    }
}

/* Edits run through the document, so each is one step of undo. */
typedef struct
{
  const char   *pathway;
  guint         index;
  guint         to;
  const PcStep *step;
} StepEdit;

static gboolean
edit_update (PcProject *project, gpointer data, GError **error)
{
  StepEdit *edit = data;

  return pc_project_update_step (project, edit->pathway, edit->index, edit->step, error);
}

static gboolean
edit_insert (PcProject *project, gpointer data, GError **error)
{
  StepEdit *edit = data;

  return pc_project_insert_step (project, edit->pathway, edit->index, edit->step, error);
}

static gboolean
edit_delete (PcProject *project, gpointer data, GError **error)
{
  StepEdit *edit = data;

  return pc_project_delete_step (project, edit->pathway, edit->index, error);
}

static gboolean
edit_move (PcProject *project, gpointer data, GError **error)
{
  StepEdit *edit = data;

  return pc_project_move_step (project, edit->pathway, edit->index, edit->to, error);
}

/* Runs @edit as one undoable change of the shown pathway. */
static gboolean
run_edit (PcPathwayEditor *self,
          const char      *label,
          PcHistoryEdit    edit,
          StepEdit        *data,
          GError         **error)
{
  data->pathway = pc_document_get_pathway_name (self->document);
  if (data->pathway == NULL)
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_NOT_FOUND, _("Choose a pathway first."));
      return FALSE;
    }
  if (!pc_document_edit (self->document, label, PC_CHANGE_STEPS, edit, data, error))
    return FALSE;
  _pc_pathway_editor_show_error (self, NULL);
  return TRUE;
}

/* The step actions (add, duplicate, delete, move): a refusal is shown
 * under the table. */
static gboolean
run_step_action (PcPathwayEditor *self,
                 const char      *label,
                 PcHistoryEdit    edit,
                 StepEdit        *data)
{
  g_autoptr(GError) error = NULL;

  if (run_edit (self, label, edit, data, &error))
    return TRUE;
  _pc_pathway_editor_show_error (self, error->message);
  return FALSE;
}

void
_pc_pathway_editor_show_error (PcPathwayEditor *self,
                               const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Cells */

/* The typed text of @field in @row, previewed or refused. */
static void
type_into_row (PcPathwayEditor *self,
               PcStepRow       *row,
               PcStepField      field,
               const char      *text)
{
  g_autoptr(PcStep) edited = pc_step_row_type (row, field, text);

  if (edited != NULL)
    pc_document_preview_step (self->document, pc_step_row_get_index (row), edited);
  else
    pc_document_end_preview (self->document);
}

/* Saves the row's pending text of @field; FALSE when it is refused. */
static gboolean
commit_row (PcPathwayEditor *self,
            PcStepRow       *row,
            PcStepField      field)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr(PcStep) edited = NULL;
  g_autoptr(GError) error = NULL;
  StepEdit edit = { NULL, };

  if (!pc_step_row_has_pending (row, field))
    return TRUE;
  text = pc_step_row_get_text (row, field);
  edited = pc_step_row_type (row, field, text);
  if (edited != NULL)
    {
      label = g_strdup_printf (_("Change %s of “%s”"), pc_step_field_title (field), edited->name);
      edit.index = pc_step_row_get_index (row);
      edit.step = edited;
      if (run_edit (self, label, edit_update, &edit, &error))
        return TRUE;
      /* The project refused it (an unknown tariff code): marked like a
       * value that does not parse. */
      pc_step_row_set_error (row, field, error->message);
    }
  message = g_strdup_printf (_("Step %u: %s"), pc_step_row_get_index (row) + 1, pc_step_row_get_error (row, field));
  _pc_pathway_editor_show_error (self, message);
  pc_document_end_preview (self->document);
  return FALSE;
}

static void
on_cell_edited (PcStepCell *cell,
                const char *text,
                PcColumn   *column)
{
  type_into_row (column->editor, pc_step_cell_get_row (cell), column->field, text);
}

static void
on_cell_committed (PcStepCell *cell,
                   PcColumn   *column)
{
  commit_row (column->editor, pc_step_cell_get_row (cell), column->field);
}

static void
on_cell_reverted (PcStepCell *cell,
                  PcColumn   *column)
{
  pc_document_end_preview (column->editor->document);
}

/* Focus and selection move together. */
static void
on_cell_entered (PcStepCell *cell,
                 PcColumn   *column)
{
  gtk_single_selection_set_selected (column->editor->selection, pc_step_row_get_index (pc_step_cell_get_row (cell)));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            PcColumn                 *column)
{
  GtkWidget *cell = pc_step_cell_new (column->field);

  if (column->field == PC_STEP_FIELD_TARIFF_CODE)
    pc_step_cell_set_completion (PC_STEP_CELL (cell), GTK_TREE_MODEL (column->editor->tariff_codes));
  g_signal_connect (cell, "edited", G_CALLBACK (on_cell_edited), column);
  g_signal_connect (cell, "committed", G_CALLBACK (on_cell_committed), column);
  g_signal_connect (cell, "reverted", G_CALLBACK (on_cell_reverted), column);
  g_signal_connect (cell, "entered", G_CALLBACK (on_cell_entered), column);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PcColumn                 *column)
{
  pc_step_cell_set_row (PC_STEP_CELL (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PcColumn                 *column)
{
  pc_step_cell_set_row (PC_STEP_CELL (gtk_list_item_get_child (item)), NULL);
}

/* The first column: the step's number, which is also the drag handle. */

static void
move_step (PcPathwayEditor *self, guint from, guint to);

/* The controllers' data is the GtkListItem, which owns the handle: its
 * item is the row the recycled handle shows now. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  PcStepRow *row = gtk_list_item_get_item (item);

  if (row == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_UINT, pc_step_row_get_index (row));
}

static gboolean
on_drop (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         GtkListItem     *item)
{
  PcPathwayEditor *self = PC_PATHWAY_EDITOR (gtk_widget_get_ancestor (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)),
                                                                      PC_TYPE_PATHWAY_EDITOR));
  PcStepRow *row = gtk_list_item_get_item (item);

  if (row == NULL || !G_VALUE_HOLDS_UINT (value))
    return FALSE;
  move_step (self, g_value_get_uint (value), pc_step_row_get_index (row));
  return TRUE;
}

static void
setup_number (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PcPathwayEditor          *self)
{
  GtkWidget *handle = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

  gtk_label_set_xalign (GTK_LABEL (handle), 1.0);
  gtk_widget_add_css_class (handle, "numeric");
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_tooltip_text (handle, _("Drag to move the step"));
  gtk_widget_set_cursor_from_name (handle, "grab");
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), item);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), item);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (target));
  gtk_list_item_set_child (item, handle);
}

static void
bind_number (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PcPathwayEditor          *self)
{
  GtkWidget *handle = gtk_list_item_get_child (item);
  PcStepRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = g_strdup_printf ("%u", pc_step_row_get_index (row) + 1);

  gtk_label_set_text (GTK_LABEL (handle), text);
}

static void
add_columns (PcPathwayEditor *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_number), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_number), self);
  column = gtk_column_view_column_new ("#", factory);
  gtk_column_view_append_column (self->fixed_view, column);
  g_object_unref (column);

  for (guint f = 0; f < PC_N_STEP_FIELDS; f++)
    {
      self->columns[f].editor = self;
      self->columns[f].field = f;
      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), &self->columns[f]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), &self->columns[f]);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), &self->columns[f]);
      column = gtk_column_view_column_new (pc_step_field_title (f), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (f == PC_STEP_FIELD_NAME)
        gtk_column_view_column_set_fixed_width (column, 300);
      gtk_column_view_append_column (f == PC_STEP_FIELD_NAME ? self->fixed_view : self->column_view, column);
      g_object_unref (column);
    }
}

/* Rows follow the saved pathway: rows stay the same objects so that a cell
 * being edited keeps its focus when another cell's change is saved. */
static void
sync_rows (PcPathwayEditor *self)
{
  const PcPathway *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;
  guint n_steps = pathway != NULL ? pathway->steps->len : 0;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *title = NULL;

  for (guint i = 0; i < MIN (n_steps, n_rows); i++)
    {
      g_autoptr(PcStepRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      pc_step_row_set_step (row, i, g_ptr_array_index (pathway->steps, i));
    }
  if (n_rows > n_steps)
    g_list_store_splice (self->rows, n_steps, n_rows - n_steps, NULL, 0);
  else if (n_steps > n_rows)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = n_rows; i < n_steps; i++)
        g_ptr_array_add (added, pc_step_row_new (i, g_ptr_array_index (pathway->steps, i)));
      g_list_store_splice (self->rows, n_rows, 0, added->pdata, added->len);
    }
  if (pathway != NULL)
    {
      g_autofree char *described = pc_project_describe_pathway (pc_document_get_project (self->document),
                                                                pathway);

      title = g_strdup_printf (_("%s · %u steps"), described, n_steps);
    }
  gtk_label_set_text (self->title_label, title != NULL ? title : _("No pathway"));
  update_summary (self);
}

static void
fill_tariff_codes (PcPathwayEditor *self)
{
  GtkListStore *model = self->tariff_codes;
  g_auto(GStrv) codes = NULL;

  gtk_list_store_clear (model);
  if (self->document == NULL)
    return;
  codes = pc_project_list_tariff_codes (pc_document_get_project (self->document), NULL);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    gtk_list_store_insert_with_values (model, NULL, -1, 0, codes[i], -1);
}

static void
on_document_changed (PcDocument      *document,
                     PcChange         scope,
                     PcPathwayEditor *self)
{
  sync_rows (self);
  if (scope == PC_CHANGE_STEPS)
    return;
  fill_tariff_codes (self);
  /* An import or an undone import may add, remove or change pathways. */
  _pc_pathway_editor_fill_pathway_list (self);
}

static void
on_pathway_name_changed (PcDocument      *document,
                         GParamSpec      *pspec,
                         PcPathwayEditor *self)
{
  /* A different pathway: new rows, so no cell of the old one is reused. */
  _pc_pathway_editor_mark_current_pathway (self);
  g_list_store_remove_all (self->rows);
  sync_rows (self);
  _pc_pathway_editor_show_error (self, NULL);
}

static void
on_pathway_changed (PcDocument      *document,
                    PcPathwayEditor *self)
{
  update_summary (self);
}

/* Actions on the selected step */

static PcStep *
new_step_like (const PcStep *neighbour)
{
  PcStep *step = pc_step_new ();

  step->name = g_strdup (_("New step"));
  step->phase = g_strdup (neighbour != NULL ? neighbour->phase : "treatment");
  step->funding = g_strdup (neighbour != NULL ? neighbour->funding : "ccg");
  step->year_offset = neighbour != NULL ? neighbour->year_offset : 0;
  step->activity = PC_ACTIVITY_OTHER;
  step->quantity = 1.0;
  for (guint s = 0; s < PC_N_STAGES; s++)
    step->share[s] = 1.0;
  return step;
}

static const PcStep *
selected_step (PcPathwayEditor *self,
               guint           *index)
{
  const PcPathway *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;

  *index = gtk_single_selection_get_selected (self->selection);
  if (pathway == NULL || *index == GTK_INVALID_LIST_POSITION || *index >= pathway->steps->len)
    return NULL;
  return g_ptr_array_index (pathway->steps, *index);
}

static gboolean
name_in_use (const PcPathway *pathway,
             const char      *name)
{
  for (guint i = 0; i < pathway->steps->len; i++)
    if (g_strcmp0 (((PcStep *) g_ptr_array_index (pathway->steps, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

static char *
unused_name (const PcPathway *pathway,
             const char      *name)
{
  char *candidate = g_strdup_printf (_("%s (copy)"), name);

  for (guint n = 2; name_in_use (pathway, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf (_("%s (copy %u)"), name, n);
    }
  return candidate;
}

static void
add_step (GtkWidget *widget, const char *action, GVariant *parameter)
{
  PcPathwayEditor *self = PC_PATHWAY_EDITOR (widget);
  guint index;
  const PcStep *neighbour = selected_step (self, &index);
  g_autoptr(PcStep) step = new_step_like (neighbour);
  const PcPathway *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;
  StepEdit edit = { NULL, neighbour != NULL ? index + 1 : g_list_model_get_n_items (G_LIST_MODEL (self->rows)), 0, step };

  if (pathway == NULL)
    return;
  if (name_in_use (pathway, step->name))
    {
      char *name = unused_name (pathway, step->name);

      g_free (step->name);
      step->name = name;
    }
  if (run_step_action (self, _("Add a step"), edit_insert, &edit))
    _pc_pathway_editor_request_focus (self, edit.index, PC_STEP_FIELD_NAME);
}

static void
duplicate_step (GtkWidget *widget, const char *action, GVariant *parameter)
{
  PcPathwayEditor *self = PC_PATHWAY_EDITOR (widget);
  guint index;
  const PcStep *original = selected_step (self, &index);
  g_autoptr(PcStep) copy = NULL;
  g_autofree char *label = NULL;
  StepEdit edit = { NULL, };

  if (original == NULL)
    return;
  copy = pc_step_copy (original);
  /* A step's name, year and basis identify it: the copy needs its own. */
  g_free (copy->name);
  copy->name = unused_name (pc_document_get_pathway (self->document), original->name);
  label = g_strdup_printf (_("Duplicate “%s”"), original->name);
  edit.index = index + 1;
  edit.step = copy;
  if (run_step_action (self, label, edit_insert, &edit))
    _pc_pathway_editor_request_focus (self, edit.index, PC_STEP_FIELD_NAME);
}

static void
delete_step (GtkWidget *widget, const char *action, GVariant *parameter)
{
  PcPathwayEditor *self = PC_PATHWAY_EDITOR (widget);
  guint index;
  const PcStep *step = selected_step (self, &index);
  g_autofree char *label = NULL;
  StepEdit edit = { NULL, };

  if (step == NULL)
    return;
  label = g_strdup_printf (_("Delete “%s”"), step->name);
  edit.index = index;
  if (run_step_action (self, label, edit_delete, &edit) && g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    {
      guint next = MIN (index, g_list_model_get_n_items (G_LIST_MODEL (self->rows)) - 1);

      pc_pathway_editor_select (self, next);
      _pc_pathway_editor_request_focus (self, next, PC_STEP_FIELD_NAME);
    }
}

static void
move_step (PcPathwayEditor *self,
           guint            from,
           guint            to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  StepEdit edit = { NULL, from, to, NULL };
  PcStepField field = _pc_pathway_editor_get_focused_field (self);

  if (from == to || from >= n || to >= n)
    return;
  if (run_step_action (self, _("Move a step"), edit_move, &edit))
    {
      pc_pathway_editor_select (self, to);
      _pc_pathway_editor_request_focus (self, to, field);
    }
}

static void
move_selected (GtkWidget *widget, const char *action, GVariant *parameter)
{
  PcPathwayEditor *self = PC_PATHWAY_EDITOR (widget);
  guint index = gtk_single_selection_get_selected (self->selection);
  int delta = g_variant_get_int32 (parameter);

  if (index == GTK_INVALID_LIST_POSITION || ((int) index + delta) < 0)
    return;
  move_step (self, index, index + delta);
}

/* Public API */

GtkWidget *
pc_pathway_editor_new (void)
{
  return g_object_new (PC_TYPE_PATHWAY_EDITOR, NULL);
}

void
pc_pathway_editor_set_document (PcPathwayEditor *self,
                                PcDocument      *document)
{
  g_return_if_fail (PC_IS_PATHWAY_EDITOR (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect (document, "pathway-changed", G_CALLBACK (on_pathway_changed), self);
      g_signal_connect (document, "notify::pathway-name", G_CALLBACK (on_pathway_name_changed), self);
    }
  g_list_store_remove_all (self->rows);
  fill_tariff_codes (self);
  _pc_pathway_editor_fill_pathway_list (self);
  sync_rows (self);
}

GListModel *
pc_pathway_editor_get_rows (PcPathwayEditor *self)
{
  g_return_val_if_fail (PC_IS_PATHWAY_EDITOR (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
pc_pathway_editor_get_selected (PcPathwayEditor *self)
{
  g_return_val_if_fail (PC_IS_PATHWAY_EDITOR (self), GTK_INVALID_LIST_POSITION);
  return gtk_single_selection_get_selected (self->selection);
}

void
pc_pathway_editor_select (PcPathwayEditor *self,
                          guint            index)
{
  g_return_if_fail (PC_IS_PATHWAY_EDITOR (self));
  gtk_single_selection_set_selected (self->selection, index);
}

/* The row of step @index, for the functions that act as a cell would. */
static PcStepRow *
row_at (PcPathwayEditor *self,
        guint            index)
{
  return g_list_model_get_item (G_LIST_MODEL (self->rows), index);
}

gboolean
pc_pathway_editor_type (PcPathwayEditor *self,
                        guint            index,
                        PcStepField      field,
                        const char      *text)
{
  g_autoptr(PcStepRow) row = NULL;

  g_return_val_if_fail (PC_IS_PATHWAY_EDITOR (self), FALSE);
  g_return_val_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->rows)), FALSE);

  row = row_at (self, index);
  type_into_row (self, row, field, text);
  return pc_step_row_get_error (row, field) == NULL;
}

void
pc_pathway_editor_revert (PcPathwayEditor *self,
                          guint            index,
                          PcStepField      field)
{
  g_autoptr(PcStepRow) row = NULL;

  g_return_if_fail (PC_IS_PATHWAY_EDITOR (self));
  g_return_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->rows)));

  row = row_at (self, index);
  pc_step_row_revert (row, field);
  pc_document_end_preview (self->document);
}

void
pc_pathway_editor_commit_pending (PcPathwayEditor *self)
{
  g_return_if_fail (PC_IS_PATHWAY_EDITOR (self));

  if (self->document == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(PcStepRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      for (guint f = 0; f < PC_N_STEP_FIELDS; f++)
        if (pc_step_row_has_pending (row, f) && pc_step_row_get_error (row, f) == NULL)
          commit_row (self, row, f);
    }
}

const char *
pc_pathway_editor_get_error (PcPathwayEditor *self)
{
  g_return_val_if_fail (PC_IS_PATHWAY_EDITOR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

gboolean
pc_pathway_editor_enter (PcPathwayEditor *self,
                         guint            index,
                         PcStepField      field,
                         const char      *text)
{
  g_autoptr(PcStepRow) row = NULL;

  g_return_val_if_fail (PC_IS_PATHWAY_EDITOR (self), FALSE);
  g_return_val_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->rows)), FALSE);

  row = row_at (self, index);
  type_into_row (self, row, field, text);
  return commit_row (self, row, field);
}

const char *
pc_pathway_editor_get_stage_cost (PcPathwayEditor *self,
                                  PcStage          stage)
{
  g_return_val_if_fail (PC_IS_PATHWAY_EDITOR (self), NULL);
  g_return_val_if_fail (stage <= PC_N_STAGES, NULL);
  return gtk_label_get_text (self->stage_costs[stage]);
}

/* GObject */

static void
build_summary (PcPathwayEditor *self)
{
  GtkWidget *heading = gtk_label_new (_("Expected cost per\npatient diagnosed"));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_tooltip_text (heading, _("Each year’s care weighted by the share of patients alive, end-of-life "
                                          "steps by the share who die that year; before inflation"));
  gtk_flow_box_append (self->summary_grid, heading);
  for (guint i = 0; i <= PC_N_STAGES; i++)
    {
      /* All stages first: in a narrow window it stays on the first row. */
      guint s = i == 0 ? PC_N_STAGES : i - 1;
      g_autofree char *title = s == PC_N_STAGES ? g_strdup (_("All stages"))
                               : s == PC_STAGE_UNKNOWN ? g_strdup (_("Unknown stage"))
                               : g_strdup_printf (_("Stage %u"), s + 1);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *value = gtk_label_new ("—");

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "title-4");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, heading, NULL, -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), value);
      gtk_flow_box_append (self->summary_grid, box);
      self->stage_costs[s] = GTK_LABEL (value);
    }
  /* Figures to read, not items to pick: no tab stop each. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

/* Presenting shows no editing chrome: the step toolbar goes. */
void
pc_pathway_editor_set_presenting (PcPathwayEditor *self,
                                  gboolean         presenting)
{
  g_return_if_fail (PC_IS_PATHWAY_EDITOR (self));
  gtk_widget_set_visible (self->step_toolbar, !presenting);
}

static void
pc_pathway_editor_dispose (GObject *object)
{
  PcPathwayEditor *self = PC_PATHWAY_EDITOR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->focus_tick);
  self->focus_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_PATHWAY_EDITOR);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->pathways);
  g_clear_object (&self->tariff_codes);
  g_clear_pointer (&self->after_refused, g_free);
  G_OBJECT_CLASS (pc_pathway_editor_parent_class)->dispose (object);
}

static void
pc_pathway_editor_class_init (PcPathwayEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_pathway_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-pathway-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, flap);
  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, step_toolbar);
  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, pathway_list);
  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, fixed_view);
  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, fixed_scroller);
  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, column_view);
  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, step_scroller);
  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, summary_grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "editor.add-step", NULL, add_step);
  gtk_widget_class_install_action (widget_class, "editor.duplicate-step", NULL, duplicate_step);
  gtk_widget_class_install_action (widget_class, "editor.delete-step", NULL, delete_step);
  gtk_widget_class_install_action (widget_class, "editor.move-up", "i", move_selected);
  gtk_widget_class_install_action (widget_class, "editor.move-down", "i", move_selected);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.add-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "editor.duplicate-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "editor.move-up", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "editor.move-down", "i", 1);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  _pc_pathway_editor_class_init_pathway_list (widget_class);
}

static void
pc_pathway_editor_init (PcPathwayEditor *self)
{
  self->tariff_codes = gtk_list_store_new (1, G_TYPE_STRING);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (PC_TYPE_STEP_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_model (self->fixed_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
  build_summary (self);
  _pc_pathway_editor_init_keys (self);
  _pc_pathway_editor_init_pathway_list (self);
}

/* The first refused value: its step and field; FALSE when there is none. */
static gboolean
find_refused (PcPathwayEditor *self,
              guint           *index,
              PcStepField     *field)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(PcStepRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      for (guint f = 0; f < PC_N_STEP_FIELDS; f++)
        if (pc_step_row_get_error (row, f) != NULL)
          {
            *index = i;
            *field = f;
            return TRUE;
          }
    }
  return FALSE;
}

/* The field's title starts the row's reason ("Quantity: …"): said once. */
char *
pc_pathway_editor_get_refused_summary (PcPathwayEditor *self)
{
  g_autoptr(PcStepRow) row = NULL;
  g_autofree char *field_name = NULL;
  const char *reason, *title;
  guint index;
  PcStepField field;

  g_return_val_if_fail (PC_IS_PATHWAY_EDITOR (self), NULL);

  if (!find_refused (self, &index, &field))
    return NULL;
  row = row_at (self, index);
  reason = pc_step_row_get_error (row, field);
  title = pc_step_field_title (field);
  if (g_str_has_prefix (reason, title) && g_str_has_prefix (reason + strlen (title), ": "))
    reason += strlen (title) + 2;
  field_name = g_utf8_strdown (title, -1);
  return g_strdup_printf (_("Step %u’s %s was refused: %s"), index + 1, field_name, reason);
}

/* Every refused value's typed text goes: the cells show what is saved. */
static void
drop_refused (PcPathwayEditor *self)
{
  guint index;
  PcStepField field;

  while (find_refused (self, &index, &field))
    {
      g_autoptr(PcStepRow) row = row_at (self, index);

      pc_step_row_revert (row, field);
    }
  _pc_pathway_editor_show_error (self, NULL);
  if (self->document != NULL)
    pc_document_end_preview (self->document);
}

static void
on_refused_response (AdwMessageDialog *dialog,
                     const char       *response,
                     PcPathwayEditor  *self)
{
  g_autofree char *action = g_steal_pointer (&self->after_refused);
  guint index;
  PcStepField field;

  if (g_strcmp0 (response, "go-on") == 0)
    {
      drop_refused (self);
      gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
    }
  else if (find_refused (self, &index, &field))
    _pc_pathway_editor_request_focus (self, index, field);
}

gboolean
pc_pathway_editor_ask_about_refused (PcPathwayEditor *self,
                                     const char      *go_on_label,
                                     const char      *action)
{
  g_autofree char *summary = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (PC_IS_PATHWAY_EDITOR (self), FALSE);

  summary = pc_pathway_editor_get_refused_summary (self);
  if (summary == NULL)
    return FALSE;
  g_free (self->after_refused);
  self->after_refused = g_strdup (action);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("A Value Was Refused"), summary);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "fix", _("_Fix It"),
                                    "go-on", go_on_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go-on",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "fix");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "fix");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_refused_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
