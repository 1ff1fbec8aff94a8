/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* catalog.c: the library's own catalogs, read directly, for the _lang
 * functions.
 *
 * gettext can only look a message up in the locale of the calling thread,
 * and a locale must be installed (generated) for that: most servers and
 * containers have only C.UTF-8.  Our catalogs are installed regardless.  So
 * for a language tag the library reads its catalog itself
 * (<dir>/<language>/LC_MESSAGES/libsmtpreply.mo, <dir> being where the
 * domain is bound, so an application's bindtextdomain still wins), in the
 * GNU .mo format (the GNU gettext manual, "The Format of GNU MO Files"):
 * mapped read-only, every offset and length checked against the file's
 * size before anything is read, the translations UTF-8.
 *
 * A lookup is a pointer hash: the msgids the library looks up are its own
 * string literals, so each catalog keeps a small table from a msgid's
 * address to its translation, filled on first use (a binary search of the
 * catalog's sorted originals) without locks.  After that a lookup costs a
 * hash and a compare.
 *
 * Catalogs are loaded once per language and kept until the library is
 * unloaded; at most SMTPREPLY__CATALOGS (32) of them.  No lock is held while a file is
 * opened or read, and none at all by readers: a catalog is published with
 * an atomic store, so fork and other threads never wait on a load.  A tag
 * that names no catalog keeps nothing (and costs a few failed opens each
 * time a thread asks for it anew).
 */

#include <config.h>

#include "smtpreply.h"
#include "i18n.h"
#include "catalog.h"

#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The catalogs ****************************************************/

/* The built-in English: no file, every msgid is its own translation. */
static struct smtpreply__catalog english_catalog = { .name = "C" };
const struct smtpreply__catalog *const smtpreply__english = &english_catalog;

#define MAX_PROBES 32

static _Atomic (struct smtpreply__catalog *) catalogs[SMTPREPLY__CATALOGS];
static atomic_size_t reserved;  /* entries of SMTPREPLY__CATALOGS claimed */
atomic_int smtpreply__catalogs_finished;

static uint32_t
word (const struct smtpreply__catalog *c, uint32_t offset)
{
  uint32_t w;

  memcpy (&w, c->map + offset, 4);
  if (c->swap)
    w = (w >> 24) | ((w >> 8) & 0xff00u) | ((w << 8) & 0xff0000u) | (w << 24);
  return w;
}

/* String I of the table at TABLE (a pair length, offset per string), or
   NULL when the file does not hold it whole, NUL included. */
static const char *
string_at (const struct smtpreply__catalog *c, uint32_t table, uint32_t i,
           uint32_t *len)
{
  uint32_t length = word (c, table + 8 * i);
  uint32_t offset = word (c, table + 8 * i + 4);

  if (offset >= c->size || length >= c->size - offset
      || c->map[offset + length] != '\0')
    return NULL;
  if (len != NULL)
    *len = length;
  return (const char *) c->map + offset;
}

/* Whether the catalog's header (the translation of "") says UTF-8. */
static int
header_is_utf8 (const struct smtpreply__catalog *c)
{
  uint32_t len;
  const char *original = string_at (c, c->originals, 0, &len);
  const char *header;
  const char *charset;

  if (original == NULL || len != 0)
    return 0;
  header = string_at (c, c->translations, 0, &len);
  if (header == NULL)
    return 0;
  charset = strstr (header, "charset=");
  return charset != NULL && (strncmp (charset + 8, "UTF-8", 5) == 0
                             || strncmp (charset + 8, "utf-8", 5) == 0);
}

/* Whether every string of C is inside the file with its NUL, and the
   originals are sorted (the binary search needs it): a file with one bad
   entry is not read at all. */
static int
entries_are_whole (const struct smtpreply__catalog *c)
{
  const char *previous = NULL;
  uint32_t i;

  for (i = 0; i < c->n; i++)
    {
      const char *original = string_at (c, c->originals, i, NULL);

      if (original == NULL || string_at (c, c->translations, i, NULL) == NULL
          || (previous != NULL && strcmp (previous, original) >= 0))
        return 0;
      previous = original;
    }
  return 1;
}

/* Checks the file MAP (SIZE bytes) as a .mo file and fills C.  Returns 0,
   or -1 for a file that is not one (truncated, corrupt, another format,
   another charset than UTF-8). */
static int
read_header (struct smtpreply__catalog *c, const unsigned char *map,
             size_t size)
{
  uint32_t magic;

  if (size < 28 || size > UINT32_MAX)
    return -1;
  c->map = map;
  c->size = size;
  memcpy (&magic, map, 4);
  if (magic == 0x950412deu)
    c->swap = 0;
  else if (magic == 0xde120495u)
    c->swap = 1;
  else
    return -1;
  if ((word (c, 4) >> 16) > 1)          /* major revision 0 or 1 */
    return -1;
  c->n = word (c, 8);
  c->originals = word (c, 12);
  c->translations = word (c, 16);
  if (c->n == 0 || c->n > (size - 28) / 16
      || c->originals > size - (size_t) c->n * 8
      || c->translations > size - (size_t) c->n * 8
      || (c->originals & 3) != 0 || (c->translations & 3) != 0)
    return -1;
  return header_is_utf8 (c) && entries_are_whole (c) ? 0 : -1;
}

/* The translation of MSGID in C by a binary search of its sorted
   originals: the translation, or MSGID when C has none (or an empty
   one). */
static const char *
search (const struct smtpreply__catalog *c, const char *msgid)
{
  uint32_t low = 0, high = c->n;

  while (low < high)
    {
      uint32_t mid = low + (high - low) / 2, len;
      const char *original = string_at (c, c->originals, mid, NULL);
      int order;

      if (original == NULL)
        return msgid;
      order = strcmp (msgid, original);
      if (order == 0)
        {
          const char *t = string_at (c, c->translations, mid, &len);

          return t != NULL && len > 0 ? t : msgid;
        }
      if (order < 0)
        high = mid;
      else
        low = mid + 1;
    }
  return msgid;
}

const char *
smtpreply__catalog_lookup (const struct smtpreply__catalog *cc,
                           const char *msgid)
{
  struct smtpreply__catalog *c = (struct smtpreply__catalog *) cc;
  size_t i, probe;
  const char *t;

  if (c->map == NULL || msgid == NULL)
    return msgid;
  i = smtpreply__slot_of (msgid);
  for (probe = 0; probe < MAX_PROBES; probe++, i = (i + 1) & (SMTPREPLY__SLOTS - 1))
    {
      const char *key = atomic_load_explicit (&c->slots[i].msgid,
                                              memory_order_acquire);

      if (key == msgid)
        {
          t = atomic_load_explicit (&c->slots[i].translation,
                                    memory_order_acquire);
          return t != NULL ? t : search (c, msgid);
        }
      if (key == NULL)
        {
          const char *expected = NULL;

          t = search (c, msgid);
          /* Claim the slot; whoever claims it stores the same
             translation (the search is a function of the msgid). */
          if (atomic_compare_exchange_strong (&c->slots[i].msgid, &expected,
                                              msgid))
            atomic_store_explicit (&c->slots[i].translation, t,
                                   memory_order_release);
          else if (expected != msgid)
            continue;
          return t;
        }
    }
  return search (c, msgid);     /* the table is full here: still right */
}

/* Language tags *******************************************************/

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
to_lower (char c)
{
  static const char lower[] = "abcdefghijklmnopqrstuvwxyz";

  if (c >= 'A' && c <= 'Z')
    return lower[c - 'A'];
  return c;
}

static char
to_upper (char c)
{
  static const char upper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  if (c >= 'a' && c <= 'z')
    return upper[c - 'a'];
  return c;
}

/* Where a language usually lives when the tag names no region: "zh" is
   Chinese as written in China, "pt" the Portuguese of Brazil (the
   catalogs are zh_CN and pt_BR). */
static const struct
{
  const char *language, *region;
} default_regions[] = {
  { "en", "US" }, { "pt", "BR" }, { "zh", "CN" },
};

/* The catalog names to try for TAG, most specific first, as gettext tries
   them for a locale name: "zh-Hant-TW" -> "zh_TW", "zh"; "pt-BR" ->
   "pt_BR", "pt"; "de_AT.UTF-8" -> "de_AT", "de"; "sr-RS@latin" ->
   "sr_RS@latin", "sr@latin", "sr_RS", "sr".  A script subtag of Chinese
   names its usual region (Hans: CN, Hant: TW).  Returns how many (0 for a
   malformed tag, and for "C" and "POSIX": the built-in English). */
static int
catalog_names (const char *tag, char names[4][SMTPREPLY__CATALOG_NAME])
{
  char language[4] = "", region[3] = "", modifier[12] = "";
  size_t n = 0, i;
  int count = 0;

  while (is_alpha (tag[n]))
    n++;
  if (n < 2 || n > 3)
    return 0;
  for (i = 0; i < n; i++)
    language[i] = to_lower (tag[i]);
  tag += n;
  while (*tag == '-' || *tag == '_')
    {
      tag++;
      for (n = 0; is_alnum (tag[n]); n++)
        ;
      if (n == 4 && region[0] == '\0')
        {
          if (strcmp (language, "zh") == 0)
            memcpy (region, to_lower (tag[3]) == 's' ? "CN" : "TW", 3);
        }
      else if (n == 2 && is_alpha (tag[0]) && is_alpha (tag[1]))
        {
          region[0] = to_upper (tag[0]);
          region[1] = to_upper (tag[1]);
          region[2] = '\0';
        }
      else if (n != 3)          /* 3: a UN M.49 region ("es-419") */
        return 0;
      tag += n;
    }
  if (*tag == '.')              /* a codeset: the catalogs are UTF-8 */
    for (tag++; is_alnum (*tag) || *tag == '-' || *tag == '_'; tag++)
      ;
  if (*tag == '@')
    {
      for (n = 0; is_alnum (tag[1 + n]); n++)
        ;
      if (n == 0 || n >= sizeof modifier)
        return 0;
      memcpy (modifier, tag + 1, n);
      modifier[n] = '\0';
      tag += 1 + n;
    }
  if (*tag != '\0')
    return 0;
  for (i = 0; region[0] == '\0' && i < sizeof default_regions
                                       / sizeof default_regions[0]; i++)
    if (strcmp (language, default_regions[i].language) == 0)
      memcpy (region, default_regions[i].region, 3);
  if (region[0] != '\0' && modifier[0] != '\0')
    snprintf (names[count++], SMTPREPLY__CATALOG_NAME, "%s_%s@%s", language, region,
              modifier);
  if (modifier[0] != '\0')
    snprintf (names[count++], SMTPREPLY__CATALOG_NAME, "%s@%s", language, modifier);
  if (region[0] != '\0')
    snprintf (names[count++], SMTPREPLY__CATALOG_NAME, "%s_%s", language, region);
  snprintf (names[count++], SMTPREPLY__CATALOG_NAME, "%s", language);
  return count;
}

/* Loading ***************************************************************/

static struct smtpreply__catalog *
find_loaded (const char *name)
{
  size_t count = atomic_load_explicit (&reserved, memory_order_acquire), i;

  if (count > SMTPREPLY__CATALOGS)
    count = SMTPREPLY__CATALOGS;
  for (i = 0; i < count; i++)
    {
      struct smtpreply__catalog *c
        = atomic_load_explicit (&catalogs[i], memory_order_acquire);

      if (c != NULL && atomic_load_explicit (&c->ready, memory_order_acquire)
          && strcmp (c->name, name) == 0)
        return c;
    }
  return NULL;
}

/* The catalog in DIR for NAME, read now; NULL when there is none (or it is
   not a catalog we can read). */
static struct smtpreply__catalog *
load (const char *dir, const char *name)
{
  char path[4096];
  struct smtpreply__catalog *c;
  struct stat st;
  void *map;
  int fd;

  if ((size_t) snprintf (path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir,
                         name, SMTPREPLY_TEXT_DOMAIN) >= sizeof path)
    return NULL;
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size <= 0)
    {
      close (fd);
      return NULL;
    }
  map = mmap (NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close (fd);
  if (map == MAP_FAILED)
    return NULL;
  /* Mapped, not allocated: see unload_catalogs. */
  c = mmap (NULL, sizeof *c, PROT_READ | PROT_WRITE,
            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (c == MAP_FAILED || read_header (c, map, (size_t) st.st_size) != 0)
    {
      if (c != MAP_FAILED)
        munmap (c, sizeof *c);
      munmap (map, (size_t) st.st_size);
      return NULL;
    }
  snprintf (c->name, sizeof c->name, "%s", name);
  return c;
}

static void
discard (struct smtpreply__catalog *c)
{
  munmap ((void *) c->map, c->size);
  munmap (c, sizeof *c);
}

/* Publishes C in a free entry, unless another thread published the same
   catalog meanwhile (then C is discarded) or the table is full (then C is
   discarded too, and the caller uses English: a catalog that is not kept
   would have to be read again, and leak, on each call).  Returns the
   catalog to use, or NULL. */
static struct smtpreply__catalog *
publish (struct smtpreply__catalog *c)
{
  struct smtpreply__catalog *other = find_loaded (c->name);
  size_t i;

  if (other != NULL)
    {
      discard (c);
      return other;
    }
  i = atomic_fetch_add (&reserved, 1);
  if (i >= SMTPREPLY__CATALOGS)
    {
      discard (c);
      return NULL;
    }
  atomic_store_explicit (&c->ready, 1, memory_order_relaxed);
  atomic_store_explicit (&catalogs[i], c, memory_order_release);
  return c;
}

/* Where the domain is bound: bindtextdomain's answer.  Asking takes
   gettext's own lock (as a writer, in glibc), which the plain lookups of
   other threads take as readers, and which a child forked while another
   thread held it would wait on for ever.  So the answer is kept with the
   value of gettext's change counter (_nl_msg_cat_cntr: it moves when a
   binding changes or a catalog is loaded) at the time it was asked, and
   asked again only when the counter has moved.  The kept answer is a
   sequence lock that a writer only tries to take: no thread ever waits. */
#if defined ENABLE_NLS && defined HAVE_NL_MSG_CAT_CNTR
/* glibc's (and GNU libintl's) own name, which is reserved for them. */
extern int _nl_msg_cat_cntr; /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */

static atomic_uint dir_sequence;        /* odd while being written */
static _Atomic (const char *) dir_kept;
static atomic_int dir_counter;

/* Every access is sequentially consistent (no fences, which
   ThreadSanitizer does not model): a reader that sees the same even
   sequence before and after reading both fields read one writer's pair.
   This runs only when a thread meets a tag it has not met before, not on
   lookups. */
static const char *
bound_directory (void)
{
  int counter = *(volatile int *) &_nl_msg_cat_cntr;
  unsigned seq = atomic_load (&dir_sequence);
  const char *dir;

  if ((seq & 1) == 0)
    {
      int kept_counter;

      dir = atomic_load (&dir_kept);
      kept_counter = atomic_load (&dir_counter);
      if (atomic_load (&dir_sequence) == seq && dir != NULL
          && kept_counter == counter)
        return dir;
    }
  dir = bindtextdomain (SMTPREPLY_TEXT_DOMAIN, NULL);
  if (dir != NULL && (seq & 1) == 0
      && atomic_compare_exchange_strong (&dir_sequence, &seq, seq + 1))
    {
      atomic_store (&dir_kept, dir);
      atomic_store (&dir_counter, counter);
      atomic_store (&dir_sequence, seq + 2);
    }
  return dir;
}
#elif defined ENABLE_NLS
static const char *
bound_directory (void)
{
  return bindtextdomain (SMTPREPLY_TEXT_DOMAIN, NULL);
}
#else
static const char *
bound_directory (void)
{
  return NULL;
}
#endif

const struct smtpreply__catalog *
smtpreply__catalog_for_tag (const char *tag)
{
  char names[4][SMTPREPLY__CATALOG_NAME];
  int count, i;
  const char *dir;

  if (tag == NULL || atomic_load (&smtpreply__catalogs_finished))
    return smtpreply__english;
  count = catalog_names (tag, names);
  for (i = 0; i < count; i++)
    {
      struct smtpreply__catalog *c = find_loaded (names[i]);

      if (c != NULL)
        return c;
    }
  if (count == 0)
    return smtpreply__english;
  if (!atomic_load_explicit (&smtpreply__domain_bound, memory_order_acquire))
    smtpreply__bind_once ();
  dir = bound_directory ();
  if (dir == NULL)
    dir = LOCALEDIR;
  for (i = 0; i < count; i++)
    {
      struct smtpreply__catalog *c = load (dir, names[i]);

      if (c != NULL)
        {
          c = publish (c);
          return c != NULL ? c : smtpreply__english;
        }
    }
  return smtpreply__english;
}

/* When the library is unloaded (or the program ends), later calls get
   the built-in English and nothing is loaded again: another library's
   destructor, or a thread still running at exit, may call us after this.
   The catalogs stay mapped, for a thread that is inside a lookup at that
   moment; they are mappings, not heap blocks, so valgrind and dlclose see
   no leak, and the process is ending (a dlclose'd library leaves them to
   the process: a few hundred KB at most). */
#ifdef __GNUC__
static void unload_catalogs (void) __attribute__ ((__destructor__));

static void
unload_catalogs (void)
{
  atomic_store (&smtpreply__catalogs_finished, 1);
}
#endif
