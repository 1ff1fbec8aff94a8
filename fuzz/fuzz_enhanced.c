/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_enhanced.c: the enhanced-code string form ("5.1.1") on arbitrary
   bytes, and the int form on arbitrary ints. */

#include <config.h>

#include "fuzz.h"

#include <smtpreply.h>

#include <string.h>

static int
read_int (const uint8_t *data, size_t size, size_t at)
{
  uint32_t v = 0;
  size_t i;

  for (i = 0; i < 4 && at + i < size; i++)
    v = v << 8 | data[at + i];
  return (int) v;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct smtpreply_enhanced e;
  char *s = malloc (size + 1);
  const char *text;

  FUZZ_CHECK (s != NULL);
  memcpy (s, data, size);
  s[size] = '\0';

  text = smtpreply_describe_enhanced_str (s);
  FUZZ_CHECK (text != NULL && text[0] != '\0');
  if (smtpreply_enhanced_from_string (s, &e) == 0)
    {
      /* The string and the int forms agree. */
      FUZZ_CHECK (e.cls == 2 || e.cls == 4 || e.cls == 5);
      FUZZ_CHECK (e.subject >= 0 && e.subject <= 999);
      FUZZ_CHECK (e.detail >= 0 && e.detail <= 999);
      FUZZ_CHECK (strcmp (text, smtpreply_describe_enhanced (e.cls, e.subject,
                                                             e.detail)) == 0);
    }
  else
    FUZZ_CHECK (strcmp (text, smtpreply_describe_enhanced_str (NULL)) == 0);

  text = smtpreply_describe_enhanced (read_int (data, size, 0),
                                      read_int (data, size, 4),
                                      read_int (data, size, 8));
  FUZZ_CHECK (text != NULL && text[0] != '\0');
  (void) smtpreply_enhanced_is_known (read_int (data, size, 0),
                                      read_int (data, size, 4),
                                      read_int (data, size, 8));
  text = smtpreply_describe_enhanced_str_l (s, fuzz_locale (size));
  FUZZ_CHECK (text != NULL && text[0] != '\0');
  free (s);
  return 0;
}
