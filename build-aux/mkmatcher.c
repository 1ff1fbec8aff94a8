/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* mkmatcher: writes the phrase automaton of src/evidence.def as C tables.
 *
 *   mkmatcher [--every N] NAME > FILE.c
 *
 * It runs at build time (Makefile.am); its output is never committed.  It
 * reads the PHRASE, HINT and MARKER entries of evidence.def (compiled in:
 * the file is X-macros), normalizes each text as the library normalizes a
 * reply (ASCII letters in lower case, every other ASCII byte a separator,
 * runs of separators one, other bytes kept), builds the Aho-Corasick trie,
 * resolves every failure transition into a deterministic automaton, merges
 * the bytes that the automaton cannot tell apart into one column, and
 * writes "const struct smtpreply__matcher NAME".  --every N keeps one
 * phrase in N (for the benchmark that shows the cost does not grow with
 * the table).
 *
 * A phrase matches whole words: it must start and end at a word boundary,
 * unless it starts or ends with "*" (a word prefix "throttl*", a word
 * suffix "*spam"), or with a byte outside ASCII (Chinese and Japanese have
 * no separators between words).
 */

#include <smtpreply.h>

#include "matcher.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The evidence, in the file's order. */
enum
{
#define PROVIDER(id, name) PROVIDER_##id,
#include "evidence.def"
  PROVIDER_COUNT
};

_Static_assert (PROVIDER_COUNT <= 32, "providers are a 32-bit mask");

enum { CLASS_ANY = 0, CLASS_TRANSIENT = 4, CLASS_PERMANENT = 5 };

struct phrase
{
  int reason, cls;
  const char *text;
};

