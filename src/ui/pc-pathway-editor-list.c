/* pc-pathway-editor-list.c: the editor's list of pathways by tumour site,
 * bound to the store's summaries (one query, no pathway loaded to be
 * listed); the one being edited carries a tick.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-pathway-editor"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pc-pathway-editor-private.h"
#include "pc-pathway-summary.h"
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

void
_pc_pathway_editor_init_pathway_list (PcPathwayEditor *self)
{
  gtk_list_box_set_header_func (self->pathway_list, header_by_site, self, NULL);
  g_signal_connect (self->pathway_list, "row-activated", G_CALLBACK (on_pathway_activated), self);
}
