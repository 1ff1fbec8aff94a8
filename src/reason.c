/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* reason.c: why a reply failed.  The reasons come from reasons.def, the
   evidence from evidence.def: the phrases through the automaton that
   build-aux/mkmatcher generates from it, the code rules through the tables
   below.  Nothing here names a phrase or a code. */

#include <config.h>

#include "smtpreply.h"
#include "i18n.h"
#include "matcher.h"

#include <stddef.h>
#include <stdint.h>

/* The reasons ********************************************************/

static const char *const reason_names[] = {
#define REASON(symbol, name, title, transient, permanent) \
  [SMTPREPLY_REASON_##symbol] = (name),
#include "reasons.def"
};

_Static_assert (sizeof reason_names / sizeof reason_names[0]
                == SMTPREPLY_REASON_COUNT,
                "reasons.def and enum smtpreply_reason disagree");
_Static_assert (SMTPREPLY_REASON_COUNT <= 256,
                "the matcher keeps reasons in a byte");

static const char *const reason_titles[] = {
#define REASON(symbol, name, title, transient, permanent) \
  [SMTPREPLY_REASON_##symbol] = (title),
#include "reasons.def"
};

/* Advice by [reason][0 transient, 1 permanent]; NULL: the class's. */
static const char *const reason_advice[][2] = {
#define REASON(symbol, name, title, transient, permanent) \
  [SMTPREPLY_REASON_##symbol] = { (transient), (permanent) },
#include "reasons.def"
};

static int
in_range (enum smtpreply_reason reason)
{
  return (unsigned) reason < SMTPREPLY_REASON_COUNT;
}

const char *
smtpreply_reason_name (enum smtpreply_reason reason)
{
  return reason_names[in_range (reason) ? reason : SMTPREPLY_REASON_UNKNOWN];
}

/* NAME equals the lower case LOWER, ignoring the case of ASCII letters
   only (strcasecmp would follow the locale). */
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
smtpreply_reason_from_name (const char *name)
{
  int reason;

  if (name == NULL)
    return -1;
  for (reason = 0; reason < SMTPREPLY_REASON_COUNT; reason++)
    if (ascii_case_equal (name, reason_names[reason]))
      return reason;
  return -1;
}

const char *
smtpreply__reason_title_msgid (enum smtpreply_reason reason)
{
  return reason_titles[in_range (reason) ? reason : SMTPREPLY_REASON_UNKNOWN];
}

const char *
smtpreply__reason_advice_msgid (enum smtpreply_reason reason,
                                enum smtpreply_class outcome)
{
  const char *msgid = NULL;

  if (!in_range (reason))
    reason = SMTPREPLY_REASON_UNKNOWN;
  if (outcome == SMTPREPLY_CLASS_TRANSIENT)
    msgid = reason_advice[reason][0];
  else if (outcome == SMTPREPLY_CLASS_PERMANENT)
    msgid = reason_advice[reason][1];
  return msgid != NULL ? msgid : smtpreply__class_advice_msgid ((int) outcome);
}

const char *
smtpreply_reason_title (enum smtpreply_reason reason, const char *lang)
{
  return smtpreply__tr_lang (smtpreply__reason_title_msgid (reason), lang);
}

const char *
smtpreply_reason_advice (enum smtpreply_reason reason,
                         enum smtpreply_class outcome, const char *lang)
{
  return smtpreply__tr_lang (smtpreply__reason_advice_msgid (reason, outcome),
                             lang);
}

/* The code rules of evidence.def ***************************************/

enum { CLASS_ANY = 0, CLASS_TRANSIENT = 4, CLASS_PERMANENT = 5 };

/* Contexts as evidence.def names them: ANY, or a suffix of contexts.def. */
enum
{
  IN_ANY = -1,
#define CONTEXT(symbol, name) IN_##symbol = SMTPREPLY_CTX_##symbol,
#include "contexts.def"
};

enum
{
#define PROVIDER(id, name) PROVIDER_##id,
#include "evidence.def"
  PROVIDER_COUNT
};

/* An enhanced code, or a range of details, that means REASON. */
struct code_rule
{
  unsigned char reason, cls, subject;
  signed char ctx;              /* IN_ANY, or the context it needs */
  uint16_t first, last;         /* details */
  uint32_t providers;           /* markers that must have matched; 0: none */
};

static const struct code_rule provider_codes[] = {
#define PROVIDER_CODE(provider, reason, cls, subject, first, last, source) \
  { SMTPREPLY_REASON_##reason, CLASS_##cls, (subject), IN_ANY, (first),    \
    (last), UINT32_C (1) << PROVIDER_##provider },
#include "evidence.def"
};

static const struct code_rule specific_codes[] = {
#define CODE(reason, cls, subject, first, last, ctx, source)             \
  { SMTPREPLY_REASON_##reason, CLASS_##cls, (subject), IN_##ctx, (first), \
    (last), 0 },
#include "evidence.def"
};

static const struct code_rule generic_codes[] = {
#define GENERIC_CODE(reason, cls, subject, first, last, source)         \
  { SMTPREPLY_REASON_##reason, CLASS_##cls, (subject), IN_ANY, (first), \
    (last), 0 },
#include "evidence.def"
};

/* A basic code (at one command, or at any) that means REASON. */
static const struct
{
  unsigned char reason;
  signed char ctx;
  uint16_t code;
} basic_rules[] = {
#define BASIC(reason, code, ctx, source) \
  { SMTPREPLY_REASON_##reason, IN_##ctx, (code) },
#include "evidence.def"
};

#define N_ELEMENTS(a) (sizeof (a) / sizeof (a)[0])

/* The reason of the first rule of RULES (N of them) that E matches, or
   SMTPREPLY_REASON_COUNT. */
static unsigned
match_code (const struct code_rule *rules, size_t n,
            const struct smtpreply_enhanced *e, int ctx, uint32_t providers)
{
  size_t i;

  for (i = 0; i < n; i++)
    {
      const struct code_rule *r = &rules[i];

      if (r->subject == e->subject && e->detail >= r->first
          && e->detail <= r->last && (r->cls == CLASS_ANY || r->cls == e->cls)
          && (r->ctx == IN_ANY || r->ctx == ctx)
          && (r->providers & providers) == r->providers)
        return r->reason;
    }
  return SMTPREPLY_REASON_COUNT;
}

/* The reason of the basic code CODE at CTX: a rule for that command
   first, then one for any. */
static unsigned
match_basic (int code, int ctx)
{
  size_t i;
  unsigned any = SMTPREPLY_REASON_COUNT;

  for (i = 0; i < N_ELEMENTS (basic_rules); i++)
    if (basic_rules[i].code == code)
      {
        if (basic_rules[i].ctx == ctx)
          return basic_rules[i].reason;
        if (basic_rules[i].ctx == IN_ANY && any == SMTPREPLY_REASON_COUNT)
          any = basic_rules[i].reason;
      }
  return any;
}

/* Detection **********************************************************/

/* The reason, once the text is scanned, from the rest of the evidence:
   the basic code CODE (0: none), the enhanced code E (NULL: none) and the
   command CTX, in the order of evidence.def. */
static enum smtpreply_reason
decide (const struct smtpreply__scan *scan, int code,
        const struct smtpreply_enhanced *e, int ctx)
{
  const struct smtpreply__matcher *m = &smtpreply__evidence_matcher;
  unsigned reason;

  /* 1. Words that name a cause. */
  if (scan->strong != SMTPREPLY__NO_MATCH)
    return (enum smtpreply_reason) m->strong_reason[scan->strong];

  /* 2. and 3. A provider's meaning of its enhanced code, then the
     registry's meaning of a specific one. */
  if (e != NULL)
    {
      reason = match_code (provider_codes, N_ELEMENTS (provider_codes), e,
                           ctx, scan->providers);
      if (reason == SMTPREPLY_REASON_COUNT)
        reason = match_code (specific_codes, N_ELEMENTS (specific_codes), e,
                             ctx, 0);
      if (reason != SMTPREPLY_REASON_COUNT)
        return (enum smtpreply_reason) reason;
    }

  /* 4. Generic words. */
  if (scan->hint != SMTPREPLY__NO_MATCH)
    return (enum smtpreply_reason) m->hint_reason[scan->hint];

  /* 5. The basic code and the command, then 6. a generic enhanced code. */
  reason = code != 0 ? match_basic (code, ctx) : SMTPREPLY_REASON_COUNT;
  if (reason == SMTPREPLY_REASON_COUNT && e != NULL)
    reason = match_code (generic_codes, N_ELEMENTS (generic_codes), e, ctx, 0);
  return reason == SMTPREPLY_REASON_COUNT ? SMTPREPLY_REASON_UNKNOWN
                                          : (enum smtpreply_reason) reason;
}

enum smtpreply_reason
smtpreply__reason_of (const struct smtpreply__text *texts, size_t n,
                      size_t first, int code, int cls,
                      const struct smtpreply_enhanced *e, int ctx)
{
  const struct smtpreply__matcher *m = &smtpreply__evidence_matcher;
  struct smtpreply__scan scan, rest;
  size_t i;

  if ((unsigned) ctx >= SMTPREPLY_CTX_COUNT)
    ctx = SMTPREPLY_CTX_UNKNOWN;
  if (first > n)
    first = n;
  /* The first FIRST texts read as one, a word break between two; the
     others only if those named no cause.  Their phrase then counts as the
     first texts' would, and their hint after the first texts' hint; but
     a phrase saying that delivery was given up counts wherever it is. */
  smtpreply__scan_start (&scan, m, cls);
  for (i = 0; i < first; i++)
    {
      smtpreply__scan_text (&scan, m, texts[i].p, texts[i].n);
      smtpreply__scan_break (&scan, m);
    }
  if (first < n)
    {
      smtpreply__scan_start (&rest, m, cls);
      for (i = first; i < n; i++)
        {
          smtpreply__scan_text (&rest, m, texts[i].p, texts[i].n);
          smtpreply__scan_break (&rest, m);
        }
      /* Giving up after retrying wins over the cause of the last try
         wherever it is said. */
      if (rest.strong != SMTPREPLY__NO_MATCH
          && (scan.strong == SMTPREPLY__NO_MATCH
              || m->strong_reason[rest.strong] == SMTPREPLY_REASON_EXPIRED))
        scan.strong = rest.strong;
      if (scan.hint == SMTPREPLY__NO_MATCH)
        scan.hint = rest.hint;
      scan.providers |= rest.providers;
    }
  return decide (&scan, code, e, ctx);
}

enum smtpreply_reason
smtpreply_reason (const struct smtpreply_reply *reply,
                  enum smtpreply_context ctx)
{
  const struct smtpreply__matcher *m = &smtpreply__evidence_matcher;
  struct smtpreply__scan scan;
  enum smtpreply_class cls;
  size_t i;

  if (reply == NULL)
    return SMTPREPLY_REASON_UNKNOWN;
  cls = smtpreply_class (reply->code);
  if (cls == SMTPREPLY_CLASS_SUCCESS || cls == SMTPREPLY_CLASS_INTERMEDIATE)
    return SMTPREPLY_REASON_NONE;
  if (cls == SMTPREPLY_CLASS_INVALID)
    return SMTPREPLY_REASON_UNKNOWN;
  if ((unsigned) ctx >= SMTPREPLY_CTX_COUNT)
    ctx = SMTPREPLY_CTX_UNKNOWN;
  /* The lines read as one text: a line break is a word break, so a phrase
     a server wrapped over two lines still matches.  The text is read
     through BUF; a hand-filled NLINES may exceed what LINES holds. */
  smtpreply__scan_start (&scan, m, (int) cls);
  for (i = 0; reply->buf != NULL && i < reply->nlines
              && i < SMTPREPLY_MAX_LINES; i++)
    {
      smtpreply__scan_text (&scan, m, reply->buf + reply->lines[i].offset,
                            reply->lines[i].length);
      smtpreply__scan_break (&scan, m);
    }
  return decide (&scan, reply->code,
                 reply->has_enhanced ? &reply->enhanced : NULL, (int) ctx);
}
