/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench.c: what libsmtpreply costs, against baselines measured in the same
 * run (the machines are shared and noisy, so only ratios are compared).
 *
 *   make bench                 builds and runs it on the build tree's catalogs
 *
 * For the C, en_US.UTF-8 and zh_CN.UTF-8 locales: ns per call of the
 * lookups and of the baselines strerror (EINVAL) and a raw dgettext of one
 * of the library's messages, with each ratio to the raw dgettext; parse
 * throughput against a memchr line scan of the same buffer; the first call
 * in a fresh process; heap allocations per call on every lookup and parse
 * path, counted by replacing malloc in this program; why replies failed:
 * parse + reason against parse alone on tests/data/reasons.tsv, and the
 * phrase automaton with the whole of evidence.def against a tenth of it;
 * delivery reports read and explained against a copy and line count of
 * the same messages.
 *
 *   bench/smtpreply-bench --mbox CLI MEGABYTES DATADIR
 *                              an mbox that large through smtpreply --bounce:
 *                              its peak resident memory (make bench-mbox)
 */

/* The automaton of one phrase in ten (generated: bench/evidence-tenth.c). */
extern const struct smtpreply__matcher smtpreply__tenth_matcher;

#include <config.h>

#include <smtpreply.h>

#include "matcher.h"

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Counting allocations ***********************************************
   glibc lets a program replace malloc; its own internal allocations (those
   of gettext included) then come here too. */

extern void *__libc_malloc (size_t);
extern void *__libc_calloc (size_t, size_t);
extern void *__libc_realloc (void *, size_t);
extern void *__libc_memalign (size_t, size_t);
extern void __libc_free (void *);

static atomic_long allocations;

void *
malloc (size_t n)
{
  atomic_fetch_add_explicit (&allocations, 1, memory_order_relaxed);
  return __libc_malloc (n);
}

void *
calloc (size_t n, size_t size)
{
  atomic_fetch_add_explicit (&allocations, 1, memory_order_relaxed);
  return __libc_calloc (n, size);
}

void *
realloc (void *p, size_t n)
{
  atomic_fetch_add_explicit (&allocations, 1, memory_order_relaxed);
  return __libc_realloc (p, n);
}

void *memalign (size_t align, size_t n);

void *
memalign (size_t align, size_t n)
{
  atomic_fetch_add_explicit (&allocations, 1, memory_order_relaxed);
  return __libc_memalign (align, n);
}

void *
aligned_alloc (size_t align, size_t n)
{
  return memalign (align, n);
}

int
posix_memalign (void **p, size_t align, size_t n)
{
  *p = memalign (align, n);
  return *p != NULL ? 0 : ENOMEM;
}

void
free (void *p)
{
  __libc_free (p);
}

/* Timing *************************************************************/

static double
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Every lookup is measured through the same loop: a call through a pointer
   with an int argument, the result kept. */
typedef const char *lookup_fn (int);

static const char *volatile sink;

