/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-catalog.c: the _lang functions read the library's catalogs
   themselves.
   - In a process where no locale but C exists (LOCPATH names an empty
     place), every language of po/LINGUAS gives, through _lang, the very
     strings the locale-based _l functions give in a process with the
     locales.
   - A corrupt, truncated or non-UTF-8 catalog gives the built-in English.
   - At most 32 languages' catalogs are kept: later ones give English.
   - 100,000 distinct tags that name no catalog keep no memory.
   - The codeset of one call never leaks into another: _lang is UTF-8 and
     the plain lookups are in the thread's codeset, in either order, with
     LC_CTYPE and LC_MESSAGES disagreeing. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EN_550 "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)"
#define ZH_550 "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）"

static const char *self;

/* The lookups compared, each printed on a line. */
static void
print_lookups (FILE *out, const char *lang)
{
  static const char reply_text[] = "550 5.7.606 Access denied, banned sending IP\r\n";
  struct smtpreply_reply reply;
  struct smtpreply_explanation x;

  fprintf (out, "%s\n", smtpreply_describe_lang (550, lang));
  fprintf (out, "%s\n", smtpreply_describe_lang (421, lang));
  fprintf (out, "%s\n", smtpreply_describe_lang (559, lang));
  fprintf (out, "%s\n", smtpreply_describe_ctx_lang (552, SMTPREPLY_CTX_RCPT, lang));
  fprintf (out, "%s\n", smtpreply_describe_enhanced_lang (5, 1, 1, lang));
  fprintf (out, "%s\n", smtpreply_describe_enhanced_str_lang ("4.7.500", lang));
  fprintf (out, "%s\n", smtpreply_advice_lang (550, lang));
  fprintf (out, "%s\n", smtpreply_advice_ctx_lang (454, SMTPREPLY_CTX_AUTH, lang));
  fprintf (out, "%s\n", smtpreply_advice_enhanced_str_lang ("5.2.2", lang));
  fprintf (out, "%s\n", smtpreply_strerror_lang (SMTPREPLY_PARSE_BAD_CODE, lang));
  fprintf (out, "%s\n", smtpreply_reason_title (SMTPREPLY_REASON_GREYLISTED, lang));
  fprintf (out, "%s\n", smtpreply_reason_advice (SMTPREPLY_REASON_MAILBOX_FULL,
                                                 SMTPREPLY_CLASS_TRANSIENT, lang));
  /* (No ck_assert: this runs in the child too, outside Check.) */
  if (smtpreply_parse (reply_text, sizeof reply_text - 1, 0, &reply)
      != SMTPREPLY_PARSE_OK
      || smtpreply_explain_lang (&reply, SMTPREPLY_CTX_RCPT, &x, lang) != 0)
    fprintf (out, "(the reply did not parse or explain)\n");
  else
    fprintf (out, "%s\n%s\n%s\n", x.headline, x.advice, x.description);
}

/* The same through the _l functions in LOC. */
static void
print_lookups_l (FILE *out, locale_t loc)
{
  static const char reply_text[] = "550 5.7.606 Access denied, banned sending IP\r\n";
  struct smtpreply_reply reply;
  struct smtpreply_explanation x;
  locale_t previous;

  fprintf (out, "%s\n", smtpreply_describe_l (550, loc));
  fprintf (out, "%s\n", smtpreply_describe_l (421, loc));
  fprintf (out, "%s\n", smtpreply_describe_l (559, loc));
  fprintf (out, "%s\n", smtpreply_describe_ctx_l (552, SMTPREPLY_CTX_RCPT, loc));
  fprintf (out, "%s\n", smtpreply_describe_enhanced_l (5, 1, 1, loc));
  fprintf (out, "%s\n", smtpreply_describe_enhanced_str_l ("4.7.500", loc));
  fprintf (out, "%s\n", smtpreply_advice_l (550, loc));
  fprintf (out, "%s\n", smtpreply_advice_ctx_l (454, SMTPREPLY_CTX_AUTH, loc));
  fprintf (out, "%s\n", smtpreply_advice_enhanced_str_l ("5.2.2", loc));
  fprintf (out, "%s\n", smtpreply_strerror_l (SMTPREPLY_PARSE_BAD_CODE, loc));
  previous = uselocale (loc);
  fprintf (out, "%s\n", smtpreply_reason_title (SMTPREPLY_REASON_GREYLISTED, NULL));
  fprintf (out, "%s\n", smtpreply_reason_advice (SMTPREPLY_REASON_MAILBOX_FULL,
                                                 SMTPREPLY_CLASS_TRANSIENT, NULL));
  uselocale (previous);
  ck_assert_int_eq (smtpreply_parse (reply_text, sizeof reply_text - 1, 0,
                                     &reply), SMTPREPLY_PARSE_OK);
  ck_assert_int_eq (smtpreply_explain_l (&reply, SMTPREPLY_CTX_RCPT, &x, loc), 0);
  fprintf (out, "%s\n%s\n%s\n", x.headline, x.advice, x.description);
}

