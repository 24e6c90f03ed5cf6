/* pc-area-group-dialog.c: area groups edited in the window.  The combo row
 * chooses a group (or "New group"), the entry rows hold its code and
 * name, and a check row per area its members; Save and Delete are each
 * one undoable edit of the document, and a refusal (an area's code as the
 * group's, no members) is shown in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pc-area-group-dialog.h"

struct _PcAreaGroupDialog
{
  GtkWindow             parent_instance;

  AdwComboRow          *group_row;
  AdwEntryRow          *code_row;
  AdwEntryRow          *name_row;
  AdwPreferencesGroup  *members_group;
  GtkLabel             *error_label;
  GtkButton            *delete_button;
  GtkButton            *save_button;

  PcDocument           *document;
  GPtrArray            *groups;         /* of PcPlace with members, as the combo row lists them */
  GPtrArray            *areas;          /* of PcPlace, the areas by name */
  GPtrArray            *member_rows;    /* of AdwActionRow, one per area */
  GPtrArray            *member_checks;  /* of GtkCheckButton, one per area */
  char                 *chosen;         /* the chosen group's code, NULL for a new one */
  gboolean              filling;
};

G_DEFINE_FINAL_TYPE (PcAreaGroupDialog, pc_area_group_dialog, GTK_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (PcAreaGroupDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static PcPlace *
chosen_group (PcAreaGroupDialog *self)
{
  for (guint i = 0; self->chosen != NULL && i < self->groups->len; i++)
    {
      PcPlace *group = g_ptr_array_index (self->groups, i);

      if (g_strcmp0 (group->code, self->chosen) == 0)
        return group;
    }
  return NULL;
}

/* Shows the chosen group's code, name and members, or empty rows for a
 * new group. */
static void
show_group (PcAreaGroupDialog *self)
{
  PcPlace *group = chosen_group (self);

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), group != NULL ? group->code : "");
  gtk_editable_set_editable (GTK_EDITABLE (self->code_row), group == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_row), group == NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), group != NULL ? group->name : "");
  for (guint i = 0; i < self->areas->len; i++)
    {
      PcPlace *area = g_ptr_array_index (self->areas, i);

      gtk_check_button_set_active (g_ptr_array_index (self->member_checks, i),
                                   group != NULL && g_strv_contains ((const char * const *) group->members,
                                                                     area->code));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), group != NULL);
}

/* Reads the groups and areas again (after an edit, an undo, an import). */
static void
refill (PcAreaGroupDialog *self)
{
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  self->filling = TRUE;
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->areas, 0);
  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (self->members_group, g_ptr_array_index (self->member_rows, i));
  g_ptr_array_set_size (self->member_rows, 0);
  g_ptr_array_set_size (self->member_checks, 0);

  places = pc_project_list_places (pc_document_get_project (self->document), NULL);
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      PcPlace *place = g_ptr_array_steal_index (places, i--);

      g_ptr_array_add (place->members != NULL ? self->groups : self->areas, place);
    }
  for (guint i = 0; i < self->groups->len; i++)
    {
      PcPlace *group = g_ptr_array_index (self->groups, i);
      /* TRANSLATORS: an area group's name, then its code */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), group->name, group->code);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (group->code, self->chosen) == 0)
        selected = i;
    }
  gtk_string_list_append (labels, _("New group"));
  if (chosen_group (self) == NULL)
    {
      g_clear_pointer (&self->chosen, g_free);
      selected = self->groups->len;
    }
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->group_row, selected);

  for (guint i = 0; i < self->areas->len; i++)
    {
      PcPlace *area = g_ptr_array_index (self->areas, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), area->name, area->code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), area->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), area->code);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
      g_ptr_array_add (self->member_checks, check);
    }
  show_group (self);
  self->filling = FALSE;
}

static void
on_group_chosen (PcAreaGroupDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->group_row);

  if (self->filling)
    return;
  g_clear_pointer (&self->chosen, g_free);
  if (selected < self->groups->len)
    self->chosen = g_strdup (((PcPlace *) g_ptr_array_index (self->groups, selected))->code);
  show_error (self, NULL);
  show_group (self);
}

typedef struct
{
  const char         *code;
  const char         *name;
  const char * const *members;
} GroupEdit;

static gboolean
edit_set_group (PcProject *project,
                gpointer   data,
                GError   **error)
{
  GroupEdit *edit = data;

  return pc_project_set_area_group (project, edit->code, edit->name, edit->members, error);
}

