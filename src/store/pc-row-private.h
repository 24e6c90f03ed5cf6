/* pc-row-private.h: building rows, for the list models that read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-row.h"

G_BEGIN_DECLS

/* Takes @texts, a NULL-terminated array whose length is the row's column
 * count. */
PcRow *_pc_row_new (GStrv texts);

G_END_DECLS
