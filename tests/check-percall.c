/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-percall.c: the _l functions (a locale object per call) and the
   _lang functions (a language tag per call), in every locale scenario of
   the core tests, and the caller's locale left as it was. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EN_550 "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)"
#define EN_551 "The recipient's mailbox is not on this server; try the address the server gives"
#define EN_CATALOG_551 "The recipient\u2019s mailbox is not on this server; try the address the server gives"
#define ZH_550 "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）"
#define ZH_551 "收件人邮箱不在此服务器上，请改用服务器提供的地址"
#define DE_551 "Das Postfach des Empfängers ist nicht auf diesem Server; versuchen Sie es mit der vom Server genannten Adresse"

static locale_t zh, en, c_loc, posix, sv, gb;

static void
setup (void)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  /* The process speaks neither language the calls ask for. */
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
  zh = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);
  en = newlocale (LC_ALL_MASK, "en_US.UTF-8", (locale_t) 0);
  c_loc = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  posix = newlocale (LC_ALL_MASK, "POSIX", (locale_t) 0);
  sv = newlocale (LC_ALL_MASK, "sv_SE.UTF-8", (locale_t) 0);
  gb = newlocale (LC_ALL_MASK, "zh_CN.GB18030", (locale_t) 0);
  ck_assert (zh && en && c_loc && posix && sv && gb);
}

static void
teardown (void)
{
  uselocale (LC_GLOBAL_LOCALE);
  freelocale (zh);
  freelocale (en);
  freelocale (c_loc);
  freelocale (posix);
  freelocale (sv);
  freelocale (gb);
}

/* _l in each locale: the text, and the caller's locale unchanged. */
START_TEST (test_l_scenarios)
{
  const struct
  {
    locale_t loc;
    const char *t550, *t551;
  } rows[] = {
    { zh, ZH_550, ZH_551 },
    { en, EN_550, EN_CATALOG_551 },
    { c_loc, EN_550, EN_551 },
    { posix, EN_550, EN_551 },
    { sv, EN_550, EN_551 },
  };
  size_t i;

  for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
    {
      locale_t before = uselocale ((locale_t) 0);

      ck_assert_str_eq (smtpreply_describe_l (550, rows[i].loc), rows[i].t550);
      ck_assert_str_eq (smtpreply_describe_l (551, rows[i].loc), rows[i].t551);
      ck_assert_ptr_eq (uselocale ((locale_t) 0), before);
      ck_assert_str_eq (smtpreply_describe (550), EN_550);
    }
}
END_TEST

START_TEST (test_l_gb18030)
{
  char expected[512];

  snprintf (expected, sizeof expected, "%s", test_convert (ZH_550, "GB18030"));
  ck_assert_str_eq (smtpreply_describe_l (550, gb), expected);
  ck_assert_str_eq (smtpreply_describe_enhanced_l (5, 1, 1, gb),
                    test_convert ("收件人邮箱不存在", "GB18030"));
}
END_TEST

/* (locale_t) 0 is the thread's own locale; LC_GLOBAL_LOCALE the
   process's; a thread's uselocale is restored after the call. */
START_TEST (test_l_special_values)
{
  test_set_environment ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL });
  ck_assert_str_eq (smtpreply_describe_l (550, (locale_t) 0), ZH_550);
  uselocale (en);
  ck_assert_str_eq (smtpreply_describe_l (551, (locale_t) 0), EN_CATALOG_551);
  ck_assert_str_eq (smtpreply_describe_l (550, LC_GLOBAL_LOCALE), ZH_550);
  ck_assert_ptr_eq (uselocale ((locale_t) 0), en);
  ck_assert_str_eq (smtpreply_describe_l (551, c_loc), EN_551);
  ck_assert_ptr_eq (uselocale ((locale_t) 0), en);
  ck_assert_str_eq (smtpreply_describe_lang (550, "zh"), ZH_550);
  ck_assert_ptr_eq (uselocale ((locale_t) 0), en);
  uselocale (LC_GLOBAL_LOCALE);
}
END_TEST

/* LANGUAGE takes precedence over the locale's language, as gettext
   defines it, except in the C locale: for the _l functions, which go
   through gettext.  A _lang call names its language itself: LANGUAGE does
   not change it (since 0.2; before, it went through gettext too). */
START_TEST (test_l_language_precedence)
{
  test_set_environment ((const char *const[]) { "LANG=C", "LANGUAGE=zh_CN",
                                                NULL });
  ck_assert_str_eq (smtpreply_describe_l (550, en), ZH_550);
  ck_assert_str_eq (smtpreply_describe_l (550, c_loc), EN_550);
  ck_assert_str_eq (smtpreply_describe_lang (551, "en"), EN_CATALOG_551);
}
END_TEST

