/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-locale.c: language switching the standard way (LANG, LC_ALL,
   LC_MESSAGES, LANGUAGE), codesets, missing and partial catalogs, and the
   completeness of every catalog in po/LINGUAS.  Each scenario is its own
   test case, with the exact expected strings. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Expected texts.  EN_* are the built-in English; EN_CATALOG_* the en
   catalog's (typographic apostrophe); ZH_* the zh_CN catalog's. */
#define EN_550 "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)"
#define EN_551 "The recipient's mailbox is not on this server; try the address the server gives"
#define EN_559 "Permanent failure: mail system"
#define EN_UNKNOWN "Unknown reply code"
#define EN_CATALOG_551 "The recipient\u2019s mailbox is not on this server; try the address the server gives"
#define ZH_550 "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）"
#define ZH_551 "收件人邮箱不在此服务器上，请改用服务器提供的地址"
#define ZH_559 "永久失败：邮件系统"
#define ZH_UNKNOWN "未知的回复代码"

static const char *const en_builtin[4] = { EN_550, EN_551, EN_559, EN_UNKNOWN };
static const char *const en_catalog[4] = { EN_550, EN_CATALOG_551, EN_559,
                                           EN_UNKNOWN };
static const char *const zh[4] = { ZH_550, ZH_551, ZH_559, ZH_UNKNOWN };

/* Asserts the texts of 550, 551, 559 and 1000 in the current setting. */
static void
assert_texts (const char *const expected[4])
{
  ck_assert_str_eq (smtpreply_describe (550), expected[0]);
  ck_assert_str_eq (smtpreply_describe (551), expected[1]);
  ck_assert_str_eq (smtpreply_describe (559), expected[2]);
  ck_assert_str_eq (smtpreply_describe (1000), expected[3]);
}

static void
scenario (const char *const *env, const char *const expected[4])
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment (env);
  assert_texts (expected);
}

START_TEST (test_lang_zh_cn)
{
  scenario ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL }, zh);
}
END_TEST

START_TEST (test_lang_en_us)
{
  scenario ((const char *const[]) { "LANG=en_US.UTF-8", NULL }, en_catalog);
}
END_TEST

START_TEST (test_lang_c)
{
  scenario ((const char *const[]) { "LANG=C", NULL }, en_builtin);
}
END_TEST

START_TEST (test_lang_posix)
{
  scenario ((const char *const[]) { "LANG=POSIX", NULL }, en_builtin);
}
END_TEST

START_TEST (test_environment_unset)
{
  scenario ((const char *const[]) { NULL }, en_builtin);
}
END_TEST

/* Installed locale, no catalog of ours: the built-in English. */
START_TEST (test_lang_without_catalog)
{
  scenario ((const char *const[]) { "LANG=sv_SE.UTF-8", NULL }, en_builtin);
}
END_TEST

START_TEST (test_lc_all_overrides_lang)
{
  scenario ((const char *const[]) { "LANG=en_US.UTF-8",
                                    "LC_ALL=zh_CN.UTF-8", NULL }, zh);
}
END_TEST

START_TEST (test_lc_all_overrides_lang_back)
{
  scenario ((const char *const[]) { "LANG=zh_CN.UTF-8",
                                    "LC_ALL=en_US.UTF-8", NULL }, en_catalog);
}
END_TEST

START_TEST (test_lc_messages_overrides_lang)
{
  scenario ((const char *const[]) { "LANG=en_US.UTF-8",
                                    "LC_MESSAGES=zh_CN.UTF-8", NULL }, zh);
}
END_TEST

/* gettext's precedence: LANGUAGE beats LANG when the locale is not C. */
START_TEST (test_language_overrides_lang)
{
  scenario ((const char *const[]) { "LANG=en_US.UTF-8", "LANGUAGE=zh_CN",
                                    NULL }, zh);
}
END_TEST

/* ... and is ignored in the C locale, as gettext defines it. */
START_TEST (test_language_ignored_in_c)
{
  scenario ((const char *const[]) { "LANG=C", "LANGUAGE=zh_CN", NULL },
            en_builtin);
}
END_TEST

/* A GB18030 terminal gets GB18030 bytes. */
START_TEST (test_lang_gb18030)
{
  const char *expected[4];
  char copies[4][512];
  int i;

  for (i = 0; i < 4; i++)
    {
      snprintf (copies[i], sizeof copies[i], "%s",
                test_convert (zh[i], "GB18030"));
      expected[i] = copies[i];
      ck_assert_str_ne (expected[i], zh[i]);
    }
  /* First bytes of 操 in GB18030, written out once as a fixed point. */
  ck_assert_int_eq ((unsigned char) copies[0][0], 0xB2);
  ck_assert_int_eq ((unsigned char) copies[0][1], 0xD9);
  scenario ((const char *const[]) { "LANG=zh_CN.GB18030", NULL }, expected);
}
END_TEST

