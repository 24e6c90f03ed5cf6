/* pc-scenario-view.c: the Scenarios page: the list of the project's
 * scenarios, with new, duplicate, rename and delete (each an undoable
 * edit), and the editor of the selected one.  A new scenario is listed
 * at once and saved with its first change: the file keeps a scenario as
 * its changes and investment lines (docs/FORMATS.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-scenario-view"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pc-error.h"
#include "pc-scenario-editor.h"
#include "pc-scenario-view.h"

struct _PcScenarioView
{
  GtkWidget         parent_instance;

  GtkWidget        *paned;
  GtkStack         *list_stack;
  GtkListBox       *scenario_list;
  PcScenarioEditor *editor;

  PcDocument       *document;
  GStrv             names;      /* the list's, in order */
  GPtrArray        *drafts;     /* new scenarios not saved yet */
  char             *scenario;
  gboolean          filling;
};

enum
{
  PROP_0,
  PROP_SCENARIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PcScenarioView, pc_scenario_view, GTK_TYPE_WIDGET)

static gboolean
is_draft (PcScenarioView *self,
          const char     *name)
{
  for (guint i = 0; i < self->drafts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->drafts, i), name) == 0)
      return TRUE;
  return FALSE;
}

static void
remove_draft (PcScenarioView *self,
              const char     *name)
{
  for (guint i = 0; i < self->drafts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->drafts, i), name) == 0)
      {
        g_ptr_array_remove_index (self->drafts, i);
        return;
      }
}

static void
set_scenario (PcScenarioView *self,
              const char     *name)
{
  if (g_strcmp0 (self->scenario, name) == 0)
    return;
  g_free (self->scenario);
  self->scenario = g_strdup (name);
  pc_scenario_editor_set_scenario (self->editor, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.duplicate", name != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.rename", name != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scenarios.delete", name != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

/* "3 changes, 1 investment line", or the warning that it changes nothing
 * in the pathway shown (@warned set). */
static char *
describe_scenario (PcScenarioView *self,
                   const char     *name,
                   gboolean       *warned)
{
  g_autoptr(PcScenario) scenario = NULL;
  const PcPathway *pathway = pc_document_get_pathway (self->document);
  g_autofree char *changes = NULL;
  guint n_changes, n_lines;

  *warned = FALSE;
  if (is_draft (self, name))
    return g_strdup (_("New: nothing saved yet"));
  scenario = pc_project_load_scenario (pc_document_get_project (self->document), name, NULL);
  if (scenario == NULL)
    return NULL;
  /* The editor gives the whole warning; the list says it short. */
  if (pathway != NULL && !pc_scenario_touches (scenario, pathway))
    {
      *warned = TRUE;
      return g_strdup_printf (_("Changes nothing in %s"), pathway->name);
    }
  n_changes = scenario->overrides->len;
  n_lines = scenario->investments->len;
  changes = g_strdup_printf (g_dngettext (NULL, "%u change", "%u changes", n_changes), n_changes);
  return g_strdup_printf (g_dngettext (NULL, "%s, %u investment line", "%s, %u investment lines", n_lines),
                          changes, n_lines);
}

static GtkWidget *
scenario_row (PcScenarioView *self,
              const char     *name)
{
  gboolean warned;
  g_autofree char *subtitle = describe_scenario (self, name, &warned);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *detail = gtk_label_new (subtitle);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, warned ? "warning" : "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle != NULL ? subtitle : "", -1);
  return row;
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The project's scenarios and the new ones, by name; the selection kept
 * when its scenario is still there. */
static void
fill_list (PcScenarioView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) saved = NULL;
  g_autofree char *keep = g_strdup (self->scenario);
  GtkWidget *child;
  guint n;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scenario_list))) != NULL)
    gtk_list_box_remove (self->scenario_list, child);
  g_clear_pointer (&self->names, g_strfreev);
  if (self->document != NULL)
    saved = pc_project_list_scenarios (pc_document_get_project (self->document), NULL);
  for (guint i = 0; saved != NULL && saved[i] != NULL; i++)
    {
      remove_draft (self, saved[i]);
      g_strv_builder_add (builder, saved[i]);
    }
  for (guint i = 0; i < self->drafts->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->drafts, i));
  self->names = g_strv_builder_end (builder);
  n = g_strv_length (self->names);
  qsort (self->names, n, sizeof (char *), by_name);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->scenario_list, scenario_row (self, self->names[i]));
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  self->filling = FALSE;
  if (keep == NULL || !pc_scenario_view_select (self, keep))
    {
      if (n > 0)
        pc_scenario_view_select (self, self->names[0]);
      else
        set_scenario (self, NULL);
    }
}

