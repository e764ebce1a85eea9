#!/usr/bin/env bash
# Rebuilds seeds/ from the test fixtures: one seed per rejection class, one per edge-case
# definition and a few whole folders, each file introduced by a `#> path` line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seeds="$here/seeds"
rm -rf "$seeds" && mkdir -p "$seeds"

# Writes every .yaml file below $2 into the seed $1.
bundle() {
  local seed=$1 dir=$2
  (cd "$dir" && find . -name '*.yaml' | sort | while read -r f; do
    printf '#> %s\n' "${f#./}"
    cat "$f"
  done) > "$seeds/$seed"
}

for class in "$root"/generator/tests/fixtures/reject/*/; do
  bundle "reject-$(basename "$class")" "$class/definitions"
done
for f in "$root"/tests/edge/definitions/*/*.yaml; do
  { printf '#> %s\n' "$(basename "$f")"; cat "$f"; } > "$seeds/edge-$(basename "$f" .yaml)"
done
bundle edge-shapes "$root/tests/edge/definitions/shapes"
bundle scim "$root/definitions"
for f in "$root"/generator/fuzz/catalogue/*.yaml; do
  { printf '#> %s\n' "$(basename "$f")"; cat "$f"; } > "$seeds/catalogue-$(basename "$f" .yaml)"
done
bundle catalogue "$root/generator/fuzz/catalogue"
echo "$(ls "$seeds" | wc -l) seeds in $seeds"
