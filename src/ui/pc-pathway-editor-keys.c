/* pc-pathway-editor-keys.c: the step table's keyboard and focus.  GTK
 * 4.8's column view walks its cells by widget order (Shift+Tab went
 * forward, Down went to the first column) and has neither scroll-to nor
 * sticky columns: the editor moves the focus by step and field, scrolls
 * the focused cell into view, and keeps its fixed table (number and name)
 * level with the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-pathway-editor"
#include "config.h"

#include "pc-pathway-editor-private.h"
#include "pc-step-cell.h"
#include "pc-step-row.h"

/* The fixed table follows the other's vertical scroll, one way: each
 * table clamps its own adjustment while it is laid out, and the other
 * would then need a second layout in the same frame.  The wheel over the
 * fixed table scrolls the other. */
static gboolean
on_fixed_scroll (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 PcPathwayEditor          *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->step_scroller);
  double step = gtk_adjustment_get_step_increment (adjustment);

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    dy *= MAX (step, 1) * 3;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy);
  return TRUE;
}

static void
follow_vertical_scroll (PcPathwayEditor *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  g_object_bind_property (gtk_scrolled_window_get_vadjustment (self->step_scroller), "value",
                          gtk_scrolled_window_get_vadjustment (self->fixed_scroller), "value",
                          G_BINDING_DEFAULT);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_fixed_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self->fixed_scroller), scroll);
}

/* The table's keyboard: GTK 4.8's column view walks its cells by widget
 * order (Shift+Tab went forward, Down went to the first column), so the
 * editor moves the focus itself, by step and field. */

static PcStepCell *
find_cell (GtkWidget   *widget,
           guint        index,
           PcStepField  field)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PcStepCell *found;

      if (PC_IS_STEP_CELL (child))
        {
          PcStepCell *cell = PC_STEP_CELL (child);
          PcStepRow *row = pc_step_cell_get_row (cell);

          if (row != NULL && pc_step_row_get_index (row) == index && pc_step_cell_get_field (cell) == field)
            return cell;
          continue;
        }
      if ((found = find_cell (child, index, field)) != NULL)
        return found;
    }
  return NULL;
}

/* The focused cell, unless the focus is in a pop-up (a drop-down's list,
 * the tariff codes' completion), whose keys are its own. */
static PcStepCell *
focused_cell (PcPathwayEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = focus != NULL ? gtk_widget_get_ancestor (focus, PC_TYPE_STEP_CELL) : NULL;

  if (cell == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL
      || !gtk_widget_is_ancestor (cell, GTK_WIDGET (self)))
    return NULL;
  return PC_STEP_CELL (cell);
}

static void
scroll_into_view (GtkAdjustment *adjustment,
                  double         start,
                  double         size,
                  double         visible)
{
  double value = gtk_adjustment_get_value (adjustment);

  if (start < 0)
    gtk_adjustment_set_value (adjustment, value + start);
  else if (start + size > visible)
    gtk_adjustment_set_value (adjustment, value + MIN (start, start + size - visible));
}

/* GTK 4.8's column view has no scroll-to: the scrolled window's
 * adjustments move by the cell's bounds.  Sideways against the column
 * view, up and down against its rows (under the header). */
static void
show_cell (PcPathwayEditor *self,
           PcStepCell      *cell)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (cell), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *rows = gtk_widget_get_last_child (view);
  graphene_rect_t bounds;

  if (view == GTK_WIDGET (self->column_view)
      && gtk_widget_compute_bounds (GTK_WIDGET (cell), view, &bounds))
    scroll_into_view (gtk_scrolled_window_get_hadjustment (self->step_scroller), bounds.origin.x,
                      bounds.size.width, gtk_widget_get_width (GTK_WIDGET (self->column_view)));
  if (rows != NULL && gtk_widget_compute_bounds (GTK_WIDGET (cell), rows, &bounds))
    scroll_into_view (gtk_scrolled_window_get_vadjustment (self->step_scroller), bounds.origin.y,
                      bounds.size.height, gtk_widget_get_height (rows));
}