START_TEST (test_l_missing_catalogs)
{
  test_bind_catalogs ("/nonexistent/libsmtpreply-test/locale");
  ck_assert_str_eq (smtpreply_describe_l (550, zh), EN_550);
  ck_assert_str_eq (smtpreply_describe_lang (550, "zh_CN"), EN_550);
}
END_TEST

START_TEST (test_l_partial_catalog)
{
  test_bind_catalogs (TEST_PARTIAL_LOCALEDIR);
  ck_assert_str_eq (smtpreply_describe_l (550, zh), EN_550);
  ck_assert_str_eq (smtpreply_describe_l (551, zh), ZH_551);
}
END_TEST

/* Every _l function gives what the plain one gives in that locale. */
START_TEST (test_l_family_matches_uselocale)
{
  const locale_t locs[] = { zh, en, c_loc, gb };
  const char *in = "552-5.2.2 full\r\n552 5.2.2 full\r\n";
  struct smtpreply_reply reply;
  size_t i;

  ck_assert_int_eq (smtpreply_parse (in, strlen (in), 0, &reply),
                    SMTPREPLY_PARSE_OK);
  for (i = 0; i < 4; i++)
    {
      char a[256], b[256];
      struct smtpreply_explanation x, y;
      const char *want[5], *got[5];
      int k;

      got[0] = smtpreply_describe_ctx_l (454, SMTPREPLY_CTX_AUTH, locs[i]);
      got[1] = smtpreply_describe_enhanced_l (4, 7, 500, locs[i]);
      got[2] = smtpreply_describe_enhanced_str_l ("5.1.1", locs[i]);
      got[3] = smtpreply_strerror_l (SMTPREPLY_PARSE_TRUNCATED, locs[i]);
      got[4] = smtpreply_describe_l (559, locs[i]);
      ck_assert_int_eq (smtpreply_explain_l (&reply, SMTPREPLY_CTX_RCPT, &x,
                                             locs[i]), 0);
      ck_assert_int_eq (smtpreply_describe_r_l (551, a, 20, locs[i]), ERANGE);

      uselocale (locs[i]);
      want[0] = smtpreply_describe_ctx (454, SMTPREPLY_CTX_AUTH);
      want[1] = smtpreply_describe_enhanced (4, 7, 500);
      want[2] = smtpreply_describe_enhanced_str ("5.1.1");
      want[3] = smtpreply_strerror (SMTPREPLY_PARSE_TRUNCATED);
      want[4] = smtpreply_describe (559);
      ck_assert_int_eq (smtpreply_explain (&reply, SMTPREPLY_CTX_RCPT, &y), 0);
      ck_assert_int_eq (smtpreply_describe_r (551, b, 20), ERANGE);
      uselocale (LC_GLOBAL_LOCALE);

      for (k = 0; k < 5; k++)
        ck_assert_str_eq (got[k], want[k]);
      ck_assert_str_eq (a, b);
      ck_assert_str_eq (x.headline, y.headline);
      ck_assert_str_eq (x.description, y.description);
      ck_assert_str_eq (x.enhanced_description, y.enhanced_description);
      /* 552 at RCPT, but 5.2.2 says the mailbox is full: permanent. */
      ck_assert_int_eq (x.outcome, SMTPREPLY_CLASS_PERMANENT);
      ck_assert_int_eq (x.reason, SMTPREPLY_REASON_MAILBOX_FULL);
      ck_assert_str_eq (x.headline, y.headline);
    }
}
END_TEST

