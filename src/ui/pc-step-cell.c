/* pc-step-cell.c: an editable cell of the pathway editor.  The row, not
 * this recycled widget, keeps what was typed; the cell follows the row's
 * "refreshed" signal and reports the user's acts as signals:
 *
 *   edited (text)  the user changed the text (or picked a value)
 *   committed      the user left the cell, pressed Return or picked a value
 *   reverted       Escape dropped the typed text
 *   entered        the focus came into the cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-step-cell"
#include "config.h"

#include <string.h>

#include "pc-model.h"
#include "pc-labels.h"
#include "pc-step-cell.h"

struct _PcStepCell
{
  GtkWidget     parent_instance;

  GtkEntry     *entry;
  GtkDropDown  *drop_down;  /* only some cells have one (add_drop_down) */

  PcStepField   field;
  PcStepRow    *row;
  gulong        refreshed_handler;
  char         *text;
  char         *refused_reason;
  gboolean      refreshing;  /* a text change made by the row, not typed */
};

enum
{
  PROP_0,
  PROP_FIELD,
  PROP_ROW,
  PROP_TEXT,
  PROP_REFUSED_REASON,
  N_PROPS
};

enum { EDITED, COMMITTED, REVERTED, ENTERED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PcStepCell, pc_step_cell, GTK_TYPE_WIDGET)

static gboolean
has_choices (PcStepField field)
{
  return field == PC_STEP_FIELD_ACTIVITY || field == PC_STEP_FIELD_BASIS;
}

static const char * const *
choices_for (PcStepField field)
{
  static const char *activities[PC_N_ACTIVITIES + 1];
  static const char *bases[PC_N_BASES + 1];

  if (activities[0] == NULL)
    {
      for (guint a = 0; a < PC_N_ACTIVITIES; a++)
        activities[a] = pc_activity_to_string (a);
      for (guint b = 0; b < PC_N_BASES; b++)
        bases[b] = pc_basis_to_string (b);
    }
  return field == PC_STEP_FIELD_ACTIVITY ? activities : bases;
}

static void
set_text (PcStepCell *self,
          const char *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* Only on a change: setting a tooltip makes GTK ask the X server where the
 * pointer is, a round trip per cell that made a saved edit take 0.7 s. */
static void
set_refused_reason (PcStepCell *self,
                    const char *reason)
{
  if (g_strcmp0 (self->refused_reason, reason) == 0)
    return;
  g_free (self->refused_reason);
  self->refused_reason = g_strdup (reason);
  if (reason != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), reason);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSED_REASON]);
}

/* Shows what the row holds for the field: typed text or saved value. */
static void
refresh (PcStepCell *self)
{
  g_autofree char *text = NULL;

  if (self->row == NULL)
    return;
  text = pc_step_row_get_text (self->row, self->field);
  self->refreshing = TRUE;
  if (has_choices (self->field))
    {
      const char * const *choices = choices_for (self->field);

      for (guint i = 0; choices[i] != NULL; i++)
        if (g_strcmp0 (choices[i], text) == 0)
          gtk_drop_down_set_selected (self->drop_down, i);
    }
  else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->refreshing = FALSE;
  set_text (self, text);
  set_refused_reason (self, pc_step_row_get_error (self->row, self->field));
}

static void
on_entry_changed (PcStepCell *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (self->row == NULL || self->refreshing)
    return;
  set_text (self, text);
  g_signal_emit (self, signals[EDITED], 0, text);
  set_refused_reason (self, pc_step_row_get_error (self->row, self->field));
}

static void
on_entry_activate (PcStepCell *self)
{
  if (self->row != NULL)
    g_signal_emit (self, signals[COMMITTED], 0);
}

static void
on_drop_down_selected (PcStepCell *self)
{
  guint selected = gtk_drop_down_get_selected (self->drop_down);

  if (self->row == NULL || self->refreshing || selected == GTK_INVALID_LIST_POSITION)
    return;
  set_text (self, choices_for (self->field)[selected]);
  g_signal_emit (self, signals[EDITED], 0, self->text);
  g_signal_emit (self, signals[COMMITTED], 0);
}

static void
on_focus_enter (PcStepCell *self)
{
  if (self->row != NULL)
    g_signal_emit (self, signals[ENTERED], 0);
}

static void
on_focus_leave (PcStepCell *self)
{
  if (self->row != NULL)
    g_signal_emit (self, signals[COMMITTED], 0);
}

static gboolean
on_key_pressed (PcStepCell      *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape || self->row == NULL || !pc_step_row_has_pending (self->row, self->field))
    return FALSE;
  pc_step_row_revert (self->row, self->field);
  g_signal_emit (self, signals[REVERTED], 0);
  return TRUE;
}