static gboolean
focus_cell (PcPathwayEditor *self,
            guint            index,
            PcStepField      field)
{
  GtkColumnView *view = field == PC_STEP_FIELD_NAME ? self->fixed_view : self->column_view;
  PcStepCell *cell = find_cell (GTK_WIDGET (view), index, field);

  if (cell == NULL || !gtk_widget_grab_focus (GTK_WIDGET (cell)))
    return FALSE;
  gtk_single_selection_set_selected (self->selection, index);
  show_cell (self, cell);
  return TRUE;
}

static gboolean
on_focus_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  PcPathwayEditor *self = PC_PATHWAY_EDITOR (data);

  /* A few frames at most: the step may be gone by then (an undo). */
  if (!focus_cell (self, self->focus_index, self->focus_field) && ++self->focus_frames < 30)
    return G_SOURCE_CONTINUE;
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

/* A row added a moment ago gets its widgets at the next layout: the focus
 * goes there on the first frame that has the cell. */
void
_pc_pathway_editor_request_focus (PcPathwayEditor *self,
                                  guint            index,
                                  PcStepField      field)
{
  self->focus_index = index;
  self->focus_field = field;
  self->focus_frames = 0;
  if (focus_cell (self, index, field) || self->focus_tick != 0)
    return;
  self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), on_focus_tick, self, NULL);
}

/* The field the focus is in, to keep it when the step moves. */
PcStepField
_pc_pathway_editor_get_focused_field (PcPathwayEditor *self)
{
  PcStepCell *cell = focused_cell (self);

  return cell != NULL ? pc_step_cell_get_field (cell) : PC_STEP_FIELD_NAME;
}

/* The fields as the columns show them: the name first (fixed_view). */
static PcStepField
field_at (int position)
{
  if (position == 0)
    return PC_STEP_FIELD_NAME;
  return position <= PC_STEP_FIELD_NAME ? position - 1 : position;
}

static int
position_of (PcStepField field)
{
  if (field == PC_STEP_FIELD_NAME)
    return 0;
  return field < PC_STEP_FIELD_NAME ? field + 1 : field;
}

static gboolean
walk_cells (PcPathwayEditor *self,
            PcStepCell      *cell,
            int              by_step,
            int              by_field)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  int index = pc_step_row_get_index (pc_step_cell_get_row (cell));
  int position = position_of (pc_step_cell_get_field (cell)) + by_field;

  if (position < 0)
    position = PC_N_STEP_FIELDS - 1, index--;
  else if (position >= PC_N_STEP_FIELDS)
    position = 0, index++;
  index += by_step;
  if (index < 0 || index >= (int) n)
    return by_step != 0;  /* Up on the first step stays; Tab leaves the table. */
  return focus_cell (self, index, field_at (position));
}

static gboolean
on_table_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              PcPathwayEditor       *self)
{
  PcStepCell *cell = focused_cell (self);
  GdkModifierType mods = state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK);

  if (cell == NULL)
    return FALSE;
  if (keyval == GDK_KEY_Tab && mods == 0)
    return walk_cells (self, cell, 0, 1);
  if ((keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_Tab) && mods == GDK_SHIFT_MASK)
    return walk_cells (self, cell, 0, -1);
  if (keyval == GDK_KEY_Up && mods == 0)
    return walk_cells (self, cell, -1, 0);
  if (keyval == GDK_KEY_Down && mods == 0)
    return walk_cells (self, cell, 1, 0);
  return FALSE;
}

/* Delete removes a step from the row (its number), never from a cell,
 * where it edits the text. */
static gboolean
on_delete_key (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  PcPathwayEditor *self = data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_get_ancestor (focus, PC_TYPE_STEP_CELL) != NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "editor.delete-step", NULL);
}

static void
add_table_keys (PcPathwayEditor *self,
                GtkColumnView   *view)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_table_key), self);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_BUBBLE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_callback_action_new (on_delete_key, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), shortcuts);
}

void
_pc_pathway_editor_init_keys (PcPathwayEditor *self)
{
  add_table_keys (self, self->fixed_view);
  add_table_keys (self, self->column_view);
  follow_vertical_scroll (self);
}