static const struct phrase strong_phrases[] = {
#define PHRASE(reason, cls, text, source) \
  { SMTPREPLY_REASON_##reason, CLASS_##cls, text },
#include "evidence.def"
};

static const struct phrase hint_phrases[] = {
#define HINT(reason, cls, text, source) \
  { SMTPREPLY_REASON_##reason, CLASS_##cls, text },
#include "evidence.def"
};

static const struct
{
  int provider;
  const char *text;
} markers[] = {
#define MARKER(id, text, source) { PROVIDER_##id, text },
#include "evidence.def"
};

#define N_ELEMENTS(a) (sizeof (a) / sizeof (a)[0])
#define SEP ' '

/* The trie ************************************************************/

struct node
{
  int child[256];
  int fail;
  unsigned char via;            /* the symbol of the edge into it */
  struct smtpreply__match_output out;
};

static struct node *nodes;
static size_t nnodes, cap;

static void
die (const char *what, const char *detail)
{
  fprintf (stderr, "mkmatcher: %s%s%s\n", what, detail ? ": " : "",
           detail ? detail : "");
  exit (1);
}

static int
new_node (unsigned char via)
{
  struct node *n;

  if (nnodes == cap)
    {
      cap = cap ? cap * 2 : 4096;
      nodes = realloc (nodes, cap * sizeof *nodes);
      if (nodes == NULL)
        die ("out of memory", NULL);
    }
  n = &nodes[nnodes];
  memset (n->child, -1, sizeof n->child);
  n->fail = 0;
  n->via = via;
  n->out.strong[0] = n->out.strong[1] = SMTPREPLY__NO_MATCH;
  n->out.hint[0] = n->out.hint[1] = SMTPREPLY__NO_MATCH;
  n->out.providers = 0;
  return (int) nnodes++;
}

/* The normalized symbol of a byte: what the library's scan sees. */
static unsigned char
normalize (unsigned char c)
{
  if (c >= 'A' && c <= 'Z')
    return (unsigned char) (c - 'A' + 'a');
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
    return c;
  return SEP;
}

static int
is_word (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Normalizes TEXT into OUT (with the boundaries a whole-word match needs);
   returns its length. */
static size_t
normalize_phrase (const char *text, unsigned char *out, size_t size)
{
  size_t len = strlen (text), n = 0, i;
  int open_start = 0, open_end = 0;

  if (len > 0 && text[0] == '*')
    open_start = 1, text++, len--;
  if (len > 0 && text[len - 1] == '*')
    open_end = 1, len--;
  if (len == 0)
    die ("an empty phrase", NULL);
  if (len + 3 > size)
    die ("a phrase is too long", text);
  for (i = 0; i < len; i++)
    {
      unsigned char c = normalize ((unsigned char) text[i]);

      if (c == SEP && (n == 0 || out[n - 1] == SEP))
        continue;
      out[n++] = c;
    }
  if (n > 0 && out[n - 1] == SEP)
    n--;
  if (n == 0)
    die ("a phrase has no word", text);
  if (!open_start && is_word (out[0]))
    {
      memmove (out + 1, out, n);
      out[0] = SEP;
      n++;
    }
  if (!open_end && is_word (out[n - 1]))
    out[n++] = SEP;
  return n;
}

static int
insert (const char *text)
{
  unsigned char sym[512];
  size_t len = normalize_phrase (text, sym, sizeof sym), i;
  int s = 0;

  for (i = 0; i < len; i++)
    {
      if (nodes[s].child[sym[i]] < 0)
        {
          int t = new_node (sym[i]);

          nodes[s].child[sym[i]] = t;
        }
      s = nodes[s].child[sym[i]];
    }
  return s;
}

static void
keep_rank (uint16_t best[2], int cls, unsigned rank)
{
  if (cls != CLASS_PERMANENT && rank < best[0])
    best[0] = (uint16_t) rank;
  if (cls != CLASS_TRANSIENT && rank < best[1])
    best[1] = (uint16_t) rank;
}

static void
merge_output (struct smtpreply__match_output *to,
              const struct smtpreply__match_output *from)
{
  int k;

  for (k = 0; k < 2; k++)
    {
      if (from->strong[k] < to->strong[k])
        to->strong[k] = from->strong[k];
      if (from->hint[k] < to->hint[k])
        to->hint[k] = from->hint[k];
    }
  to->providers |= from->providers;
}

static int
has_output (const struct smtpreply__match_output *o)
{
  return o->strong[0] != SMTPREPLY__NO_MATCH
         || o->strong[1] != SMTPREPLY__NO_MATCH
         || o->hint[0] != SMTPREPLY__NO_MATCH
         || o->hint[1] != SMTPREPLY__NO_MATCH || o->providers != 0;
}

/* The automaton *********************************************************/

static int *delta;              /* [state * 256 + symbol] */
static int *bfs_order;          /* the states, breadth first */

/* Breadth-first: failure links, the outputs of suffixes, and every
   transition resolved. */
static void
build_automaton (void)
{
  int *queue = malloc (nnodes * sizeof *queue);
  size_t head = 0, tail = 0, c;

  delta = malloc (nnodes * 256 * sizeof *delta);
  if (queue == NULL || delta == NULL)
    die ("out of memory", NULL);
  queue[tail++] = 0;
  head = 1;
  for (c = 0; c < 256; c++)
    {
      int t = nodes[0].child[c];

      delta[c] = t < 0 ? 0 : t;
      if (t >= 0)
        {
          nodes[t].fail = 0;
          queue[tail++] = t;
        }
    }
  while (head < tail)
    {
      int s = queue[head++];

      merge_output (&nodes[s].out, &nodes[nodes[s].fail].out);
      for (c = 0; c < 256; c++)
        {
          int t = nodes[s].child[c];

          if (t < 0)
            delta[(size_t) s * 256 + c] = delta[(size_t) nodes[s].fail * 256 + c];
          else
            {
              nodes[t].fail = delta[(size_t) nodes[s].fail * 256 + c];
              delta[(size_t) s * 256 + c] = t;
              queue[tail++] = t;
            }
        }
    }
  /* A separator after a separator does not occur in normalized text: the
     scan does not collapse runs itself, the automaton stays put. */
  for (c = 1; c < nnodes; c++)
    if (nodes[c].via == SEP)
      delta[c * 256 + SEP] = (int) c;
  bfs_order = queue;
}

/* Output *****************************************************************/

static int *new_id;             /* renumbering: states with output last */
static unsigned first_output;

/* Breadth first, so the states near the root, where a scan spends most of
   its time, share the first rows of the table and stay in the cache; the
   states with output (ends of phrases, deep) last, so one comparison tells
   them. */
static void
renumber (void)
{
  size_t i;
  unsigned id = 0;

  new_id = malloc (nnodes * sizeof *new_id);
  if (new_id == NULL)
    die ("out of memory", NULL);
  for (i = 0; i < nnodes; i++)
    if (!has_output (&nodes[bfs_order[i]].out))
      new_id[bfs_order[i]] = (int) id++;
  first_output = id;
  for (i = 0; i < nnodes; i++)
    if (has_output (&nodes[bfs_order[i]].out))
      new_id[bfs_order[i]] = (int) id++;
  if (new_id[0] != 0)
    die ("the root has output", NULL);
  if (nnodes > 65535)
    die ("too many states for 16 bits", NULL);
}

/* Columns: normalized symbols whose transitions are the same everywhere
   share one. */
static int column_of[256];
static int column_symbol[256];
static int ncolumns;

static int
same_column (int a, int b)
{
  size_t s;

  for (s = 0; s < nnodes; s++)
    if (delta[s * 256 + (size_t) a] != delta[s * 256 + (size_t) b])
      return 0;
  return 1;
}

static void
make_columns (void)
{
  int c, k;

  for (c = 0; c < 256; c++)
    {
      for (k = 0; k < ncolumns; k++)
        if (same_column (c, column_symbol[k]))
          break;
      if (k == ncolumns)
        column_symbol[ncolumns++] = c;
      column_of[c] = k;
    }
}

static void
write_tables (const char *name, unsigned every)
{
  size_t s, i;
  int c, k;
  int *old_of = malloc (nnodes * sizeof *old_of);

  if (old_of == NULL)
    die ("out of memory", NULL);
  for (s = 0; s < nnodes; s++)
    old_of[new_id[s]] = (int) s;

  printf ("/* Generated by build-aux/mkmatcher from src/evidence.def%s:\n"
          "   do not edit.  %zu states, %d columns. */\n\n"
          "#include <config.h>\n\n#include \"matcher.h\"\n\n",
          every > 1 ? " (one phrase in N)" : "", nnodes, ncolumns);

  printf ("static const unsigned char byte_class[256] = {");
  for (c = 0; c < 256; c++)
    printf ("%s%d,", c % 16 ? " " : "\n  ", column_of[normalize ((unsigned char) c)]);
  printf ("\n};\n\n");



  /* Each entry is the next state's row offset (state x columns): the scan
     adds the column and loads, with no multiplication in its one
     dependency chain. */
  printf ("static const uint32_t next[%zu] = {", nnodes * (size_t) ncolumns);
  for (i = 0; i < nnodes; i++)
    {
      s = (size_t) old_of[i];
      for (k = 0; k < ncolumns; k++)
        printf ("%s%lu,", k % 12 ? " " : "\n  ",
                (unsigned long) new_id[delta[s * 256 + (size_t) column_symbol[k]]]
                * (unsigned long) ncolumns);
    }
  printf ("\n};\n\n");

  printf ("static const struct smtpreply__match_output output[%zu] = {\n",
          nnodes - first_output + (nnodes == first_output));
  for (i = first_output; i < nnodes; i++)
    {
      const struct smtpreply__match_output *o = &nodes[old_of[i]].out;

      printf ("  { { %u, %u }, { %u, %u }, 0x%lxu },\n", o->strong[0],
              o->strong[1], o->hint[0], o->hint[1],
              (unsigned long) o->providers);
    }
  if (nnodes == first_output)
    printf ("  { { 0, 0 }, { 0, 0 }, 0 }\n");
  printf ("};\n\n");

  printf ("static const unsigned char strong_reason[] = {");
  for (i = 0; i < N_ELEMENTS (strong_phrases); i += every)
    printf ("%s%d,", (i / every) % 16 ? " " : "\n  ", strong_phrases[i].reason);
  printf ("\n};\n\nstatic const unsigned char hint_reason[] = {");
  for (i = 0; i < N_ELEMENTS (hint_phrases); i += every)
    printf ("%s%d,", (i / every) % 16 ? " " : "\n  ", hint_phrases[i].reason);
  printf ("\n};\n\n");

  printf ("const struct smtpreply__matcher %s = {\n"
          "  byte_class, %d, %zu, %u, %d, next, output,\n"
          "  strong_reason, hint_reason,\n"
          "  sizeof strong_reason, sizeof hint_reason\n};\n",
          name, ncolumns, nnodes, first_output, column_of[SEP]);
  free (old_of);
}

int
main (int argc, char **argv)
{
  unsigned every = 1;
  const char *name;
  size_t i;

  if (argc == 4 && strcmp (argv[1], "--every") == 0)
    {
      char *end;
      long n = strtol (argv[2], &end, 10);

      every = *end == '\0' && n > 0 && n < 1000 ? (unsigned) n : 0;
      argv += 2;
      argc -= 2;
    }
  if (argc != 2 || every == 0)
    die ("usage: mkmatcher [--every N] NAME > FILE.c", NULL);
  name = argv[1];

  /* insert () may move NODES: take the index before indexing. */
  new_node (0);
  for (i = 0; i < N_ELEMENTS (strong_phrases); i += every)
    {
      int s = insert (strong_phrases[i].text);

      keep_rank (nodes[s].out.strong, strong_phrases[i].cls,
                 (unsigned) (i / every));
    }
  for (i = 0; i < N_ELEMENTS (hint_phrases); i += every)
    {
      int s = insert (hint_phrases[i].text);

      keep_rank (nodes[s].out.hint, hint_phrases[i].cls,
                 (unsigned) (i / every));
    }
  for (i = 0; i < N_ELEMENTS (markers); i += every)
    {
      int s = insert (markers[i].text);

      nodes[s].out.providers |= UINT32_C (1) << markers[i].provider;
    }
  if (N_ELEMENTS (strong_phrases) >= SMTPREPLY__NO_MATCH
      || N_ELEMENTS (hint_phrases) >= SMTPREPLY__NO_MATCH)
    die ("too many phrases for 16-bit ranks", NULL);

  build_automaton ();
  renumber ();
  make_columns ();
  write_tables (name, every);
  if (fflush (stdout) != 0 || ferror (stdout))
    die ("write error", NULL);
  return 0;
}