static gboolean
edit_delete_group (PcProject *project,
                   gpointer   data,
                   GError   **error)
{
  GroupEdit *edit = data;

  return pc_project_delete_area_group (project, edit->code, error);
}

static void
on_save_clicked (PcAreaGroupDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) members = NULL;
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  GroupEdit edit;

  for (guint i = 0; i < self->areas->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->member_checks, i)))
      g_strv_builder_add (builder, ((PcPlace *) g_ptr_array_index (self->areas, i))->code);
  members = g_strv_builder_end (builder);
  edit.code = code;
  edit.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  edit.members = (const char * const *) members;
  label = self->chosen != NULL ? g_strdup_printf (_("Change Area Group %s"), code)
                               : g_strdup_printf (_("Add Area Group %s"), code);
  if (!pc_document_edit (self->document, label, PC_CHANGE_DATA, edit_set_group, &edit, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Refused: %s"), error->message);

      show_error (self, message);
      return;
    }
  show_error (self, NULL);
  /* The document's "changed" refilled the rows; show the saved group. */
  g_free (self->chosen);
  self->chosen = g_strdup (code);
  refill (self);
}

static void
on_delete_clicked (PcAreaGroupDialog *self)
{
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  GroupEdit edit = { self->chosen, NULL, NULL };

  if (self->chosen == NULL)
    return;
  label = g_strdup_printf (_("Delete Area Group %s"), self->chosen);
  if (!pc_document_edit (self->document, label, PC_CHANGE_DATA, edit_delete_group, &edit, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Refused: %s"), error->message);

      show_error (self, message);
      return;
    }
  show_error (self, NULL);
  g_clear_pointer (&self->chosen, g_free);
  refill (self);
}

static void
on_document_changed (PcDocument        *document,
                     PcChange           scope,
                     PcAreaGroupDialog *self)
{
  if (scope != PC_CHANGE_STEPS)
    refill (self);
}

const char *
pc_area_group_dialog_get_error (PcAreaGroupDialog *self)
{
  g_return_val_if_fail (PC_IS_AREA_GROUP_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

PcAreaGroupDialog *
pc_area_group_dialog_new (GtkWindow  *parent,
                          PcDocument *document)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (document), NULL);

  return g_object_new (PC_TYPE_AREA_GROUP_DIALOG, "transient-for", parent, "document", document, NULL);
}

static void
pc_area_group_dialog_constructed (GObject *object)
{
  PcAreaGroupDialog *self = PC_AREA_GROUP_DIALOG (object);

  G_OBJECT_CLASS (pc_area_group_dialog_parent_class)->constructed (object);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed), self, 0);
  refill (self);
}

static void
pc_area_group_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PcAreaGroupDialog *self = PC_AREA_GROUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_area_group_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PcAreaGroupDialog *self = PC_AREA_GROUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_area_group_dialog_dispose (GObject *object)
{
  PcAreaGroupDialog *self = PC_AREA_GROUP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_AREA_GROUP_DIALOG);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pc_area_group_dialog_parent_class)->dispose (object);
}

static void
pc_area_group_dialog_finalize (GObject *object)
{
  PcAreaGroupDialog *self = PC_AREA_GROUP_DIALOG (object);

  g_ptr_array_unref (self->groups);
  g_ptr_array_unref (self->areas);
  g_ptr_array_unref (self->member_rows);
  g_ptr_array_unref (self->member_checks);
  g_free (self->chosen);
  G_OBJECT_CLASS (pc_area_group_dialog_parent_class)->finalize (object);
}

static void
pc_area_group_dialog_class_init (PcAreaGroupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pc_area_group_dialog_constructed;
  object_class->set_property = pc_area_group_dialog_set_property;
  object_class->get_property = pc_area_group_dialog_get_property;
  object_class->dispose = pc_area_group_dialog_dispose;
  object_class->finalize = pc_area_group_dialog_finalize;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, PC_TYPE_DOCUMENT,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                   | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-area-group-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcAreaGroupDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, PcAreaGroupDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, PcAreaGroupDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PcAreaGroupDialog, members_group);
  gtk_widget_class_bind_template_child (widget_class, PcAreaGroupDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PcAreaGroupDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PcAreaGroupDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_group_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
}

static void
pc_area_group_dialog_init (PcAreaGroupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_place_free);
  self->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_place_free);
  self->member_rows = g_ptr_array_new ();
  self->member_checks = g_ptr_array_new ();
}
