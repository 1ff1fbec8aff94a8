/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* late-exit-lib.c: a library that tests/late-exit links after
   libsmtpreply, without depending on it: the loader initializes it before
   libsmtpreply and finalizes it after, so its destructor calls _lang when
   libsmtpreply's destructor has already run, as another library's
   destructor (or a thread still running at exit) might.  The answers must
   be the built-in English, and nothing may be loaded again. */

#include <dlfcn.h>
#include <stdio.h>

void late_exit_anchor (void);

/* Called by the program, so that the linker keeps this library. */
void
late_exit_anchor (void)
{
}

static void late (void) __attribute__ ((__destructor__));

static void
late (void)
{
  void *lib = dlopen ("libsmtpreply.so.1", RTLD_NOW | RTLD_NOLOAD);
  const char *(*describe_lang) (int, const char *);
  int (*available) (const char *);

  if (lib == NULL)
    {
      fprintf (stderr, "late: libsmtpreply is not loaded\n");
      return;
    }
  *(void **) &describe_lang = dlsym (lib, "smtpreply_describe_lang");
  *(void **) &available = dlsym (lib, "smtpreply_lang_is_available");
  if (describe_lang != NULL && available != NULL)
    fprintf (stderr, "late: %s | %s | %d\n", describe_lang (550, "xx"),
             describe_lang (550, "zh_CN"), available ("zh_CN"));
  dlclose (lib);
}