START_TEST (test_missing_catalog_directory)
{
  test_bind_catalogs ("/nonexistent/libsmtpreply-test/locale");
  test_set_environment ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL });
  assert_texts (en_builtin);
}
END_TEST

/* The partial catalog lacks the 550 message only. */
START_TEST (test_catalog_missing_one_string)
{
  test_bind_catalogs (TEST_PARTIAL_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL });
  ck_assert_str_eq (smtpreply_describe (550), EN_550);
  ck_assert_str_eq (smtpreply_describe (551), ZH_551);
  ck_assert_str_eq (smtpreply_describe (559), ZH_559);
}
END_TEST

/* describe_r with every buffer size, in a multibyte codeset: the result is
   the longest prefix of whole characters that fits. */
static void
check_describe_r_all_sizes (int code)
{
  const char *full = smtpreply_describe (code);
  size_t len = strlen (full), size;
  char buf[1024];

  ck_assert_uint_lt (len, sizeof buf);
  ck_assert_int_eq (smtpreply_describe_r (code, buf, 0), ERANGE);
  for (size = 1; size <= len + 1; size++)
    {
      mbstate_t state;
      size_t got, next;
      int rc;

      memset (buf, 0x7f, sizeof buf);
      rc = smtpreply_describe_r (code, buf, size);
      got = strlen (buf);
      ck_assert_uint_lt (got, size);
      ck_assert_int_eq (rc, got == len ? 0 : ERANGE);
      ck_assert_int_eq (memcmp (buf, full, got), 0);
      ck_assert_int_eq (buf[size], 0x7f);
      /* Whole characters only: the prefix converts cleanly. */
      {
        const char *p = buf;

        memset (&state, 0, sizeof state);
        ck_assert_msg (mbsrtowcs (NULL, &p, 0, &state) != (size_t) -1,
                       "size %zu cut a character", size);
      }
      /* Longest: the next character would not have fit. */
      if (got < len)
        {
          memset (&state, 0, sizeof state);
          next = mbrlen (full + got, len - got, &state);
          ck_assert_uint_le (next, len - got);
          ck_assert_uint_gt (got + next, size - 1);
        }
    }
}

START_TEST (test_describe_r_utf8)
{
  scenario ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL }, zh);
  ck_assert_uint_eq (strlen (smtpreply_describe (550)) % 3, 0);
  check_describe_r_all_sizes (550);
  check_describe_r_all_sizes (551);
  check_describe_r_all_sizes (1000);
}
END_TEST

START_TEST (test_describe_r_gb18030)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=zh_CN.GB18030", NULL });
  check_describe_r_all_sizes (550);
  check_describe_r_all_sizes (551);
  check_describe_r_all_sizes (1000);
}
END_TEST

/* Every message of the data file, in every catalog of po/LINGUAS. */
static const char *const catalog_msgids[] = {
#define N_(msgid) msgid
#define REPLY(code, text) text,
#define REPLY_IN_CONTEXT(code, context, text) text,
#define CATEGORY_TEXT(cls, category, text) text,
#define UNKNOWN_TEXT(text) text,
#define REPLY_ADVICE(code, advice) advice,
#define REPLY_IN_CONTEXT_ADVICE(code, context, advice) advice,
#define CLASS_ADVICE(cls, advice) advice,
#define INVALID_ADVICE(advice) advice,
#include "../src/reply-codes.def"
#define SAME_AS_SUBJECT NULL
#define ENHANCED_ADVICE(subject, detail, transient, permanent) \
  transient, permanent,
#define ENHANCED(subject, detail, title) title,
#define ENHANCED_CLASS(cls, text) text,
#define ENHANCED_INVALID(text) text,
#include "../src/enhanced-codes.def"
#undef N_
};

/* Reads the languages of po/LINGUAS into LANGS; returns how many. */
static int
read_linguas (char langs[][32], int max)
{
  FILE *f = fopen (TEST_SRCDIR "/../po/LINGUAS", "r");
  char line[256];
  int n = 0;

  ck_assert_ptr_nonnull (f);
  while (n < max && fgets (line, sizeof line, f) != NULL)
    {
      char *hash = strchr (line, '#');

      if (hash != NULL)
        *hash = '\0';
      if (sscanf (line, "%31s", langs[n]) == 1)
        n++;
    }
  fclose (f);
  return n;
}