gboolean
pc_scenario_view_select (PcScenarioView *self,
                         const char     *name)
{
  g_return_val_if_fail (PC_IS_SCENARIO_VIEW (self), FALSE);

  for (guint i = 0; self->names != NULL && self->names[i] != NULL; i++)
    if (g_strcmp0 (self->names[i], name) == 0)
      {
        gtk_list_box_select_row (self->scenario_list, gtk_list_box_get_row_at_index (self->scenario_list, i));
        set_scenario (self, name);
        return TRUE;
      }
  return FALSE;
}

static void
on_row_selected (GtkListBox     *list,
                 GtkListBoxRow  *row,
                 PcScenarioView *self)
{
  if (self->filling || row == NULL)
    return;
  set_scenario (self, self->names[gtk_list_box_row_get_index (row)]);
}

static void
on_document_changed (PcScenarioView *self)
{
  fill_list (self);
  pc_scenario_editor_refresh (self->editor);
}

void
pc_scenario_view_set_document (PcScenarioView *self,
                               PcDocument     *document)
{
  g_return_if_fail (PC_IS_SCENARIO_VIEW (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_ptr_array_set_size (self->drafts, 0);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect_swapped (document, "notify::pathway-name", G_CALLBACK (fill_list), self);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), document != NULL);
  pc_scenario_editor_set_document (self->editor, document);
  fill_list (self);
}

const char *
pc_scenario_view_get_scenario (PcScenarioView *self)
{
  g_return_val_if_fail (PC_IS_SCENARIO_VIEW (self), NULL);
  return self->scenario;
}

GtkWidget *
pc_scenario_view_new (void)
{
  return g_object_new (PC_TYPE_SCENARIO_VIEW, NULL);
}

/* ------------------------------------------ new, duplicate, rename, delete */

typedef enum
{
  SCENARIO_NEW,
  SCENARIO_DUPLICATE,
  SCENARIO_RENAME,
  SCENARIO_DELETE,
} ScenarioMode;

typedef struct
{
  PcScenarioView   *view;
  ScenarioMode      mode;
  char             *from;
  AdwMessageDialog *dialog;
  GtkEditable      *entry;
  GtkLabel         *reason;
} ScenarioDialog;

typedef struct
{
  ScenarioMode  mode;
  const char   *from;
  const char   *name;
} ScenarioEdit;

static gboolean
run_scenario_edit (PcProject *project,
                   gpointer   data,
                   GError   **error)
{
  ScenarioEdit *edit = data;

  switch (edit->mode)
    {
    case SCENARIO_DUPLICATE:
      return pc_project_duplicate_scenario (project, edit->from, edit->name, error);
    case SCENARIO_RENAME:
      return pc_project_rename_scenario (project, edit->from, edit->name, error);
    case SCENARIO_DELETE:
      return pc_project_delete_scenario (project, edit->from, error);
    case SCENARIO_NEW:
    default:
      g_assert_not_reached ();
    }
}

static void
scenario_dialog_free (gpointer  data,
                      GClosure *closure)
{
  ScenarioDialog *dialog = data;

  g_object_unref (dialog->view);
  g_free (dialog->from);
  g_free (dialog);
}

