/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_explain.c: parsed replies explained with every context (and some
   out of range), in a few locales; and why they failed: the reason is in
   range, agrees with the class, and does not depend on the ASCII case of
   the server's text. */

#include <config.h>

#include "fuzz.h"

#include <smtpreply.h>

#include <string.h>

static void
check (const struct smtpreply_explanation *x)
{
  FUZZ_CHECK (x->headline != NULL && x->headline[0] != '\0');
  FUZZ_CHECK (x->description != NULL && x->description[0] != '\0');
  FUZZ_CHECK (x->outcome == SMTPREPLY_CLASS_SUCCESS
              || x->outcome == SMTPREPLY_CLASS_INTERMEDIATE
              || x->outcome == SMTPREPLY_CLASS_TRANSIENT
              || x->outcome == SMTPREPLY_CLASS_PERMANENT);
  FUZZ_CHECK ((unsigned) x->reason < SMTPREPLY_REASON_COUNT);
  FUZZ_CHECK ((x->reason == SMTPREPLY_REASON_NONE)
              == (x->outcome == SMTPREPLY_CLASS_SUCCESS
                  || x->outcome == SMTPREPLY_CLASS_INTERMEDIATE));
  FUZZ_CHECK (smtpreply_reason_title (x->reason, NULL)[0] != '\0');
}

/* The same reply with the case of its ASCII letters swapped gets the same
   reason (the codes are digits; phrases match in any case). */
static void
check_case_blind (const char *buf, const struct smtpreply_reply *reply)
{
  static char swapped[1 << 16];
  static struct smtpreply_reply again;
  size_t i;

  if (reply->consumed > sizeof swapped)
    return;
  for (i = 0; i < reply->consumed; i++)
    {
      char c = buf[i];

      swapped[i] = (char) (c >= 'a' && c <= 'z' ? c - 32
                           : c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  FUZZ_CHECK (smtpreply_parse (swapped, reply->consumed,
                               SMTPREPLY_PARSE_END_OF_INPUT, &again)
              == SMTPREPLY_PARSE_OK);
  FUZZ_CHECK (smtpreply_reason (&again, SMTPREPLY_CTX_RCPT)
              == smtpreply_reason (reply, SMTPREPLY_CTX_RCPT));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *buf = (const char *) data;
  size_t pos = 0;
  unsigned round = 0;

  while (pos < size)
    {
      struct smtpreply_reply reply;
      struct smtpreply_explanation x;
      int rc = smtpreply_parse (buf + pos, size - pos,
                                SMTPREPLY_PARSE_END_OF_INPUT, &reply), ctx;

      FUZZ_CHECK (smtpreply_strerror (rc)[0] != '\0');
      if (rc != SMTPREPLY_PARSE_OK)
        {
          FUZZ_CHECK (reply.consumed > 0 || rc == SMTPREPLY_PARSE_EMPTY);
          if (reply.consumed == 0)
            break;
          pos += reply.consumed;
          continue;
        }
      for (ctx = -1; ctx <= SMTPREPLY_CTX_COUNT; ctx++)
        {
          FUZZ_CHECK (smtpreply_explain (&reply, (enum smtpreply_context) ctx,
                                         &x) == 0);
          check (&x);
          FUZZ_CHECK (smtpreply_describe_ctx (reply.code,
                                              (enum smtpreply_context) ctx)
                      == x.description);
        }
      FUZZ_CHECK (smtpreply_explain_l (&reply, SMTPREPLY_CTX_RCPT, &x,
                                       fuzz_locale (round++)) == 0);
      check (&x);
      FUZZ_CHECK (x.reason == smtpreply_reason (&reply, SMTPREPLY_CTX_RCPT));
      check_case_blind (buf + pos, &reply);
      pos += reply.consumed;
    }
  return 0;
}
