/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* common.h: helpers shared by the Check suites. */

#ifndef SMTPREPLY_TESTS_COMMON_H
#define SMTPREPLY_TESTS_COMMON_H

#include <check.h>
#include <stddef.h>

/* The number of elements of the array A, as an int (Check's loop tests
   take int bounds). */
#define N_ELEMENTS(a) ((int) (sizeof (a) / sizeof (a)[0]))

/* Exit status that tells the test harness a test was skipped. */
#define TEST_SKIP 77

/* Runs SUITE with Check and returns the process exit status. */
int test_run_suite (Suite *suite);

/* The same, but every test runs in a fresh child process even when CK_FORK=no
   (for tests of state that exists once per process). */
int test_run_suite_forked (Suite *suite);

/* Returns TEST_SKIP after saying which locale is missing, or 0 when every
   locale in the NULL-terminated list NAMES is installed. */
int test_require_locales (const char *const *names);

/* Clears LANG, LC_ALL, LC_MESSAGES, LC_CTYPE and LANGUAGE from the
   environment, then sets each NAME=VALUE pair given (NULL-terminated list
   of "NAME=VALUE" strings) and calls setlocale (LC_ALL, "").  Fails the test
   when setlocale refuses. */
void test_set_environment (const char *const *assignments);

/* Binds the library's text domain to DIR (the build tree's catalogs). */
void test_bind_catalogs (const char *dir);

/* Converts the UTF-8 string S to CODESET; the result is static, valid until
   the next call. */
const char *test_convert (const char *s, const char *codeset);

/* The output of a program run by test_run. */
struct test_output
{
  int status;                   /* exit status, or 128 + signal */
  char out[65536];
  char err[16384];
};

/* Runs the program PATH with ARGV and the environment ENVP (NULL-terminated
   "NAME=VALUE" strings), feeding it STDIN_TEXT (STDIN_LEN bytes; NULL for
   none), and collects its output in OUT. */
void test_run (const char *path, char *const *argv, char *const *envp,
               const char *stdin_text, size_t stdin_len,
               struct test_output *out);

#endif /* SMTPREPLY_TESTS_COMMON_H */
