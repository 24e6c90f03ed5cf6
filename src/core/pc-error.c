/* pc-error.c: Pathcost's error domain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pc-error.h"

G_DEFINE_QUARK (pathcost-error-quark, pc_error)
