/* pc-settings-view.c: the project's settings page.  A rate is typed as a
 * percentage and stored as a fraction (3.5 is stored as 0.035); leaving a
 * field (Tab, Return, a click elsewhere) saves it as one undoable change;
 * a refused value stays in the field, marked, with its reason, and is never
 * clamped.  The store checks every value (pc_project_set_setting).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-settings-view"
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pc-error.h"
#include "pc-format.h"
#include "pc-settings-view.h"

typedef enum
{
  UNIT_PERCENT_A_YEAR,
  UNIT_PERCENT,
  UNIT_POINTS,
  UNIT_YEAR,
  UNIT_PATIENTS,
} Unit;

typedef enum
{
  GROUP_PROJECTION,
  GROUP_RISK,
  GROUP_DISCLOSURE,
} Group;

typedef struct
{
  const char *key;
  const char *title;    /* with a mnemonic */
  const char *meaning;  /* one line */
  Unit        unit;
  Group       group;
} Setting;

/* docs/MODEL.md#base-years names what the years mean to the model. */
static const Setting settings[] = {
  { "discount_rate", N_("_Discount rate"),
    N_("Each later year’s cost is divided by (1 + rate) a year for the net present value; the Green Book’s is 3.5 %."),
    UNIT_PERCENT_A_YEAR, GROUP_PROJECTION },
  { "inflation", N_("_Inflation"),
    N_("Costs rise by this much a year after the price year; 0 keeps every year at the price year’s prices."),
    UNIT_PERCENT_A_YEAR, GROUP_PROJECTION },
  { "price_year", N_("_Price year"),
    N_("The year whose prices the tariffs, local costs and investments are in; inflation counts from it."),
    UNIT_YEAR, GROUP_PROJECTION },
  { "incidence_year", N_("In_cidence year"),
    N_("The year the incidence rates describe; each tumour site’s trend counts from it."),
    UNIT_YEAR, GROUP_PROJECTION },
  { "risk_share_tolerance", N_("_Share tolerance"),
    N_("A step is a risk when its actual share of patients falls short of the expected by more than this."),
    UNIT_POINTS, GROUP_RISK },
  { "risk_cost_threshold", N_("C_ost threshold"),
    N_("A step is a risk when the provider’s mean cost per unit exceeds tariff × MFF by more than this."),
    UNIT_PERCENT, GROUP_RISK },
  { "disclosure_threshold", N_("_Disclosure threshold"),
    N_("In the negotiation pack, patient counts below this show as “*” and others are rounded to 5; 0 turns this off."),
    UNIT_PATIENTS, GROUP_DISCLOSURE },
};

#define N_SETTINGS G_N_ELEMENTS (settings)

typedef struct
{
  PcSettingsView *view;
  const Setting  *setting;
  AdwActionRow   *row;
  GtkEntry       *entry;
  GtkLabel       *unit_label;
  char           *shown;   /* the stored value as the field shows it */
  char           *error;   /* the reason a typed value was refused */
} Field;

struct _PcSettingsView
{
  GtkWidget             parent_instance;

  GtkWidget            *page;
  AdwPreferencesGroup  *projection_group;
  AdwPreferencesGroup  *risk_group;
  AdwPreferencesGroup  *disclosure_group;

  PcDocument           *document;
  Field                 fields[N_SETTINGS];
};

G_DEFINE_FINAL_TYPE (PcSettingsView, pc_settings_view, GTK_TYPE_WIDGET)

static gboolean
is_rate (const Setting *setting)
{
  return setting->unit != UNIT_YEAR && setting->unit != UNIT_PATIENTS;
}

/* The title without its mnemonic, lower case, for the undo label. */
static char *
plain_title (const Setting *setting)
{
  g_autoptr(GString) text = g_string_new (_(setting->title));

  g_string_replace (text, "_", "", 0);
  return g_utf8_strdown (text->str, -1);
}

/* The stored value as it is typed: a fraction as a percentage. */
static char *
format_value (const Setting *setting,
              double         value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!is_rate (setting))
    return g_strdup_printf ("%d", (int) value);
  /* Ten digits hide the binary noise of × 100 (0.035 × 100 = 3.5000…04). */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value * 100.0));
}

