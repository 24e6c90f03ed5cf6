/* pc-risk-view.c: docs/MODEL.md's risk register, the user's notes on each
 * entry written through pc_project_set_risk_notes as undoable edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pc-activity-util.h"
#include "pc-format.h"
#include "pc-labels.h"
#include "pc-project-activity-views.h"
#include "pc-risk-item.h"
#include "pc-risk-view.h"

/* The statuses offered; a status typed elsewhere (the CLI takes any text)
 * is offered too while an entry holds it. */
static const char * const known_statuses[] = { "open", "in progress", "mitigated", "closed", NULL };

/* The widgets of one row of the list; a row is bound to one entry at a
 * time and to others as the list scrolls. */
typedef struct
{
  PcRiskView  *view;
  GtkListItem *list_item;
  GtkWidget   *reason;
  GtkWidget   *fields[4];
  gboolean     binding;
} Row;

struct _PcRiskView
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkDropDown  *status_choice;
  GtkDropDown  *provider_choice;
  GtkDropDown  *kind_choice;
  GtkListView  *list;
  GListStore   *shown;          /* of PcRiskItem */
  GtkLabel     *summary;

  PcDocument   *document;
  GPtrArray    *risks;          /* of PcRisk */
  GHashTable   *provider_names;
  GHashTable   *pathway_names;
  GStrv         statuses;
  char         *error;
  gboolean      filling;
};

G_DEFINE_FINAL_TYPE (PcRiskView, pc_risk_view, GTK_TYPE_WIDGET)

static char *
describe_risk (PcRiskView   *self,
               const PcRisk *risk)
{
  const char *provider = pc_activity_name_of (self->provider_names, risk->provider);

  if (risk->kind == PC_RISK_COST)
    {
      g_autofree char *actual = pc_format_money (risk->actual);
      g_autofree char *expected = pc_format_money (risk->expected);

      return g_strdup_printf (_("%s at %s (%s): costs %s a unit against tariff × MFF of %s"),
                              risk->step, provider, pc_activity_name_of (self->pathway_names, risk->pathway),
                              actual, expected);
    }
  {
    g_autofree char *actual = pc_activity_format_share (risk->actual);
    g_autofree char *expected = pc_activity_format_share (risk->expected);

    return g_strdup_printf (_("%s at %s (%s), %s: %s of patients against %s expected"),
                            risk->step, provider, pc_activity_name_of (self->pathway_names, risk->pathway),
                            pc_stage_label ((PcStage) risk->stage),
                            actual, expected);
  }
}

typedef struct
{
  PcRisk     *key;
  PcRiskNote  note;
  const char *value;
} NoteEdit;

static gboolean
note_edit (PcProject *project,
           gpointer   data,
           GError   **error)
{
  NoteEdit *edit = data;
  PcRisk risk = *edit->key;

  risk.owner = edit->note == PC_RISK_NOTE_OWNER ? (char *) edit->value : NULL;
  risk.action = edit->note == PC_RISK_NOTE_ACTION ? (char *) edit->value : NULL;
  risk.status = edit->note == PC_RISK_NOTE_STATUS ? (char *) edit->value : NULL;
  risk.due = edit->note == PC_RISK_NOTE_DUE ? (char *) edit->value : NULL;
  return pc_project_set_risk_notes (project, &risk, error);
}

static char **
note_slot (PcRisk     *risk,
           PcRiskNote  note)
{
  return note == PC_RISK_NOTE_OWNER ? &risk->owner : note == PC_RISK_NOTE_ACTION ? &risk->action
         : note == PC_RISK_NOTE_STATUS ? &risk->status : &risk->due;
}

/* Writes @value as the note of the entry @row shows, unless it holds it
 * already; a refused value is marked in its field with the reason below. */