static void
check_scenario_dialog (ScenarioDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  PcScenarioView *self = dialog->view;
  const char *name;

  if (dialog->mode == SCENARIO_DELETE || self->document == NULL)
    return;
  name = gtk_editable_get_text (dialog->entry);
  if (dialog->mode == SCENARIO_RENAME && g_strcmp0 (name, dialog->from) == 0)
    g_set_error_literal (&error, PC_ERROR, PC_ERROR_INVALID, _("Type the new name."));
  else if (pc_project_check_scenario_name (pc_document_get_project (self->document), name, &error)
           && is_draft (self, name))
    g_set_error (&error, PC_ERROR, PC_ERROR_EXISTS, _("There is already a new scenario named “%s”."), name);
  gtk_label_set_text (dialog->reason, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (dialog->reason), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (dialog->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (dialog->entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error != NULL ? error->message : "", -1);
  adw_message_dialog_set_response_enabled (dialog->dialog, "ok", error == NULL);
}

/* A new scenario, or a change to one with nothing saved, stays in the view. */
static gboolean
apply_to_draft (PcScenarioView *self,
                ScenarioMode    mode,
                const char     *from,
                const char     *name)
{
  if (mode == SCENARIO_NEW || (mode == SCENARIO_DUPLICATE && is_draft (self, from)))
    g_ptr_array_add (self->drafts, g_strdup (name));
  else if (is_draft (self, from))
    {
      remove_draft (self, from);
      if (mode == SCENARIO_RENAME)
        g_ptr_array_add (self->drafts, g_strdup (name));
    }
  else
    return FALSE;
  fill_list (self);
  return TRUE;
}

static void
apply_scenario (PcScenarioView *self,
                ScenarioMode    mode,
                const char     *from,
                const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  ScenarioEdit edit = { mode, from, name };

  if (apply_to_draft (self, mode, from, name))
    {
      if (name != NULL)
        pc_scenario_view_select (self, name);
      return;
    }
  label = mode == SCENARIO_DUPLICATE ? g_strdup_printf (_("Duplicate Scenario “%s”"), from)
          : mode == SCENARIO_RENAME ? g_strdup_printf (_("Rename Scenario “%s”"), from)
          : g_strdup_printf (_("Delete Scenario “%s”"), from);
  if (!pc_document_edit (self->document, label, PC_CHANGE_DATA, run_scenario_edit, &edit, &error))
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                 _("The Scenario Was Not Changed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }
  if (name != NULL)
    pc_scenario_view_select (self, name);
}

static void
on_scenario_dialog_response (AdwMessageDialog *message_dialog,
                             const char       *response,
                             ScenarioDialog   *dialog)
{
  if (dialog->view->document == NULL)
    return;
  if (g_strcmp0 (response, "ok") == 0)
    apply_scenario (dialog->view, dialog->mode, dialog->from,
                    dialog->entry != NULL ? gtk_editable_get_text (dialog->entry) : NULL);
}

static void
ask_scenario (PcScenarioView *self,
              ScenarioMode    mode,
              const char     *from)
{
  ScenarioDialog *dialog = g_new0 (ScenarioDialog, 1);
  GtkWidget *box, *entry = NULL, *caption;
  static const char *const headings[] = {
    N_("New Scenario"), N_("Duplicate Scenario"), N_("Rename Scenario"), N_("Delete Scenario?"),
  };
  g_autofree char *body = mode == SCENARIO_DELETE
                          ? g_strdup_printf (_("“%s”, its changes and investment lines are deleted. Undo brings them back."), from)
                          : NULL;

  dialog->view = g_object_ref (self);
  dialog->mode = mode;
  dialog->from = g_strdup (from);
  dialog->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                               _(headings[mode]), body));
  adw_message_dialog_add_responses (dialog->dialog, "cancel", _("_Cancel"), "ok",
                                    mode == SCENARIO_DELETE ? _("_Delete")
                                    : mode == SCENARIO_RENAME ? _("_Rename") : _("_Create"), NULL);
  adw_message_dialog_set_response_appearance (dialog->dialog, "ok", mode == SCENARIO_DELETE
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog->dialog, "ok");
  adw_message_dialog_set_close_response (dialog->dialog, "cancel");
  if (mode != SCENARIO_DELETE)
    {
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      entry = gtk_entry_new ();
      caption = gtk_label_new_with_mnemonic (_("_Name (as the command line takes it)"));
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scenario name"), -1);
      if (mode == SCENARIO_RENAME)
        gtk_editable_set_text (GTK_EDITABLE (entry), from);
      else if (mode == SCENARIO_DUPLICATE)
        {
          g_autofree char *copy = g_strdup_printf ("%s_copy", from);

          gtk_editable_set_text (GTK_EDITABLE (entry), copy);
        }
      dialog->entry = GTK_EDITABLE (entry);
      dialog->reason = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (dialog->reason, 0);
      gtk_label_set_wrap (dialog->reason, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (dialog->reason), "error");
      gtk_box_append (GTK_BOX (box), caption);
      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->reason));
      adw_message_dialog_set_extra_child (dialog->dialog, box);
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (check_scenario_dialog), dialog);
    }
  g_signal_connect_data (dialog->dialog, "response", G_CALLBACK (on_scenario_dialog_response), dialog,
                         scenario_dialog_free, 0);
  check_scenario_dialog (dialog);
  gtk_window_present (GTK_WINDOW (dialog->dialog));
  if (dialog->entry != NULL)
    gtk_widget_grab_focus (entry);
}

