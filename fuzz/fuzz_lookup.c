/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_lookup.c: every int lookup with arbitrary ints, describe_r with
   arbitrary buffer sizes, in a few locales and codesets. */

#include <config.h>

#include "fuzz.h"

#include <smtpreply.h>

#include <errno.h>
#include <string.h>

static int
next_int (const uint8_t **data, size_t *size)
{
  uint32_t v = 0;
  int i;

  for (i = 0; i < 4 && *size > 0; i++, (*data)++, (*size)--)
    v = v << 8 | **data;
  return (int) v;
}

static void
nonempty (const char *s)
{
  FUZZ_CHECK (s != NULL && s[0] != '\0');
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  while (size > 0)
    {
      int code = next_int (&data, &size), ctx = next_int (&data, &size);
      int n = next_int (&data, &size);
      locale_t loc = fuzz_locale ((unsigned) n);
      size_t buflen = (unsigned) n % 300;
      char buf[300];
      const char *full;
      int rc;

      nonempty (smtpreply_describe (code));
      nonempty (smtpreply_describe_ctx (code, (enum smtpreply_context) ctx));
      nonempty (smtpreply_describe_enhanced (code, ctx, n));
      nonempty (smtpreply_strerror (code));
      nonempty (smtpreply_context_name ((enum smtpreply_context) ctx));
      FUZZ_CHECK ((smtpreply_class (code) == SMTPREPLY_CLASS_INVALID)
                  == (smtpreply_category (code) == SMTPREPLY_CATEGORY_INVALID));
      if (smtpreply_is_known (code))
        FUZZ_CHECK (smtpreply_class (code) != SMTPREPLY_CLASS_INVALID);

      /* describe_r: a NUL-terminated prefix of the full text. */
      full = smtpreply_describe_l (code, loc);
      nonempty (full);
      memset (buf, 'x', sizeof buf);
      rc = smtpreply_describe_r_l (code, buf, buflen, loc);
      if (buflen == 0)
        FUZZ_CHECK (rc == ERANGE && buf[0] == 'x');
      else
        {
          size_t got = strlen (buf);

          FUZZ_CHECK (got < buflen);
          FUZZ_CHECK (memcmp (buf, full, got) == 0);
          FUZZ_CHECK (rc == (full[got] == '\0' ? 0 : ERANGE));
        }
    }
  return 0;
}