static double
ns_per_call (lookup_fn *fn, int arg, long iterations)
{
  double start = now_ns ();
  long i;

  for (i = 0; i < iterations; i++)
    sink = fn (arg);
  return (now_ns () - start) / (double) iterations;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

#define ROUNDS 15

struct measure
{
  double ns;                    /* ns per call, fastest round */
  double ratio;                 /* to BASE's fastest round */
};

/* Measures FN against BASE, alternating them ROUNDS times.  Other work on
   the machine only ever adds time, so each one's fastest round is its
   truest figure. */
static struct measure
measure (lookup_fn *fn, int arg, lookup_fn *base, int base_arg)
{
  double ns[ROUNDS], base_ns[ROUNDS];
  long iterations = 20000;
  struct measure m;
  int r;

  /* Warm up, and size the rounds to about 10 ms each. */
  while (ns_per_call (base, base_arg, iterations) * iterations < 1e7)
    iterations *= 2;
  for (r = 0; r < ROUNDS; r++)
    {
      base_ns[r] = ns_per_call (base, base_arg, iterations);
      ns[r] = ns_per_call (fn, arg, iterations);
    }
  qsort (ns, ROUNDS, sizeof ns[0], compare_doubles);
  qsort (base_ns, ROUNDS, sizeof base_ns[0], compare_doubles);
  m.ns = ns[0];
  m.ratio = ns[0] / base_ns[0];
  return m;
}

/* What is measured *************************************************/

#define MSGID_550 "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)"

static locale_t current_loc;
static const char *current_tag;
static const char *current_msgid = MSGID_550;

/* The baseline: gettext's own lookup of the message the measured call
   returns (the cost of a lookup depends on the message). */
static const char *
raw_dgettext (int unused)
{
  (void) unused;
  return dgettext (SMTPREPLY_TEXT_DOMAIN, current_msgid);
}

/* What a per-call locale costs by itself: dgettext between two uselocale
   calls, the least any _l lookup must do. */
static const char *
raw_dgettext_uselocale (int unused)
{
  locale_t previous = uselocale (current_loc);
  const char *s = dgettext (SMTPREPLY_TEXT_DOMAIN, current_msgid);

  (void) unused;
  uselocale (previous);
  return s;
}

static const char *
raw_strerror (int errnum)
{
  return strerror (errnum);
}

static const char *
describe (int code)
{
  return smtpreply_describe (code);
}

static const char *
describe_enhanced (int detail)
{
  return smtpreply_describe_enhanced (5, 1, detail);
}

static const char *
describe_ctx (int code)
{
  return smtpreply_describe_ctx (code, SMTPREPLY_CTX_RCPT);
}

static const char *
describe_l (int code)
{
  return smtpreply_describe_l (code, current_loc);
}

static const char *
describe_enhanced_l (int detail)
{
  return smtpreply_describe_enhanced_l (5, 1, detail, current_loc);
}

static const char *
describe_lang (int code)
{
  return smtpreply_describe_lang (code, current_tag);
}

static const char *
describe_enhanced_lang (int detail)
{
  return smtpreply_describe_enhanced_lang (5, 1, detail, current_tag);
}

static const char *
advice (int code)
{
  return smtpreply_advice (code);
}

static const char *
advice_enhanced (int detail)
{
  return smtpreply_advice_enhanced (5, 2, detail);
}

static const char *
advice_lang (int code)
{
  return smtpreply_advice_lang (code, current_tag);
}

static const char *
strerror_parse (int status)
{
  return smtpreply_strerror (status);
}

static char r_buf[64];

static const char *
describe_r (int code)
{
  smtpreply_describe_r (code, r_buf, sizeof r_buf);
  return r_buf;
}

static struct smtpreply_reply explain_reply;

static const char *
explain (int ctx)
{
  struct smtpreply_explanation x;

  smtpreply_explain (&explain_reply, (enum smtpreply_context) ctx, &x);
  return x.headline;
}

/* explain_lang against the raw dgettext calls of the messages it returns
   (its description, enhanced description and advice, and its headline when
   that is another one): what an explanation costs gettext. */
static const char *explained_msgids[4];
static size_t n_explained_msgids;

static const char *
explain_lang (int ctx)
{
  struct smtpreply_explanation x;

  smtpreply_explain_lang (&explain_reply, (enum smtpreply_context) ctx, &x,
                          current_tag);
  return x.headline;
}

static const char *
raw_dgettext_explained (int unused)
{
  const char *s = NULL;
  size_t i;

  (void) unused;
  for (i = 0; i < n_explained_msgids; i++)
    s = dgettext (SMTPREPLY_TEXT_DOMAIN, explained_msgids[i]);
  return s;
}

static void
set_explained_msgids (void)
{
  struct smtpreply_explanation x;
  const char *found[4];
  size_t i, j;

  /* Where no catalog applies the messages are their msgids. */
  smtpreply_explain_lang (&explain_reply, SMTPREPLY_CTX_RCPT, &x, "C");
  found[0] = x.description;
  found[1] = x.enhanced_description;
  found[2] = x.advice;
  found[3] = x.headline;
  n_explained_msgids = 0;
  for (i = 0; i < 4; i++)
    {
      for (j = 0; j < n_explained_msgids; j++)
        if (found[i] == NULL || strcmp (found[i], explained_msgids[j]) == 0)
          break;
      if (found[i] != NULL && j == n_explained_msgids)
        explained_msgids[n_explained_msgids++] = found[i];
    }
}

static const struct
{
  const char *name;
  lookup_fn *fn;
  int arg;
} lookups[] = {
  { "describe (550, known)", describe, 550 },
  { "describe (559, unlisted)", describe, 559 },
  { "describe (1000, invalid)", describe, 1000 },
  { "describe_enhanced (5.1.1)", describe_enhanced, 1 },
  { "describe_ctx (552, RCPT)", describe_ctx, 552 },
  { "describe_l (550)", describe_l, 550 },
  { "describe_enhanced_l (5.1.1)", describe_enhanced_l, 1 },
  { "describe_lang (550)", describe_lang, 550 },
  { "describe_enhanced_lang (5.1.1)", describe_enhanced_lang, 1 },
  { "strerror (PARSE_TRUNCATED)", strerror_parse, SMTPREPLY_PARSE_TRUNCATED },
  { "advice (550)", advice, 550 },
  { "advice_enhanced (5.2.2)", advice_enhanced, 2 },
  { "advice_lang (550)", advice_lang, 550 },
};

static const struct
{
  const char *locale;
  const char *tag;
} locales[] = {
  { "C", "C" },
  { "en_US.UTF-8", "en_US" },
  { "zh_CN.UTF-8", "zh_CN" },
};

/* The message FN looks up: what it returns in the C locale, where gettext
   hands back the msgid itself. */
static const char *
msgid_of (lookup_fn *fn, int arg)
{
  locale_t c = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  locale_t saved_loc = current_loc, previous = uselocale (c);
  const char *saved_tag = current_tag, *msgid;

  current_loc = c;
  current_tag = "C";
  msgid = fn (arg);
  current_loc = saved_loc;
  current_tag = saved_tag;
  uselocale (previous);
  freelocale (c);
  return msgid;
}

static void
bench_lookups (void)
{
  size_t l, i;

  for (l = 0; l < sizeof locales / sizeof locales[0]; l++)
    {
      struct measure m;

      if (setlocale (LC_ALL, locales[l].locale) == NULL)
        {
          printf ("\n%s: not installed, skipped\n", locales[l].locale);
          continue;
        }
      current_loc = newlocale (LC_ALL_MASK, locales[l].locale, (locale_t) 0);
      current_tag = locales[l].tag;
      printf ("\nLocale %s (fastest of %d rounds; ratio to a raw dgettext of"
              " the same message)\n", locales[l].locale, ROUNDS);
      printf ("  %-34s %9s %7s\n", "call", "ns/call", "ratio");
      current_msgid = MSGID_550;
      m = measure (raw_dgettext, 0, raw_dgettext, 0);
      printf ("  %-34s %9.1f %7.3f\n", "raw dgettext (baseline)", m.ns, m.ratio);
      m = measure (raw_strerror, EINVAL, raw_dgettext, 0);
      printf ("  %-34s %9.1f %7.3f\n", "strerror (EINVAL)", m.ns, m.ratio);
      m = measure (raw_dgettext_uselocale, 0, raw_dgettext, 0);
      printf ("  %-34s %9.1f %7.3f\n", "uselocale+dgettext+uselocale", m.ns,
              m.ratio);
      for (i = 0; i < sizeof lookups / sizeof lookups[0]; i++)
        {
          current_msgid = msgid_of (lookups[i].fn, lookups[i].arg);
          m = measure (lookups[i].fn, lookups[i].arg, raw_dgettext, 0);
          printf ("  %-34s %9.1f %7.3f%s\n", lookups[i].name, m.ns, m.ratio,
                  m.ratio > 1.05 ? "  over 1.05" : "");
        }
      set_explained_msgids ();
      m = measure (raw_dgettext_explained, 0, raw_dgettext_explained, 0);
      printf ("  %-34s %9.1f %7.3f\n", "raw dgettext x the explanation's",
              m.ns, m.ratio);
      m = measure (explain_lang, SMTPREPLY_CTX_RCPT, raw_dgettext_explained, 0);
      printf ("  %-34s %9.1f %7.3f  (to the line above; %zu messages)\n",
              "explain_lang (550 5.1.1, RCPT)", m.ns, m.ratio,
              n_explained_msgids);
      freelocale (current_loc);
    }
  setlocale (LC_ALL, "C");
}

/* Parsing **********************************************************/

static char *
read_file (const char *path, size_t *len)
{
  FILE *f = fopen (path, "rb");
  char *buf;
  long size;

  if (f == NULL || fseek (f, 0, SEEK_END) != 0 || (size = ftell (f)) < 0)
    {
      fprintf (stderr, "bench: cannot read %s\n", path);
      exit (1);
    }
  rewind (f);
  buf = malloc ((size_t) size);
  *len = fread (buf, 1, (size_t) size, f);
  fclose (f);
  return buf;
}

static const char *const data_files[] = {
  "gmail-550-5.1.1.txt", "gmail-421-4.7.0.txt", "gmail-550-5.7.26.txt",
  "gmail-552-5.2.2.txt", "gmail-535-5.7.8.txt", "gmail-ehlo.txt",
  "gmail-auth-334.txt", "m365-550-5.1.10.txt", "m365-451-4.7.500.txt",
  "m365-550-5.7.606.txt", "m365-530-5.7.57.txt", "yahoo-421-4.7.0.txt",
  "yahoo-554-5.7.9.txt", "yahoo-552-1.txt", "postfix-550-5.1.1.txt",
  "postfix-554-5.7.1-relay.txt", "postfix-450-4.2.0-greylist.txt",
  "postfix-ehlo.txt", "postfix-552-5.3.4.txt", "postfix-session-pipelined.txt",
  "exim-greeting.txt", "exim-550-unrouteable.txt",
  "exim-550-sender-verify.txt", "exim-500-unrecognized.txt",
  "sendmail-550-5.1.1.txt", "sendmail-553-5.1.8.txt",
  "sendmail-250-queued.txt", "qq-550-mailbox.txt", "qq-550-ip-frequency.txt",
  "qq-535-login.txt", "netease-550-user.txt", "netease-554-spam.txt",
  "netease-553-auth.txt", "smtputf8-550-5.1.1-lf.txt",
};

#define CORPUS_BYTES (16u << 20)

/* At least CORPUS_BYTES of real replies, the data files over and over. */
static char *
build_corpus (const char *data_dir, size_t *len)
{
  char *corpus = malloc (CORPUS_BYTES + 65536);
  size_t used = 0, i;

  while (used < CORPUS_BYTES)
    for (i = 0; i < sizeof data_files / sizeof data_files[0]; i++)
      {
        char path[1024];
        size_t n;
        char *data;

        snprintf (path, sizeof path, "%s/%s", data_dir, data_files[i]);
        data = read_file (path, &n);
        memcpy (corpus + used, data, n);
        used += n;
        free (data);
      }
  *len = used;
  return corpus;
}

static long
parse_all (const char *buf, size_t len)
{
  struct smtpreply_reply reply;
  size_t pos = 0;
  long replies = 0;

  while (pos < len)
    {
      if (smtpreply_parse (buf + pos, len - pos, SMTPREPLY_PARSE_END_OF_INPUT,
                           &reply) != SMTPREPLY_PARSE_OK)
        {
          fprintf (stderr, "bench: the corpus does not parse at %zu\n", pos);
          exit (1);
        }
      pos += reply.consumed;
      replies++;
    }
  return replies;
}

static long
memchr_lines (const char *buf, size_t len)
{
  const char *p = buf, *end = buf + len;
  long lines = 0;

  while ((p = memchr (p, '\n', (size_t) (end - p))) != NULL)
    {
      p++;
      lines++;
    }
  return lines;
}

static void
bench_parse (const char *data_dir)
{
  double parse_ns[ROUNDS], scan_ns[ROUNDS], ratios[ROUNDS];
  size_t len;
  char *corpus = build_corpus (data_dir, &len);
  long replies = 0, lines = 0;
  int r;

  for (r = 0; r < ROUNDS; r++)
    {
      double t = now_ns ();

      lines = memchr_lines (corpus, len);
      scan_ns[r] = now_ns () - t;
      t = now_ns ();
      replies = parse_all (corpus, len);
      parse_ns[r] = now_ns () - t;
      ratios[r] = parse_ns[r] / scan_ns[r];
    }
  qsort (parse_ns, ROUNDS, sizeof (double), compare_doubles);
  qsort (scan_ns, ROUNDS, sizeof (double), compare_doubles);
  qsort (ratios, ROUNDS, sizeof (double), compare_doubles);
  printf ("\nParsing %.1f MB of real replies (%ld replies, %ld lines), one core,"
          " median of %d rounds\n", len / 1e6, replies, lines, ROUNDS);
  printf ("  smtpreply_parse:     %8.0f MB/s  %6.2f M replies/s\n",
          len / parse_ns[ROUNDS / 2] * 1e3,
          replies / parse_ns[ROUNDS / 2] * 1e3);
  printf ("  memchr line scan:    %8.0f MB/s  (baseline)\n",
          len / scan_ns[ROUNDS / 2] * 1e3);
  printf ("  time ratio to the memchr scan: %.2f\n", ratios[ROUNDS / 2]);
  free (corpus);
}

/* A reply that arrives in pieces ***********************************/

/* The largest reply there is: SMTPREPLY_MAX_LINES lines of
   SMTPREPLY_MAX_LINE_LENGTH bytes (1 MiB). */
static char *
largest_reply (size_t *len)
{
  size_t n = 0, i;
  char *buf = malloc ((size_t) SMTPREPLY_MAX_LINES * SMTPREPLY_MAX_LINE_LENGTH);

  for (i = 0; i < SMTPREPLY_MAX_LINES; i++)
    {
      memcpy (buf + n, i + 1 < SMTPREPLY_MAX_LINES ? "250-" : "250 ", 4);
      memset (buf + n + 4, 'x', SMTPREPLY_MAX_LINE_LENGTH - 6);
      memcpy (buf + n + SMTPREPLY_MAX_LINE_LENGTH - 2, "\r\n", 2);
      n += SMTPREPLY_MAX_LINE_LENGTH;
    }
  *len = n;
  return buf;
}

/* The time to parse BUF when its bytes arrive CHUNK at a time, each
   arrival parsed with smtpreply_parse_resume (RESUME) or from the start
   with smtpreply_parse. */
static double
parse_in_chunks (const char *buf, size_t len, size_t chunk, int resume)
{
  struct smtpreply_parse_state state;
  struct smtpreply_reply reply;
  double t = now_ns ();
  size_t have = 0;
  int rc = SMTPREPLY_PARSE_NEED_MORE;

  smtpreply_parse_state_init (&state);
  while (rc == SMTPREPLY_PARSE_NEED_MORE && have < len)
    {
      have = have + chunk < len ? have + chunk : len;
      rc = resume ? smtpreply_parse_resume (buf, have, 0, &state, &reply)
                  : smtpreply_parse (buf, have, 0, &reply);
    }
  t = now_ns () - t;
  if (rc != SMTPREPLY_PARSE_OK || reply.consumed != len)
    {
      fprintf (stderr, "bench: the largest reply did not parse in chunks\n");
      exit (1);
    }
  return t;
}

/* The least any caller that is handed one byte at a time does: a call
   per byte that looks at it. */
static volatile size_t arrival_sink;

static void __attribute__ ((noinline))
take_byte (const char *buf, size_t have)
{
  arrival_sink = (size_t) (unsigned char) buf[have - 1];
}

static void (*volatile take_byte_fn) (const char *, size_t) = take_byte;

static double
call_per_byte (const char *buf, size_t len)
{
  double t = now_ns ();
  size_t have;

  for (have = 1; have <= len; have++)
    take_byte_fn (buf, have);
  return now_ns () - t;
}

static double
median (double *v, size_t n)
{
  qsort (v, n, sizeof v[0], compare_doubles);
  return v[n / 2];
}

static void
bench_streaming (void)
{
  enum { STREAM_ROUNDS = 7 };
  double one[STREAM_ROUNDS], bytes1[STREAM_ROUNDS], bytes64[STREAM_ROUNDS],
         calls[STREAM_ROUNDS], ratio1[STREAM_ROUNDS], stateless64;
  size_t len;
  char *buf = largest_reply (&len);
  int r;

  for (r = 0; r < STREAM_ROUNDS; r++)
    {
      one[r] = parse_in_chunks (buf, len, len, 1);
      bytes1[r] = parse_in_chunks (buf, len, 1, 1);
      bytes64[r] = parse_in_chunks (buf, len, 64, 1);
      calls[r] = call_per_byte (buf, len);
      ratio1[r] = bytes1[r] / one[r];
    }
  /* The stateless parse re-reads the reply on every arrival: once. */
  stateless64 = parse_in_chunks (buf, len, 64, 0);
  printf ("\nThe largest reply (%zu bytes, %d lines) arriving in pieces,"
          " median of %d rounds\n", len, SMTPREPLY_MAX_LINES, STREAM_ROUNDS);
  printf ("  in one piece:                        %9.3f ms  (baseline)\n",
          median (one, STREAM_ROUNDS) / 1e6);
  printf ("  a byte at a time, parse_resume:      %9.3f ms  ratio %.2f"
          "  (target <= 3)\n", median (bytes1, STREAM_ROUNDS) / 1e6,
          median (ratio1, STREAM_ROUNDS));
  printf ("  64 bytes at a time, parse_resume:    %9.3f ms  ratio %.2f\n",
          median (bytes64, STREAM_ROUNDS) / 1e6,
          median (bytes64, STREAM_ROUNDS) / median (one, STREAM_ROUNDS));
  printf ("  64 bytes at a time, stateless parse: %9.3f ms  ratio %.0f"
          "  (once)\n", stateless64 / 1e6,
          stateless64 / median (one, STREAM_ROUNDS));
  printf ("  an empty call per byte (the floor of any byte-at-a-time"
          " caller): %.3f ms\n", median (calls, STREAM_ROUNDS) / 1e6);
  free (buf);
}

/* Language tags from outside ********************************************/

/* 100,000 distinct tags that name no catalog (an Accept-Language header
   each), through _lang: the time per call, first and last thousand, and
   what another thread's plain lookups cost meanwhile against when they
   run alone. */
#define JUNK_TAGS 100000

static atomic_int junk_running, junk_observer_stop;

struct latencies
{
  double p999, max;
  long calls;
};

static int
compare_floats (const void *a, const void *b)
{
  float x = *(const float *) a, y = *(const float *) b;

  return (x > y) - (x < y);
}

/* Plain lookups until told to stop, each timed. */
static void *
observe (void *arg)
{
  struct latencies *l = arg;
  enum { MAX_SAMPLES = 4000000 };
  float *ns = malloc (MAX_SAMPLES * sizeof *ns);
  long n = 0;

  while (!atomic_load (&junk_observer_stop) && n < MAX_SAMPLES)
    {
      double t = now_ns ();

      sink = smtpreply_describe (550);
      ns[n++] = (float) (now_ns () - t);
    }
  qsort (ns, (size_t) n, sizeof *ns, compare_floats);
  l->calls = n;
  l->p999 = n > 0 ? ns[(size_t) ((double) n * 0.999)] : 0;
  l->max = n > 0 ? ns[n - 1] : 0;
  free (ns);
  return NULL;
}

static void
junk_tag (long i, char tag[8])
{
  snprintf (tag, 8, "q%c%c-%c%c", (int) ('a' + i % 26),
            (int) ('a' + i / 26 % 26), (int) ('A' + i / 676 % 26),
            (int) ('A' + i / 17576 % 26));
}

static void
bench_junk_tags (void)
{
  struct latencies alone, during;
  pthread_t observer;
  double first = 0, last = 0, known_before, known_after;
  struct timespec pause = { 0, 300000000 };
  long i;

  setlocale (LC_ALL, "zh_CN.UTF-8");
  current_tag = "zh_CN";
  current_msgid = MSGID_550;
  known_before = measure (describe_lang, 550, raw_dgettext, 0).ratio;
  /* The other thread alone, then while the tags are tried. */
  atomic_store (&junk_observer_stop, 0);
  pthread_create (&observer, NULL, observe, &alone);
  nanosleep (&pause, NULL);
  atomic_store (&junk_observer_stop, 1);
  pthread_join (observer, NULL);
  atomic_store (&junk_observer_stop, 0);
  pthread_create (&observer, NULL, observe, &during);
  atomic_store (&junk_running, 1);
  for (i = 0; i < JUNK_TAGS; i++)
    {
      char tag[8];
      double t = now_ns ();

      junk_tag (i, tag);
      sink = smtpreply_describe_lang (550, tag);
      t = now_ns () - t;
      if (i < 1000)
        first += t;
      else if (i >= JUNK_TAGS - 1000)
        last += t;
    }
  atomic_store (&junk_observer_stop, 1);
  pthread_join (observer, NULL);
  known_after = measure (describe_lang, 550, raw_dgettext, 0).ratio;
  printf ("\n%d distinct language tags that name no catalog, through"
          " describe_lang (zh_CN.UTF-8 process)\n", JUNK_TAGS);
  printf ("  per call: first thousand %.2f us, last thousand %.2f us"
          " (ratio %.2f; 1.00: flat)\n", first / 1000 / 1e3, last / 1000 / 1e3,
          last / first);
  printf ("  another thread's describe (550): p99.9 %.2f us, max %.1f us"
          " alone (%ld calls);\n", alone.p999 / 1e3, alone.max / 1e3,
          alone.calls);
  printf ("      p99.9 %.2f us, max %.1f us during the tags (%ld calls)\n",
          during.p999 / 1e3, during.max / 1e3, during.calls);
  printf ("  describe_lang (550, zh_CN) to a raw dgettext: %.3f before,"
          " %.3f after\n", known_before, known_after);
  setlocale (LC_ALL, "C");
}

/* The command line at library speed **********************************/

#define CLI_INPUT_BYTES (100u * 1000 * 1000)
#define CLI_ROUNDS 3

/* The CPU time (user + system) of "CLI --parse [MODE]" in LANG with stdin
   from INPUT and stdout to /dev/null, in ns; *EXIT_STATUS its exit
   status. */
static double
cli_cpu_ns (const char *cli, const char *mode, const char *lang,
            const char *input, int *exit_status)
{
  struct rusage ru;
  int status;
  pid_t pid = fork ();

  if (pid < 0)
    exit (1);
  if (pid == 0)
    {
      char lang_var[64];
      char *envp[] = { lang_var, NULL };
      char *argv[] = { (char *) cli, (char *) "--parse", (char *) mode, NULL };
      int in = open (input, O_RDONLY), out = open ("/dev/null", O_WRONLY);

      snprintf (lang_var, sizeof lang_var, "LANG=%s", lang);
      if (in < 0 || out < 0)
        _exit (127);
      dup2 (in, 0);
      dup2 (out, 1);
      execve (cli, argv, envp);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &ru) != pid)
    exit (1);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : 128;
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e9
         + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e3;
}

