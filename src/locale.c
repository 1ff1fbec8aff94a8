/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* locale.c: per-call language.  The _l functions run the ordinary lookup
   with the calling thread switched to another locale (uselocale, which
   glibc's gettext follows) and switch back; the _lang functions find the
   locale for a language tag first, in a small cache. */

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

/* Locale objects of the languages asked for, made once and kept.  Entries
   are written under the lock and published by the release store of
   CACHE_COUNT, so readers need no lock.  Only installed locales are kept,
   so tags naming nothing cannot fill the cache. */
#define CACHE_SIZE 32
#define NAME_SIZE 48

struct cached_locale
{
  char name[NAME_SIZE];
  locale_t loc;
};

static struct cached_locale cache[CACHE_SIZE];
static atomic_size_t cache_count;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* The C locale: the built-in English, whatever LANGUAGE says. */
static pthread_once_t english_once = PTHREAD_ONCE_INIT;
static locale_t english;

static void
make_english (void)
{
  english = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
}

/* The last tag each thread asked for, and its answer: GUIs ask for the same
   language over and over. */
#define TAG_SIZE 32

/* cppcheck does not see the members used through the _Thread_local
   variable below, hence the suppressions. */
struct last_tag
{
  // cppcheck-suppress unusedStructMember
  char tag[TAG_SIZE];
  locale_t loc;
  // cppcheck-suppress unusedStructMember
  int available;
};

static _Thread_local struct last_tag last;

/* Where a language usually lives when the tag names no region. */
static const struct
{
  const char *language, *region;
} default_regions[] = {
  { "ar", "EG" }, { "cs", "CZ" }, { "da", "DK" }, { "el", "GR" },
  { "en", "US" }, { "fa", "IR" }, { "he", "IL" }, { "hi", "IN" },
  { "ja", "JP" }, { "ko", "KR" }, { "nb", "NO" }, { "pt", "BR" },
  { "sl", "SI" }, { "sv", "SE" }, { "uk", "UA" }, { "vi", "VN" },
  { "zh", "CN" },
};

static int
is_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum (char c)
{
  return is_alpha (c) || (c >= '0' && c <= '9');
}

static char
lower (char c)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz";

  if (c >= 'A' && c <= 'Z')
    return letters[c - 'A'];
  return c;
}

static char
upper (char c)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  if (c >= 'a' && c <= 'z')
    return letters[c - 'a'];
  return c;
}

/* Length of the run of characters at S accepted by CLASS. */
static size_t
span (const char *s, int (*class) (char))
{
  size_t n = 0;

  while (s[n] != '\0' && class (s[n]))
    n++;
  return n;
}

/* The UTF-8 locale name for TAG: "zh-Hant" -> "zh_TW.UTF-8", "en" ->
   "en_US.UTF-8", "sr_RS@latin" -> "sr_RS.UTF-8@latin".  Returns 0, or -1
   for a malformed tag (and for "C" and "POSIX", which are English). */
static int
locale_name_for_tag (const char *tag, char *name, size_t size)
{
  char language[4] = "", region[4] = "", modifier[17] = "";
  size_t n = span (tag, is_alpha), i;

  if (n < 2 || n > 3)
    return -1;
  for (i = 0; i < n; i++)
    language[i] = lower (tag[i]);
  tag += n;

  while (*tag == '-' || *tag == '_')
    {
      tag++;
      n = span (tag, is_alnum);
      if (n == 4 && region[0] == '\0')      /* a script: Hans, Hant */
        {
          if (strcmp (language, "zh") == 0)
            memcpy (region, lower (tag[3]) == 's' ? "CN" : "TW", 3);
        }
      else if (n == 2 && is_alpha (tag[0]) && is_alpha (tag[1]))
        {
          region[0] = upper (tag[0]);
          region[1] = upper (tag[1]);
          region[2] = '\0';
        }
      else if (n != 3)      /* 3: a UN M.49 region ("es-419"), which no */
        return -1;          /* locale names: the language's default is used */
      tag += n;
    }
  if (*tag == '.')                          /* the codeset: UTF-8 anyway */
    {
      tag++;
      while (is_alnum (*tag) || *tag == '-' || *tag == '_')
        tag++;
    }
  if (*tag == '@')
    {
      n = span (tag + 1, is_alnum);
      if (n == 0 || n >= sizeof modifier)
        return -1;
      memcpy (modifier, tag + 1, n);
      modifier[n] = '\0';
      tag += 1 + n;
    }
  if (*tag != '\0')
    return -1;

  if (region[0] == '\0')
    {
      for (i = 0; i < sizeof default_regions / sizeof default_regions[0]; i++)
        if (strcmp (language, default_regions[i].language) == 0)
          memcpy (region, default_regions[i].region, 3);
      if (region[0] == '\0')                /* de_DE, fr_FR, ru_RU, ... */
        {
          region[0] = upper (language[0]);
          region[1] = upper (language[1]);
          region[2] = '\0';
        }
    }
  n = (size_t) snprintf (name, size, "%s_%s.UTF-8%s%s", language, region,
                         modifier[0] ? "@" : "", modifier);
  return n < size ? 0 : -1;
}

static locale_t
find_cached (const char *name, size_t count)
{
  size_t i;

  for (i = 0; i < count; i++)
    if (strcmp (cache[i].name, name) == 0)
      return cache[i].loc;
  return (locale_t) 0;
}

/* The cached locale object for NAME, made when first asked for; 0 when the
   locale is not installed (or the cache is full). */
