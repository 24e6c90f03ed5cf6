/* pc-chart-private.h: PcChart's pure helpers and geometry, for its tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-chart.h"

G_BEGIN_DECLS

/* Where the segment of @series in @category is drawn for the widget's
 * current size; FALSE when it has no area (a zero value) or does not exist. */
gboolean  _pc_chart_get_segment_area   (PcChart          *self,
                                        guint             series,
                                        guint             category,
                                        graphene_rect_t  *area);
/* Every how many categories a label is shown at @width × @height (1 = all). */
guint     _pc_chart_get_label_step     (PcChart          *self,
                                        int               width,
                                        int               height);

G_END_DECLS
