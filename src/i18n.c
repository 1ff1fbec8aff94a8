/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* i18n.c: binding the text domain, the UTF-8 switch, and copying texts
   without splitting a character. */

#include <config.h>

#include "smtpreply.h"
#include "i18n.h"

#include <errno.h>
#include <langinfo.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static pthread_once_t bind_once = PTHREAD_ONCE_INIT;
atomic_int smtpreply__domain_bound;
static atomic_int utf8_forced;

#ifdef ENABLE_NLS
/* A domain nobody binds: asking gettext for its directory yields the
   default directory, the very pointer it returns for any unbound domain. */
# define UNBOUND_PROBE_DOMAIN "libsmtpreply-unbound-probe"

/* The application owns the binding when it called bindtextdomain for our
   domain before our first lookup (a bundled or relocated application, or a
   test running on the build tree's catalogs).  gettext answers an unbound
   domain with its default directory; a bound one with its own copy of the
   directory, even when the application bound the default directory. */
static int
application_bound_domain (void)
{
  const char *ours = bindtextdomain (SMTPREPLY_TEXT_DOMAIN, NULL);
  const char *unbound = bindtextdomain (UNBOUND_PROBE_DOMAIN, NULL);

  return ours != NULL && ours != unbound;
}

static void
bind_default_directory (void)
{
  if (!application_bound_domain ())
    bindtextdomain (SMTPREPLY_TEXT_DOMAIN, LOCALEDIR);
  atomic_store_explicit (&smtpreply__domain_bound, 1, memory_order_release);
}
#else
static void
bind_default_directory (void)
{
  atomic_store_explicit (&smtpreply__domain_bound, 1, memory_order_release);
}
#endif

void
smtpreply__bind_once (void)
{
  pthread_once (&bind_once, bind_default_directory);
}

#if defined __GNUC__ && defined ENABLE_NLS
/* Bind as the library is loaded, too: an application linked with the
   library can then only bind after us, and its binding wins even when it
   names gettext's default directory (which gettext reports exactly as it
   reports "not bound", so the check above cannot see it).  A library
   loaded later with dlopen still relies on that check. */
static void bind_at_load (void) __attribute__ ((__constructor__));

static void
bind_at_load (void)
{
  smtpreply__bind_once ();
}
#endif

int
smtpreply_use_utf8 (void)
{
#ifdef ENABLE_NLS
  if (bind_textdomain_codeset (SMTPREPLY_TEXT_DOMAIN, "UTF-8") == NULL)
    return errno ? errno : ENOMEM;
#endif
  atomic_store (&utf8_forced, 1);
  return 0;
}

int
smtpreply__utf8_forced (void)
{
  return atomic_load_explicit (&utf8_forced, memory_order_relaxed);
}

/* Whether the texts gettext returns now are UTF-8: forced, or the codeset
   of the calling thread's LC_CTYPE. */
static int
output_is_utf8 (void)
{
  const char *codeset;

  /* A _lang call's catalog is UTF-8, whatever the locale. */
  if (smtpreply__utf8_forced () || smtpreply__current_catalog != NULL)
    return 1;
  codeset = nl_langinfo (CODESET);
  return strcmp (codeset, "UTF-8") == 0 || strcmp (codeset, "utf8") == 0;
}

/* The longest prefix of TEXT (LEN bytes) of at most MAX bytes that ends on a
   character boundary, for UTF-8: step back over continuation bytes. */
static size_t
utf8_cut (const char *text, size_t max)
{
  size_t cut = max;

  while (cut > 0 && ((unsigned char) text[cut] & 0xC0) == 0x80)
    cut--;
  return cut;
}

/* The same for any other codeset of the locale (GB18030, EUC-JP, ...):
   boundaries can only be found walking forwards.  An invalid byte counts
   as one character, so the walk always advances. */
static size_t
mb_cut (const char *text, size_t len, size_t max)
{
  mbstate_t state;
  size_t pos = 0;

  memset (&state, 0, sizeof state);
  while (pos < len)
    {
      size_t n = mbrlen (text + pos, len - pos, &state);

      if (n == (size_t) -1 || n == (size_t) -2 || n == 0)
        {
          n = 1;
          memset (&state, 0, sizeof state);
        }
      if (n > max - pos)
        break;
      pos += n;
    }
  return pos;
}

int
smtpreply__copy_text (const char *text, char *buf, size_t buflen)
{
  size_t len, cut;

  if (buflen == 0)
    return ERANGE;
  if (buf == NULL)
    return EINVAL;

  len = strlen (text);
  if (len < buflen)
    {
      memcpy (buf, text, len + 1);
      return 0;
    }

  cut = output_is_utf8 () ? utf8_cut (text, buflen - 1)
                          : mb_cut (text, len, buflen - 1);
  memcpy (buf, text, cut);
  buf[cut] = '\0';
  return ERANGE;
}
