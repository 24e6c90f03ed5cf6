/* pc-pathway-editor-list.c: the editor's list of pathways by tumour site,
 * bound to the store's summaries (one query, no pathway loaded to be
 * listed); the one being edited carries a tick.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-pathway-editor"
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pc-error.h"
#include "pc-labels.h"
#include "pc-pathway-editor-private.h"
#include "pc-pathway-summary.h"
#include "pc-scenario-choice.h"
#include "pc-step-cell.h"
#include "pc-step-row.h"

/* The pathway list: a row per PcPathwaySummary of self->pathways. */

static PcPathwaySummary *
summary_at (PcPathwayEditor *self,
            int              index)
{
  if (self->pathways == NULL || index < 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->pathways), index);
}

static char *
describe_kind (PcPathwaySummary *summary)
{
  if (pc_pathway_summary_get_kind (summary) == PC_KIND_BEST_PRACTICE)
    return g_strdup (_("Best practice"));
  if (pc_pathway_summary_get_provider (summary) != NULL)
    return g_strdup_printf (_("Current, %s"), pc_pathway_summary_get_provider (summary));
  return g_strdup (_("Current"));
}

static char *
site_name (PcPathwaySummary *summary)
{
  const char *title = pc_pathway_summary_get_title (summary);
  const char *comma = title != NULL ? strstr (title, ", ") : NULL;
  char *name;

  if (comma != NULL)
    return g_strndup (title, (gsize) (comma - title));
  name = g_strdup (pc_pathway_summary_get_site (summary));
  name[0] = g_ascii_toupper (name[0]);
  return name;
}

static void
header_by_site (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       data)
{
  PcPathwayEditor *self = data;
  g_autoptr(PcPathwaySummary) summary = summary_at (self, gtk_list_box_row_get_index (row));
  g_autoptr(PcPathwaySummary) previous = before != NULL ? summary_at (self, gtk_list_box_row_get_index (before)) : NULL;
  GtkWidget *header;
  g_autofree char *title = NULL;

  if (summary == NULL || (previous != NULL && g_strcmp0 (pc_pathway_summary_get_site (summary),
                                                         pc_pathway_summary_get_site (previous)) == 0))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  /* The site's name begins the summary's title: "Breast, current: …". */
  title = site_name (summary);
  header = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_list_box_row_set_header (row, header);
}

/* The tick is the last child of the row's line (create_pathway_row). */
void
_pc_pathway_editor_mark_current_pathway (PcPathwayEditor *self)
{
  const char *current = self->document != NULL ? pc_document_get_pathway_name (self->document) : NULL;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->pathway_list, i)) != NULL; i++)
    {
      g_autoptr(PcPathwaySummary) summary = summary_at (self, i);
      gboolean chosen = summary != NULL && g_strcmp0 (pc_pathway_summary_get_name (summary), current) == 0;
      GtkWidget *check = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));

      gtk_widget_set_opacity (check, chosen ? 1.0 : 0.0);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, chosen, -1);
    }
}

static GtkWidget *
create_pathway_row (gpointer item,
                    gpointer data)
{
  PcPathwaySummary *summary = item;
  g_autofree char *kind = describe_kind (summary);
  GtkWidget *row, *box, *name, *subtitle, *check, *line;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* The readable title ("Breast, current: Barking, … Trust (RF4)"); the
   * pathway's name, which the CLI takes, under it. */
  name = gtk_label_new (pc_pathway_summary_get_title (summary) != NULL ? pc_pathway_summary_get_title (summary)
                        : kind);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
  subtitle = gtk_label_new (pc_pathway_summary_get_name (summary));
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_tooltip_text (box, pc_pathway_summary_get_title (summary));
  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (line), box);
  gtk_box_append (GTK_BOX (line), check);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pc_pathway_summary_get_name (summary),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pc_pathway_summary_get_title (summary), -1);
  return row;
}

static void update_pathway_actions (PcPathwayEditor *self);

/* One query for the whole list: no pathway is loaded to be listed. */
void
_pc_pathway_editor_fill_pathway_list (PcPathwayEditor *self)
{
  g_autoptr(GError) error = NULL;

  self->filling_list = TRUE;
  g_clear_object (&self->pathways);
  if (self->document != NULL)
    self->pathways = pc_project_list_pathway_summaries (pc_document_get_project (self->document), &error);
  if (self->pathways == NULL)
    self->pathways = g_list_store_new (PC_TYPE_PATHWAY_SUMMARY);
  gtk_list_box_bind_model (self->pathway_list, G_LIST_MODEL (self->pathways), create_pathway_row, self, NULL);
  if (error != NULL)
    _pc_pathway_editor_show_error (self, error->message);
  self->filling_list = FALSE;
  _pc_pathway_editor_mark_current_pathway (self);
  /* A project without pathways leads to the ways of making one. */
  gtk_stack_set_visible_child_name (self->empty_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->pathways)) > 0
                                    || self->document == NULL ? "editor" : "empty");
  update_pathway_actions (self);
}

