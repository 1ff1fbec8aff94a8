/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-utf8.c: smtpreply_use_utf8 makes every text UTF-8 whatever the
   locale's codeset.  It cannot be undone, so the runner always forks and
   each case starts from a process that never called it. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define ZH_550 "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）"

static void
setup_gb18030 (void)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=zh_CN.GB18030", NULL });
}

/* The control: without the call, a GB18030 locale gets GB18030. */
START_TEST (test_gb18030_by_default)
{
  ck_assert_str_eq (smtpreply_describe (550), test_convert (ZH_550, "GB18030"));
}
END_TEST

START_TEST (test_utf8_in_gb18030_locale)
{
  ck_assert_int_eq (smtpreply_use_utf8 (), 0);
  ck_assert_int_eq (smtpreply_use_utf8 (), 0);
  ck_assert_str_eq (smtpreply_describe (550), ZH_550);
}
END_TEST

/* Cuts follow UTF-8 rules, not the locale's GB18030 ones: ZH_550 is all
   three-byte characters, so every cut is a multiple of 3. */
START_TEST (test_utf8_cuts)
{
  char buf[256];
  size_t size;

  ck_assert_int_eq (smtpreply_use_utf8 (), 0);
  for (size = 1; size <= strlen (ZH_550) + 1; size++)
    {
      int rc = smtpreply_describe_r (550, buf, size);

      ck_assert_uint_eq (strlen (buf), (size - 1) / 3 * 3);
      ck_assert_int_eq (memcmp (buf, ZH_550, strlen (buf)), 0);
      ck_assert_int_eq (rc, size > strlen (ZH_550) ? 0 : ERANGE);
    }
}
END_TEST

static Suite *
utf8_suite (void)
{
  Suite *s = suite_create ("utf8");
  TCase *tc = tcase_create ("use_utf8");

  tcase_add_checked_fixture (tc, setup_gb18030, NULL);
  tcase_add_test (tc, test_gb18030_by_default);
  tcase_add_test (tc, test_utf8_in_gb18030_locale);
  tcase_add_test (tc, test_utf8_cuts);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.GB18030", NULL };
  int skip = test_require_locales (needed);

  return skip ? skip : test_run_suite_forked (utf8_suite ());
}