/* What the library does for the same input in this process: parse and
   explain every reply (no output). */
static double
library_explains (const char *buf, size_t len)
{
  struct smtpreply_reply reply;
  struct smtpreply_explanation x;
  double t = now_ns ();
  size_t pos = 0;

  while (pos < len
         && smtpreply_parse (buf + pos, len - pos, SMTPREPLY_PARSE_END_OF_INPUT,
                             &reply) == SMTPREPLY_PARSE_OK)
    {
      smtpreply_explain (&reply, SMTPREPLY_CTX_UNKNOWN, &x);
      sink = x.headline;
      pos += reply.consumed;
    }
  return now_ns () - t;
}

static void
bench_cli (const char *cli, const char *data_dir)
{
  static const char *const modes[] = { "--json", NULL };
  static const struct
  {
    const char *lang, *locale;
  } langs[] = { { "C", "C" }, { "zh_CN.UTF-8", "zh_CN.UTF-8" } };
  char path[] = "/tmp/smtpreply-bench-XXXXXX";
  size_t len, i, l;
  long replies;
  char *corpus;
  FILE *f;
  int fd = mkstemp (path);

  /* The corpus of the parse benchmark, to 100 MB. */
  corpus = malloc (CLI_INPUT_BYTES + (1u << 20));
  for (len = 0; len < CLI_INPUT_BYTES;)
    for (i = 0; i < sizeof data_files / sizeof data_files[0]; i++)
      {
        char file[1024];
        size_t n;
        char *data;

        snprintf (file, sizeof file, "%s/%s", data_dir, data_files[i]);
        data = read_file (file, &n);
        memcpy (corpus + len, data, n);
        len += n;
        free (data);
      }
  if (fd < 0 || (f = fdopen (fd, "w")) == NULL
      || fwrite (corpus, 1, len, f) != len || fclose (f) != 0)
    {
      fprintf (stderr, "bench: cannot write %s\n", path);
      exit (1);
    }
  replies = parse_all (corpus, len);
  printf ("\nsmtpreply --parse on %.0f MB of real replies (%ld replies),"
          " output to /dev/null, CPU time (user + system), median of %d"
          " runs\n", len / 1e6, replies, CLI_ROUNDS);
  printf ("  %-26s %8s %8s %12s %10s\n", "", "seconds", "MB/s", "replies/s",
          "to library");
  for (l = 0; l < sizeof langs / sizeof langs[0]; l++)
    {
      double lib[CLI_ROUNDS];
      int r;

      if (setlocale (LC_ALL, langs[l].locale) == NULL)
        {
          printf ("  %s: not installed, skipped\n", langs[l].lang);
          continue;
        }
      for (r = 0; r < CLI_ROUNDS; r++)
        lib[r] = library_explains (corpus, len);
      printf ("  %-26s %8.2f %8.0f %12.0f %10s\n",
              langs[l].lang[0] == 'C' ? "C: parse + explain, in process"
                                      : "zh_CN: parse + explain, in process",
              median (lib, CLI_ROUNDS) / 1e9, len / median (lib, CLI_ROUNDS) * 1e3,
              replies / median (lib, CLI_ROUNDS) * 1e9, "baseline");
      for (i = 0; i < sizeof modes / sizeof modes[0]; i++)
        {
          double cpu[CLI_ROUNDS], ratio[CLI_ROUNDS];
          char name[64];
          int status = 0;

          for (r = 0; r < CLI_ROUNDS; r++)
            {
              cpu[r] = cli_cpu_ns (cli, modes[i], langs[l].lang, path,
                                   &status);
              ratio[r] = cpu[r] / lib[r];
              if (status != 0)
                {
                  fprintf (stderr, "bench: %s exited with %d\n", cli, status);
                  exit (1);
                }
            }
          snprintf (name, sizeof name, "%s: smtpreply --parse%s",
                    langs[l].lang[0] == 'C' ? "C" : "zh_CN",
                    modes[i] != NULL ? " --json" : "");
          printf ("  %-26s %8.2f %8.0f %12.0f %10.2f%s\n", name,
                  median (cpu, CLI_ROUNDS) / 1e9,
                  len / median (cpu, CLI_ROUNDS) * 1e3,
                  replies / median (cpu, CLI_ROUNDS) * 1e9,
                  median (ratio, CLI_ROUNDS),
                  replies / median (cpu, CLI_ROUNDS) * 1e9 >= 1e6
                    ? "" : "  under 1,000,000/s");
        }
    }
  setlocale (LC_ALL, "C");
  printf ("  (target: >= 1,000,000 replies/s on one core)\n");
  unlink (path);
  free (corpus);
}