/* Language tags. */
static const struct
{
  const char *tag;
  int available;
  const char *t551;
} tags[] = {
  { "zh_CN", 1, ZH_551 },
  { "zh-CN", 1, ZH_551 },
  { "zh-cn", 1, ZH_551 },
  { "ZH_cn", 1, ZH_551 },
  { "zh", 1, ZH_551 },
  { "zh-Hans", 1, ZH_551 },
  { "zh-Hans-CN", 1, ZH_551 },
  { "zh_CN.UTF-8", 1, ZH_551 },
  { "zh_CN.utf8", 1, ZH_551 },
  { "zh_CN.GB18030", 1, ZH_551 },       /* the codeset is always UTF-8 */
  { "en", 1, EN_CATALOG_551 },
  { "en_US", 1, EN_CATALOG_551 },
  { "en-US", 1, EN_CATALOG_551 },
  { "sv", 0, EN_551 },                  /* a language without a catalog */
  { "sv_SE.UTF-8", 0, EN_551 },
  { "xx", 0, EN_551 },                  /* no such language */
  { "de_AT", 1, DE_551 },               /* no de_AT catalog: de's */
  { "nl", 0, EN_551 },
  { "C", 0, EN_551 },
  { "POSIX", 0, EN_551 },
  { "", 0, EN_551 },
  { "z", 0, EN_551 },
  { "zhcn", 0, EN_551 },
  { "zh_", 0, EN_551 },
  { "zh_CN_", 0, EN_551 },
  /* A numeric (UN M.49) region names no locale: the language's default. */
  { "es-419", 1, "El buzón del destinatario no está en este servidor; pruebe la dirección que indica el servidor" },
  { "zh CN", 0, EN_551 },
  { "zh_CN;rm -rf /", 0, EN_551 },
  { "../../zh_CN", 0, EN_551 },
  { "zh_CN@", 0, EN_551 },
  { "\xe4\xb8\xad\xe6\x96\x87", 0, EN_551 },
  { "zh_CN.UTF-8.UTF-8", 0, EN_551 },
  { "zh_CN.a-codeset-name-longer-than-the-per-thread-cache", 1, ZH_551 },
  { "zh_CN@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, EN_551 },
};

START_TEST (test_lang_tags)
{
  locale_t before = uselocale ((locale_t) 0);

  ck_assert_int_eq (smtpreply_lang_is_available (tags[_i].tag),
                    tags[_i].available);
  ck_assert_str_eq (smtpreply_describe_lang (551, tags[_i].tag), tags[_i].t551);
  /* Twice: the second answer comes from the caches. */
  ck_assert_str_eq (smtpreply_describe_lang (551, tags[_i].tag), tags[_i].t551);
  ck_assert_ptr_eq (uselocale ((locale_t) 0), before);
}
END_TEST

/* A NULL tag is the built-in English, even where the thread's language
   is another (the plain lookups answer in it). */
START_TEST (test_lang_null)
{
  static const char text[] = "550 5.1.1 no such user\r\n";
  struct smtpreply_reply reply;
  struct smtpreply_explanation ex, in_c;
  const char *got[5];
  int i;

  ck_assert_int_eq (smtpreply_parse (text, sizeof text - 1, 0, &reply),
                    SMTPREPLY_PARSE_OK);
  test_set_environment ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL });
  ck_assert_str_eq (smtpreply_describe (550), ZH_550);
  got[0] = smtpreply_describe_lang (550, NULL);
  got[1] = smtpreply_describe_enhanced_str_lang ("5.1.1", NULL);
  got[2] = smtpreply_strerror_lang (SMTPREPLY_PARSE_NUL, NULL);
  got[3] = smtpreply_advice_lang (550, NULL);
  got[4] = smtpreply_describe_ctx_lang (550, SMTPREPLY_CTX_RCPT, NULL);
  ck_assert_int_eq (smtpreply_explain_lang (&reply, SMTPREPLY_CTX_RCPT, &ex,
                                            NULL), 0);
  /* The same in the C locale: the built-in English. */
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
  ck_assert_str_eq (got[0], EN_550);
  ck_assert_str_eq (got[1], "Bad destination mailbox address");
  ck_assert_str_eq (got[2], "The reply contains a NUL byte");
  ck_assert_str_eq (got[3], smtpreply_advice (550));
  ck_assert_str_eq (got[4], smtpreply_describe_ctx (550, SMTPREPLY_CTX_RCPT));
  ck_assert_int_eq (smtpreply_explain (&reply, SMTPREPLY_CTX_RCPT, &in_c), 0);
  ck_assert_str_eq (ex.headline, in_c.headline);
  ck_assert_str_eq (ex.description, in_c.description);
  ck_assert_str_eq (ex.enhanced_description, in_c.enhanced_description);
  ck_assert_str_eq (ex.advice, in_c.advice);
  for (i = 0; i < 5; i++)
    ck_assert_ptr_null (strstr (got[i], "\xe6"));  /* no CJK lead bytes */
  ck_assert_int_eq (smtpreply_lang_is_available (NULL), 0);
  ck_assert_str_eq (smtpreply_describe_lang (551, NULL), EN_551);
  ck_assert_str_eq (smtpreply_describe_lang (1000, NULL), "Unknown reply code");
}
END_TEST