static char *
unit_text (const Setting *setting,
           double         value)
{
  switch (setting->unit)
    {
    case UNIT_PERCENT_A_YEAR:
      /* xgettext:no-c-format */
      return g_strdup (_("% a year"));
    case UNIT_PERCENT:
      /* xgettext:no-c-format */
      return g_strdup (_("%"));
    case UNIT_POINTS:
      /* xgettext:no-c-format */
      return g_strdup (_("% points"));
    case UNIT_PATIENTS:
      return g_strdup (_("patients"));
    case UNIT_YEAR:
    default:
      return pc_format_financial_year ((int) value);
    }
}

static void
show_field_error (Field      *field,
                  const char *message)
{
  g_free (field->error);
  field->error = g_strdup (message);
  adw_action_row_set_subtitle (field->row, message != NULL ? message : _(field->setting->meaning));
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (field->entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (field->entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (field->row), "error");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : _(field->setting->meaning), -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->entry), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* Shows the stored values; a field holding a refused value keeps it. */
static void
fill_fields (PcSettingsView *self)
{
  PcProject *project = self->document != NULL ? pc_document_get_project (self->document) : NULL;

  for (guint i = 0; i < N_SETTINGS; i++)
    {
      Field *field = &self->fields[i];
      double value = project != NULL ? pc_project_get_setting (project, field->setting->key) : 0.0;
      g_autofree char *unit = project != NULL ? unit_text (field->setting, value) : NULL;

      g_clear_pointer (&field->shown, g_free);
      field->shown = project != NULL ? format_value (field->setting, value) : g_strdup ("");
      gtk_label_set_text (field->unit_label, unit);
      gtk_widget_set_sensitive (GTK_WIDGET (field->row), project != NULL);
      if (field->error == NULL)
        gtk_editable_set_text (GTK_EDITABLE (field->entry), field->shown);
    }
}

/* @text as the store wants it: a percentage divided by 100 ("3.5", "3.5%"
 * and "3.5 %" all give "0.035"); NULL with @error when it is no number. */
static char *
stored_text (const Setting *setting,
             const char    *text,
             GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end = NULL;
  double value;

  if (!is_rate (setting))
    return g_steal_pointer (&trimmed);
  if (g_str_has_suffix (trimmed, "%"))
    trimmed[strlen (trimmed) - 1] = '\0';
  g_strchomp (trimmed);
  value = g_ascii_strtod (trimmed, &end);
  if (*trimmed == '\0' || end == NULL || *end != '\0' || !isfinite (value))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   _("“%s” is not a number: type a percentage, such as 3.5"), text);
      return NULL;
    }
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value / 100.0));
}

static gboolean
is_stored (PcSettingsView *self,
           const Setting  *setting,
           const char     *value)
{
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);

  return *value != '\0' && end != NULL && *end == '\0'
         && number == pc_project_get_setting (pc_document_get_project (self->document), setting->key);
}

/* Saves what @field holds as one undoable change, unless it is what is
 * stored already. */
static gboolean
commit_field (Field *field)
{
  PcSettingsView *self = field->view;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (self->document == NULL)
    return FALSE;
  if (g_strcmp0 (text, field->shown) == 0)
    {
      show_field_error (field, NULL);
      return TRUE;
    }
  value = stored_text (field->setting, text, &error);
  if (value != NULL && is_stored (self, field->setting, value))
    {
      /* "3.5 %" for 3.5: the same value, so no change to undo. */
      show_field_error (field, NULL);
      gtk_editable_set_text (GTK_EDITABLE (field->entry), field->shown);
      return TRUE;
    }
  title = plain_title (field->setting);
  label = g_strdup_printf (_("Change %s"), title);
  if (value == NULL || !pc_document_edit_setting (self->document, label, field->setting->key, value, &error))
    {
      g_autofree char *message = is_rate (field->setting) && value != NULL
        ? g_strdup_printf (_("Refused: %s %% is %s as a fraction. %s"), text, value, error->message)
        : g_strdup_printf (_("Refused: %s"), error->message);

      show_field_error (field, message);
      return FALSE;
    }
  /* The document's "changed" has shown the stored value already. */
  show_field_error (field, NULL);
  gtk_editable_set_text (GTK_EDITABLE (field->entry), field->shown);
  return TRUE;
}

static void
on_entry_activate (GtkEntry *entry,
                   Field    *field)
{
  commit_field (field);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                Field                   *field)
{
  commit_field (field);
}

static void
on_document_changed (PcDocument     *document,
                     PcChange        scope,
                     PcSettingsView *self)
{
  if (scope != PC_CHANGE_STEPS)
    fill_fields (self);
}