/* Moving the focus through the list (Tab, arrows) must not switch the
 * pathway being edited: a row is chosen by activating it (click, Enter,
 * Space), and the chosen one carries a tick. */
static void
on_pathway_activated (GtkListBox      *list,
                      GtkListBoxRow   *row,
                      PcPathwayEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcPathwaySummary) summary = NULL;

  if (row == NULL || self->filling_list || self->document == NULL)
    return;
  summary = summary_at (self, gtk_list_box_row_get_index (row));
  if (summary != NULL
      && !pc_document_set_pathway_name (self->document, pc_pathway_summary_get_name (summary), &error))
    _pc_pathway_editor_show_error (self, error->message);
}

/* Pathways as wholes: new, copy, a provider's current copy, rename and
 * delete, each one undoable edit; the name asked for in a dialog that
 * says at once why a name is refused. */

typedef enum
{
  PATHWAY_NEW,
  PATHWAY_COPY,
  PATHWAY_AS_CURRENT,
  PATHWAY_RENAME,
  PATHWAY_DELETE,
} PathwayMode;

typedef struct
{
  PathwayMode    mode;
  char          *from;
  char          *name;
  char          *site;
  PcPathwayKind  kind;
  char          *provider;
  PcPathwayEditor *editor;  /* held while a question is open */
} PathwayEdit;

static void
pathway_edit_free (PathwayEdit *edit)
{
  g_clear_object (&edit->editor);
  g_free (edit->from);
  g_free (edit->name);
  g_free (edit->site);
  g_free (edit->provider);
  g_free (edit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwayEdit, pathway_edit_free)

static void
pathway_edit_closure_free (gpointer  data,
                           GClosure *closure)
{
  pathway_edit_free (data);
}

static gboolean
run_pathway_edit (PcProject *project,
                  gpointer   data,
                  GError   **error)
{
  PathwayEdit *edit = data;

  switch (edit->mode)
    {
    case PATHWAY_NEW:
      return pc_project_create_pathway (project, edit->name, edit->site, edit->kind, edit->provider, error);
    case PATHWAY_COPY:
    case PATHWAY_AS_CURRENT:
      return pc_project_copy_pathway (project, edit->from, edit->name, edit->kind, edit->provider, error);
    case PATHWAY_RENAME:
      return pc_project_rename_pathway (project, edit->from, edit->name, error);
    case PATHWAY_DELETE:
      return pc_project_delete_pathway (project, edit->from, error);
    default:
      g_assert_not_reached ();
    }
}

static char *
edit_label (const PathwayEdit *edit)
{
  switch (edit->mode)
    {
    case PATHWAY_NEW:
      return g_strdup_printf (_("New Pathway “%s”"), edit->name);
    case PATHWAY_COPY:
      return g_strdup_printf (_("Copy Pathway “%s”"), edit->from);
    case PATHWAY_AS_CURRENT:
      return g_strdup_printf (_("Copy “%s” as %s’s Current Pathway"), edit->from, edit->provider);
    case PATHWAY_RENAME:
      return g_strdup_printf (_("Rename Pathway “%s”"), edit->from);
    case PATHWAY_DELETE:
      return g_strdup_printf (_("Delete Pathway “%s”"), edit->from);
    default:
      g_assert_not_reached ();
    }
}

/* Runs @edit as one undoable change; the pathway made or renamed is then
 * the one shown.  A refusal is shown under the table. */
static gboolean
apply_pathway_edit (PcPathwayEditor *self,
                    PathwayEdit     *edit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = edit_label (edit);

  if (!pc_document_edit (self->document, label, PC_CHANGE_DATA, run_pathway_edit, edit, &error)
      || (edit->mode != PATHWAY_DELETE
          && !pc_document_set_pathway_name (self->document, edit->name, &error)))
    {
      _pc_pathway_editor_show_error (self, error->message);
      return FALSE;
    }
  _pc_pathway_editor_show_error (self, NULL);
  return TRUE;
}

/* The pathway an action concerns: the row the focus is on, when it is in
 * the list, else the one shown. */
static const char *
target_pathway (PcPathwayEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->document == NULL)
    return NULL;
  if (focus != NULL && GTK_IS_LIST_BOX_ROW (focus)
      && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->pathway_list)))
    {
      g_autoptr(PcPathwaySummary) summary = summary_at (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)));

      if (summary != NULL)
        return pc_pathway_summary_get_name (summary);
    }
  return pc_document_get_pathway_name (self->document);
}

