/* fuzz_explain.c: parsed replies explained with every context (and some
   out of range), in a few locales. */

#include <config.h>

#include "fuzz.h"

#include <smtpreply.h>

static void
check (const struct smtpreply_explanation *x)
{
  FUZZ_CHECK (x->headline != NULL && x->headline[0] != '\0');
  FUZZ_CHECK (x->description != NULL && x->description[0] != '\0');
  FUZZ_CHECK (x->outcome == SMTPREPLY_CLASS_SUCCESS
              || x->outcome == SMTPREPLY_CLASS_INTERMEDIATE
              || x->outcome == SMTPREPLY_CLASS_TRANSIENT
              || x->outcome == SMTPREPLY_CLASS_PERMANENT);
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
      pos += reply.consumed;
    }
  return 0;
}