static void
build_field (PcSettingsView *self,
             Field          *field,
             const Setting  *setting)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  field->view = self;
  field->setting = setting;
  field->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(setting->title));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (field->row), TRUE);
  adw_action_row_set_subtitle (field->row, _(setting->meaning));
  field->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (field->entry), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (field->entry), 7);
  gtk_editable_set_alignment (GTK_EDITABLE (field->entry), 1.0);
  gtk_entry_set_input_purpose (field->entry, GTK_INPUT_PURPOSE_NUMBER);
  /* Ctrl+Z is the project's undo: a field's own text undo would take it
   * and bring back the typing of a value already saved. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (field->entry), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (field->entry), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (field->entry), "numeric");
  field->unit_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (field->unit_label, 0);
  gtk_label_set_width_chars (field->unit_label, 9);
  gtk_widget_add_css_class (GTK_WIDGET (field->unit_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (field->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (field->unit_label));
  adw_action_row_add_suffix (field->row, box);
  adw_action_row_set_activatable_widget (field->row, GTK_WIDGET (field->entry));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field->entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  field->row, field->unit_label, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _(setting->meaning), -1);
  g_signal_connect (field->entry, "activate", G_CALLBACK (on_entry_activate), field);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), field);
  gtk_widget_add_controller (GTK_WIDGET (field->entry), focus);
  adw_preferences_group_add (setting->group == GROUP_RISK ? self->risk_group
                             : setting->group == GROUP_DISCLOSURE ? self->disclosure_group
                             : self->projection_group, GTK_WIDGET (field->row));
}

static Field *
find_field (PcSettingsView *self,
            const char     *key)
{
  for (guint i = 0; i < N_SETTINGS; i++)
    if (g_strcmp0 (self->fields[i].setting->key, key) == 0)
      return &self->fields[i];
  return NULL;
}

GtkWidget *
pc_settings_view_new (void)
{
  return g_object_new (PC_TYPE_SETTINGS_VIEW, NULL);
}

void
pc_settings_view_set_document (PcSettingsView *self,
                               PcDocument     *document)
{
  g_return_if_fail (PC_IS_SETTINGS_VIEW (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  for (guint i = 0; i < N_SETTINGS; i++)
    show_field_error (&self->fields[i], NULL);
  fill_fields (self);
}

gboolean
pc_settings_view_enter (PcSettingsView *self,
                        const char     *key,
                        const char     *text)
{
  Field *field;

  g_return_val_if_fail (PC_IS_SETTINGS_VIEW (self), FALSE);
  field = find_field (self, key);
  g_return_val_if_fail (field != NULL && text != NULL, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (field->entry), text);
  return commit_field (field);
}

const char *
pc_settings_view_get_text (PcSettingsView *self,
                           const char     *key)
{
  Field *field;

  g_return_val_if_fail (PC_IS_SETTINGS_VIEW (self), NULL);
  field = find_field (self, key);
  g_return_val_if_fail (field != NULL, NULL);
  return gtk_editable_get_text (GTK_EDITABLE (field->entry));
}

const char *
pc_settings_view_get_error (PcSettingsView *self,
                            const char     *key)
{
  Field *field;

  g_return_val_if_fail (PC_IS_SETTINGS_VIEW (self), NULL);
  field = find_field (self, key);
  g_return_val_if_fail (field != NULL, NULL);
  return field->error;
}

static void
pc_settings_view_dispose (GObject *object)
{
  PcSettingsView *self = PC_SETTINGS_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_SETTINGS_VIEW);
  G_OBJECT_CLASS (pc_settings_view_parent_class)->dispose (object);
}

static void
pc_settings_view_finalize (GObject *object)
{
  PcSettingsView *self = PC_SETTINGS_VIEW (object);

  for (guint i = 0; i < N_SETTINGS; i++)
    {
      g_free (self->fields[i].shown);
      g_free (self->fields[i].error);
    }
  G_OBJECT_CLASS (pc_settings_view_parent_class)->finalize (object);
}

static void
pc_settings_view_class_init (PcSettingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_settings_view_dispose;
  object_class->finalize = pc_settings_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-settings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PcSettingsView, page);
  gtk_widget_class_bind_template_child (widget_class, PcSettingsView, projection_group);
  gtk_widget_class_bind_template_child (widget_class, PcSettingsView, risk_group);
  gtk_widget_class_bind_template_child (widget_class, PcSettingsView, disclosure_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pc_settings_view_init (PcSettingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < N_SETTINGS; i++)
    build_field (self, &self->fields[i], &settings[i]);
  fill_fields (self);
}