/* _lang is UTF-8 even when the process runs in GB18030. */
START_TEST (test_lang_utf8_in_gb18030_process)
{
  char buf[16];

  test_set_environment ((const char *const[]) { "LANG=zh_CN.GB18030", NULL });
  ck_assert_str_eq (smtpreply_describe (550), test_convert (ZH_550, "GB18030"));
  ck_assert_str_eq (smtpreply_describe_lang (550, "zh_CN"), ZH_550);
  ck_assert_str_eq (smtpreply_describe_enhanced_str_lang ("5.1.1", "zh"),
                    "收件人邮箱不存在");
  /* Cut on UTF-8 boundaries: 5 bytes hold one 3-byte character. */
  ck_assert_int_eq (smtpreply_describe_r_lang (550, buf, 6, "zh"), ERANGE);
  ck_assert_uint_eq (strlen (buf), 3);
  ck_assert_int_eq (memcmp (buf, ZH_550, 3), 0);
}
END_TEST

START_TEST (test_lang_family)
{
  const char *in = "454 4.7.0 Try later\r\n";
  struct smtpreply_reply reply;
  struct smtpreply_explanation x;

  ck_assert_str_eq (smtpreply_describe_ctx_lang (454, SMTPREPLY_CTX_STARTTLS,
                                                 "zh-CN"),
                    "加密连接（TLS）暂时不可用");
  ck_assert_str_eq (smtpreply_describe_enhanced_lang (5, 2, 2, "zh"),
                    "邮箱已满");
  ck_assert_str_eq (smtpreply_strerror_lang (SMTPREPLY_PARSE_NUL, "zh"),
                    "回复中包含 NUL 字节");
  ck_assert_int_eq (smtpreply_parse (in, strlen (in), 0, &reply),
                    SMTPREPLY_PARSE_OK);
  ck_assert_int_eq (smtpreply_explain_lang (&reply, SMTPREPLY_CTX_AUTH, &x,
                                            "zh"), 0);
  /* 454 at AUTH: sign-in failed; the code's own text says for now. */
  ck_assert_int_eq (x.reason, SMTPREPLY_REASON_AUTH_FAILED);
  ck_assert_str_eq (x.headline, "身份验证失败");
  ck_assert_str_eq (x.description, "身份验证因临时原因失败");
  ck_assert_int_eq (smtpreply_explain_lang (NULL, SMTPREPLY_CTX_AUTH, &x,
                                            "zh"), EINVAL);
  ck_assert_int_eq (smtpreply_explain_l (&reply, SMTPREPLY_CTX_AUTH, NULL,
                                         zh), EINVAL);
}
END_TEST

/* Tags that name no installed locale do not fill the cache: a real
   language still works after many of them. */
START_TEST (test_lang_cache_not_exhausted)
{
  char tag[8];
  int a, b;

  for (a = 0; a < 26; a++)
    for (b = 0; b < 26; b++)
      {
        snprintf (tag, sizeof tag, "q%c_%c%c", 'a' + a, 'A' + b, 'A' + a);
        ck_assert_str_eq (smtpreply_describe_lang (551, tag), EN_551);
      }
  ck_assert_str_eq (smtpreply_describe_lang (551, "zh_CN"), ZH_551);
  ck_assert_str_eq (smtpreply_describe_lang (551, "en"), EN_CATALOG_551);
}
END_TEST

static Suite *
percall_suite (void)
{
  Suite *s = suite_create ("per-call language");
  TCase *tc;

  tc = tcase_create ("_l");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_l_scenarios);
  tcase_add_test (tc, test_l_gb18030);
  tcase_add_test (tc, test_l_special_values);
  tcase_add_test (tc, test_l_language_precedence);
  tcase_add_test (tc, test_l_missing_catalogs);
  tcase_add_test (tc, test_l_partial_catalog);
  tcase_add_test (tc, test_l_family_matches_uselocale);
  suite_add_tcase (s, tc);

  tc = tcase_create ("_lang");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_loop_test (tc, test_lang_tags, 0, N_ELEMENTS (tags));
  tcase_add_test (tc, test_lang_null);
  tcase_add_test (tc, test_lang_utf8_in_gb18030_process);
  tcase_add_test (tc, test_lang_family);
  tcase_add_test (tc, test_lang_cache_not_exhausted);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", "zh_CN.GB18030",
                                        "en_US.UTF-8", "sv_SE.UTF-8", NULL };
  int skip = test_require_locales (needed);

  /* A fresh process for each case: LANGUAGE and bindings change. */
  return skip ? skip : test_run_suite_forked (percall_suite ());
}