/* Why it failed: detection against parsing **************************/

/* The replies of tests/data/reasons.tsv (their command too), repeated to
   REASON_CORPUS_BYTES. */
#define REASON_CORPUS_BYTES (8u << 20)
#define MAX_REASON_ROWS 4096

static enum smtpreply_context reason_ctx[MAX_REASON_ROWS];
static size_t reason_rows;

static char *
build_reason_corpus (const char *data_dir, size_t *len, size_t at_least)
{
  char path[1024], *file, *line, *save, *corpus = malloc (REASON_CORPUS_BYTES
                                                          + 65536);
  size_t n, used = 0, one_pass;

  snprintf (path, sizeof path, "%s/reasons.tsv", data_dir);
  file = read_file (path, &n);
  file = realloc (file, n + 1);
  file[n] = '\0';
  for (line = strtok_r (file, "\n", &save); line != NULL;
       line = strtok_r (NULL, "\n", &save))
    {
      char *field[5], *p = line, *s;
      int k;

      if (*line == '#' || reason_rows == MAX_REASON_ROWS)
        continue;
      for (k = 0; k < 5 && (field[k] = strsep (&p, "\t")) != NULL; k++)
        ;
      if (k < 5)
        continue;
      reason_ctx[reason_rows++]
        = (enum smtpreply_context) smtpreply_context_from_name (field[2]);
      for (s = field[4]; *s != '\0'; s++)
        if (s[0] == '\\' && s[1] == 'n')
          {
            memcpy (corpus + used, "\r\n", 2);
            used += 2;
            s++;
          }
        else
          corpus[used++] = *s;
      memcpy (corpus + used, "\r\n", 2);
      used += 2;
    }
  free (file);
  one_pass = used;
  while (used + one_pass <= at_least)
    {
      memcpy (corpus + used, corpus, one_pass);
      used += one_pass;
    }
  *len = used;
  return corpus;
}

