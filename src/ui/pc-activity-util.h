/* pc-activity-util.h: what the activity page's views share: names for
 * codes, the provider and site choices, and the shading of a matrix cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-activity.h"
#include "pc-document.h"
#include "pc-project.h"

G_BEGIN_DECLS

/* The name of @code in @names (code → name), the code when it has none. */
const char *pc_activity_name_of           (GHashTable   *names,
                                           const char   *code);
/* A drop-down whose items are @codes shown by their names in @names;
 * "" (first, when @all_label is set) stands for all of them. */
GtkDropDown *pc_activity_choice_new       (const char   *accessible_label);
void         pc_activity_choice_fill      (GtkDropDown  *drop_down,
                                           const char   *all_label,
                                           GStrv         codes,
                                           GHashTable   *names);
/* The code chosen: NULL for "all" or nothing. */
const char  *pc_activity_choice_get       (GtkDropDown  *drop_down);
gboolean     pc_activity_choice_select    (GtkDropDown  *drop_down,
                                           const char   *code);
/* Sorted codes of the providers named in @names. */
GStrv        pc_activity_sorted_keys      (GHashTable   *names);
/* A label of a matrix, shaded by @fraction of the largest value (0 … 1,
 * NAN for none): one of six steps of the accent colour, so the eye finds
 * the largest flows first while the figure stays readable. */
GtkWidget   *pc_activity_shaded_cell      (const char   *text,
                                           double        fraction);
/* The column every activity view lays itself out in, its one child, with
 * the page's margins. */
GtkWidget   *pc_activity_page_new         (GtkWidget    *view);
/* A matrix named @accessible_label, scrolled, filling the rest of @box. */
GtkGrid     *pc_activity_matrix_append    (GtkWidget    *box,
                                           const char   *accessible_label);
/* A placeholder shown instead of a table: why there is nothing. */
GtkWidget   *pc_activity_note             (const char   *text);
/* A share as the CLI prints it: "93.0%", "—" for none. */
char        *pc_activity_format_share     (double        share);
/* Lets the labels of @column wrap past @max_chars: long names take two
 * lines rather than push the table past a window 1024 pixels wide. */
void         pc_activity_wrap_column      (GtkGrid      *grid,
                                           int           column,
                                           int           max_chars);
/* @control after a label of @text (with a mnemonic) that names it. */
GtkWidget   *pc_activity_labelled         (const char   *text,
                                           GtkWidget    *control);
/* Set (as object data) on a view while its own edit runs: the document's
 * "changed" then leaves it as it is, its fields and focus where they are. */
#define PC_ACTIVITY_EDITING_KEY "pc-activity-editing"
typedef void (*PcActivityRefresh) (gpointer view);
/* Sets *@slot to @document and calls @refresh on @view now and whenever
 * @document changes: at once when the view is mapped, else the next time
 * it is. */
void         pc_activity_follow_document  (GtkWidget         *view,
                                           PcDocument       **slot,
                                           PcDocument        *document,
                                           PcActivityRefresh  refresh);
/* Pathway name → what a person reads: "Breast, best practice", with the
 * provider's name after a colon when @with_provider. */
GHashTable  *pc_activity_describe_pathways (PcProject          *project,
                                            const char * const *names,
                                            gboolean            with_provider);

G_END_DECLS
