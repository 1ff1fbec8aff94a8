/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* i18n.h: the library's gettext rules in one place (internal).
 *
 * Strings are marked with N_() where they are defined and translated with
 * smtpreply__tr () where they are looked up: dgettext on the library's own
 * domain, after the domain was bound once.  The library never calls
 * setlocale, textdomain or plain gettext.
 */

#ifndef SMTPREPLY_I18N_H
#define SMTPREPLY_I18N_H

#include <stdatomic.h>
#include <stddef.h>

#include "smtpreply.h"

#ifdef ENABLE_NLS
# include <libintl.h>
#else
# define dgettext(domain, msgid) ((void) (domain), (const char *) (msgid))
#endif

#define N_(msgid) msgid

/* Binds the text domain to LOCALEDIR once per process, unless the
   application bound it first. */
void smtpreply__bind_once (void);

/* Nonzero once the binding is done: the lookups test it inline and call
   smtpreply__bind_once only before that. */
extern atomic_int smtpreply__domain_bound;

/* The library's few thread-local variables use the initial-exec model: a
   load from the thread pointer, where the default model of a shared
   library calls __tls_get_addr on each access (the _lang lookups touch
   them on every call).  glibc keeps static TLS room for libraries
   dlopen'ed later, and these take a few dozen bytes. */
#if defined __GNUC__ && defined __ELF__
# define SMTPREPLY__TLS_MODEL __attribute__ ((__tls_model__ ("initial-exec")))
#else
# define SMTPREPLY__TLS_MODEL
#endif

/* The library's catalogs read directly, for the _lang functions. */
#include "catalog.h"

/* While a _lang function runs: the catalog its lookups use instead of
   gettext; NULL otherwise (locale.c). */
extern _Thread_local const struct smtpreply__catalog *smtpreply__current_catalog
  SMTPREPLY__TLS_MODEL;

/* The translation of MSGID: in the catalog of the _lang call running on
   this thread, else in the calling thread's locale (gettext). */
static inline const char *
smtpreply__tr (const char *msgid)
{
  const struct smtpreply__catalog *c = smtpreply__current_catalog;

  if (c != NULL)
    return smtpreply__catalog_tr (c, msgid);
  if (!atomic_load_explicit (&smtpreply__domain_bound, memory_order_acquire))
    smtpreply__bind_once ();
  return dgettext (SMTPREPLY_TEXT_DOMAIN, msgid);
}

/* The untranslated description of CODE (describe.c). */
const char *smtpreply__describe_msgid (int code);

/* The untranslated text of CODE in context CTX, or NULL when the code has
   no text specific to that context (context.c). */
const char *smtpreply__context_msgid (int code, int ctx);

/* The untranslated advice of CODE (describe.c), of a class 2-5 or of a
   non-code, of CODE in context CTX (NULL when none of its own, context.c),
   and of an enhanced code (enhanced.c). */
const char *smtpreply__advice_msgid (int code);
const char *smtpreply__class_advice_msgid (int cls);
const char *smtpreply__context_advice_msgid (int code, int ctx);
const char *smtpreply__enhanced_advice_msgid (int cls, int subject,
                                              int detail);

/* A run of text that is not NUL-terminated. */
struct smtpreply__text
{
  const char *p;
  size_t n;
};

/* The reason of a failure of class CLS (4 or 5) from N TEXTS, the basic
   CODE (0: none), the enhanced code E (NULL: none) and the command CTX.
   The words of the first FIRST texts (the server's reply) count before
   those of the others (a report's text about the recipient) (reason.c). */
enum smtpreply_reason smtpreply__reason_of (const struct smtpreply__text *texts,
                                            size_t n, size_t first, int code,
                                            int cls,
                                            const struct smtpreply_enhanced *e,
                                            int ctx);

/* The untranslated title and advice of a reason (reason.c). */
const char *smtpreply__reason_title_msgid (enum smtpreply_reason reason);
const char *smtpreply__reason_advice_msgid (enum smtpreply_reason reason,
                                            enum smtpreply_class outcome);

/* The translation of MSGID in the language of the tag LANG (UTF-8), or in
   the calling thread's locale when LANG is NULL (locale.c). */
const char *smtpreply__tr_lang (const char *msgid, const char *lang);

/* Nonzero once smtpreply_use_utf8 () was called. */
int smtpreply__utf8_forced (void);

/* Copies TEXT into BUF (BUFLEN bytes) as smtpreply_describe_r documents:
   0, ERANGE when cut short, EINVAL for a NULL BUF with BUFLEN > 0; a cut
   never splits a character of the output codeset. */
int smtpreply__copy_text (const char *text, char *buf, size_t buflen);

#endif /* SMTPREPLY_I18N_H */
