/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_catalog.c: any bytes read as one of the library's catalogs (the GNU
   .mo reader of src/catalog.c, compiled in here, since its functions are
   not exported).  The answer is defined: the file is refused, or every
   lookup returns the msgid itself or a NUL-terminated string inside the
   file, the same on a second lookup (from the pointer cache).  Seeded
   with the real catalogs of the build tree. */

#include "../src/catalog.c"

#include "fuzz.h"

/* catalog.c calls these (from i18n.c) only when it looks for a file. */
atomic_int smtpreply__domain_bound = 1;

void
smtpreply__bind_once (void)
{
}

/* Some of the library's real msgids, and one that no catalog has. */
static const char *const msgids[] = {
  "",
  "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)",
  "Bad destination mailbox address",
  "The recipient's address does not exist",
  "Usage: %s [OPTION]... CODE...\n"
  "  or:  %s --parse [OPTION]...\n"
  "  or:  %s --bounce [OPTION]... [FILE]...\n"
  "  or:  %s --reasons | --reason=NAME\n",
  "Unknown reply code",
  "a msgid that no catalog holds",
  "\xff\xfe not UTF-8",
};

static void
check_translation (const struct smtpreply__catalog *c, const char *msgid,
                   const char *t)
{
  FUZZ_CHECK (t != NULL);
  if (t == msgid)
    return;
  FUZZ_CHECK ((const unsigned char *) t >= c->map
              && (const unsigned char *) t < c->map + c->size);
  FUZZ_CHECK (memchr (t, '\0', (size_t) (c->map + c->size
                                         - (const unsigned char *) t)) != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static struct smtpreply__catalog c;
  unsigned char *copy;
  size_t i;

  /* The reader works on a mapped file: a copy stands for it. */
  copy = malloc (size > 0 ? size : 1);
  FUZZ_CHECK (copy != NULL);
  memcpy (copy, data, size);
  memset (&c, 0, sizeof c);
  if (read_header (&c, copy, size) == 0)
    for (i = 0; i < sizeof msgids / sizeof msgids[0]; i++)
      {
        const char *first = smtpreply__catalog_lookup (&c, msgids[i]);
        const char *again = smtpreply__catalog_tr (&c, msgids[i]);

        check_translation (&c, msgids[i], first);
        FUZZ_CHECK (again == first);
      }
  free (copy);
  return 0;
}