/* A child that stays "visible" to be measured (pc_step_cell_measure) but
 * is never shown, allocated, focused or clicked. */
static void
hide_child (GtkWidget *child)
{
  gtk_widget_set_child_visible (child, FALSE);
  gtk_widget_set_can_focus (child, FALSE);
  gtk_widget_set_can_target (child, FALSE);
}

/* A choice's name in the cell, and in the list that opens. */
#define LABEL_TEMPLATE(extra) \
  "<?xml version='1.0' encoding='UTF-8'?><interface><template class='GtkListItem'>" \
  "<property name='child'><object class='GtkLabel'><property name='xalign'>0</property>" extra \
  "<binding name='label'><lookup name='string' type='GtkStringObject'><lookup name='item'>" \
  "GtkListItem</lookup></lookup></binding></object></property></template></interface>"
#define SHORT_LABEL LABEL_TEMPLATE ("<property name='ellipsize'>end</property><property name='width-chars'>11</property>" \
                                    "<property name='max-width-chars'>11</property>")
#define WHOLE_LABEL LABEL_TEMPLATE ("")

/* Only the cells that need one have a drop-down (it is the costliest
 * widget of a table of hundreds of cells): those of a field with a fixed
 * list of values, and the name's, measured only, so that the fixed
 * table's rows are as tall as the other's. */
static void
add_drop_down (PcStepCell *self)
{
  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_parent (GTK_WIDGET (self->drop_down), GTK_WIDGET (self));
  g_signal_connect_swapped (self->drop_down, "notify::selected", G_CALLBACK (on_drop_down_selected), self);
}

/* Shows the entry or the drop-down, as @field asks. */
static void
set_field (PcStepCell  *self,
           PcStepField  field)
{
  gboolean numeric = pc_step_field_numeric (field);

  self->field = field;
  if (has_choices (field) || field == PC_STEP_FIELD_NAME)
    add_drop_down (self);
  if (has_choices (field))
    {
      g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
      const char * const *choices = choices_for (field);

      /* Names where the vocabulary has them (the cell's text stays the
       * code), cut short in the cell so the column keeps its width, whole
       * in the list that opens. */
      for (guint i = 0; choices[i] != NULL; i++)
        gtk_string_list_append (strings, field == PC_STEP_FIELD_ACTIVITY ? pc_activity_label (i) : choices[i]);
      if (field == PC_STEP_FIELD_ACTIVITY)
        {
          g_autoptr(GBytes) shown = g_bytes_new_static (SHORT_LABEL, strlen (SHORT_LABEL));
          g_autoptr(GtkListItemFactory) factory = gtk_builder_list_item_factory_new_from_bytes (NULL, shown);
          g_autoptr(GBytes) listed = g_bytes_new_static (WHOLE_LABEL, strlen (WHOLE_LABEL));
          g_autoptr(GtkListItemFactory) list_factory = gtk_builder_list_item_factory_new_from_bytes (NULL, listed);

          gtk_drop_down_set_factory (self->drop_down, factory);
          gtk_drop_down_set_list_factory (self->drop_down, list_factory);
        }

      hide_child (GTK_WIDGET (self->entry));
      self->refreshing = TRUE;
      gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (strings));
      self->refreshing = FALSE;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pc_step_field_title (field), -1);
    }
  else if (self->drop_down != NULL)
    hide_child (GTK_WIDGET (self->drop_down));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry),
                                field == PC_STEP_FIELD_NAME ? 24 : numeric ? 8 : 12);
  if (numeric)
    {
      gtk_editable_set_alignment (GTK_EDITABLE (self->entry), 1.0);
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "numeric");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pc_step_field_title (field), -1);
}

/* Focus goes to the shown child: an entry selects its text, so typing
 * replaces the value and Delete clears it. */
static gboolean
pc_step_cell_grab_focus (GtkWidget *widget)
{
  PcStepCell *self = PC_STEP_CELL (widget);

  if (has_choices (self->field))
    return gtk_widget_grab_focus (GTK_WIDGET (self->drop_down));
  return gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static GtkWidget *
shown_child (PcStepCell *self)
{
  return has_choices (self->field) ? GTK_WIDGET (self->drop_down) : GTK_WIDGET (self->entry);
}

/* Every cell is as tall as the taller of an entry and a drop-down, so the
 * rows of the editor's two tables (the fixed number and name, the rest
 * scrolling sideways) line up. */
static void
pc_step_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  PcStepCell *self = PC_STEP_CELL (widget);
  int entry_min, entry_nat, drop_min, drop_nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (shown_child (self), orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }
  gtk_widget_measure (GTK_WIDGET (self->entry), orientation, -1, &entry_min, &entry_nat, NULL, NULL);
  drop_min = drop_nat = 0;
  if (self->drop_down != NULL)
    gtk_widget_measure (GTK_WIDGET (self->drop_down), orientation, -1, &drop_min, &drop_nat, NULL, NULL);
  *minimum = MAX (entry_min, drop_min);
  *natural = MAX (entry_nat, drop_nat);
}

