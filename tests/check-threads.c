/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-threads.c: lookups from many threads at once, each in its own
   language (uselocale, _l and _lang), while another thread keeps switching
   the process's locale with setlocale.  Each thread checks every code and
   every enhanced code against the strings expected in its language.  Run it
   under --enable-sanitizers=thread too.
   And fork: children forked while other threads are inside _lang calls
   (loading catalogs, trying tags that name none) call _lang themselves
   and exit; none may hang. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROUNDS 1000
#define MAX_CODES 1200

#define ZH_550 "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）"
#define EN_550 "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)"
#define FR_550 "L\u2019action n\u2019a pas \u00e9t\u00e9 effectu\u00e9e\u00a0: la bo\u00eete aux lettres est indisponible (introuvable, acc\u00e8s refus\u00e9, ou refus\u00e9e par les r\u00e8gles du serveur)"

/* The codes looked up: every known basic code and some that are not, and
   every registered enhanced code with some that are not. */
static int codes[MAX_CODES];
static int ncodes;
static int enhanced[MAX_CODES][3];
static int nenhanced;

enum mode
{
  MODE_USELOCALE,               /* uselocale once, then the plain calls */
  MODE_L,                       /* the _l calls */
  MODE_LANG                     /* the _lang calls */
};

struct worker
{
  const char *name;             /* locale name, or language tag */
  enum mode mode;
  locale_t loc;
  char **expected_codes;        /* what this language says, per code */
  char **expected_enhanced;
  atomic_int mismatches;
  pthread_t thread;
};

static atomic_int stop_switching;

static void
collect_codes (void)
{
  static const int extra[] = { 0, -1, 99, 559, 423, 600, 1000 };
  int c, s, d;
  size_t i;

  for (c = 200; c < 600; c++)
    if (smtpreply_is_known (c))
      codes[ncodes++] = c;
  for (i = 0; i < sizeof extra / sizeof extra[0]; i++)
    codes[ncodes++] = extra[i];
  for (s = 0; s < 8; s++)
    for (d = 0; d < 32; d++)
      if (smtpreply_enhanced_is_known (5, s, d) || d == 31)
        {
          enhanced[nenhanced][0] = s == 3 ? 4 : 5;
          enhanced[nenhanced][1] = s;
          enhanced[nenhanced][2] = d;
          nenhanced++;
        }
  enhanced[nenhanced][0] = 6;   /* invalid */
  nenhanced++;
}

static const char *
lookup_code (struct worker *w, int code)
{
  switch (w->mode)
    {
    case MODE_USELOCALE:
      return smtpreply_describe (code);
    case MODE_L:
      return smtpreply_describe_l (code, w->loc);
    case MODE_LANG:
      break;
    }
  return smtpreply_describe_lang (code, w->name);
}

static const char *
lookup_enhanced (struct worker *w, const int *e)
{
  switch (w->mode)
    {
    case MODE_USELOCALE:
      return smtpreply_describe_enhanced (e[0], e[1], e[2]);
    case MODE_L:
      return smtpreply_describe_enhanced_l (e[0], e[1], e[2], w->loc);
    case MODE_LANG:
      break;
    }
  return smtpreply_describe_enhanced_lang (e[0], e[1], e[2], w->name);
}

/* The expected strings, computed before any thread starts. */
static void
prepare (struct worker *w)
{
  int i;

  if (w->mode != MODE_LANG)
    {
      w->loc = newlocale (LC_ALL_MASK, w->name, (locale_t) 0);
      ck_assert_msg (w->loc != (locale_t) 0, "no locale %s", w->name);
    }
  w->expected_codes = calloc ((size_t) ncodes, sizeof (char *));
  w->expected_enhanced = calloc ((size_t) nenhanced, sizeof (char *));
  ck_assert (w->expected_codes && w->expected_enhanced);
  for (i = 0; i < ncodes; i++)
    w->expected_codes[i] = strdup (w->mode == MODE_LANG
                                   ? smtpreply_describe_lang (codes[i], w->name)
                                   : smtpreply_describe_l (codes[i], w->loc));
  for (i = 0; i < nenhanced; i++)
    w->expected_enhanced[i]
      = strdup (w->mode == MODE_LANG
                ? smtpreply_describe_enhanced_lang (enhanced[i][0],
                                                    enhanced[i][1],
                                                    enhanced[i][2], w->name)
                : smtpreply_describe_enhanced_l (enhanced[i][0],
                                                 enhanced[i][1],
                                                 enhanced[i][2], w->loc));
}