/* The languages of po/LINGUAS and the locales the tests use for them. */
static const struct
{
  const char *lang, *locale;
} languages[] = {
  { "zh_CN", "zh_CN.UTF-8" }, { "zh_TW", "zh_TW.UTF-8" },
  { "ja", "ja_JP.UTF-8" }, { "ko", "ko_KR.UTF-8" },
  { "de", "de_DE.UTF-8" }, { "fr", "fr_FR.UTF-8" },
  { "es", "es_ES.UTF-8" }, { "pt_BR", "pt_BR.UTF-8" },
  { "ru", "ru_RU.UTF-8" }, { "en", "en_US.UTF-8" },
};

/* Every language of po/LINGUAS is in the table above. */
START_TEST (test_linguas_covered)
{
  FILE *f = fopen (TEST_SRCDIR "/../po/LINGUAS", "r");
  char word[64];
  size_t i, found = 0, listed = 0;

  ck_assert_ptr_nonnull (f);
  while (fscanf (f, "%63s", word) == 1)
    {
      if (word[0] == '#')
        {
          int c;

          while ((c = fgetc (f)) != EOF && c != '\n')
            ;
          continue;
        }
      listed++;
      for (i = 0; i < sizeof languages / sizeof languages[0]; i++)
        found += strcmp (languages[i].lang, word) == 0;
    }
  fclose (f);
  ck_assert_uint_eq (listed, sizeof languages / sizeof languages[0]);
  ck_assert_uint_eq (found, listed);
}
END_TEST

/* The child: no locale but C exists; prints the _lang lookups of LANG. */
static int
child_without_locales (const char *lang)
{
  /* Proof that the locale is not there.  (setlocale, not newlocale:
     glibc 2.36's newlocale leaks the copy of LOCPATH when it fails.) */
  if (setlocale (LC_ALL, "zh_CN.UTF-8") != NULL)
    {
      printf ("the locale zh_CN.UTF-8 exists in the child\n");
      return 2;
    }
  bindtextdomain ("libsmtpreply", TEST_LOCALEDIR);
  print_lookups (stdout, lang);
  return fflush (stdout) == 0 ? 0 : 1;
}

START_TEST (test_lang_without_locales)
{
  static struct test_output out;
  locale_t loc = newlocale (LC_ALL_MASK, languages[_i].locale, (locale_t) 0);
  char *expected = NULL;
  size_t size = 0;
  FILE *mem = open_memstream (&expected, &size);
  char *argv[] = { (char *) "check-catalog", (char *) "--without-locales",
                   (char *) languages[_i].lang, NULL };
  char *envp[] = { (char *) "LOCPATH=/nonexistent/libsmtpreply-no-locales",
                   (char *) "LANG=C.UTF-8", NULL };

  ck_assert_msg (loc != (locale_t) 0, "the locale %s is not installed",
                 languages[_i].locale);
  ck_assert_ptr_nonnull (mem);
  /* Both sides read the build tree's catalogs. */
  test_bind_catalogs (TEST_LOCALEDIR);
  print_lookups_l (mem, loc);
  fclose (mem);
  freelocale (loc);
  test_run (self, argv, envp, NULL, 0, &out);
  ck_assert_msg (out.status == 0, "child: %d %s", out.status, out.out);
  ck_assert_str_eq (out.out, expected);
  /* A translation, not the built-in English. */
  if (strcmp (languages[_i].lang, "en") != 0)
    ck_assert_ptr_null (strstr (out.out, EN_550));
  free (expected);
}
END_TEST