static void
commit_note (Row        *row,
             PcRiskNote  note,
             const char *value)
{
  PcRiskView *self = row->view;
  PcRiskItem *item = gtk_list_item_get_item (row->list_item);
  PcRisk *risk = item != NULL ? pc_risk_item_get_risk (item) : NULL;
  char **slot = risk != NULL ? note_slot (risk, note) : NULL;
  static const char * const labels[] = { N_("Change Risk Owner"), N_("Change Risk Action"),
                                         N_("Change Risk Status"), N_("Change Risk Due Date") };
  NoteEdit edit = { risk, note, value };
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (risk == NULL || self->filling || row->binding || self->document == NULL
      || g_strcmp0 (*slot != NULL ? *slot : "", value) == 0)
    return;
  g_object_set_data (G_OBJECT (self), PC_ACTIVITY_EDITING_KEY, GINT_TO_POINTER (TRUE));
  done = pc_document_edit (self->document, _(labels[note]), PC_CHANGE_DATA, note_edit, &edit, &error);
  g_object_set_data (G_OBJECT (self), PC_ACTIVITY_EDITING_KEY, NULL);
  g_clear_pointer (&self->error, g_free);
  gtk_widget_remove_css_class (row->fields[note], "error");
  if (!done)
    {
      self->error = g_strdup (error->message);
      gtk_widget_add_css_class (row->fields[note], "error");
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  g_free (*slot);
  *slot = value[0] != '\0' || note != PC_RISK_NOTE_DUE ? g_strdup (value) : NULL;
}

static void
commit_text (GtkWidget *field,
             Row       *row)
{
  PcRiskNote note = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (field), "pc-note"));
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field))));

  commit_note (row, note, value);
}

static void
on_text_activate (GtkEntry *field,
                  Row      *row)
{
  commit_text (GTK_WIDGET (field), row);
}

static void
on_text_leave (GtkEventControllerFocus *controller,
               Row                     *row)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (!gtk_widget_in_destruction (field))
    commit_text (field, row);
}

static void
on_status_chosen (GtkDropDown *drop_down,
                  GParamSpec  *pspec,
                  Row         *row)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  if (item != NULL)
    commit_note (row, PC_RISK_NOTE_STATUS, gtk_string_object_get_string (item));
}

static GtkWidget *
text_field (Row        *row,
            PcRiskNote  note,
            const char *placeholder,
            const char *tooltip)
{
  GtkWidget *field = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (field), placeholder);
  /* Ctrl+Z is the project's undo, not the field's own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (field), FALSE);
  gtk_widget_set_tooltip_text (field, tooltip);
  g_object_set_data (G_OBJECT (field), "pc-note", GINT_TO_POINTER (note));
  g_signal_connect (field, "activate", G_CALLBACK (on_text_activate), row);
  g_signal_connect (focus, "leave", G_CALLBACK (on_text_leave), row);
  gtk_widget_add_controller (field, focus);
  row->fields[note] = field;
  return field;
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          PcRiskView               *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *status;

  row->view = self;
  row->list_item = list_item;
  row->reason = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (row->reason), TRUE);
  gtk_label_set_xalign (GTK_LABEL (row->reason), 0);
  gtk_editable_set_width_chars (GTK_EDITABLE (text_field (row, PC_RISK_NOTE_OWNER, _("Owner"), _("Owner"))), 14);
  gtk_widget_set_hexpand (text_field (row, PC_RISK_NOTE_ACTION, _("Action"), _("Action")), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (text_field (row, PC_RISK_NOTE_DUE, _("Due YYYY-MM-DD"),
                                                          _("Due date (YYYY-MM-DD)"))), 14);
  status = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_tooltip_text (status, _("Status"));
  g_signal_connect (status, "notify::selected", G_CALLBACK (on_status_chosen), row);
  row->fields[PC_RISK_NOTE_STATUS] = status;
  gtk_box_append (GTK_BOX (fields), row->fields[PC_RISK_NOTE_OWNER]);
  gtk_box_append (GTK_BOX (fields), row->fields[PC_RISK_NOTE_ACTION]);
  gtk_box_append (GTK_BOX (fields), status);
  gtk_box_append (GTK_BOX (fields), row->fields[PC_RISK_NOTE_DUE]);
  gtk_box_append (GTK_BOX (box), row->reason);
  gtk_box_append (GTK_BOX (box), fields);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 8, "margin-bottom", 8, NULL);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
  g_object_set_data_full (G_OBJECT (list_item), "pc-row", row, g_free);
  g_object_set_data (G_OBJECT (box), "pc-row", row);
}

static void
bind_text (Row        *row,
           PcRiskNote  note,
           PcRisk     *risk,
           const char *name,
           const char *reason)
{
  const char *value = *note_slot (risk, note);
  g_autofree char *label = g_strdup_printf ("%s: %s", name, reason);

  gtk_editable_set_text (GTK_EDITABLE (row->fields[note]), value != NULL ? value : "");
  gtk_widget_remove_css_class (row->fields[note], "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->fields[note]), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         PcRiskView               *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "pc-row");
  PcRiskItem *item = gtk_list_item_get_item (list_item);
  PcRisk *risk = pc_risk_item_get_risk (item);
  const char *reason = pc_risk_item_get_reason (item);
  GtkDropDown *status = GTK_DROP_DOWN (row->fields[PC_RISK_NOTE_STATUS]);
  g_autofree char *status_label = g_strdup_printf (_("Status: %s"), reason);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new ((const char * const *) self->statuses);

  row->binding = TRUE;
  gtk_label_set_text (GTK_LABEL (row->reason), reason);
  bind_text (row, PC_RISK_NOTE_OWNER, risk, _("Owner"), reason);
  bind_text (row, PC_RISK_NOTE_ACTION, risk, _("Action"), reason);
  bind_text (row, PC_RISK_NOTE_DUE, risk, _("Due date"), reason);
  gtk_drop_down_set_model (status, G_LIST_MODEL (statuses));
  for (guint i = 0; self->statuses[i] != NULL; i++)
    if (g_strcmp0 (self->statuses[i], risk->status) == 0)
      gtk_drop_down_set_selected (status, i);
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, status_label, -1);
  row->binding = FALSE;
}

static gboolean
passes_filters (PcRiskView   *self,
                const PcRisk *risk)
{
  const char *status = pc_activity_choice_get (self->status_choice);
  const char *provider = pc_activity_choice_get (self->provider_choice);
  const char *kind = pc_activity_choice_get (self->kind_choice);

  return (status == NULL || g_strcmp0 (risk->status, status) == 0)
         && (provider == NULL || g_strcmp0 (risk->provider, provider) == 0)
         && (kind == NULL || g_strcmp0 (pc_risk_kind_to_string (risk->kind), kind) == 0);
}

/* The focus is taken from a field before the list changes under it, so
 * the field commits what was typed and sees the focus go. */
