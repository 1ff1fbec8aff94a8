/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_lang.c: language tags from anywhere (a user's account setting) in
   the _lang functions. */

#include <config.h>

#include "fuzz.h"

#include <smtpreply.h>

#include <errno.h>
#include <string.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *tag = malloc (size + 1);
  char buf[16];
  const char *text;
  int rc;

  FUZZ_CHECK (tag != NULL);
  fuzz_bind_catalogs ();
  memcpy (tag, data, size);
  tag[size] = '\0';

  text = smtpreply_describe_lang (550, tag);
  FUZZ_CHECK (text != NULL && text[0] != '\0');
  FUZZ_CHECK (smtpreply_lang_is_available (tag) == 0
              || smtpreply_lang_is_available (tag) == 1);
  text = smtpreply_describe_enhanced_str_lang (tag, tag);
  FUZZ_CHECK (text != NULL && text[0] != '\0');
  rc = smtpreply_describe_r_lang (551, buf, sizeof buf, tag);
  FUZZ_CHECK ((rc == 0 || rc == ERANGE) && strlen (buf) < sizeof buf);
  (void) smtpreply_context_from_name (tag);
  free (tag);
  return 0;
}
