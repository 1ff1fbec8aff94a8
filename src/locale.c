/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* locale.c: per-call language.  The _l functions run the ordinary lookup
   with the calling thread switched to another locale (uselocale, which
   glibc's gettext follows) and switch back; the _lang functions run it
   with the library's own catalog for a language tag (catalog.c). */

#include <config.h>

#include "smtpreply.h"
#include "i18n.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

/* Switching *****************************************************/

/* (locale_t) 0 means "the thread's current locale": no switch. */
static locale_t
switch_to (locale_t loc)
{
  return loc == (locale_t) 0 ? (locale_t) 0 : uselocale (loc);
}

static void
switch_back (locale_t previous)
{
  if (previous != (locale_t) 0)
    uselocale (previous);
}

/* TYPE is a type name, which cannot be put in parentheses. */
/* NOLINTNEXTLINE(bugprone-macro-parentheses) */
#define IN_LOCALE(loc, type, call)              \
  do                                            \
    {                                           \
      locale_t previous_ = switch_to (loc);     \
      type result_ = (call);                    \
      switch_back (previous_);                  \
      return result_;                           \
    }                                           \
  while (0)

/* Language tags **************************************************/

/* The _lang functions look their texts up in the library's own catalog
   for the tag (catalog.c): no locale needs to be installed, no uselocale,
   no lock, and the text is always UTF-8.  Each thread keeps the last tag
   it asked for and its catalog: programs ask for the same language over
   and over. */
_Thread_local const struct smtpreply__catalog *smtpreply__current_catalog
  SMTPREPLY__TLS_MODEL;

#define TAG_SIZE 32

/* cppcheck does not see the members used through the _Thread_local
   variable below, hence the suppression. */
struct last_tag
{
  // cppcheck-suppress unusedStructMember
  char tag[TAG_SIZE];
  const struct smtpreply__catalog *catalog;
};

static _Thread_local struct last_tag last SMTPREPLY__TLS_MODEL;

/* The catalog for LANG (not NULL).  After the library's destructor, the
   built-in English, whatever a thread kept. */
static const struct smtpreply__catalog *
catalog_for (const char *lang)
{
  const struct smtpreply__catalog *c;
  size_t len;

  if (atomic_load_explicit (&smtpreply__catalogs_finished,
                            memory_order_relaxed))
    return smtpreply__english;
  {
    struct last_tag *kept = &last;      /* the thread pointer, read once */

    if (kept->catalog != NULL && strcmp (kept->tag, lang) == 0)
      return kept->catalog;
  }
  c = smtpreply__catalog_for_tag (lang);
  len = strnlen (lang, TAG_SIZE);
  if (len < TAG_SIZE)
    {
      memcpy (last.tag, lang, len + 1);
      last.catalog = c;
    }
  return c;
}

int
smtpreply_lang_is_available (const char *lang)
{
  return lang != NULL && catalog_for (lang) != smtpreply__english;
}

/* CALL with the lookups in LANG's catalog (for a NULL LANG, the built-in
   English, as the _lang functions of 0.1 document); TYPE is its type. */
/* NOLINTNEXTLINE(bugprone-macro-parentheses) */
#define IN_CATALOG(lang, type, call)                                    \
  do                                                                    \
    {                                                                   \
      const struct smtpreply__catalog *previous_;                      \
      type result_;                                                     \
                                                                        \
      previous_ = smtpreply__current_catalog;                           \
      smtpreply__current_catalog = (lang) != NULL ? catalog_for (lang)  \
                                                  : smtpreply__english; \
      result_ = (call);                                                 \
      smtpreply__current_catalog = previous_;                           \
      return result_;                                                   \
    }                                                                   \
  while (0)

/* The _l and _lang families ****************************************/

const char *
smtpreply__tr_lang (const char *msgid, const char *lang)
{
  if (lang == NULL)
    return smtpreply__tr (msgid);
  return smtpreply__catalog_lookup (catalog_for (lang), msgid);
}

const char *
smtpreply_describe_l (int code, locale_t loc)
{
  IN_LOCALE (loc, const char *, smtpreply_describe (code));
}

int
smtpreply_describe_r_l (int code, char *buf, size_t buflen, locale_t loc)
{
  IN_LOCALE (loc, int, smtpreply_describe_r (code, buf, buflen));
}

const char *
smtpreply_describe_ctx_l (int code, enum smtpreply_context ctx, locale_t loc)
{
  IN_LOCALE (loc, const char *, smtpreply_describe_ctx (code, ctx));
}

const char *
smtpreply_describe_enhanced_l (int cls, int subject, int detail, locale_t loc)
{
  IN_LOCALE (loc, const char *,
             smtpreply_describe_enhanced (cls, subject, detail));
}

const char *
smtpreply_describe_enhanced_str_l (const char *code, locale_t loc)
{
  IN_LOCALE (loc, const char *, smtpreply_describe_enhanced_str (code));
}

const char *
smtpreply_strerror_l (int status, locale_t loc)
{
  IN_LOCALE (loc, const char *, smtpreply_strerror (status));
}

int
smtpreply_explain_l (const struct smtpreply_reply *reply,
                     enum smtpreply_context ctx,
                     struct smtpreply_explanation *out, locale_t loc)
{
  IN_LOCALE (loc, int, smtpreply_explain (reply, ctx, out));
}

const char *
smtpreply_describe_lang (int code, const char *lang)
{
  IN_CATALOG (lang, const char *, smtpreply_describe (code));
}

int
smtpreply_describe_r_lang (int code, char *buf, size_t buflen,
                           const char *lang)
{
  IN_CATALOG (lang, int,
             smtpreply_describe_r (code, buf, buflen));
}

const char *
smtpreply_describe_ctx_lang (int code, enum smtpreply_context ctx,
                             const char *lang)
{
  IN_CATALOG (lang, const char *,
             smtpreply_describe_ctx (code, ctx));
}

const char *
smtpreply_describe_enhanced_lang (int cls, int subject, int detail,
                                  const char *lang)
{
  IN_CATALOG (lang, const char *,
             smtpreply_describe_enhanced (cls, subject, detail));
}

const char *
smtpreply_describe_enhanced_str_lang (const char *code, const char *lang)
{
  IN_CATALOG (lang, const char *,
             smtpreply_describe_enhanced_str (code));
}

const char *
smtpreply_strerror_lang (int status, const char *lang)
{
  IN_CATALOG (lang, const char *, smtpreply_strerror (status));
}

int
smtpreply_explain_lang (const struct smtpreply_reply *reply,
                        enum smtpreply_context ctx,
                        struct smtpreply_explanation *out, const char *lang)
{
  IN_CATALOG (lang, int, smtpreply_explain (reply, ctx, out));
}

const char *
smtpreply_advice_l (int code, locale_t loc)
{
  IN_LOCALE (loc, const char *, smtpreply_advice (code));
}

const char *
smtpreply_advice_ctx_l (int code, enum smtpreply_context ctx, locale_t loc)
{
  IN_LOCALE (loc, const char *, smtpreply_advice_ctx (code, ctx));
}

const char *
smtpreply_advice_enhanced_l (int cls, int subject, int detail, locale_t loc)
{
  IN_LOCALE (loc, const char *,
             smtpreply_advice_enhanced (cls, subject, detail));
}

const char *
smtpreply_advice_enhanced_str_l (const char *code, locale_t loc)
{
  IN_LOCALE (loc, const char *, smtpreply_advice_enhanced_str (code));
}

const char *
smtpreply_advice_lang (int code, const char *lang)
{
  IN_CATALOG (lang, const char *, smtpreply_advice (code));
}

const char *
smtpreply_advice_ctx_lang (int code, enum smtpreply_context ctx,
                           const char *lang)
{
  IN_CATALOG (lang, const char *,
             smtpreply_advice_ctx (code, ctx));
}

const char *
smtpreply_advice_enhanced_lang (int cls, int subject, int detail,
                                const char *lang)
{
  IN_CATALOG (lang, const char *,
             smtpreply_advice_enhanced (cls, subject, detail));
}

const char *
smtpreply_advice_enhanced_str_lang (const char *code, const char *lang)
{
  IN_CATALOG (lang, const char *,
             smtpreply_advice_enhanced_str (code));
}