static volatile unsigned reason_sink;

/* Parses every reply, and with DETECT also tells why it failed. */
static long
parse_and_reason (const char *buf, size_t len, int detect)
{
  struct smtpreply_reply reply;
  size_t pos = 0;
  long replies = 0;
  unsigned acc = 0;

  while (pos < len)
    {
      if (smtpreply_parse (buf + pos, len - pos, SMTPREPLY_PARSE_END_OF_INPUT,
                           &reply) != SMTPREPLY_PARSE_OK)
        {
          fprintf (stderr, "bench: reasons.tsv does not parse at %zu\n", pos);
          exit (1);
        }
      if (detect)
        acc += (unsigned) smtpreply_reason (&reply,
                                            reason_ctx[replies % reason_rows]);
      pos += reply.consumed;
      replies++;
    }
  reason_sink = acc;
  return replies;
}

/* The phrase automaton alone over the same texts, with the full table of
   evidence.def and with one phrase in ten (bench/evidence-tenth.c). */
static double
scan_ns_per_byte (const struct smtpreply__matcher *m, const char *buf,
                  size_t len)
{
  struct smtpreply__scan scan;
  const char *p = buf, *end = buf + len;
  double t = now_ns ();
  unsigned acc = 0;

  while (p < end)
    {
      const char *lf = memchr (p, '\n', (size_t) (end - p));
      size_t n = lf != NULL ? (size_t) (lf - p) : (size_t) (end - p);

      smtpreply__scan_start (&scan, m, 5);
      smtpreply__scan_text (&scan, m, p, n);
      smtpreply__scan_break (&scan, m);
      acc += scan.strong + scan.hint;
      p += n + 1;
    }
  reason_sink = acc;
  return (now_ns () - t) / (double) len;
}

