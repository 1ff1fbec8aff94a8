/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-dlopen.c: a library loaded with dlopen after the application bound
   the text domain keeps the application's binding.  This program is not
   linked with libsmtpreply, so the library's load-time binding runs only at
   dlopen, after ours. */

#include <config.h>

#include "common.h"

#include <dlfcn.h>
#include <libintl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define ZH_550 "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）"

typedef const char *describe_fn (int);

START_TEST (test_binding_before_dlopen_kept)
{
  void *lib;
  describe_fn *describe;

  test_set_environment ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL });
  bindtextdomain ("libsmtpreply", TEST_LOCALEDIR);
  lib = dlopen (TEST_SHARED_LIBRARY, RTLD_NOW | RTLD_LOCAL);
  ck_assert_msg (lib != NULL, "dlopen: %s", dlerror ());
  *(void **) &describe = dlsym (lib, "smtpreply_describe");
  ck_assert_ptr_nonnull (describe);
  ck_assert_str_eq (describe (550), ZH_550);
  ck_assert_str_eq (bindtextdomain ("libsmtpreply", NULL), TEST_LOCALEDIR);
  dlclose (lib);
}
END_TEST

/* Without a binding of ours, the library binds its LOCALEDIR at dlopen. */
START_TEST (test_unbound_gets_localedir)
{
  void *lib = dlopen (TEST_SHARED_LIBRARY, RTLD_NOW | RTLD_LOCAL);

  ck_assert_msg (lib != NULL, "dlopen: %s", dlerror ());
  ck_assert_str_eq (bindtextdomain ("libsmtpreply", NULL), LOCALEDIR);
  dlclose (lib);
}
END_TEST

static Suite *
dlopen_suite (void)
{
  Suite *s = suite_create ("dlopen");
  TCase *tc = tcase_create ("binding");

  tcase_add_test (tc, test_binding_before_dlopen_kept);
  tcase_add_test (tc, test_unbound_gets_localedir);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", NULL };
  int skip = test_require_locales (needed);

  if (skip)
    return skip;
  if (access (TEST_SHARED_LIBRARY, R_OK) != 0)
    {
      printf ("SKIP: %s was not built (configure --disable-shared)\n",
              TEST_SHARED_LIBRARY);
      return TEST_SKIP;
    }
  return test_run_suite_forked (dlopen_suite ());
}
