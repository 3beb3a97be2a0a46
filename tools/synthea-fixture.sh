#!/usr/bin/env bash
# Regenerates the Synthea test fixture used by caseload-ingest:
#
#   caseload-ingest/src/test/resources/synthea/csv/   organizations, providers, patients, encounters (.csv)
#   caseload-ingest/src/test/resources/synthea/fhir/  Organization, Location, Practitioner,
#                                                     PractitionerRole, Patient, Encounter (.ndjson)
#
# Both directories come from ONE Synthea run (CSV + FHIR R4 bulk-data exporters enabled together),
# so ids agree across the two formats. Files are copied byte-for-byte as Synthea wrote them
# (including Synthea's own file names, e.g. Organization.<endTimeMillis>.ndjson); everything
# else Synthea writes (observations.csv, Claim.ndjson, ...) is dropped.
#
# Output is deterministic: fixed seeds, fixed reference AND end date (-r/-e; without -e Synthea
# simulates up to "now"), a single generator thread (with several threads the row order depends
# on scheduling), UTC time zone.
#
# Usage (from the repo root):  tools/synthea-fixture.sh
# Env:  MVN=...               Maven command (default: mvn on PATH, else ./mvnw)
#       SYNTHEA_WORK_DIR=...  scratch dir (default: tools/synthea/target, git-ignored)
# Needs Java 11+ and access to Maven Central. Takes about a minute on 2 cores.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

# ---- fixture parameters (changing any of these changes the fixture) -------------------------
SEED=20251201              # -s  : population seed
CLINICIAN_SEED=20251201    # -cs : clinician/provider seed
POPULATION=30              # -p  : living patients (only_alive_patients=true => exactly this many)
REFERENCE_DATE=20251201    # -r  : date ages are computed against
END_DATE=20251201          # -e  : simulation stop time; also the suffix of the provider NDJSON names
YEARS_OF_HISTORY=2         # exporter.years_of_history
STATE=Massachusetts
# -----------------------------------------------------------------------------------------------

POM="tools/synthea/pom.xml"
WORK_DIR="${SYNTHEA_WORK_DIR:-tools/synthea/target}"
mkdir -p "$WORK_DIR"
WORK_DIR="$(cd "$WORK_DIR" && pwd)"
LIB_DIR="$WORK_DIR/lib"
OUT_DIR="$WORK_DIR/output"
LOG_FILE="$WORK_DIR/synthea.log"

DEST="caseload-ingest/src/test/resources/synthea"
CSV_FILES=(organizations.csv providers.csv patients.csv encounters.csv)
FHIR_TYPES=(Organization Location Practitioner PractitionerRole Patient Encounter)

if [[ -n "${MVN:-}" ]]; then
  read -r -a MVN_CMD <<<"$MVN"
elif command -v mvn >/dev/null 2>&1; then
  MVN_CMD=(mvn)
else
  MVN_CMD=("$REPO_ROOT/mvnw")
fi

echo ">> fetching Synthea + dependencies into $LIB_DIR"
rm -rf "$LIB_DIR"
"${MVN_CMD[@]}" -B -q -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$LIB_DIR"

SYNTHEA_ARGS=(
  -s "$SEED" -cs "$CLINICIAN_SEED" -p "$POPULATION"
  -r "$REFERENCE_DATE" -e "$END_DATE"
  "$STATE"
  --exporter.baseDirectory="$OUT_DIR"
  --exporter.csv.export=true
  --exporter.fhir.export=true
  --exporter.fhir.bulk_data=true
  --exporter.hospital.fhir.export=true
  --exporter.practitioner.fhir.export=true
  --exporter.years_of_history="$YEARS_OF_HISTORY"
  --generate.only_alive_patients=true
  --generate.thread_pool_size=1
)

echo ">> running Synthea (log: $LOG_FILE)"
echo "   java -cp '$LIB_DIR/*' App ${SYNTHEA_ARGS[*]}"
rm -rf "$OUT_DIR"
if ! (cd "$WORK_DIR" && TZ=UTC LC_ALL=C.UTF-8 java -Duser.timezone=UTC -Dfile.encoding=UTF-8 \
        -cp "$LIB_DIR/*" App "${SYNTHEA_ARGS[@]}") >"$LOG_FILE" 2>&1; then
  tail -n 40 "$LOG_FILE" >&2
  echo "!! Synthea failed, see $LOG_FILE" >&2
  exit 1
fi
grep -E '^Records:' "$LOG_FILE" || true

echo ">> copying fixture into $DEST"
rm -rf "$DEST/csv" "$DEST/fhir"
mkdir -p "$DEST/csv" "$DEST/fhir"

for f in "${CSV_FILES[@]}"; do
  [[ -f "$OUT_DIR/csv/$f" ]] || { echo "!! Synthea did not write csv/$f" >&2; exit 1; }
  cp "$OUT_DIR/csv/$f" "$DEST/csv/$f"
done

shopt -s nullglob
for t in "${FHIR_TYPES[@]}"; do
  # Synthea names patient-level files <Type>.ndjson and provider-level ones <Type>.<stopMillis>.ndjson
  matches=()
  for p in "$OUT_DIR/fhir/$t.ndjson" "$OUT_DIR/fhir/$t".[0-9]*.ndjson; do
    [[ -f "$p" ]] && matches+=("$p")
  done
  if [[ ${#matches[@]} -ne 1 ]]; then
    echo "!! expected exactly one $t NDJSON file, found ${#matches[@]}: ${matches[*]:-none}" >&2
    exit 1
  fi
  cp "${matches[0]}" "$DEST/fhir/"
done
shopt -u nullglob

# sanity check: both formats describe the same encounters
csv_enc=$(($(wc -l <"$DEST/csv/encounters.csv") - 1))
fhir_enc=$(wc -l <"$DEST/fhir/Encounter.ndjson")
if [[ "$csv_enc" -ne "$fhir_enc" ]]; then
  echo "!! encounters.csv has $csv_enc rows but Encounter.ndjson has $fhir_enc lines" >&2
  exit 1
fi

echo ">> done: $csv_enc encounters"
(cd "$DEST" && wc -l csv/* fhir/* && du -ch csv fhir | tail -n 1)
