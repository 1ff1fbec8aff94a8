/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* matcher.h: the phrase matcher of the reason detection (internal).
 *
 * The phrases of evidence.def become, at build time, one deterministic
 * automaton (Aho-Corasick, with every failure transition resolved) over the
 * normalized text of a reply: ASCII letters folded to lower case, every
 * other ASCII byte a word separator, runs of separators one separator,
 * bytes outside ASCII kept.  build-aux/mkmatcher writes its tables; this
 * file is what the library (and the benchmark) need to run it.  One step
 * per byte of text, whatever the number of phrases; nothing is allocated.
 */

#ifndef SMTPREPLY_MATCHER_H
#define SMTPREPLY_MATCHER_H

#include <stddef.h>
#include <stdint.h>

/* A rank that no phrase has: "no match". */
#define SMTPREPLY__NO_MATCH 0xFFFFu

/* What a state of the automaton has matched, its own phrases and those of
   its suffixes: the best (lowest) rank of a strong phrase and of a hint for
   a transient [0] and a permanent [1] reply, and the providers whose
   markers matched (a bit each). */
struct smtpreply__match_output
{
  uint16_t strong[2];
  uint16_t hint[2];
  uint32_t providers;
};

struct smtpreply__matcher
{
  const unsigned char *byte_class;      /* 256 entries: byte -> column */
  unsigned nclasses;                    /* columns of NEXT */
  unsigned nstates;
  unsigned first_output;                /* states from here have output */
  unsigned separator;                   /* the column of a separator */
  /* The transitions: NEXT[offset + column] is the offset of the next
     state, an offset being state * NCLASSES. */
  const uint32_t *next;
  const struct smtpreply__match_output *output; /* [state - first_output] */
  const unsigned char *strong_reason;   /* reason of a strong rank */
  const unsigned char *hint_reason;     /* reason of a hint rank */
  unsigned nstrong, nhints;
};

/* The state of one scan of a text. */
struct smtpreply__scan
{
  unsigned state;                       /* its offset in NEXT */
  unsigned side;                        /* 0: transient, 1: permanent */
  unsigned strong, hint;                /* best ranks so far */
  uint32_t providers;
};

/* Starts a scan for a reply of class CLS (4: transient, else permanent),
   at a word boundary. */
void smtpreply__scan_start (struct smtpreply__scan *scan,
                            const struct smtpreply__matcher *m, int cls);

/* Scans LEN bytes of TEXT. */
void smtpreply__scan_text (struct smtpreply__scan *scan,
                           const struct smtpreply__matcher *m,
                           const char *text, size_t len);

/* A word boundary: between two lines, and at the end. */
void smtpreply__scan_break (struct smtpreply__scan *scan,
                            const struct smtpreply__matcher *m);

/* The automaton of evidence.def (generated: evidence-matcher.c). */
extern const struct smtpreply__matcher smtpreply__evidence_matcher;

#endif /* SMTPREPLY_MATCHER_H */
