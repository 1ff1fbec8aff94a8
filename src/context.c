/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* context.c: command contexts: their names, and the texts of codes that
   mean something specific after one command.  The texts come from the
   REPLY_IN_CONTEXT entries of reply-codes.def, the names from contexts.def. */

#include <config.h>

#include "smtpreply.h"
#include "i18n.h"

#include <stddef.h>

static const char *const context_names[] = {
#define CONTEXT(symbol, name) [SMTPREPLY_CTX_##symbol] = (name),
#include "contexts.def"
};

_Static_assert (sizeof context_names / sizeof context_names[0]
                == SMTPREPLY_CTX_COUNT,
                "contexts.def and enum smtpreply_context disagree");

/* Every context text gets an index (from 1); the table below maps a
   context and a code to it, 0 meaning "none". */
enum
{
  NO_CONTEXT_TEXT,
#define REPLY_IN_CONTEXT(code, context, text) CONTEXT_TEXT_##context##_##code,
#include "reply-codes.def"
  CONTEXT_TEXT_COUNT
};

_Static_assert (CONTEXT_TEXT_COUNT <= 256, "context_index needs a wider type");

static const char *const context_texts[CONTEXT_TEXT_COUNT] = {
#define REPLY_IN_CONTEXT(code, context, text) \
  [CONTEXT_TEXT_##context##_##code] = (text),
#include "reply-codes.def"
};

#define CODE_LIMIT 600

static const unsigned char context_index[SMTPREPLY_CTX_COUNT][CODE_LIMIT] = {
#define REPLY_IN_CONTEXT(code, context, text) \
  [SMTPREPLY_CTX_##context][code] = CONTEXT_TEXT_##context##_##code,
#include "reply-codes.def"
};

/* Their advice, where the context changes it. */
static const char *const context_advice[CONTEXT_TEXT_COUNT] = {
#define REPLY_IN_CONTEXT_ADVICE(code, context, advice) \
  [CONTEXT_TEXT_##context##_##code] = (advice),
#include "reply-codes.def"
};

static unsigned
context_text_index (int code, int ctx)
{
  if ((unsigned) ctx >= SMTPREPLY_CTX_COUNT || code < 0 || code >= CODE_LIMIT)
    return NO_CONTEXT_TEXT;
  return context_index[ctx][code];
}

const char *
smtpreply__context_advice_msgid (int code, int ctx)
{
  return context_advice[context_text_index (code, ctx)];
}

const char *
smtpreply_advice_ctx (int code, enum smtpreply_context ctx)
{
  const char *msgid = smtpreply__context_advice_msgid (code, ctx);

  return smtpreply__tr (msgid ? msgid : smtpreply__advice_msgid (code));
}

const char *
smtpreply__context_msgid (int code, int ctx)
{
  return context_texts[context_text_index (code, ctx)];
}

const char *
smtpreply_describe_ctx (int code, enum smtpreply_context ctx)
{
  const char *msgid = smtpreply__context_msgid (code, ctx);

  return msgid ? smtpreply__tr (msgid) : smtpreply_describe (code);
}

const char *
smtpreply_context_name (enum smtpreply_context ctx)
{
  return (unsigned) ctx < SMTPREPLY_CTX_COUNT ? context_names[ctx]
                                              : context_names[0];
}

/* Compares NAME with the lower case LOWER, ignoring the case of ASCII
   letters only: strcasecmp would follow the locale (a Turkish "I"). */
static int
ascii_case_equal (const char *name, const char *lower)
{
  for (; *name != '\0' && *lower != '\0'; name++, lower++)
    {
      int c = (unsigned char) *name;

      if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
      if (c != (unsigned char) *lower)
        return 0;
    }
  return *name == *lower;
}

int
smtpreply_context_from_name (const char *name)
{
  int ctx;

  if (name == NULL)
    return -1;
  for (ctx = 0; ctx < SMTPREPLY_CTX_COUNT; ctx++)
    if (ascii_case_equal (name, context_names[ctx]))
      return ctx;
  return -1;
}