static void *
work (void *arg)
{
  struct worker *w = arg;
  int round, i;

  if (w->mode == MODE_USELOCALE)
    uselocale (w->loc);
  for (round = 0; round < ROUNDS; round++)
    {
      for (i = 0; i < ncodes; i++)
        if (strcmp (lookup_code (w, codes[i]), w->expected_codes[i]) != 0)
          atomic_fetch_add (&w->mismatches, 1);
      for (i = 0; i < nenhanced; i++)
        if (strcmp (lookup_enhanced (w, enhanced[i]),
                    w->expected_enhanced[i]) != 0)
          atomic_fetch_add (&w->mismatches, 1);
    }
  if (w->mode == MODE_USELOCALE)
    uselocale (LC_GLOBAL_LOCALE);
  return NULL;
}

static void *
switch_global_locale (void *arg)
{
  static const char *const names[] = { "C", "zh_CN.UTF-8", "en_US.UTF-8",
                                       "zh_CN.GB18030", "POSIX" };
  unsigned n = 0;

  (void) arg;
  while (!atomic_load (&stop_switching))
    setlocale (LC_ALL, names[n++ % 5]);
  return (void *) (size_t) n;
}

START_TEST (test_threads)
{
  struct worker workers[] = {
    { "zh_CN.UTF-8", MODE_USELOCALE, 0, 0, 0, 0, 0 },
    { "en_US.UTF-8", MODE_USELOCALE, 0, 0, 0, 0, 0 },
    { "C", MODE_USELOCALE, 0, 0, 0, 0, 0 },
    { "zh_CN.GB18030", MODE_USELOCALE, 0, 0, 0, 0, 0 },
    { "zh_CN.UTF-8", MODE_L, 0, 0, 0, 0, 0 },
    { "en_US.UTF-8", MODE_L, 0, 0, 0, 0, 0 },
    { "C", MODE_L, 0, 0, 0, 0, 0 },
    { "zh_CN.GB18030", MODE_L, 0, 0, 0, 0, 0 },
    { "zh-CN", MODE_LANG, 0, 0, 0, 0, 0 },
    { "en", MODE_LANG, 0, 0, 0, 0, 0 },
  };
  const size_t n = sizeof workers / sizeof workers[0];
  pthread_t switcher;
  void *switches;
  size_t i;
  int k;

  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
  collect_codes ();
  for (i = 0; i < n; i++)
    prepare (&workers[i]);

  /* The expected strings are each language's own. */
  ck_assert_str_eq (smtpreply_describe_l (550, workers[0].loc), ZH_550);
  ck_assert_str_eq (smtpreply_describe_l (550, workers[2].loc), EN_550);
  ck_assert_str_eq (smtpreply_describe_l (550, workers[3].loc),
                    test_convert (ZH_550, "GB18030"));
  ck_assert_str_eq (smtpreply_describe_lang (550, "zh-CN"), ZH_550);
  for (k = 0; k < ncodes; k++)
    if (smtpreply_is_known (codes[k]))
      {
        ck_assert_str_ne (workers[0].expected_codes[k],
                          workers[2].expected_codes[k]);
        ck_assert_str_eq (workers[0].expected_codes[k],
                          workers[8].expected_codes[k]);
      }

  ck_assert_int_eq (pthread_create (&switcher, NULL, switch_global_locale,
                                    NULL), 0);
  for (i = 0; i < n; i++)
    ck_assert_int_eq (pthread_create (&workers[i].thread, NULL, work,
                                      &workers[i]), 0);
  for (i = 0; i < n; i++)
    ck_assert_int_eq (pthread_join (workers[i].thread, NULL), 0);
  atomic_store (&stop_switching, 1);
  ck_assert_int_eq (pthread_join (switcher, &switches), 0);
  ck_assert_msg ((size_t) switches > 0, "the global locale never changed");

  for (i = 0; i < n; i++)
    {
      ck_assert_msg (atomic_load (&workers[i].mismatches) == 0,
                     "%s (mode %d): %d wrong strings", workers[i].name,
                     workers[i].mode, atomic_load (&workers[i].mismatches));
      for (k = 0; k < ncodes; k++)
        free (workers[i].expected_codes[k]);
      for (k = 0; k < nenhanced; k++)
        free (workers[i].expected_enhanced[k]);
      free (workers[i].expected_codes);
      free (workers[i].expected_enhanced);
      if (workers[i].loc != (locale_t) 0)
        freelocale (workers[i].loc);
    }
}
END_TEST

/* fork *************************************************************/

#define FORK_THREADS 4
#define FORK_CHILDREN 8

static atomic_int stop_lang;

/* A tag of a language no catalog has, different on each call:
   "qab-CD", "qab-CE", ... */
