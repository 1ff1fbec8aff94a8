#!/bin/sh
# SPDX-FileCopyrightText: 2026 The libsmtpreply authors
# SPDX-License-Identifier: LGPL-2.1-or-later
# instructions.sh BENCH LOCALEDIR DATADIR: instructions per call of each
# lookup and of a raw dgettext of the same message, and per byte of the
# phrase matcher with the whole of evidence.def and with a tenth of it,
# counted by callgrind (exact and repeatable, whatever else the machine is
# doing).  Run by "make bench-instructions".
set -eu
bench=$1 localedir=$2 datadir=${3:-}
calls=100000

# Instructions per call of NAME in LOCALE: a run of CALLS calls less a run
# of none, so start-up does not count.
per_call () {
  total () {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      "$bench" --loop "$1" "$2" "$3" "$localedir" 2>&1 \
      | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  }
  echo $(( ($(total "$1" $calls "$2") - $(total "$1" 0 "$2")) / calls ))
}

for locale in C en_US.UTF-8 zh_CN.UTF-8; do
  echo "Locale $locale: instructions per call"
  printf '  %-24s %7s %7s %9s %7s\n' lookup ours raw ratio "+switch"
  for name in describe describe_enhanced describe_ctx describe_l \
              describe_enhanced_l describe_lang describe_enhanced_lang \
              strerror advice advice_enhanced advice_lang; do
    ours=$(per_call "$name" "$locale")
    raw=$(per_call "raw:$name" "$locale")
    switched=$(per_call "uselocale:$name" "$locale")
    printf '  %-24s %7d %7d %9s %7d\n' "$name" "$ours" "$raw" \
      "$(awk -v a="$ours" -v b="$raw" 'BEGIN { printf "%.3f", a / b }')" \
      "$switched"
  done
done
echo "ours: the lookup; raw: dgettext of the same message; ratio: ours/raw;"
echo "+switch: that dgettext between two uselocale calls, the floor of an _l call."

if [ -n "$datadir" ]; then
  # The matcher's work per byte does not depend on the number of phrases:
  # one table step a byte.  A run that only reads the corpus is subtracted.
  count () {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      "$bench" --scan "$1" "$datadir" 2>&1 \
      | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  }
  bytes=$("$bench" --scan none "$datadir")
  none=$(count none)
  echo "Phrase matcher over the $bytes bytes of reasons.tsv: instructions per byte"
  for which in full tenth; do
    printf '  %-6s %s\n' "$which" \
      "$(awk -v a="$(count "$which")" -v n="$none" -v b="$bytes" \
           'BEGIN { printf "%.2f", (a - n) / b }')"
  done
fi