static void
clear_list (PcRiskView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    gtk_root_set_focus (root, NULL);
  g_list_store_remove_all (self->shown);
}

static void
fill_list (PcRiskView *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  clear_list (self);
  if (self->risks == NULL)
    return;
  for (guint i = 0; i < self->risks->len; i++)
    {
      PcRisk *risk = g_ptr_array_index (self->risks, i);
      g_autofree char *reason = NULL;

      if (!passes_filters (self, risk))
        continue;
      reason = describe_risk (self, risk);
      g_ptr_array_add (items, pc_risk_item_new (self->risks, risk, reason));
    }
  g_list_store_splice (self->shown, 0, 0, items->pdata, items->len);
  summary = g_strdup_printf (_("%u of %u entries shown. An entry is derived afresh from the activity; what you "
                               "write about it is kept across imports. Undo takes back each change."),
                             items->len, self->risks->len);
  gtk_label_set_text (self->summary, summary);
}

static void
on_filter_changed (GtkDropDown *drop_down,
                   GParamSpec  *pspec,
                   PcRiskView  *self)
{
  if (!self->filling)
    fill_list (self);
}

/* The known statuses, then any other an entry holds. */
static GStrv
list_statuses (GPtrArray *risks)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; known_statuses[i] != NULL; i++)
    {
      g_strv_builder_add (builder, known_statuses[i]);
      g_hash_table_add (seen, (gpointer) known_statuses[i]);
    }
  for (guint i = 0; risks != NULL && i < risks->len; i++)
    {
      const PcRisk *risk = g_ptr_array_index (risks, i);

      if (risk->status != NULL && g_hash_table_add (seen, risk->status))
        g_strv_builder_add (builder, risk->status);
    }
  return g_strv_builder_end (builder);
}

void
pc_risk_view_refresh (PcRiskView *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) providers = NULL;
  PcProject *project;

  g_return_if_fail (PC_IS_RISK_VIEW (self));
  clear_list (self);
  g_clear_pointer (&self->risks, g_ptr_array_unref);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  g_clear_pointer (&self->pathway_names, g_hash_table_unref);
  if (self->document == NULL)
    {
      fill_list (self);
      return;
    }
  project = pc_document_get_project (self->document);
  {
    g_auto(GStrv) pathways = pc_project_list_best_practice (project, NULL);

    self->pathway_names = pc_activity_describe_pathways (project, (const char * const *) pathways, FALSE);
  }
  self->risks = pc_project_risk_register (project, NULL, &error);
  if (self->risks == NULL)
    gtk_label_set_text (self->summary, error->message);
  self->provider_names = pc_project_load_provider_names (project, NULL);
  g_strfreev (self->statuses);
  self->statuses = list_statuses (self->risks);
  providers = pc_activity_sorted_keys (self->provider_names);
  self->filling = TRUE;
  pc_activity_choice_fill (self->status_choice, _("Any status"), self->statuses, NULL);
  pc_activity_choice_fill (self->provider_choice, _("All providers"), providers, self->provider_names);
  self->filling = FALSE;
  if (self->risks != NULL)
    fill_list (self);
}

