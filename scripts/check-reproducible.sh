#!/usr/bin/env bash
# Builds the whole tree twice from clean and compares the sha256 of every jar and zip it packs
# (the modules' jars, their source and Javadoc jars, and the samples' layer and function zips).
# The second build runs in another time zone, so a zone leaking into zip entry times shows too.
#
#   scripts/check-reproducible.sh [extra Maven arguments, for example -o]
#
# Prints both lists and exits 0 when every artifact matched, 1 when one differs or is missing.
# The tests are skipped: they do not change what is packed. Both builds run `clean`, so this
# replaces whatever target/ folders the tree had. Nothing is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

checksums() {
  # Every jar and zip directly in a module's target/ folder, in a stable order.
  find . -mindepth 3 -maxdepth 3 -path './*/target/*' \( -name '*.jar' -o -name '*.zip' \) \
    -type f | LC_ALL=C sort | xargs sha256sum
}

build() {
  local name="$1" zone="$2"
  shift 2
  echo "== build $name (TZ=$zone)"
  if ! TZ="$zone" mvn -B -q clean package -DskipTests "$@" >"$out/$name.log" 2>&1; then
    tail -n 40 "$out/$name.log"
    echo "build $name failed" >&2
    exit 1
  fi
  checksums >"$out/$name.sha256"
  cat "$out/$name.sha256"
}

build first UTC "$@"
build second Pacific/Auckland "$@"

count="$(wc -l <"$out/first.sha256")"
if [ "$count" -eq 0 ]; then
  echo "no jar or zip was built" >&2
  exit 1
fi
if diff -u "$out/first.sha256" "$out/second.sha256"; then
  echo "reproducible: all $count jars and zips are byte-for-byte the same in both builds"
else
  echo "NOT reproducible: the lines above differ between the two builds" >&2
  exit 1
fi