typedef struct
{
  PcPathwayEditor *editor;
  PathwayMode      mode;
  char            *from;
  char            *from_site;
  PcPathwayKind    from_kind;
  char            *from_provider;
  AdwMessageDialog *dialog;
  GtkEditable     *entry;
  GtkDropDown     *site;
  GtkDropDown     *kind;
  GtkDropDown     *provider;
  GtkLabel        *reason;
} PathwayDialog;

static void
pathway_dialog_free (gpointer data,
                     GClosure *closure)
{
  PathwayDialog *dialog = data;

  g_object_unref (dialog->editor);
  g_free (dialog->from);
  g_free (dialog->from_site);
  g_free (dialog->from_provider);
  g_free (dialog);
}

/* Whether the dialog's choices make a pathway; the reason shown when not. */
static void
check_pathway_dialog (PathwayDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  PcProject *project = pc_document_get_project (dialog->editor->document);
  const char *name = gtk_editable_get_text (dialog->entry);
  gboolean current = dialog->kind != NULL && gtk_drop_down_get_selected (dialog->kind) == 1;
  GtkWidget *refused;

  if (dialog->provider != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (dialog->provider), dialog->kind == NULL || current);
  refused = GTK_WIDGET (dialog->entry);
  if (dialog->mode == PATHWAY_RENAME && g_strcmp0 (name, dialog->from) == 0)
    g_set_error_literal (&error, PC_ERROR, PC_ERROR_INVALID, _("Type the new name."));
  else if (dialog->mode == PATHWAY_AS_CURRENT && pc_choice_drop_down_get (dialog->provider) == NULL)
    {
      g_set_error_literal (&error, PC_ERROR, PC_ERROR_INVALID, _("Choose the provider."));
      refused = GTK_WIDGET (dialog->provider);
    }
  else if (dialog->mode == PATHWAY_NEW && pc_choice_drop_down_get (dialog->site) == NULL)
    {
      g_set_error_literal (&error, PC_ERROR, PC_ERROR_INVALID, _("Import tumour sites first: a pathway is for a site."));
      refused = GTK_WIDGET (dialog->site);
    }
  else
    pc_project_check_pathway_name (project, name, &error);
  gtk_label_set_text (dialog->reason, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (dialog->reason), error != NULL);
  /* The field refused carries the mark and the reason. */
  gtk_widget_remove_css_class (GTK_WIDGET (dialog->entry), "error");
  if (dialog->provider != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (dialog->provider), "error");
  if (dialog->site != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (dialog->site), "error");
  if (error != NULL)
    gtk_widget_add_css_class (refused, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (refused), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error != NULL ? error->message : "", -1);
  adw_message_dialog_set_response_enabled (dialog->dialog, "ok", error == NULL);
}

/* A provider's current pathway is named after the site and provider. */
static void
on_provider_chosen (GtkDropDown   *drop_down,
                    GParamSpec    *pspec,
                    PathwayDialog *dialog)
{
  const char *provider = pc_choice_drop_down_get (drop_down);

  if (dialog->mode == PATHWAY_AS_CURRENT && provider != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s_current_%s", dialog->from_site, provider);

      gtk_editable_set_text (dialog->entry, name);
    }
  check_pathway_dialog (dialog);
}

static void
on_pathway_dialog_response (AdwMessageDialog *message_dialog,
                            const char       *response,
                            PathwayDialog    *dialog)
{
  g_autoptr(PathwayEdit) edit = NULL;

  if (g_strcmp0 (response, "ok") != 0 || dialog->editor->document == NULL)
    return;
  edit = g_new0 (PathwayEdit, 1);
  edit->mode = dialog->mode;
  edit->from = g_strdup (dialog->from);
  edit->name = g_strdup (gtk_editable_get_text (dialog->entry));
  edit->site = g_strdup (dialog->site != NULL ? pc_choice_drop_down_get (dialog->site) : NULL);
  edit->kind = dialog->mode == PATHWAY_AS_CURRENT
               || (dialog->kind != NULL && gtk_drop_down_get_selected (dialog->kind) == 1)
               ? PC_KIND_CURRENT : PC_KIND_BEST_PRACTICE;
  if (dialog->provider != NULL && edit->kind == PC_KIND_CURRENT)
    edit->provider = g_strdup (pc_choice_drop_down_get (dialog->provider));
  /* A plain copy is of the same kind and provider as its source. */
  if (dialog->mode == PATHWAY_COPY)
    {
      edit->kind = dialog->from_kind;
      edit->provider = g_strdup (dialog->from_provider);
    }
  apply_pathway_edit (dialog->editor, edit);
}