static void
scenario_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PcScenarioView *self = PC_SCENARIO_VIEW (widget);

  if (self->document == NULL)
    return;
  if (g_str_equal (action_name, "scenarios.new"))
    ask_scenario (self, SCENARIO_NEW, NULL);
  else if (self->scenario == NULL)
    return;
  else if (g_str_equal (action_name, "scenarios.duplicate"))
    ask_scenario (self, SCENARIO_DUPLICATE, self->scenario);
  else if (g_str_equal (action_name, "scenarios.rename"))
    ask_scenario (self, SCENARIO_RENAME, self->scenario);
  else
    ask_scenario (self, SCENARIO_DELETE, self->scenario);
}

static gboolean
on_list_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             PcScenarioView        *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0
      && (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete))
    return gtk_widget_activate_action (GTK_WIDGET (self), "scenarios.delete", NULL);
  return FALSE;
}

/* ------------------------------------------------------------- class */

static void
pc_scenario_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PcScenarioView *self = PC_SCENARIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_string (value, self->scenario);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_scenario_view_dispose (GObject *object)
{
  PcScenarioView *self = PC_SCENARIO_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_SCENARIO_VIEW);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_pointer (&self->scenario, g_free);
  G_OBJECT_CLASS (pc_scenario_view_parent_class)->dispose (object);
}

static void
pc_scenario_view_class_init (PcScenarioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const actions[] = {
    "scenarios.new", "scenarios.duplicate", "scenarios.rename", "scenarios.delete",
  };

  object_class->get_property = pc_scenario_view_get_property;
  object_class->dispose = pc_scenario_view_dispose;
  properties[PROP_SCENARIO] = g_param_spec_string ("scenario", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                   | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PC_TYPE_SCENARIO_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-scenario-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PcScenarioView, paned);
  gtk_widget_class_bind_template_child (widget_class, PcScenarioView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PcScenarioView, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, PcScenarioView, editor);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, scenario_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "scenarios.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "scenarios.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "scenarios.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "scenarios.delete", NULL);
}

static void
pc_scenario_view_init (PcScenarioView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->drafts = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->scenario_list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scenario_list), keys);
  set_scenario (self, "");
  set_scenario (self, NULL);
}
