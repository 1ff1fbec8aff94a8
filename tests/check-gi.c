/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-gi.c: the Smtpreply-0.1 binding (GObject Introspection) as Python,
   JavaScript and Vala programs use it.  tests/gi/test-smtpreply.py (PyGObject)
   and tests/gi/test-smtpreply.js (GJS) assert every function family's
   exact strings in zh_CN and en themselves; this runs them against the
   build tree's typelib, library and catalogs, and runs the Vala example
   (examples/vala/smtpreply-explain, compiled from the generated .vapi) and
   checks its output.  Built when configure enabled introspection. */

#include <config.h>

#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *envp[] = {
  (char *) "LANG=zh_CN.UTF-8",
  (char *) "GI_TYPELIB_PATH=" TEST_BUILDDIR,
  (char *) "LD_LIBRARY_PATH=" TEST_BUILDDIR "/src/.libs",
  (char *) "SMTPREPLY_TEST_LOCALEDIR=" TEST_LOCALEDIR,
  (char *) "SMTPREPLY_TEST_BOUNCE=" TEST_SRCDIR "/data/bounces/postfix-01.eml",
  (char *) "SMTPREPLY_TEST_VERSION=" PACKAGE_VERSION,
  (char *) "PATH=/usr/bin:/bin",
  NULL
};

static void
run_script (const char *interpreter, const char *script, const char *last)
{
  static struct test_output out;
  char *argv[3];

  argv[0] = (char *) interpreter;
  argv[1] = (char *) script;
  argv[2] = NULL;
  test_run (interpreter, argv, envp, NULL, 0, &out);
  ck_assert_msg (out.status == 0, "%s %s exited with %d:\n%s%s", interpreter,
                 script, out.status, out.out, out.err);
  ck_assert_msg (strstr (out.out, last) != NULL, "%s", out.out);
}

START_TEST (test_python)
{
  run_script (TEST_PYTHON, TEST_SRCDIR "/gi/test-smtpreply.py",
              "python: 56 checks passed\n");
}
END_TEST

START_TEST (test_gjs)
{
  run_script (TEST_GJS, TEST_SRCDIR "/gi/test-smtpreply.js",
              "gjs: 25 checks passed\n");
}
END_TEST

/* The Vala example, built from smtpreply-glib-0.1.vapi, on the build
   tree's catalogs: a reply in the environment's language (zh_CN) and in
   en, and a bounce in ja. */
#ifdef TEST_VALA
START_TEST (test_vala)
{
  static struct test_output out;
  char *reply[] = { (char *) "smtpreply-explain", (char *) "--localedir",
                    (char *) TEST_LOCALEDIR,
                    (char *) "550-5.1.1 No such user\\r\\n550 5.1.1 Try again",
                    NULL, NULL };
  char *bounce[] = { (char *) "smtpreply-explain", (char *) "--localedir",
                     (char *) TEST_LOCALEDIR, (char *) "--bounce",
                     (char *) TEST_SRCDIR "/data/bounces/postfix-01.eml",
                     (char *) "ja", NULL };

  test_run (TEST_BUILDDIR "/examples/vala/smtpreply-explain", reply, envp,
            NULL, 0, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.out,
                    "550 5.1.1: 收件人地址不存在\n"
                    "收件人地址不存在。请检查是否有拼写错误（尤其是 @ 之前的部分），"
                    "或向收件人确认正确的地址。\n"
                    "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）\n");
  reply[4] = (char *) "en";
  test_run (TEST_BUILDDIR "/examples/vala/smtpreply-explain", reply, envp,
            NULL, 0, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.out,
                    "550 5.1.1: The recipient\u2019s address does not exist\n"
                    "The recipient\u2019s address does not exist. Check it "
                    "for typos (especially the part before the @), or ask the "
                    "recipient for the right address.\n"
                    "The action was not taken: the mailbox is unavailable "
                    "(not found, no access, or refused by policy)\n");
  test_run (TEST_BUILDDIR "/examples/vala/smtpreply-explain", bounce, envp,
            NULL, 0, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.out,
                    "kijitora@example.org 宛てに送信したメッセージ「TEST」は"
                    "配信されませんでした: 宛先アドレスが存在しません\n"
                    "宛先アドレスが存在しません。入力ミス (特に @ より前の部分) "
                    "がないか確認するか、受信者に正しいアドレスを確認してください。\n");
}
END_TEST
#endif

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", NULL };
  Suite *s;
  TCase *tc;
  int skip = test_require_locales (needed);

  if (skip)
    return skip;
  if (strcmp (TEST_PYTHON, "no") == 0 || strcmp (TEST_GJS, "no") == 0)
    {
      printf ("SKIP: the binding tests need PyGObject and gjs (Debian: "
              "apt-get install python3-gi gjs)\n");
      return TEST_SKIP;
    }
  s = suite_create ("GObject Introspection");
  tc = tcase_create ("bindings");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_python);
  tcase_add_test (tc, test_gjs);
#ifdef TEST_VALA
  tcase_add_test (tc, test_vala);
#endif
  suite_add_tcase (s, tc);
  return test_run_suite (s);
}