/* Catalogs that are not catalogs ***************************************/

static void
write_file (const char *path, const void *data, size_t n)
{
  FILE *f = fopen (path, "wb");

  ck_assert_msg (f != NULL, "%s: %s", path, strerror (errno));
  ck_assert_uint_eq (fwrite (data, 1, n, f), n);
  ck_assert_int_eq (fclose (f), 0);
}

/* DIR/LANG/LC_MESSAGES/libsmtpreply.mo with N bytes of DATA. */
static void
put_catalog (const char *dir, const char *lang, const void *data, size_t n)
{
  char path[1024];

  snprintf (path, sizeof path, "%s/%s", dir, lang);
  mkdir (path, 0700);
  snprintf (path, sizeof path, "%s/%s/LC_MESSAGES", dir, lang);
  mkdir (path, 0700);
  snprintf (path, sizeof path, "%s/%s/LC_MESSAGES/libsmtpreply.mo", dir, lang);
  write_file (path, data, n);
}

static unsigned char *
read_file (const char *path, size_t *n)
{
  FILE *f = fopen (path, "rb");
  unsigned char *data;
  long size;

  ck_assert_msg (f != NULL, "%s", path);
  ck_assert_int_eq (fseek (f, 0, SEEK_END), 0);
  size = ftell (f);
  rewind (f);
  data = malloc ((size_t) size);
  ck_assert_ptr_nonnull (data);
  ck_assert_uint_eq (fread (data, 1, (size_t) size, f), (size_t) size);
  fclose (f);
  *n = (size_t) size;
  return data;
}

static void
put32 (unsigned char *p, unsigned v)
{
  p[0] = (unsigned char) v;
  p[1] = (unsigned char) (v >> 8);
  p[2] = (unsigned char) (v >> 16);
  p[3] = (unsigned char) (v >> 24);
}

/* The child: the catalogs of DIR, real and broken; each broken one gives
   the built-in English, the real one its translation. */
static int
child_corrupt (const char *dir)
{
  static const char *const broken[] = { "aa", "ab", "ac", "ad", "ae", "af",
                                        "ag", "ah", "ai" };
  size_t i;

  bindtextdomain ("libsmtpreply", dir);
  for (i = 0; i < sizeof broken / sizeof broken[0]; i++)
    if (strcmp (smtpreply_describe_lang (550, broken[i]), EN_550) != 0
        || smtpreply_lang_is_available (broken[i]))
      {
        printf ("%s: %s\n", broken[i], smtpreply_describe_lang (550, broken[i]));
        return 1;
      }
  printf ("%s\n", smtpreply_describe_lang (550, "zh_CN"));
  return 0;
}

/* Runs this program with ARGV and ENVP; its last line must be the
   Chinese of 550 (it checked the rest itself).  Then removes DIR. */
static void
run_child_then_remove (char *const argv[], char *const envp[],
                       const char *dir)
{
  static struct test_output out;
  char command[1100];

  test_run (self, argv, envp, NULL, 0, &out);
  ck_assert_msg (out.status == 0, "child: %d %s%s", out.status, out.out,
                 out.err);
  ck_assert_str_eq (out.out, ZH_550 "\n");
  snprintf (command, sizeof command, "rm -rf '%s'", dir);
  ck_assert_int_eq (system (command), 0);
}

