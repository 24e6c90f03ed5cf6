/* pc-lever-panel.c: the workshop's live levers.  Each lever is a slider
 * the room can watch: moving patients from stages 3–4 to 1–2 (the
 * engine's stage shift), a step's uptake and quantity, and the provider's
 * price as a percentage of tariff × MFF.  The panel only holds the
 * levers' state and turns it into an in-memory scenario; the projection
 * view computes with it ("changed"), and saves it ("keep").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-lever-panel"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pc-format.h"
#include "pc-lever-panel.h"

struct _PcLeverPanel
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkScale       *shift_scale;
  GtkAdjustment  *shift_adjustment;
  GtkDropDown    *step_choice;
  GtkStringList  *step_names;
  GtkScale       *share_scale;
  GtkAdjustment  *share_adjustment;
  GtkScale       *quantity_scale;
  GtkAdjustment  *quantity_adjustment;
  GtkScale       *price_scale;
  GtkAdjustment  *price_adjustment;
  GtkLabel       *price_title;
  GtkButton      *reset_button;
  GtkButton      *keep_button;
  GtkLabel       *status_label;

  char           *pathway;         /* the name the step levers are for */
  GPtrArray      *steps;           /* of PcStep copies: the first of each name */
  gboolean        share_moved;     /* the step levers apply once moved */
  gboolean        quantity_moved;
  gboolean        updating;        /* set by the panel, not by a person */
};

enum
{
  SIGNAL_CHANGED,
  SIGNAL_KEEP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PcLeverPanel, pc_lever_panel, GTK_TYPE_WIDGET)

static char *
format_percent (GtkScale *scale,
                double    value,
                gpointer  data)
{
  return g_strdup_printf ("%.0f%%", value * 100.0);
}

static char *
format_quantity (GtkScale *scale,
                 double    value,
                 gpointer  data)
{
  return pc_format_number (value, 1);
}

/* A screen reader hears the lever and where it stands. */
static void
describe (GtkScale   *scale,
          gboolean    percent,
          const char *what)
{
  double value = gtk_range_get_value (GTK_RANGE (scale));
  g_autofree char *shown = percent ? format_percent (scale, value, NULL) : format_quantity (scale, value, NULL);
  g_autofree char *label = g_strdup_printf ("%s: %s", what, shown);

  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, shown, -1);
}

static void
describe_all (PcLeverPanel *self)
{
  describe (self->shift_scale, TRUE, _("Earlier diagnosis, stage 3–4 patients moved to stages 1–2"));
  describe (self->share_scale, TRUE, _("Uptake of the step"));
  describe (self->quantity_scale, FALSE, _("Quantity of the step"));
  describe (self->price_scale, TRUE, _("Price, percentage of tariff × MFF"));
}

static const PcStep *
chosen_step (PcLeverPanel *self)
{
  guint position = gtk_drop_down_get_selected (self->step_choice);

  if (self->steps == NULL || position >= self->steps->len)
    return NULL;
  return g_ptr_array_index (self->steps, position);
}

/* The step levers start where the chosen step stands. */
static void
show_step (PcLeverPanel *self)
{
  const PcStep *step = chosen_step (self);
  double share = 0, quantity;

  self->updating = TRUE;
  self->share_moved = self->quantity_moved = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->share_scale), step != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->quantity_scale), step != NULL);
  if (step != NULL)
    {
      for (int stage = 0; stage < PC_N_STAGES; stage++)
        share = MAX (share, step->share[stage]);
      quantity = step->quantity;
      gtk_adjustment_set_upper (self->quantity_adjustment, MAX (2.0 * quantity, quantity + 5.0));
      gtk_adjustment_set_value (self->share_adjustment, share);
      gtk_adjustment_set_value (self->quantity_adjustment, quantity);
    }
  self->updating = FALSE;
  describe_all (self);
}

