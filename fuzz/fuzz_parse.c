/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_parse.c: the reply parser on arbitrary bytes, whole and fed in
   chunks, stateless and resumed (smtpreply_parse_resume).  Invariants:
   consumed within the input, lines within the reply, the enhanced code of
   the reply's class, and the same replies and final result whatever the
   chunk size and whichever call. */

#include <config.h>

#include "fuzz.h"

#include <smtpreply.h>

#include <string.h>

#define MAX_REPLIES 64

struct walk
{
  int n;                        /* replies kept, at most MAX_REPLIES */
  struct smtpreply_reply replies[MAX_REPLIES];
  size_t total;                 /* bytes of all replies */
  int status;
};

static void
check_reply (const struct smtpreply_reply *r, size_t avail)
{
  size_t i;

  FUZZ_CHECK (r->consumed > 0 && r->consumed <= avail);
  FUZZ_CHECK (smtpreply_class (r->code) != SMTPREPLY_CLASS_INVALID);
  FUZZ_CHECK (r->nlines >= 1 && r->nlines <= SMTPREPLY_MAX_LINES);
  for (i = 0; i < r->nlines; i++)
    FUZZ_CHECK (r->lines[i].offset <= r->consumed
                && r->lines[i].length <= r->consumed - r->lines[i].offset);
  /* An enhanced code of another class is kept, and flagged. */
  if (r->has_enhanced)
    FUZZ_CHECK ((r->enhanced.cls == r->code / 100)
                == !(r->flags & SMTPREPLY_REPLY_ENHANCED_CLASS_MISMATCH));
  else
    FUZZ_CHECK (!(r->flags & SMTPREPLY_REPLY_ENHANCED_CLASS_MISMATCH));
}

/* Walks DATA as it arrives in chunks of CHUNK bytes (the whole of it when
   CHUNK is SIZE); only the last call says it is the end of the input.
   RESUME: with smtpreply_parse_resume, each call going on from the last. */
static void
walk (const char *data, size_t size, size_t chunk, int resume, struct walk *w)
{
  static struct smtpreply_reply beyond;  /* replies past MAX_REPLIES */
  struct smtpreply_parse_state state;
  size_t pos = 0, avail = chunk < size ? chunk : size;

  smtpreply_parse_state_init (&state);
  w->n = 0;
  w->total = 0;
  for (;;)
    {
      struct smtpreply_reply *r = w->n < MAX_REPLIES ? &w->replies[w->n]
                                                     : &beyond;
      int at_end = avail == size;

      if (pos == size)
        {
          w->status = SMTPREPLY_PARSE_EMPTY;
          return;
        }
      if (pos == avail)
        w->status = SMTPREPLY_PARSE_NEED_MORE;
      else
        {
          unsigned flags = at_end ? SMTPREPLY_PARSE_END_OF_INPUT : 0;

          w->status = resume
                        ? smtpreply_parse_resume (data + pos, avail - pos,
                                                  flags, &state, r)
                        : smtpreply_parse (data + pos, avail - pos, flags, r);
          FUZZ_CHECK (resume || w->status != SMTPREPLY_PARSE_NEED_MORE
                      || r->consumed == 0);
        }
      if (w->status == SMTPREPLY_PARSE_NEED_MORE)
        {
          FUZZ_CHECK (!at_end);
          avail = avail + chunk < size ? avail + chunk : size;
          continue;
        }
      if (w->status != SMTPREPLY_PARSE_OK)
        {
          FUZZ_CHECK (w->status < 0 && r->consumed <= avail - pos);
          FUZZ_CHECK (r->code == 0 && r->nlines == 0);
          return;
        }
      check_reply (r, avail - pos);
      pos += r->consumed;
      w->total += r->consumed;
      if (w->n < MAX_REPLIES)
        w->n++;
    }
}

static int
same_reply (const struct smtpreply_reply *a, const struct smtpreply_reply *b)
{
  size_t i;

  if (a->code != b->code || a->consumed != b->consumed
      || a->nlines != b->nlines || a->has_enhanced != b->has_enhanced
      || memcmp (&a->enhanced, &b->enhanced, sizeof a->enhanced) != 0)
    return 0;
  for (i = 0; i < a->nlines; i++)
    if (a->lines[i].offset != b->lines[i].offset
        || a->lines[i].length != b->lines[i].length)
      return 0;
  return 1;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static struct walk whole, chunked;
  const char *buf = (const char *) data;
  size_t chunk;
  int i;

  walk (buf, size, size, 0, &whole);
  /* Three chunk sizes, one of them picked by the input itself, stateless
     and resumed. */
  for (chunk = 1; chunk <= 6; chunk++)
    {
      size_t k = (chunk - 1) % 3 + 1;
      size_t step = k == 3 && size > 0 ? 1 + (size_t) data[0] % 61 : k;

      walk (buf, size, step, chunk > 3, &chunked);
      FUZZ_CHECK (chunked.n == whole.n && chunked.status == whole.status
                  && chunked.total == whole.total);
      for (i = 0; i < whole.n && i < MAX_REPLIES; i++)
        FUZZ_CHECK (same_reply (&whole.replies[i], &chunked.replies[i]));
    }
  /* The parser's messages exist for every result it gave. */
  FUZZ_CHECK (smtpreply_strerror (whole.status)[0] != '\0');
  return 0;
}
