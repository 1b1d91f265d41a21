#!/usr/bin/env bash
# Fetches the King James Version and the Reina-Valera 1909 (public domain; Debian's SWORD
# modules sword-text-kjv and sword-text-sparv, read with diatheke) and prepares an English→Spanish
# corpus of verse pairs: train/dev/test TSVs, held out with a fixed seed, so every run gives
# the same files.
#   examples/real-data/kjv-rv1909.sh [OUT_DIR]      (default: corpora/kjv-rv1909)
# Installs the three packages with apt-get when they are missing (as root; otherwise it says
# what to install). The corpus is not committed: corpora/ is ignored by git.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
OUT="${1:-corpora/kjv-rv1909}"
PACKAGES=(diatheke sword-text-kjv sword-text-sparv)
# The modules those packages install (diatheke -b system -k modulelist): "KJV" is not a name here.
SOURCE_MODULE=engKJV2006eb
TARGET_MODULE=spaRV1909eb
RANGE="Gen 1:1-Rev 22:21"

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "kjv-rv1909: missing Debian packages; run as root: apt-get update && apt-get install ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
fi

mkdir -p "$OUT"
for m in "$SOURCE_MODULE:kjv" "$TARGET_MODULE:rv1909"; do
  diatheke -b "${m%%:*}" -f plain -k "$RANGE" > "$OUT/${m#*:}.txt.tmp"
  if [[ ! -s "$OUT/${m#*:}.txt.tmp" ]]; then
    echo "kjv-rv1909: diatheke printed nothing for module ${m%%:*} (diatheke -b system -k modulelist lists the installed ones)" >&2
    exit 1
  fi
  mv -f "$OUT/${m#*:}.txt.tmp" "$OUT/${m#*:}.txt"
done

# Verses are paired by reference; headings (a psalm's title is printed before each of its
# verses) and the module names are left out. 500 dev and 1000 test verses held out, seed 1.
"$ROOT/attento" data import --format verses "$OUT/kjv.txt" "$OUT/rv1909.txt" \
  -o "$OUT/train.tsv" --dev-size 500 --dev-out "$OUT/dev.tsv" --test-size 1000 --test-out "$OUT/test.tsv"