static void
on_step_chosen (PcLeverPanel *self)
{
  gboolean was_moved = self->share_moved || self->quantity_moved;

  if (self->updating)
    return;
  show_step (self);
  if (was_moved)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_lever_moved (GtkAdjustment *adjustment,
                PcLeverPanel  *self)
{
  if (self->updating)
    return;
  if (adjustment == self->share_adjustment)
    self->share_moved = TRUE;
  else if (adjustment == self->quantity_adjustment)
    self->quantity_moved = TRUE;
  describe_all (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_reset_clicked (PcLeverPanel *self)
{
  pc_lever_panel_reset (self);
}

static void
on_keep_clicked (PcLeverPanel *self)
{
  g_signal_emit (self, signals[SIGNAL_KEEP], 0);
}

void
pc_lever_panel_set_pathway (PcLeverPanel    *self,
                            const PcPathway *pathway)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GStrvBuilder) names = NULL;
  g_auto(GStrv) strv = NULL;
  guint old;

  g_return_if_fail (PC_IS_LEVER_PANEL (self));

  if (pathway != NULL && g_strcmp0 (pathway->name, self->pathway) == 0)
    return;
  g_free (self->pathway);
  self->pathway = pathway != NULL ? g_strdup (pathway->name) : NULL;
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_step_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  names = g_strv_builder_new ();
  for (guint i = 0; pathway != NULL && i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);

      /* A step change reaches every step of its name: one lever each. */
      if (!g_hash_table_add (seen, step->name))
        continue;
      g_ptr_array_add (self->steps, pc_step_copy (step));
      g_strv_builder_add (names, step->name);
    }
  strv = g_strv_builder_end (names);
  self->updating = TRUE;
  old = g_list_model_get_n_items (G_LIST_MODEL (self->step_names));
  gtk_string_list_splice (self->step_names, 0, old, (const char * const *) strv);
  gtk_drop_down_set_selected (self->step_choice, 0);
  self->updating = FALSE;
  {
    g_autofree char *title = pathway != NULL && pathway->provider != NULL
      ? g_strdup_printf (_("_Price paid to %s: percentage of tariff × MFF"), pathway->provider)
      : g_strdup (_("_Price: percentage of tariff × MFF"));

    gtk_label_set_text_with_mnemonic (self->price_title, title);
  }
  pc_lever_panel_reset (self);
}

PcScenario *
pc_lever_panel_build_scenario (PcLeverPanel    *self,
                               const PcPathway *pathway,
                               const double     mix[PC_N_STAGES],
                               const char      *name)
{
  g_autoptr(PcScenario) scenario = NULL;
  double shift = gtk_adjustment_get_value (self->shift_adjustment);
  double price = gtk_adjustment_get_value (self->price_adjustment);
  const PcStep *step = chosen_step (self);

  g_return_val_if_fail (PC_IS_LEVER_PANEL (self), NULL);
  g_return_val_if_fail (pathway != NULL, NULL);

  if (!pc_lever_panel_get_moved (self))
    return NULL;
  scenario = pc_scenario_new (name);
  if (shift > 0)
    pc_scenario_add_stage_shift (scenario, pathway->site, mix, shift,
                                 PC_STAGE_3, PC_STAGE_4, PC_STAGE_1, PC_STAGE_2);
  if (fabs (price - 1.0) > 1e-9)
    pc_scenario_add_price_fraction (scenario, pathway, pathway->mff, price);
  if (step != NULL && self->share_moved)
    for (int stage = 0; stage < PC_N_STAGES; stage++)
      pc_scenario_add_override (scenario, PC_PARAMETER_STEP_SHARE, NULL, pathway->name, step->name, stage,
                                gtk_adjustment_get_value (self->share_adjustment));
  if (step != NULL && self->quantity_moved)
    pc_scenario_add_override (scenario, PC_PARAMETER_STEP_QUANTITY, NULL, pathway->name, step->name, -1,
                              gtk_adjustment_get_value (self->quantity_adjustment));
  return g_steal_pointer (&scenario);
}

