/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-binding.c: the library binds its text domain only when the
   application has not.  Each case needs a process where no lookup happened
   yet, so the runner always forks (whatever CK_FORK says). */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#define ZH_550 "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）"

/* A relocated application binds its own catalogs before the first lookup:
   the library keeps that binding and uses those catalogs (the configured
   LOCALEDIR holds none before "make install"). */
START_TEST (test_application_binding_kept)
{
  test_set_environment ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL });
  bindtextdomain (SMTPREPLY_TEXT_DOMAIN, TEST_LOCALEDIR);
  ck_assert_str_eq (smtpreply_describe (550), ZH_550);
  ck_assert_str_eq (bindtextdomain (SMTPREPLY_TEXT_DOMAIN, NULL),
                    TEST_LOCALEDIR);
}
END_TEST

/* Binding gettext's own default directory explicitly is a binding too. */
START_TEST (test_application_binding_of_default_dir_kept)
{
  const char *unbound = bindtextdomain ("libsmtpreply-test-unbound", NULL);
  char dir[1024];

  ck_assert_ptr_nonnull (unbound);
  ck_assert_uint_lt (strlen (unbound), sizeof dir);
  strcpy (dir, unbound);
  bindtextdomain (SMTPREPLY_TEXT_DOMAIN, dir);
  (void) smtpreply_describe (550);
  ck_assert_str_eq (bindtextdomain (SMTPREPLY_TEXT_DOMAIN, NULL), dir);
}
END_TEST

/* Without a binding of the application's, the library binds LOCALEDIR. */
START_TEST (test_default_binding_is_localedir)
{
  (void) smtpreply_describe (550);
  ck_assert_str_eq (bindtextdomain (SMTPREPLY_TEXT_DOMAIN, NULL), LOCALEDIR);
}
END_TEST

/* smtpreply_use_utf8 before the first lookup is not a binding of the
   directory: the library still binds LOCALEDIR. */
START_TEST (test_codeset_alone_is_not_a_binding)
{
  ck_assert_int_eq (smtpreply_use_utf8 (), 0);
  (void) smtpreply_describe (550);
  ck_assert_str_eq (bindtextdomain (SMTPREPLY_TEXT_DOMAIN, NULL), LOCALEDIR);
}
END_TEST

/* An application that binds after the library did wins from then on. */
START_TEST (test_application_binding_after_first_lookup)
{
  test_set_environment ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL });
  (void) smtpreply_describe (550);
  bindtextdomain (SMTPREPLY_TEXT_DOMAIN, TEST_LOCALEDIR);
  ck_assert_str_eq (smtpreply_describe (550), ZH_550);
  (void) smtpreply_describe (551);
  ck_assert_str_eq (bindtextdomain (SMTPREPLY_TEXT_DOMAIN, NULL),
                    TEST_LOCALEDIR);
}
END_TEST

static Suite *
binding_suite (void)
{
  Suite *s = suite_create ("binding");
  TCase *tc;

  tc = tcase_create ("application bound first");
  tcase_add_test (tc, test_application_binding_kept);
  tcase_add_test (tc, test_application_binding_of_default_dir_kept);
  suite_add_tcase (s, tc);

  tc = tcase_create ("library default");
  tcase_add_test (tc, test_default_binding_is_localedir);
  tcase_add_test (tc, test_codeset_alone_is_not_a_binding);
  suite_add_tcase (s, tc);

  tc = tcase_create ("application binds later");
  tcase_add_test (tc, test_application_binding_after_first_lookup);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", NULL };
  int skip = test_require_locales (needed);

  return skip ? skip : test_run_suite_forked (binding_suite ());
}