static void
bench_reasons (const char *data_dir)
{
  double parse_ns[ROUNDS], both_ns[ROUNDS], ratios[ROUNDS];
  double full[ROUNDS], tenth[ROUNDS], growth[ROUNDS];
  size_t len;
  char *corpus = build_reason_corpus (data_dir, &len, REASON_CORPUS_BYTES);
  long replies = 0;
  int r;

  for (r = 0; r < ROUNDS; r++)
    {
      double t = now_ns ();

      replies = parse_and_reason (corpus, len, 0);
      parse_ns[r] = now_ns () - t;
      t = now_ns ();
      parse_and_reason (corpus, len, 1);
      both_ns[r] = now_ns () - t;
      ratios[r] = (both_ns[r] - parse_ns[r]) / parse_ns[r];
      full[r] = scan_ns_per_byte (&smtpreply__evidence_matcher, corpus, len);
      tenth[r] = scan_ns_per_byte (&smtpreply__tenth_matcher, corpus, len);
      growth[r] = full[r] / tenth[r];
    }
  qsort (parse_ns, ROUNDS, sizeof (double), compare_doubles);
  qsort (both_ns, ROUNDS, sizeof (double), compare_doubles);
  qsort (ratios, ROUNDS, sizeof (double), compare_doubles);
  qsort (full, ROUNDS, sizeof (double), compare_doubles);
  qsort (tenth, ROUNDS, sizeof (double), compare_doubles);
  qsort (growth, ROUNDS, sizeof (double), compare_doubles);
  printf ("\nWhy it failed: the %zu replies of tests/data/reasons.tsv, %.1f MB"
          " (%ld replies), one core, median of %d rounds\n", reason_rows,
          len / 1e6, replies, ROUNDS);
  printf ("  parse alone:          %6.2f M replies/s  (baseline)\n",
          replies / parse_ns[ROUNDS / 2] * 1e3);
  printf ("  parse + reason:       %6.2f M replies/s  (target >= 2)\n",
          replies / both_ns[ROUNDS / 2] * 1e3);
  printf ("  detection cost / parse cost: %.2f  (target <= 5)\n",
          ratios[ROUNDS / 2]);
  printf ("  automaton: %u states x %u columns (%zu KiB); a tenth of the"
          " phrases: %u states (%zu KiB)\n", smtpreply__evidence_matcher.nstates,
          smtpreply__evidence_matcher.nclasses,
          (size_t) smtpreply__evidence_matcher.nstates
          * smtpreply__evidence_matcher.nclasses * 4 / 1024,
          smtpreply__tenth_matcher.nstates,
          (size_t) smtpreply__tenth_matcher.nstates
          * smtpreply__tenth_matcher.nclasses * 4 / 1024);
  printf ("  scan, all %u phrases:  %5.2f ns/byte\n",
          smtpreply__evidence_matcher.nstrong + smtpreply__evidence_matcher.nhints,
          full[ROUNDS / 2]);
  printf ("  scan, %u phrases:      %5.2f ns/byte\n",
          smtpreply__tenth_matcher.nstrong + smtpreply__tenth_matcher.nhints,
          tenth[ROUNDS / 2]);
  printf ("  time ratio, all phrases to a tenth: %.2f  (1.00: no growth)\n",
          growth[ROUNDS / 2]);
  free (corpus);
}

/* --scan full|tenth|none DATADIR: one pass of the phrase matcher over the
   replies of reasons.tsv (none: only reading them), for instruction counts
   under callgrind (bench/instructions.sh): the work per byte, whatever the
   cache does. */
static int
scan_child (const char *which, const char *data_dir)
{
  size_t len;
  char *corpus = build_reason_corpus (data_dir, &len, 0);

  if (strcmp (which, "none") != 0)
    scan_ns_per_byte (strcmp (which, "tenth") == 0 ? &smtpreply__tenth_matcher
                                                   : &smtpreply__evidence_matcher,
                      corpus, len);
  printf ("%zu\n", len);
  free (corpus);
  return 0;
}


/* Delivery reports ****************************************************/

/* The messages of tests/data/bounces, each in its own buffer. */
#define MAX_BOUNCES 512
static char *bounce_msg[MAX_BOUNCES];
static size_t bounce_len[MAX_BOUNCES], bounces;

static void
load_bounces (const char *data_dir)
{
  char path[4096];
  struct dirent *e;
  DIR *d;

  snprintf (path, sizeof path, "%s/bounces", data_dir);
  d = opendir (path);
  if (d == NULL)
    {
      perror (path);
      exit (1);
    }
  while ((e = readdir (d)) != NULL && bounces < MAX_BOUNCES)
    {
      size_t n = strlen (e->d_name);
      FILE *f;
      long size;

      if (n < 5 || strcmp (e->d_name + n - 4, ".eml") != 0)
        continue;
      snprintf (path, sizeof path, "%s/bounces/%s", data_dir, e->d_name);
      f = fopen (path, "rb");
      if (f == NULL || fseek (f, 0, SEEK_END) != 0 || (size = ftell (f)) < 0)
        exit (1);
      rewind (f);
      bounce_msg[bounces] = malloc ((size_t) size + 1);
      if (bounce_msg[bounces] == NULL
          || fread (bounce_msg[bounces], 1, (size_t) size, f) != (size_t) size)
        exit (1);
      bounce_len[bounces++] = (size_t) size;
      fclose (f);
    }
  closedir (d);
}

/* Reads every message as a report and explains each recipient. */
static long
read_all_reports (void)
{
  long recipients = 0;
  size_t i, k;

  for (i = 0; i < bounces; i++)
    {
      struct smtpreply_report *r;

      if (smtpreply_report_read (bounce_msg[i], bounce_len[i], &r) != 0)
        exit (1);
      for (k = 0; k < smtpreply_report_count (r); k++)
        {
          struct smtpreply_explanation x;

          smtpreply_report_explain (smtpreply_report_recipient (r, k), NULL, &x);
          sink = x.headline;
          recipients++;
        }
      smtpreply_report_free (r);
    }
  return recipients;
}

