/* pc-activity-tally.h: what the activity analyses need, tallied once from
 * the records of an extract (docs/MODEL.md, "Activity analyses"): flows,
 * actual cost per patient, unit costs, and the patients who received each
 * HRG at each offset (compliance's counts, before any pathway is known).
 *
 * Records are read one patient at a time: a patient's records (a patient id
 * within a site) must come together, in file order.  A tally fed in file
 * order says when they did not, and must then be fed again in order of
 * site, patient and file order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-activity.h"

G_BEGIN_DECLS

typedef struct
{
  const char *patient;
  const char *provider;
  const char *area;
  const char *site;
  PcStage     stage;
  int         day;          /* day number, 1 = 0001-01-01 */
  const char *hrg;
  PcActivity  activity;
  double      quantity;
  double      cost;
  double      tariff_paid;
} PcActivityRecord;

/* The patients of a site at a stage (of one provider, or all) who had at
 * least one record of @hrg at @offset; with @hrg NULL, all of them. */
typedef struct
{
  char    *site;
  char    *provider;        /* NULL: every patient of the site */
  PcStage  stage;
  char    *hrg;             /* NULL: the patients at that stage */
  int      offset;          /* 0 to PC_MAX_OFFSET; 0 when @hrg is NULL */
  guint64  patients;
} PcReach;

typedef struct _PcActivityTally PcActivityTally;

/* @sorted: the records will come in order of site, patient and file
 * order, so they cannot come apart. */
PcActivityTally *pc_activity_tally_new     (gboolean                sorted);
void             pc_activity_tally_free    (PcActivityTally        *tally);
/* Adds the next record.  FALSE when its patient's records had come before
 * and been followed by another patient's: the tally is then incomplete
 * (further records are ignored) and must be built again from records in
 * order of site, patient and file order. */
gboolean         pc_activity_tally_add     (PcActivityTally        *tally,
                                            const PcActivityRecord *record);
/* TRUE once a patient's records came apart (pc_activity_tally_add said so). */
gboolean         pc_activity_tally_is_apart (PcActivityTally       *tally);
/* Ends the last patient; the results below are valid afterwards. */
void             pc_activity_tally_finish  (PcActivityTally        *tally);
guint64          pc_activity_tally_get_n_records (PcActivityTally *tally);

/* Arrays of PcFlow, PcActualCost, PcUnitCost and PcReach, sorted as the
 * analyses give them; the caller owns them. */
GPtrArray       *pc_activity_tally_flows      (PcActivityTally *tally);
GPtrArray       *pc_activity_tally_costs      (PcActivityTally *tally);
GPtrArray       *pc_activity_tally_unit_costs (PcActivityTally *tally);
GPtrArray       *pc_activity_tally_reach      (PcActivityTally *tally);

void             pc_reach_free             (PcReach                *reach);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcActivityTally, pc_activity_tally_free)

G_END_DECLS
