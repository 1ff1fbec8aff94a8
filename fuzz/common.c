/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* common.c: helpers shared by the fuzz targets. */

#include <config.h>

#include "fuzz.h"

#include <smtpreply.h>

#include <libintl.h>
#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static locale_t locales[4];

static void
init (void)
{
  static const char *const names[4] = { "C", "zh_CN.UTF-8", "zh_CN.GB18030",
                                         "en_US.UTF-8" };
  int i;

#ifdef FUZZ_LOCALEDIR
  bindtextdomain (SMTPREPLY_TEXT_DOMAIN, FUZZ_LOCALEDIR);
#endif
  for (i = 0; i < 4; i++)
    locales[i] = newlocale (LC_ALL_MASK, names[i], (locale_t) 0);
}

void
fuzz_bind_catalogs (void)
{
  pthread_once (&once, init);
}

locale_t
fuzz_locale (unsigned n)
{
  fuzz_bind_catalogs ();
  return locales[n % 4];
}