/* The baseline: a copy of each message and a count of its lines, the
   least any reader does. */
static long
copy_all_messages (void)
{
  long lines = 0;
  size_t i;

  for (i = 0; i < bounces; i++)
    {
      char *copy = malloc (bounce_len[i] + 1);

      if (copy == NULL)
        exit (1);
      memcpy (copy, bounce_msg[i], bounce_len[i]);
      lines += memchr_lines (copy, bounce_len[i]);
      sink = copy;
      free (copy);
    }
  return lines;
}

static void
bench_reports (const char *data_dir)
{
  double read_ns[ROUNDS], copy_ns[ROUNDS], ratios[ROUNDS];
  size_t i, bytes = 0;
  long recipients = 0;
  int r, rep;
  const int reps = 20;

  load_bounces (data_dir);
  for (i = 0; i < bounces; i++)
    bytes += bounce_len[i];
  read_all_reports ();                  /* catalogs loaded, caches warm */
  for (r = 0; r < ROUNDS; r++)
    {
      double t = now_ns ();

      for (rep = 0; rep < reps; rep++)
        copy_all_messages ();
      copy_ns[r] = now_ns () - t;
      t = now_ns ();
      for (rep = 0; rep < reps; rep++)
        recipients = read_all_reports ();
      read_ns[r] = now_ns () - t;
      ratios[r] = read_ns[r] / copy_ns[r];
    }
  qsort (read_ns, ROUNDS, sizeof (double), compare_doubles);
  qsort (copy_ns, ROUNDS, sizeof (double), compare_doubles);
  qsort (ratios, ROUNDS, sizeof (double), compare_doubles);
  printf ("\nDelivery reports: the %zu messages of tests/data/bounces (%.2f MB,"
          " %ld recipients), read %d times, one core, median of %d rounds\n",
          bounces, bytes / 1e6, recipients, reps, ROUNDS);
  printf ("  read + explain:      %8.0f reports/s  %6.1f MB/s  (target >= 20000"
          " reports/s)\n", bounces * reps / read_ns[ROUNDS / 2] * 1e9,
          bytes * reps / read_ns[ROUNDS / 2] * 1e3);
  printf ("  copy + line count:   %8.0f messages/s %6.1f MB/s  (baseline)\n",
          bounces * reps / copy_ns[ROUNDS / 2] * 1e9,
          bytes * reps / copy_ns[ROUNDS / 2] * 1e3);
  printf ("  time ratio to the baseline: %.1f\n", ratios[ROUNDS / 2]);
}

/* --mbox CLI MEGABYTES DATADIR: writes an mbox of MEGABYTES of the corpus's
   messages (reports and others, repeated), runs "CLI --bounce --json" on
   it and prints its peak resident memory and speed, against "wc -l" on the
   same file in the same run. */
static double
run_child (char *const argv[], const char *stdout_path, long *max_rss_kb)
{
  struct rusage ru;
  double t = now_ns ();
  int status;
  pid_t pid = fork ();

  if (pid < 0)
    exit (1);
  if (pid == 0)
    {
      int fd = open (stdout_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

      if (fd < 0)
        _exit (127);
      dup2 (fd, 1);
      execv (argv[0], argv);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &ru) != pid)
    exit (1);
  *max_rss_kb = ru.ru_maxrss;
  return now_ns () - t;
}

static int
mbox_child (char *cli, long megabytes, const char *data_dir)
{
  char path[] = "/tmp/smtpreply-bench-XXXXXX";
  char *cli_argv[] = { cli, (char *) "--bounce", (char *) "--json", path, NULL };
  char *wc_argv[] = { (char *) "/usr/bin/wc", (char *) "-l", path, NULL };
  long rss_cli, rss_wc, messages = 0, lines = 0;
  size_t written = 0, target = (size_t) megabytes << 20, i = 0;
  double cli_ns, wc_ns;
  int fd = mkstemp (path);
  FILE *f, *out;
  char line[256];

  if (fd < 0 || (f = fdopen (fd, "w")) == NULL)
    return 1;
  load_bounces (data_dir);
  while (written < target)
    {
      static const char from[] = "From MAILER-DAEMON Sun Nov 29 10:00:00 2026\n";

      fputs (from, f);
      fwrite (bounce_msg[i], 1, bounce_len[i], f);
      fputs ("\n", f);
      written += sizeof from - 1 + bounce_len[i] + 1;
      messages++;
      i = (i + 1) % bounces;
    }
  if (fclose (f) != 0)
    return 1;
  wc_ns = run_child (wc_argv, "/dev/null", &rss_wc);
  cli_ns = run_child (cli_argv, "/tmp/smtpreply-bench-mbox.json", &rss_cli);
  out = fopen ("/tmp/smtpreply-bench-mbox.json", "r");
  while (out != NULL && fgets (line, sizeof line, out) != NULL)
    lines += strchr (line, '\n') != NULL;
  if (out != NULL)
    fclose (out);
  printf ("\nAn mbox of %.0f MB (%ld messages of tests/data/bounces, repeated),"
          " smtpreply --bounce --json\n", written / 1e6, messages);
  printf ("  peak resident memory: %6.1f MB  (target: under 64 MB, whatever"
          " the size)\n", rss_cli / 1024.0);
  printf ("  time: %.1f s, %.0f MB/s, %.0f messages/s; JSON lines: %ld\n",
          cli_ns / 1e9, written / cli_ns * 1e3, messages / cli_ns * 1e9, lines);
  printf ("  wc -l on the same file: %.1f s, %.1f MB peak (baseline)\n",
          wc_ns / 1e9, rss_wc / 1024.0);
  unlink (path);
  unlink ("/tmp/smtpreply-bench-mbox.json");
  return 0;
}

/* The first call in a fresh process ***********************************/

static void
cold_child (const char *locale, const char *localedir, int raw)
{
  double t;

  setlocale (LC_ALL, locale);
  bindtextdomain (SMTPREPLY_TEXT_DOMAIN, localedir);
  t = now_ns ();
  sink = raw ? dgettext (SMTPREPLY_TEXT_DOMAIN, MSGID_550)
             : smtpreply_describe (550);
  printf ("%.0f\n", now_ns () - t);
}

static double
cold_run (const char *self, const char *locale, const char *localedir, int raw)
{
  int fds[2];
  char out[64] = "";
  pid_t pid;

  if (pipe (fds) != 0 || (pid = fork ()) < 0)
    exit (1);
  if (pid == 0)
    {
      dup2 (fds[1], 1);
      execl (self, self, raw ? "--cold-raw" : "--cold", locale, localedir,
             (char *) NULL);
      _exit (127);
    }
  close (fds[1]);
  if (read (fds[0], out, sizeof out - 1) <= 0)
    out[0] = '\0';
  close (fds[0]);
  waitpid (pid, NULL, 0);
  return atof (out);
}