static void
junk_tag (unsigned n, char tag[8])
{
  tag[0] = 'q';
  tag[1] = (char) ('a' + n % 26);
  tag[2] = (char) ('a' + n / 26 % 26);
  tag[3] = '-';
  tag[4] = (char) ('A' + n / 676 % 26);
  tag[5] = (char) ('A' + n / 17576 % 26);
  tag[6] = '\0';
}

/* Keeps calling _lang: languages with catalogs (loaded once, by whichever
   thread comes first) and tags that name none. */
static void *
call_lang (void *arg)
{
  static const char *const langs[] = { "zh_CN", "ja", "de_AT", "ko", "es" };
  unsigned n = (unsigned) (size_t) arg * 100000u, wrong = 0;
  size_t i = 0;

  while (!atomic_load (&stop_lang))
    {
      char tag[8];

      junk_tag (n++, tag);
      if (strcmp (smtpreply_describe_lang (550, tag), EN_550) != 0)
        wrong++;
      if (strcmp (smtpreply_describe_lang (550, langs[i++ % 5]), EN_550) == 0)
        wrong++;
    }
  return (void *) (size_t) wrong;
}

/* In the child: _lang for a language loaded before the fork, one loaded
   only now, and a tag that names none, each with its expected text. */
static int
child_lookups (void)
{
  return strcmp (smtpreply_describe_lang (550, "zh_CN"), ZH_550) == 0
         && strcmp (smtpreply_describe_lang (550, "fr"), FR_550) == 0
         && strcmp (smtpreply_describe_lang (550, "qzz-ZZ"), EN_550) == 0
         && smtpreply_lang_is_available ("pt-BR") == 1;
}

static double
seconds_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

START_TEST (test_fork_during_lang)
{
  pthread_t threads[FORK_THREADS];
  pid_t children[FORK_CHILDREN];
  int done[FORK_CHILDREN] = { 0 }, exited = 0, hung = 0, failed = 0;
  double deadline;
  size_t i;

  test_bind_catalogs (TEST_LOCALEDIR);
  ck_assert_str_eq (smtpreply_describe_lang (550, "zh_CN"), ZH_550);
  for (i = 0; i < FORK_THREADS; i++)
    ck_assert_int_eq (pthread_create (&threads[i], NULL, call_lang,
                                      (void *) i), 0);
  for (i = 0; i < FORK_CHILDREN; i++)
    {
      struct timespec pause = { 0, 3000000 };   /* 3 ms between forks */

      nanosleep (&pause, NULL);
      children[i] = fork ();
      ck_assert_int_ge (children[i], 0);
      if (children[i] == 0)
        _exit (child_lookups () ? 0 : 1);
    }
  /* Every child must exit within the deadline; one that does not is
     hung (killed, and counted). */
  deadline = seconds_now () + 60;
  while (exited + hung < FORK_CHILDREN)
    {
      for (i = 0; i < FORK_CHILDREN; i++)
        {
          int status;

          if (done[i] || waitpid (children[i], &status, WNOHANG) == 0)
            continue;
          done[i] = 1;
          exited++;
          if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
            failed++;
        }
      if (seconds_now () > deadline)
        for (i = 0; i < FORK_CHILDREN; i++)
          if (!done[i])
            {
              kill (children[i], SIGKILL);
              waitpid (children[i], NULL, 0);
              done[i] = 1;
              hung++;
            }
      if (exited + hung < FORK_CHILDREN)
        {
          struct timespec pause = { 0, 10000000 };

          nanosleep (&pause, NULL);
        }
    }
  atomic_store (&stop_lang, 1);
  for (i = 0; i < FORK_THREADS; i++)
    {
      void *wrong;

      ck_assert_int_eq (pthread_join (threads[i], &wrong), 0);
      ck_assert_msg (wrong == NULL, "thread %zu: %zu wrong strings", i,
                     (size_t) wrong);
    }
  ck_assert_msg (hung == 0, "%d of %d children hung", hung, FORK_CHILDREN);
  ck_assert_msg (failed == 0, "%d of %d children got wrong strings", failed,
                 FORK_CHILDREN);
}
END_TEST

static Suite *
threads_suite (void)
{
  Suite *s = suite_create ("threads");
  TCase *tc = tcase_create ("ten languages at once");

  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_threads);
  suite_add_tcase (s, tc);
  tc = tcase_create ("fork");
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_fork_during_lang);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", "zh_CN.GB18030",
                                        "en_US.UTF-8", NULL };
  int skip = test_require_locales (needed);

  return skip ? skip : test_run_suite (threads_suite ());
}