void
pc_risk_view_set_document (PcRiskView *self,
                           PcDocument *document)
{
  g_return_if_fail (PC_IS_RISK_VIEW (self));
  pc_activity_follow_document (GTK_WIDGET (self), &self->document, document,
                               (PcActivityRefresh) pc_risk_view_refresh);
}

void
pc_risk_view_filter (PcRiskView *self,
                     const char *status,
                     const char *provider,
                     const char *kind)
{
  g_return_if_fail (PC_IS_RISK_VIEW (self));
  pc_activity_choice_select (self->status_choice, status);
  pc_activity_choice_select (self->provider_choice, provider);
  pc_activity_choice_select (self->kind_choice, kind);
}

guint
pc_risk_view_get_n_shown (PcRiskView *self)
{
  g_return_val_if_fail (PC_IS_RISK_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->shown));
}

const char *
pc_risk_view_get_reason (PcRiskView *self,
                         guint       index)
{
  g_autoptr(PcRiskItem) item = NULL;

  g_return_val_if_fail (PC_IS_RISK_VIEW (self), NULL);
  item = g_list_model_get_item (G_LIST_MODEL (self->shown), index);
  /* The register holds the reason as long as the item is in the list. */
  return item != NULL ? pc_risk_item_get_reason (item) : NULL;
}

/* The row showing entry @index, among the rows the list has made. */
static Row *
find_row (GtkWidget *widget,
          guint      index)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_widget_get_first_child (child);
      Row *row = NULL;

      if (box != NULL && (row = g_object_get_data (G_OBJECT (box), "pc-row")) != NULL
          && gtk_list_item_get_position (row->list_item) == index)
        return row;
    }
  return NULL;
}

GtkWidget *
pc_risk_view_get_field (PcRiskView *self,
                        guint       index,
                        PcRiskNote  note)
{
  Row *row;

  g_return_val_if_fail (PC_IS_RISK_VIEW (self), NULL);
  row = find_row (GTK_WIDGET (self->list), index);
  return row != NULL ? row->fields[note] : NULL;
}

const char *
pc_risk_view_get_error (PcRiskView *self)
{
  return self->error;
}

static void
pc_risk_view_dispose (GObject *object)
{
  PcRiskView *self = PC_RISK_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pc_risk_view_parent_class)->dispose (object);
}

static void
pc_risk_view_finalize (GObject *object)
{
  PcRiskView *self = PC_RISK_VIEW (object);

  g_object_unref (self->shown);
  g_clear_pointer (&self->risks, g_ptr_array_unref);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  g_clear_pointer (&self->pathway_names, g_hash_table_unref);
  g_strfreev (self->statuses);
  g_free (self->error);
  G_OBJECT_CLASS (pc_risk_view_parent_class)->finalize (object);
}

static void
pc_risk_view_class_init (PcRiskViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pc_risk_view_dispose;
  G_OBJECT_CLASS (klass)->finalize = pc_risk_view_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
pc_risk_view_init (PcRiskView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_auto(GStrv) kinds = g_strdupv ((char *[]) { "compliance", "cost", NULL });
  g_autoptr(GHashTable) kind_names = g_hash_table_new (g_str_hash, g_str_equal);
  GtkListItemFactory *factory;

  self->shown = g_list_store_new (PC_TYPE_RISK_ITEM);
  self->box = pc_activity_page_new (GTK_WIDGET (self));
  self->status_choice = pc_activity_choice_new (_("Show entries of status"));
  self->provider_choice = pc_activity_choice_new (_("Show entries of provider"));
  self->kind_choice = pc_activity_choice_new (_("Show entries of kind"));
  g_hash_table_insert (kind_names, "compliance", _("Short of the pathway"));
  g_hash_table_insert (kind_names, "cost", _("Cost above tariff"));
  pc_activity_choice_fill (self->kind_choice, _("Both kinds"), kinds, kind_names);
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("S_tatus"), GTK_WIDGET (self->status_choice)));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("_Provider"), GTK_WIDGET (self->provider_choice)));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("_Kind"), GTK_WIDGET (self->kind_choice)));
  gtk_box_append (GTK_BOX (self->box), bar);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  /* Only the rows on screen are made: a register of thousands of entries
   * shows as fast as one of ten. */
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)))),
                                                 factory));
  gtk_list_view_set_show_separators (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "pc-risk-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Risk register"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  self->summary = GTK_LABEL (pc_activity_note (NULL));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary));
  g_signal_connect (self->status_choice, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect (self->provider_choice, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect (self->kind_choice, "notify::selected", G_CALLBACK (on_filter_changed), self);
}