static void
bench_cold (const char *self, const char *localedir)
{
  size_t l;

  printf ("\nFirst call in a fresh process (catalog loading included), "
          "median of %d processes\n", ROUNDS);
  for (l = 0; l < sizeof locales / sizeof locales[0]; l++)
    {
      double ours[ROUNDS], raw[ROUNDS];
      int r;

      for (r = 0; r < ROUNDS; r++)
        {
          ours[r] = cold_run (self, locales[l].locale, localedir, 0);
          raw[r] = cold_run (self, locales[l].locale, localedir, 1);
        }
      qsort (ours, ROUNDS, sizeof (double), compare_doubles);
      qsort (raw, ROUNDS, sizeof (double), compare_doubles);
      printf ("  %-12s describe (550): %8.1f us   raw dgettext: %8.1f us\n",
              locales[l].locale, ours[ROUNDS / 2] / 1e3, raw[ROUNDS / 2] / 1e3);
    }
}

/* Allocations per call ***********************************************/

static double
allocations_per_call (lookup_fn *fn, int arg)
{
  const long calls = 10000;
  long before, i;

  sink = fn (arg);                      /* the first call may load a catalog */
  before = atomic_load (&allocations);
  for (i = 0; i < calls; i++)
    sink = fn (arg);
  return (double) (atomic_load (&allocations) - before) / (double) calls;
}

static const char *
parse_one (int unused)
{
  static const char reply[] = "550-5.1.1 No such user\r\n550 5.1.1 Try again\r\n";
  struct smtpreply_reply r;

  (void) unused;
  smtpreply_parse (reply, sizeof reply - 1, 0, &r);
  return reply;
}

static const char *
reason_of_reply (int unused)
{
  static const char reply[] = "550-5.7.1 This message is likely unsolicited mail.\r\n"
                              "550 5.7.1 To reduce the amount of spam\r\n";
  struct smtpreply_reply r;

  (void) unused;
  smtpreply_parse (reply, sizeof reply - 1, 0, &r);
  reason_sink = (unsigned) smtpreply_reason (&r, SMTPREPLY_CTX_DATA_END);
  return reply;
}

static const char *
duplicate (int unused)
{
  static char *last;

  (void) unused;
  free (last);
  last = strdup ("x");
  return last;
}

static void
bench_allocations (void)
{
  size_t l, i;

  printf ("\nHeap allocations per call (after the first call)\n");
  printf ("  check of the counter: strdup %.2f, a fresh catalog load %s\n",
          allocations_per_call (duplicate, 0),
          atomic_load (&allocations) > 0 ? "counted" : "NOT counted");
  for (l = 0; l < sizeof locales / sizeof locales[0]; l++)
    {
      setlocale (LC_ALL, locales[l].locale);
      current_loc = newlocale (LC_ALL_MASK, locales[l].locale, (locale_t) 0);
      current_tag = locales[l].tag;
      printf ("  %s:", locales[l].locale);
      for (i = 0; i < sizeof lookups / sizeof lookups[0]; i++)
        printf (" %s%.2f", i ? "" : "", allocations_per_call (lookups[i].fn,
                                                              lookups[i].arg));
      printf ("  describe_r %.2f  explain %.2f  parse %.2f  reason %.2f\n",
              allocations_per_call (describe_r, 550),
              allocations_per_call (explain, SMTPREPLY_CTX_RCPT),
              allocations_per_call (parse_one, 0),
              allocations_per_call (reason_of_reply, 0));
      freelocale (current_loc);
    }
  printf ("  (lookups in the order of the tables above)\n");
}

/* --loop NAME COUNT LOCALE LOCALEDIR: COUNT calls of one lookup, for
   instruction counts under callgrind (bench/instructions.sh).  "raw:NAME"
   is the raw dgettext of the message NAME looks up, "uselocale:NAME" that
   between two uselocale calls. */
static int
loop_child (const char *name, long count, const char *locale,
            const char *localedir)
{
  const char *colon = strchr (name, ':');
  const char *lookup = colon != NULL ? colon + 1 : name;
  size_t i;
  long n;

  bindtextdomain (SMTPREPLY_TEXT_DOMAIN, localedir);
  if (setlocale (LC_ALL, locale) == NULL)
    return 1;
  current_loc = newlocale (LC_ALL_MASK, locale, (locale_t) 0);
  current_tag = locale;
  for (i = 0; i < sizeof lookups / sizeof lookups[0]; i++)
    if (strncmp (lookups[i].name, lookup, strlen (lookup)) == 0
        && lookups[i].name[strlen (lookup)] == ' ')
      break;
  if (i == sizeof lookups / sizeof lookups[0])
    return 2;
  current_msgid = msgid_of (lookups[i].fn, lookups[i].arg);
  if (colon == NULL)
    {
      sink = lookups[i].fn (lookups[i].arg);
      for (n = 0; n < count; n++)
        sink = lookups[i].fn (lookups[i].arg);
    }
  else if (strncmp (name, "raw:", 4) == 0)
    {
      sink = raw_dgettext (0);
      for (n = 0; n < count; n++)
        sink = raw_dgettext (0);
    }
  else
    {
      sink = raw_dgettext_uselocale (0);
      for (n = 0; n < count; n++)
        sink = raw_dgettext_uselocale (0);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  const char *localedir, *data_dir;

  if (argc == 4 && strncmp (argv[1], "--cold", 6) == 0)
    {
      cold_child (argv[2], argv[3], strcmp (argv[1], "--cold-raw") == 0);
      return 0;
    }
  if (argc == 4 && strcmp (argv[1], "--scan") == 0)
    return scan_child (argv[2], argv[3]);
  if (argc == 5 && strcmp (argv[1], "--mbox") == 0)
    return mbox_child (argv[2], atol (argv[3]), argv[4]);
  if (argc == 6 && strcmp (argv[1], "--loop") == 0)
    return loop_child (argv[2], atol (argv[3]), argv[4], argv[5]);
  if (argc != 3 && argc != 4)
    {
      fprintf (stderr, "usage: %s LOCALEDIR DATADIR [CLI]\n", argv[0]);
      return 2;
    }
  localedir = argv[1];
  data_dir = argv[2];
  bindtextdomain (SMTPREPLY_TEXT_DOMAIN, localedir);
  parse_one (0);
  smtpreply_parse ("550 5.1.1 x\r\n", 13, 0, &explain_reply);

  printf ("libsmtpreply %s benchmark\n", smtpreply_check_version (NULL));
  bench_lookups ();
  bench_parse (data_dir);
  bench_streaming ();
  bench_reasons (data_dir);
  bench_reports (data_dir);
  bench_junk_tags ();
  if (argc == 4)
    bench_cli (argv[3], data_dir);
  bench_cold (argv[0], localedir);
  bench_allocations ();
  return 0;
}