START_TEST (test_corrupt_catalogs)
{
  char dir[] = "/tmp/smtpreply-catalogs-XXXXXX";
  size_t n, originals;
  unsigned char *mo = read_file (TEST_LOCALEDIR "/zh_CN/LC_MESSAGES/libsmtpreply.mo", &n);
  unsigned char *bad = malloc (n);
  char *argv[] = { (char *) "check-catalog", (char *) "--corrupt", dir, NULL };
  char *envp[] = { (char *) "LANG=C.UTF-8", NULL };

  ck_assert_ptr_nonnull (bad);
  ck_assert_ptr_nonnull (mkdtemp (dir));
  put_catalog (dir, "zh_CN", mo, n);            /* the real one */
  put_catalog (dir, "aa", mo, 27);              /* shorter than a header */
  put_catalog (dir, "ab", mo, n / 2);           /* cut in the middle */
  memcpy (bad, mo, n);
  bad[0] ^= 0xff;                               /* not the magic number */
  put_catalog (dir, "ac", bad, n);
  memcpy (bad, mo, n);
  put32 (bad + 12, 0xfffffff0u);                /* originals past the end */
  put_catalog (dir, "ad", bad, n);
  memcpy (bad, mo, n);
  put32 (bad + 8, 0x7fffffffu);                 /* more messages than bytes */
  put_catalog (dir, "ae", bad, n);
  memcpy (bad, mo, n);
  originals = (size_t) bad[12] | (size_t) bad[13] << 8;
  put32 (bad + originals + 8 * 5 + 4, (unsigned) n - 1);  /* a string at the end */
  put32 (bad + originals + 8 * 5, 200);
  put_catalog (dir, "af", bad, n);
  put_catalog (dir, "ag", "", 0);               /* empty */
  memcpy (bad, mo, n);
  put32 (bad + 4, 0x00050000u);                 /* a revision we do not know */
  put_catalog (dir, "ah", bad, n);
  {
    /* A catalog in another charset than UTF-8. */
    size_t at;

    for (at = 0; at + 13 <= n && memcmp (mo + at, "charset=UTF-8", 13) != 0;
         at++)
      ;
    ck_assert_uint_lt (at + 13, n + 1);
    memcpy (bad, mo, n);
    memcpy (bad + at, "charset=KOI-8", 13);
    put_catalog (dir, "ai", bad, n);
  }
  run_child_then_remove (argv, envp, dir);
  free (mo);
  free (bad);
}
END_TEST

/* The cache limit: a process keeps at most 32 languages' catalogs.  In a
   fresh process with 34 languages installed (copies of the Chinese
   catalog, "qa" to "rh"), the first 32 asked for answer in their catalog,
   the later ones in the built-in English (and are not available), however
   often asked; the first ones keep answering. */
static int
child_many (const char *dir)
{
  char tag[3] = "qa";
  int i, round;

  bindtextdomain ("libsmtpreply", dir);
  for (round = 0; round < 3; round++)
    for (i = 0; i < 34; i++)
      {
        const char *expect = i < 32 ? ZH_550 : EN_550;

        tag[0] = (char) ('q' + i / 26);
        tag[1] = (char) ('a' + i % 26);
        if (strcmp (smtpreply_describe_lang (550, tag), expect) != 0
            || smtpreply_lang_is_available (tag) != (i < 32))
          {
            printf ("%s (round %d): %s\n", tag, round,
                    smtpreply_describe_lang (550, tag));
            return 1;
          }
      }
  printf ("%s\n", smtpreply_describe_lang (550, "qa"));
  return 0;
}

START_TEST (test_catalog_limit)
{
  char dir[] = "/tmp/smtpreply-catalogs-XXXXXX", tag[3] = "qa";
  size_t n;
  unsigned char *mo = read_file (TEST_LOCALEDIR "/zh_CN/LC_MESSAGES/libsmtpreply.mo", &n);
  char *argv[] = { (char *) "check-catalog", (char *) "--many", dir, NULL };
  char *envp[] = { (char *) "LANG=C.UTF-8", NULL };
  int i;

  ck_assert_ptr_nonnull (mkdtemp (dir));
  for (i = 0; i < 34; i++)
    {
      tag[0] = (char) ('q' + i / 26);
      tag[1] = (char) ('a' + i % 26);
      put_catalog (dir, tag, mo, n);
    }
  run_child_then_remove (argv, envp, dir);
  free (mo);
}
END_TEST

/* Tags from outside *****************************************************/

/* 100,000 distinct tags, each well formed but naming no catalog: each
   gives English, and the library keeps nothing for them. */
START_TEST (test_junk_tags_keep_nothing)
{
  size_t before, after;
  char tag[16];
  int i;

  test_bind_catalogs (TEST_LOCALEDIR);
  ck_assert_str_eq (smtpreply_describe_lang (550, "zh_CN"), ZH_550);
  before = mallinfo2 ().uordblks;
  for (i = 0; i < 100000; i++)
    {
      snprintf (tag, sizeof tag, "q%c%c-%c%c", 'a' + i % 26, 'a' + i / 26 % 26,
                'A' + i / 676 % 26, 'A' + i / 17576 % 26);
      ck_assert_str_eq (smtpreply_describe_lang (550, tag), EN_550);
    }
  after = mallinfo2 ().uordblks;
  ck_assert_msg (after <= before + 4096, "%zu bytes more after 100,000 tags",
                 after - before);
  ck_assert_str_eq (smtpreply_describe_lang (550, "zh_CN"), ZH_550);
}
END_TEST