gboolean
pc_lever_panel_get_moved (PcLeverPanel *self)
{
  g_return_val_if_fail (PC_IS_LEVER_PANEL (self), FALSE);
  return gtk_adjustment_get_value (self->shift_adjustment) > 0
         || fabs (gtk_adjustment_get_value (self->price_adjustment) - 1.0) > 1e-9
         || self->share_moved || self->quantity_moved;
}

void
pc_lever_panel_reset (PcLeverPanel *self)
{
  gboolean was_moved;

  g_return_if_fail (PC_IS_LEVER_PANEL (self));

  was_moved = pc_lever_panel_get_moved (self);
  self->updating = TRUE;
  gtk_adjustment_set_value (self->shift_adjustment, 0);
  gtk_adjustment_set_value (self->price_adjustment, 1.0);
  self->updating = FALSE;
  show_step (self);
  if (was_moved)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

GtkWidget *
pc_lever_panel_get_shift_scale (PcLeverPanel *self)
{
  g_return_val_if_fail (PC_IS_LEVER_PANEL (self), NULL);
  return GTK_WIDGET (self->shift_scale);
}

void
pc_lever_panel_set_status (PcLeverPanel *self,
                           const char   *status)
{
  g_return_if_fail (PC_IS_LEVER_PANEL (self));
  gtk_label_set_text (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

const char *
pc_lever_panel_get_status (PcLeverPanel *self)
{
  g_return_val_if_fail (PC_IS_LEVER_PANEL (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->status_label)) ? gtk_label_get_text (self->status_label) : NULL;
}

GtkWidget *
pc_lever_panel_new (void)
{
  return g_object_new (PC_TYPE_LEVER_PANEL, NULL);
}

static void
pc_lever_panel_dispose (GObject *object)
{
  PcLeverPanel *self = PC_LEVER_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_LEVER_PANEL);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->pathway, g_free);
  G_OBJECT_CLASS (pc_lever_panel_parent_class)->dispose (object);
}

static void
pc_lever_panel_class_init (PcLeverPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_lever_panel_dispose;

  /* A lever moved, or all were reset: compute again. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* "Keep as Scenario" was pressed. */
  signals[SIGNAL_KEEP] = g_signal_new ("keep", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-lever-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, box);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, shift_scale);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, shift_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, step_choice);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, step_names);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, share_scale);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, share_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, quantity_scale);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, quantity_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, price_scale);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, price_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, price_title);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, reset_button);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, keep_button);
  gtk_widget_class_bind_template_child (widget_class, PcLeverPanel, status_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "levers");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pc_lever_panel_init (PcLeverPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_scale_set_format_value_func (self->shift_scale, format_percent, NULL, NULL);
  gtk_scale_set_format_value_func (self->share_scale, format_percent, NULL, NULL);
  gtk_scale_set_format_value_func (self->price_scale, format_percent, NULL, NULL);
  gtk_scale_set_format_value_func (self->quantity_scale, format_quantity, NULL, NULL);
  g_signal_connect (self->shift_adjustment, "value-changed", G_CALLBACK (on_lever_moved), self);
  g_signal_connect (self->share_adjustment, "value-changed", G_CALLBACK (on_lever_moved), self);
  g_signal_connect (self->quantity_adjustment, "value-changed", G_CALLBACK (on_lever_moved), self);
  g_signal_connect (self->price_adjustment, "value-changed", G_CALLBACK (on_lever_moved), self);
  g_signal_connect_swapped (self->step_choice, "notify::selected", G_CALLBACK (on_step_chosen), self);
  g_signal_connect_swapped (self->reset_button, "clicked", G_CALLBACK (on_reset_clicked), self);
  g_signal_connect_swapped (self->keep_button, "clicked", G_CALLBACK (on_keep_clicked), self);
  show_step (self);
}
