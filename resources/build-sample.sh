#!/bin/sh
# Builds the bundled sample project from its source CSVs with pathcost-cli:
#   build-sample.sh PATHCOST_CLI OUTPUT.pathcost SAMPLE_DIR
# Imports run in dependency order (codes must exist before rows use them:
# tariffs and providers before pathway steps, areas before their groups and
# population, sites before rates). Every import names the publication its
# figures come from (--source), so the project's own provenance records say
# what sample/SOURCES.md says; "ESTIMATE" and "ILLUSTRATIVE" stay in the text.
set -eu
cli=$1 out=$2 dir=$3
rm -f "$out"
"$cli" new "$out"

imp() {  # imp KIND FILE SOURCE
  "$cli" import "$out" "$1" "$dir/$2" --source "$3" || { rm -f "$out"; exit 1; }
}

imp tariffs tariffs.csv \
  "NHS Payment Scheme 2025/26 HRG currencies; prices ESTIMATED: 2019/20 sample prices x 1.20 (VERIFY against Annex A pay award prices, June 2025)"
imp providers providers.csv \
  "NHS ODS trust codes and names, 2025; MFFs ESTIMATED, not the 2025/26 MFF payment index (VERIFY)"
imp areas areas.csv \
  "ONS local authority district codes and names, 2025"
imp area_groups area_groups.csv \
  "NHS England ODS: NHS North East London ICB (QMF) and its boroughs, 2025"
imp population_ons population_ons_females.csv \
  "ILLUSTRATIVE, in the ONS 2022-based SNPP layout (June 2025); mid-2022 totals from ONS mid-year estimates 2022 (Havering ESTIMATE)"
imp population_ons population_ons_males.csv \
  "ILLUSTRATIVE, in the ONS 2022-based SNPP layout (June 2025); mid-2022 totals from ONS mid-year estimates 2022 (Havering ESTIMATE)"
imp sites sites.csv \
  "Trends: NDRS Cancer Registration Statistics 2022 (breast) and 2021 (lung) against CRUK 2017-19 and 2015 rates"
imp incidence incidence.csv \
  "NDRS Cancer Registration Statistics, England 2022 (breast) and 2021 (lung), ESP2013 rates; age shape ILLUSTRATIVE"
imp stages stages.csv \
  "NDRS Cancer Registration Statistics, England 2021 (breast); National Lung Cancer Audit, State of the Nation 2026, diagnosed 2024 (lung)"
imp survival survival.csv \
  "ONS survival by stage, 2012-16 (breast); CRUK 2013-17 and NDRS Cancer Survival in England 2016-2020 (lung)"
imp pathway_steps pathway_steps.csv \
  "ILLUSTRATIVE pathways after NICE NG101, FAST-Forward and the National Optimal Lung Cancer Pathway; 2025/26 prices"
imp scenario_changes scenario_changes.csv \
  "ILLUSTRATIVE scenarios, Pathcost sample, 2026"
imp scenario_investments scenario_investments.csv \
  "ILLUSTRATIVE investment lines in 2025/26 prices, Pathcost sample, 2026"
imp activity activity.csv \
  "SYNTHETIC extract written by make-activity.py, Pathcost sample, 2026 (not real patients)"

# The years the sample's sources describe (SOURCES.md): incidence rates of
# 2022 (NDRS registrations for 2022; lung's 2021 rates carried one year on by
# their trend) and 2025/26 prices (NHS Payment Scheme 2025/26).
"$cli" set "$out" incidence_year 2022 && "$cli" set "$out" price_year 2025 || { rm -f "$out"; exit 1; }
