/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* matcher.c: running the phrase automaton over a reply's text.  The tables
   are generated from evidence.def (see matcher.h). */

#include <config.h>

#include "matcher.h"

void
smtpreply__scan_start (struct smtpreply__scan *scan,
                       const struct smtpreply__matcher *m, int cls)
{
  scan->state = 0;
  scan->side = cls == 4 ? 0 : 1;
  scan->strong = scan->hint = SMTPREPLY__NO_MATCH;
  scan->providers = 0;
  smtpreply__scan_break (scan, m);
}

/* Keeps the best ranks of a state with output (at OFFSET). */
static void
record (struct smtpreply__scan *scan, const struct smtpreply__matcher *m,
        unsigned offset)
{
  const struct smtpreply__match_output *o
    = &m->output[offset / m->nclasses - m->first_output];

  if (o->strong[scan->side] < scan->strong)
    scan->strong = o->strong[scan->side];
  if (o->hint[scan->side] < scan->hint)
    scan->hint = o->hint[scan->side];
  scan->providers |= o->providers;
}

void
smtpreply__scan_text (struct smtpreply__scan *scan,
                      const struct smtpreply__matcher *m, const char *text,
                      size_t len)
{
  const unsigned char *p = (const unsigned char *) text, *end = p + len;
  const unsigned char *byte_class = m->byte_class;
  const uint32_t *next = m->next;
  unsigned first_output = m->first_output * m->nclasses;
  unsigned state = scan->state;

  /* One load per byte.  A run of separators is one: the separator
     transition of a state reached by a separator stays there. */
  for (; p < end; p++)
    {
      state = next[state + byte_class[*p]];
      if (state >= first_output)
        record (scan, m, state);
    }
  scan->state = state;
}

void
smtpreply__scan_break (struct smtpreply__scan *scan,
                       const struct smtpreply__matcher *m)
{
  scan->state = m->next[scan->state + m->separator];
  if (scan->state >= m->first_output * m->nclasses)
    record (scan, m, scan->state);
}
