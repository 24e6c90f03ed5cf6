/* pc-risk-view.h: the pathway risk register: every entry with its reason,
 * its owner, action, status and due date edited in place (each an undoable
 * edit, kept across re-imports), filtered by status, provider and kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_RISK_VIEW (pc_risk_view_get_type ())
G_DECLARE_FINAL_TYPE (PcRiskView, pc_risk_view, PC, RISK_VIEW, GtkWidget)

typedef enum
{
  PC_RISK_NOTE_OWNER,
  PC_RISK_NOTE_ACTION,
  PC_RISK_NOTE_STATUS,
  PC_RISK_NOTE_DUE,
} PcRiskNote;

void        pc_risk_view_set_document (PcRiskView  *self,
                                       PcDocument  *document);
void        pc_risk_view_refresh      (PcRiskView  *self);
/* The filters: NULL for all; @kind "compliance" or "cost". */
void        pc_risk_view_filter       (PcRiskView  *self,
                                       const char  *status,
                                       const char  *provider,
                                       const char  *kind);
/* How many entries are shown. */
guint       pc_risk_view_get_n_shown  (PcRiskView  *self);
/* The reason the @index-th shown entry gives. */
const char *pc_risk_view_get_reason   (PcRiskView  *self,
                                       guint        index);
/* The field of @note of the @index-th shown entry, to type into (an
 * entry) or choose in (the status's drop-down). */
GtkWidget  *pc_risk_view_get_field    (PcRiskView  *self,
                                       guint        index,
                                       PcRiskNote   note);
/* The last refused edit's reason, NULL when none. */
const char *pc_risk_view_get_error    (PcRiskView  *self);

G_END_DECLS