START_TEST (test_every_catalog_complete)
{
  char langs[64][32];
  int n = read_linguas (langs, 64), i;
  size_t m;

  ck_assert_int_ge (n, 2);
  test_bind_catalogs (TEST_LOCALEDIR);
  for (i = 0; i < n; i++)
    {
      char language[64];

      snprintf (language, sizeof language, "LANGUAGE=%.31s", langs[i]);
      test_set_environment ((const char *const[]) { "LANG=en_US.UTF-8",
                                                    language, NULL });
      for (m = 0; m < sizeof catalog_msgids / sizeof catalog_msgids[0]; m++)
        {
          const char *msgid = catalog_msgids[m], *msgstr;

          if (msgid == NULL)    /* SAME_AS_SUBJECT */
            continue;
          msgstr = dgettext (SMTPREPLY_TEXT_DOMAIN, msgid);

          /* gettext hands back the msgid itself when it has no translation
             (no entry, an empty msgstr, or a fuzzy one msgfmt left out). */
          ck_assert_msg (msgstr != msgid && msgstr[0] != '\0',
                         "%s: \"%s\" is not translated", langs[i], msgid);
          if (strcmp (langs[i], "en") != 0)
            ck_assert_msg (strcmp (msgstr, msgid) != 0,
                           "%s: \"%s\" is the English text", langs[i], msgid);
        }
    }
}
END_TEST

/* The tools' view of the same, covering the CLI's messages too: msgfmt
   reports no untranslated or fuzzy message in any catalog. */
START_TEST (test_msgfmt_statistics)
{
  char langs[64][32];
  int n = read_linguas (langs, 64), i;

  for (i = 0; i < n; i++)
    {
      char po[512];
      struct test_output out;
      char *argv[] = { (char *) MSGFMT_PATH, (char *) "--check",
                       (char *) "--statistics", (char *) "-o",
                       (char *) "/dev/null", po, NULL };
      char *envp[] = { (char *) "LC_ALL=C", NULL };

      snprintf (po, sizeof po, "%s/../po/%.31s.po", TEST_SRCDIR, langs[i]);
      test_run (MSGFMT_PATH, argv, envp, NULL, 0, &out);
      ck_assert_msg (out.status == 0, "%s: %.300s", po, out.err);
      ck_assert_msg (strstr (out.err, "untranslated") == NULL
                     && strstr (out.err, "fuzzy") == NULL
                     && strstr (out.err, " translated messages.") != NULL,
                     "%s: %.300s", langs[i], out.err);
    }
}
END_TEST

static Suite *
locale_suite (void)
{
  const struct
  {
    const char *name;
    const TTest *test;
  } scenarios[] = {
    { "LANG=zh_CN.UTF-8", test_lang_zh_cn },
    { "LANG=en_US.UTF-8", test_lang_en_us },
    { "LANG=C", test_lang_c },
    { "LANG=POSIX", test_lang_posix },
    { "no locale variables", test_environment_unset },
    { "LANG=sv_SE.UTF-8 (no catalog)", test_lang_without_catalog },
    { "LC_ALL over LANG", test_lc_all_overrides_lang },
    { "LC_ALL over LANG (en)", test_lc_all_overrides_lang_back },
    { "LC_MESSAGES over LANG", test_lc_messages_overrides_lang },
    { "LANGUAGE over LANG", test_language_overrides_lang },
    { "LANGUAGE ignored in C", test_language_ignored_in_c },
    { "LANG=zh_CN.GB18030", test_lang_gb18030 },
    { "missing catalog directory", test_missing_catalog_directory },
    { "catalog missing one string", test_catalog_missing_one_string },
    { "describe_r UTF-8", test_describe_r_utf8 },
    { "describe_r GB18030", test_describe_r_gb18030 },
    { "every catalog complete", test_every_catalog_complete },
    { "msgfmt statistics", test_msgfmt_statistics },
  };
  Suite *s = suite_create ("locale");
  size_t i;

  for (i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++)
    {
      TCase *tc = tcase_create (scenarios[i].name);

      tcase_add_test (tc, scenarios[i].test);
      suite_add_tcase (s, tc);
    }
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", "zh_CN.GB18030",
                                        "en_US.UTF-8", "sv_SE.UTF-8", NULL };
  int skip = test_require_locales (needed);

  return skip ? skip : test_run_suite (locale_suite ());
}