/* Codesets ****************************************************************/

/* LC_CTYPE in GB18030 and LC_MESSAGES in UTF-8: the plain lookups follow
   the thread's codeset (GB18030), _lang is UTF-8, in either order. */
START_TEST (test_codesets_in_either_order)
{
  char gb[512];

  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=zh_CN.GB18030",
                                                "LC_MESSAGES=zh_CN.UTF-8",
                                                NULL });
  snprintf (gb, sizeof gb, "%s", test_convert (ZH_550, "GB18030"));
  if (_i == 0)
    {
      ck_assert_str_eq (smtpreply_describe (550), gb);
      ck_assert_str_eq (smtpreply_describe_lang (550, "zh_CN"), ZH_550);
    }
  else
    {
      ck_assert_str_eq (smtpreply_describe_lang (550, "zh_CN"), ZH_550);
      ck_assert_str_eq (smtpreply_describe (550), gb);
    }
  ck_assert_str_eq (smtpreply_describe (550), gb);
  ck_assert_str_eq (smtpreply_describe_lang (550, "zh-CN"), ZH_550);

  /* LC_CTYPE=C: the plain lookup cannot show Chinese (gettext writes
     '?'); _lang is still UTF-8. */
  test_set_environment ((const char *const[]) { "LC_CTYPE=C",
                                                "LC_MESSAGES=zh_CN.UTF-8",
                                                NULL });
  ck_assert_str_eq (smtpreply_describe_lang (550, "zh_CN"), ZH_550);
  ck_assert_ptr_nonnull (strchr (smtpreply_describe (550), '?'));
  ck_assert_str_eq (smtpreply_describe_lang (550, "zh_CN"), ZH_550);
}
END_TEST

/* After the library's destructor ******************************************/

/* tests/late-exit loads a catalog; a library finalized after libsmtpreply
   then calls _lang: English, for a tag that has a catalog too. */
START_TEST (test_lang_after_destructor)
{
  static struct test_output out;
  char *argv[] = { (char *) "late-exit", NULL };
  char *envp[] = { (char *) "LANG=C.UTF-8", NULL };

  test_run (TEST_LATE_EXIT, argv, envp, NULL, 0, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.out, ZH_550 "\n");
  ck_assert_str_eq (out.err, "late: " EN_550 " | " EN_550 " | 0\n");
}
END_TEST

int
main (int argc, char **argv)
{
  static const char *const needed[] = { "zh_CN.UTF-8", "zh_CN.GB18030",
                                        "zh_TW.UTF-8", "ja_JP.UTF-8",
                                        "ko_KR.UTF-8", "de_DE.UTF-8",
                                        "fr_FR.UTF-8", "es_ES.UTF-8",
                                        "pt_BR.UTF-8", "ru_RU.UTF-8",
                                        "en_US.UTF-8", NULL };
  Suite *s;
  TCase *tc;
  int skip;

  self = argv[0];
  if (argc == 3 && strcmp (argv[1], "--without-locales") == 0)
    return child_without_locales (argv[2]);
  if (argc == 3 && strcmp (argv[1], "--corrupt") == 0)
    return child_corrupt (argv[2]);
  if (argc == 3 && strcmp (argv[1], "--many") == 0)
    return child_many (argv[2]);

  skip = test_require_locales (needed);
  if (skip)
    return skip;
  s = suite_create ("catalogs");
  tc = tcase_create ("_lang from the catalogs");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_linguas_covered);
  tcase_add_loop_test (tc, test_lang_without_locales, 0,
                       sizeof languages / sizeof languages[0]);
  tcase_add_test (tc, test_corrupt_catalogs);
  tcase_add_test (tc, test_catalog_limit);
  tcase_add_test (tc, test_junk_tags_keep_nothing);
  tcase_add_loop_test (tc, test_codesets_in_either_order, 0, 2);
  tcase_add_test (tc, test_lang_after_destructor);
  suite_add_tcase (s, tc);
  return test_run_suite (s);
}
