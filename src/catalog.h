/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* catalog.h: the library's catalogs read directly (catalog.c), and the
   fast path of a lookup, inline: one hash, one compare (internal). */

#ifndef SMTPREPLY_CATALOG_H
#define SMTPREPLY_CATALOG_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define SMTPREPLY__CATALOGS 32          /* languages kept at most */
#define SMTPREPLY__CATALOG_NAME 24      /* "zh_CN", "sr_RS@latin" */
#define SMTPREPLY__SLOTS 2048           /* msgids cached (a power of 2) */

/* A msgid's address and its translation, filled on first use. */
struct smtpreply__slot
{
  _Atomic (const char *) msgid;
  _Atomic (const char *) translation;
};

struct smtpreply__catalog
{
  char name[SMTPREPLY__CATALOG_NAME];   /* the directory it came from */
  const unsigned char *map;     /* the whole file, mapped; NULL: English */
  size_t size;
  uint32_t n;                   /* messages */
  uint32_t originals, translations;     /* table offsets */
  int swap;                     /* the file's byte order is not ours */
  struct smtpreply__slot slots[SMTPREPLY__SLOTS];
  atomic_int ready;             /* published */
};

/* The slot a msgid's address hashes to first. */
static inline size_t
smtpreply__slot_of (const char *msgid)
{
  uint64_t h = (uint64_t) ((uintptr_t) msgid >> 3)
               * UINT64_C (0x9E3779B97F4A7C15);

  return (size_t) (h >> 40) & (SMTPREPLY__SLOTS - 1);
}

/* The built-in English: every msgid is its own translation. */
extern const struct smtpreply__catalog *const smtpreply__english;

/* Set by the library's destructor: the catalogs are gone. */
extern atomic_int smtpreply__catalogs_finished;

/* MSGID's translation in C (UTF-8), or MSGID (catalog.c). */
const char *smtpreply__catalog_lookup (const struct smtpreply__catalog *c,
                                       const char *msgid);

/* The same, trying the slot a cached msgid is usually in first. */
static inline const char *
smtpreply__catalog_tr (const struct smtpreply__catalog *c, const char *msgid)
{
  const struct smtpreply__slot *s = &c->slots[smtpreply__slot_of (msgid)];

  if (c->map == NULL)           /* the built-in English */
    return msgid;
  if (atomic_load_explicit (&s->msgid, memory_order_acquire) == msgid)
    {
      const char *t = atomic_load_explicit (&s->translation,
                                            memory_order_acquire);

      if (t != NULL)
        return t;
    }
  return smtpreply__catalog_lookup (c, msgid);
}

/* The catalog for a language tag (loaded once per language), or
   smtpreply__english when there is none.  Thread-safe, lock-free. */
const struct smtpreply__catalog *smtpreply__catalog_for_tag (const char *tag);

#endif /* SMTPREPLY_CATALOG_H */