static void
pc_step_cell_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  gtk_widget_allocate (shown_child (PC_STEP_CELL (widget)), width, height, -1, NULL);
}

static void
pc_step_cell_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PcStepCell *self = PC_STEP_CELL (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_uint (value, self->field);
      break;
    case PROP_ROW:
      g_value_set_object (value, self->row);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_REFUSED_REASON:
      g_value_set_string (value, self->refused_reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_step_cell_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PcStepCell *self = PC_STEP_CELL (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      set_field (self, g_value_get_uint (value));
      break;
    case PROP_ROW:
      pc_step_cell_set_row (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_step_cell_dispose (GObject *object)
{
  PcStepCell *self = PC_STEP_CELL (object);

  pc_step_cell_set_row (self, NULL);
  if (self->drop_down != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->drop_down));
  self->drop_down = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_STEP_CELL);
  G_OBJECT_CLASS (pc_step_cell_parent_class)->dispose (object);
}

static void
pc_step_cell_finalize (GObject *object)
{
  PcStepCell *self = PC_STEP_CELL (object);

  g_free (self->text);
  g_free (self->refused_reason);
  G_OBJECT_CLASS (pc_step_cell_parent_class)->finalize (object);
}

static void
pc_step_cell_class_init (PcStepCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = pc_step_cell_get_property;
  object_class->set_property = pc_step_cell_set_property;
  object_class->dispose = pc_step_cell_dispose;
  object_class->finalize = pc_step_cell_finalize;
  widget_class->grab_focus = pc_step_cell_grab_focus;
  widget_class->measure = pc_step_cell_measure;
  widget_class->size_allocate = pc_step_cell_size_allocate;

  properties[PROP_FIELD] = g_param_spec_uint ("field", NULL, NULL, 0, PC_N_STEP_FIELDS - 1, 0,
                                              flags | G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_ROW] = g_param_spec_object ("row", NULL, NULL, PC_TYPE_STEP_ROW, flags | G_PARAM_READWRITE);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags | G_PARAM_READABLE);
  properties[PROP_REFUSED_REASON] = g_param_spec_string ("refused-reason", NULL, NULL, NULL,
                                                         flags | G_PARAM_READABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                     NULL, NULL, G_TYPE_NONE, 0);
  signals[REVERTED] = g_signal_new ("reverted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                    NULL, NULL, G_TYPE_NONE, 0);
  signals[ENTERED] = g_signal_new ("entered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-step-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, PcStepCell, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_enter);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed);
}

static void
pc_step_cell_init (PcStepCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pc_step_cell_new (PcStepField field)
{
  return g_object_new (PC_TYPE_STEP_CELL, "field", (guint) field, NULL);
}

PcStepField
pc_step_cell_get_field (PcStepCell *self)
{
  g_return_val_if_fail (PC_IS_STEP_CELL (self), 0);
  return self->field;
}

PcStepRow *
pc_step_cell_get_row (PcStepCell *self)
{
  g_return_val_if_fail (PC_IS_STEP_CELL (self), NULL);
  return self->row;
}

void
pc_step_cell_set_row (PcStepCell *self,
                      PcStepRow  *row)
{
  g_return_if_fail (PC_IS_STEP_CELL (self));

  if (self->row == row)
    return;
  if (self->row != NULL)
    g_clear_signal_handler (&self->refreshed_handler, self->row);
  g_set_object (&self->row, row);
  if (row != NULL)
    {
      self->refreshed_handler = g_signal_connect_swapped (row, "refreshed", G_CALLBACK (refresh), self);
      refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
}

const char *
pc_step_cell_get_text (PcStepCell *self)
{
  g_return_val_if_fail (PC_IS_STEP_CELL (self), NULL);
  return self->text;
}

const char *
pc_step_cell_get_refused_reason (PcStepCell *self)
{
  g_return_val_if_fail (PC_IS_STEP_CELL (self), NULL);
  return self->refused_reason;
}

void
pc_step_cell_set_completion (PcStepCell   *self,
                             GtkTreeModel *model)
{
  GtkEntryCompletion *completion;

  g_return_if_fail (PC_IS_STEP_CELL (self));

  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, model);
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_inline_completion (completion, FALSE);
  gtk_entry_set_completion (self->entry, completion);
  g_object_unref (completion);
}