static GtkWidget *
labelled (GtkWidget  *box,
          const char *mnemonic,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return widget;
}

static GtkDropDown *
provider_drop_down (PcPathwayEditor *self,
                    GtkWidget       *box,
                    const char      *none_label)
{
  g_autoptr(GHashTable) providers = pc_project_load_provider_names (pc_document_get_project (self->document), NULL);
  GtkWidget *drop_down = pc_choice_drop_down_new (_("Provider"));

  pc_choice_drop_down_fill (GTK_DROP_DOWN (drop_down), providers, none_label);
  return GTK_DROP_DOWN (labelled (box, _("_Provider"), drop_down));
}

static void
build_new_pathway_fields (PathwayDialog *dialog,
                          GtkWidget     *box)
{
  PcPathwayEditor *self = dialog->editor;
  g_autoptr(GHashTable) sites = pc_project_load_site_names (pc_document_get_project (self->document), NULL);
  const char *kinds[] = { pc_kind_label (PC_KIND_BEST_PRACTICE), pc_kind_label (PC_KIND_CURRENT), NULL };
  GtkWidget *site = pc_choice_drop_down_new (_("Tumour site"));
  GtkWidget *kind = gtk_drop_down_new_from_strings (kinds);

  pc_choice_drop_down_fill (GTK_DROP_DOWN (site), sites, NULL);
  dialog->site = GTK_DROP_DOWN (labelled (box, _("Tumour _site"), site));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  dialog->kind = GTK_DROP_DOWN (labelled (box, _("_Kind"), kind));
  dialog->provider = provider_drop_down (self, box, _("None"));
  g_signal_connect_swapped (dialog->site, "notify::selected", G_CALLBACK (check_pathway_dialog), dialog);
  g_signal_connect_swapped (dialog->kind, "notify::selected", G_CALLBACK (check_pathway_dialog), dialog);
}

static const char *
dialog_heading (PathwayMode mode)
{
  switch (mode)
    {
    case PATHWAY_NEW:
      return _("New Pathway");
    case PATHWAY_COPY:
      return _("Copy Pathway");
    case PATHWAY_AS_CURRENT:
      return _("Duplicate as a Provider’s Current Pathway");
    case PATHWAY_RENAME:
    case PATHWAY_DELETE:
    default:
      return _("Rename Pathway");
    }
}

static void
ask_pathway (PcPathwayEditor *self,
             PathwayMode      mode,
             const char      *from)
{
  PathwayDialog *dialog = g_new0 (PathwayDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *body = NULL;
  g_autoptr(PcPathway) source = NULL;

  dialog->editor = g_object_ref (self);
  dialog->mode = mode;
  dialog->from = g_strdup (from);
  if (from != NULL && (source = pc_project_load_pathway (pc_document_get_project (self->document), from, NULL)) != NULL)
    {
      g_autofree char *described = pc_project_describe_pathway (pc_document_get_project (self->document), source);

      dialog->from_site = g_strdup (source->site);
      dialog->from_kind = source->kind;
      dialog->from_provider = g_strdup (source->provider);
      body = g_strdup_printf (mode == PATHWAY_RENAME ? _("Scenarios that name “%s” (%s) follow it.")
                              : _("Every step of “%s” (%s) is copied."), from, described);
    }
  dialog->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                               dialog_heading (mode), body));
  if (mode == PATHWAY_NEW)
    build_new_pathway_fields (dialog, box);
  else if (mode == PATHWAY_AS_CURRENT)
    {
      dialog->provider = provider_drop_down (self, box, NULL);
      gtk_drop_down_set_selected (dialog->provider, GTK_INVALID_LIST_POSITION);
    }
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pathway name"), -1);
  dialog->entry = GTK_EDITABLE (labelled (box, _("_Name (as the command line takes it)"), entry));
  if (mode == PATHWAY_RENAME)
    gtk_editable_set_text (dialog->entry, from);
  else if (mode == PATHWAY_COPY)
    {
      g_autofree char *copy_name = g_strdup_printf ("%s_copy", from);

      gtk_editable_set_text (dialog->entry, copy_name);
    }
  dialog->reason = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (dialog->reason, TRUE);
  gtk_label_set_xalign (dialog->reason, 0);
  gtk_widget_add_css_class (GTK_WIDGET (dialog->reason), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->reason));
  adw_message_dialog_set_extra_child (dialog->dialog, box);
  adw_message_dialog_add_responses (dialog->dialog, "cancel", _("_Cancel"),
                                    "ok", mode == PATHWAY_RENAME ? _("_Rename") : _("_Create"), NULL);
  adw_message_dialog_set_response_appearance (dialog->dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog->dialog, "ok");
  adw_message_dialog_set_close_response (dialog->dialog, "cancel");
  g_signal_connect_swapped (dialog->entry, "changed", G_CALLBACK (check_pathway_dialog), dialog);
  if (dialog->provider != NULL)
    g_signal_connect (dialog->provider, "notify::selected", G_CALLBACK (on_provider_chosen), dialog);
  g_signal_connect_data (dialog->dialog, "response", G_CALLBACK (on_pathway_dialog_response), dialog,
                         pathway_dialog_free, 0);
  check_pathway_dialog (dialog);
  gtk_window_present (GTK_WINDOW (dialog->dialog));
  gtk_widget_grab_focus (mode == PATHWAY_AS_CURRENT ? GTK_WIDGET (dialog->provider) : entry);
}