static locale_t
cached_locale (const char *name)
{
  size_t count = atomic_load_explicit (&cache_count, memory_order_acquire);
  locale_t loc = find_cached (name, count);

  if (loc != (locale_t) 0)
    return loc;

  pthread_mutex_lock (&cache_lock);
  count = atomic_load_explicit (&cache_count, memory_order_relaxed);
  loc = find_cached (name, count);
  if (loc == (locale_t) 0 && count < CACHE_SIZE)
    {
      loc = newlocale (LC_ALL_MASK, name, (locale_t) 0);
      if (loc != (locale_t) 0)
        {
          snprintf (cache[count].name, sizeof cache[count].name, "%s", name);
          cache[count].loc = loc;
          atomic_store_explicit (&cache_count, count + 1,
                                 memory_order_release);
        }
    }
  pthread_mutex_unlock (&cache_lock);
  return loc;
}

/* The locale for TAG when it is not the thread's last one. */
static locale_t
resolve_tag (const char *tag, int *available)
{
  char name[NAME_SIZE];
  locale_t loc = (locale_t) 0;
  size_t len = tag != NULL ? strnlen (tag, TAG_SIZE) : TAG_SIZE;

  if (tag != NULL && locale_name_for_tag (tag, name, sizeof name) == 0)
    loc = cached_locale (name);
  *available = loc != (locale_t) 0;
  if (loc == (locale_t) 0)
    {
      pthread_once (&english_once, make_english);
      loc = english;
    }
  if (len < TAG_SIZE && loc != (locale_t) 0)
    {
      memcpy (last.tag, tag, len + 1);
      last.loc = loc;
      last.available = *available;
    }
  return loc;
}

/* The locale for TAG, and whether it is the language asked for (else it is
   the C locale, the built-in English).  LAST.TAG is shorter than TAG_SIZE,
   so strcmp stops within it. */
static inline locale_t
locale_for_tag (const char *tag, int *available)
{
  if (tag != NULL && last.loc != (locale_t) 0 && strcmp (last.tag, tag) == 0)
    {
      *available = last.available;
      return last.loc;
    }
  return resolve_tag (tag, available);
}

static locale_t
lang_locale (const char *lang)
{
  int available;

  return locale_for_tag (lang, &available);
}

int
smtpreply_lang_is_available (const char *lang)
{
  int available;

  locale_for_tag (lang, &available);
  return available;
}

/* The kept locale objects go when the library is unloaded (or the program
   ends), so valgrind and dlclose see no leak.  Other threads must not be
   in a _lang call by then. */
#ifdef __GNUC__
static void free_cache (void) __attribute__ ((__destructor__));

static void
free_cache (void)
{
  size_t i, count = atomic_load (&cache_count);

  for (i = 0; i < count; i++)
    freelocale (cache[i].loc);
  atomic_store (&cache_count, 0);
  if (english != (locale_t) 0)
    freelocale (english);
  english = (locale_t) 0;
  last.loc = (locale_t) 0;
}
#endif

/* The _l and _lang families ****************************************/

const char *
smtpreply__tr_lang (const char *msgid, const char *lang)
{
  if (lang == NULL)
    return smtpreply__tr (msgid);
  IN_LOCALE (lang_locale (lang), const char *, smtpreply__tr (msgid));
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
  IN_LOCALE (lang_locale (lang), const char *, smtpreply_describe (code));
}

int
smtpreply_describe_r_lang (int code, char *buf, size_t buflen,
                           const char *lang)
{
  IN_LOCALE (lang_locale (lang), int,
             smtpreply_describe_r (code, buf, buflen));
}

const char *
smtpreply_describe_ctx_lang (int code, enum smtpreply_context ctx,
                             const char *lang)
{
  IN_LOCALE (lang_locale (lang), const char *,
             smtpreply_describe_ctx (code, ctx));
}

const char *
smtpreply_describe_enhanced_lang (int cls, int subject, int detail,
                                  const char *lang)
{
  IN_LOCALE (lang_locale (lang), const char *,
             smtpreply_describe_enhanced (cls, subject, detail));
}

const char *
smtpreply_describe_enhanced_str_lang (const char *code, const char *lang)
{
  IN_LOCALE (lang_locale (lang), const char *,
             smtpreply_describe_enhanced_str (code));
}

const char *
smtpreply_strerror_lang (int status, const char *lang)
{
  IN_LOCALE (lang_locale (lang), const char *, smtpreply_strerror (status));
}

int
smtpreply_explain_lang (const struct smtpreply_reply *reply,
                        enum smtpreply_context ctx,
                        struct smtpreply_explanation *out, const char *lang)
{
  IN_LOCALE (lang_locale (lang), int, smtpreply_explain (reply, ctx, out));
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
  IN_LOCALE (lang_locale (lang), const char *, smtpreply_advice (code));
}

const char *
smtpreply_advice_ctx_lang (int code, enum smtpreply_context ctx,
                           const char *lang)
{
  IN_LOCALE (lang_locale (lang), const char *,
             smtpreply_advice_ctx (code, ctx));
}

const char *
smtpreply_advice_enhanced_lang (int cls, int subject, int detail,
                                const char *lang)
{
  IN_LOCALE (lang_locale (lang), const char *,
             smtpreply_advice_enhanced (cls, subject, detail));
}

const char *
smtpreply_advice_enhanced_str_lang (const char *code, const char *lang)
{
  IN_LOCALE (lang_locale (lang), const char *,
             smtpreply_advice_enhanced_str (code));
}