static void
on_delete_response (AdwMessageDialog *message_dialog,
                    const char       *response,
                    PathwayEdit      *edit)
{
  if (g_strcmp0 (response, "delete") == 0 && edit->editor->document != NULL)
    apply_pathway_edit (edit->editor, edit);
}

static void
pathway_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PcPathwayEditor *self = PC_PATHWAY_EDITOR (widget);
  const char *target = target_pathway (self);
  g_autofree char *from = g_strdup (target);
  g_autofree char *heading = NULL;
  PathwayEdit *edit;
  GtkWidget *dialog;

  if (self->document == NULL)
    return;
  if (g_str_equal (action_name, "editor.new-pathway"))
    {
      ask_pathway (self, PATHWAY_NEW, NULL);
      return;
    }
  if (from == NULL)
    {
      _pc_pathway_editor_show_error (self, _("Choose a pathway first."));
      return;
    }
  if (g_str_equal (action_name, "editor.copy-pathway"))
    ask_pathway (self, PATHWAY_COPY, from);
  else if (g_str_equal (action_name, "editor.copy-as-current"))
    ask_pathway (self, PATHWAY_AS_CURRENT, from);
  else if (g_str_equal (action_name, "editor.rename-pathway"))
    ask_pathway (self, PATHWAY_RENAME, from);
  else
    {
      /* Undo brings it back; the question still says what goes. */
      edit = g_new0 (PathwayEdit, 1);
      edit->mode = PATHWAY_DELETE;
      edit->from = g_strdup (from);
      heading = g_strdup_printf (_("Delete “%s”?"), from);
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                       _("The pathway and all its steps are deleted. Undo brings them back."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "delete", _("_Delete"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "delete");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      edit->editor = g_object_ref (self);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response), edit,
                             pathway_edit_closure_free, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
update_pathway_actions (PcPathwayEditor *self)
{
  gboolean has_document = self->document != NULL;
  gboolean has_pathways = self->pathways != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->pathways)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.new-pathway", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.copy-pathway", has_pathways);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.copy-as-current", has_pathways);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.rename-pathway", has_pathways);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-pathway", has_pathways);
}

/* Delete and F2 on a row of the list act on that row's pathway. */
static gboolean
on_list_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             PcPathwayEditor       *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    return gtk_widget_activate_action (GTK_WIDGET (self), "editor.delete-pathway", NULL);
  if (keyval == GDK_KEY_F2)
    return gtk_widget_activate_action (GTK_WIDGET (self), "editor.rename-pathway", NULL);
  return FALSE;
}

void
_pc_pathway_editor_class_init_pathway_list (GtkWidgetClass *widget_class)
{
  static const char *const actions[] = {
    "editor.new-pathway", "editor.copy-pathway", "editor.copy-as-current",
    "editor.rename-pathway", "editor.delete-pathway",
  };

  gtk_widget_class_bind_template_child (widget_class, PcPathwayEditor, empty_stack);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, pathway_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.new-pathway", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.copy-pathway", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.copy-as-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "editor.rename-pathway", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.delete-pathway", NULL);
}

void
_pc_pathway_editor_init_pathway_list (PcPathwayEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_list_box_set_header_func (self->pathway_list, header_by_site, self, NULL);
  g_signal_connect (self->pathway_list, "row-activated", G_CALLBACK (on_pathway_activated), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->pathway_list), keys);
  update_pathway_actions (self);
}

