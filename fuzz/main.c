/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* main.c: replays a fuzz target's corpus and regression inputs under
   make check, as a Check suite, when the build is not a fuzzing build (as
   libpsl does).  FUZZ_NAME names the target; its inputs are the files of
   fuzz/FUZZ_NAME.in/ and fuzz/FUZZ_NAME.repro/, and with FUZZ_TESTS_DATA,
   the real replies of tests/data/ too. */

#include <config.h>

#include "fuzz.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Runs every file of DIR through the target; returns how many. */
static int
replay_directory (const char *dir)
{
  DIR *d = opendir (dir);
  struct dirent *entry;
  int n = 0;

  if (d == NULL)
    return 0;
  while ((entry = readdir (d)) != NULL)
    {
      char path[4096];
      struct stat st;
      uint8_t *data;
      FILE *f;

      snprintf (path, sizeof path, "%s/%s", dir, entry->d_name);
      if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      data = malloc ((size_t) st.st_size + 1);
      ck_assert_ptr_nonnull (data);
      f = fopen (path, "rb");
      ck_assert_msg (f != NULL, "cannot open %s", path);
      ck_assert_uint_eq (fread (data, 1, (size_t) st.st_size, f),
                         (size_t) st.st_size);
      fclose (f);
      LLVMFuzzerTestOneInput (data, (size_t) st.st_size);
      free (data);
      n++;
    }
  closedir (d);
  return n;
}

START_TEST (test_corpus)
{
  int n = replay_directory (FUZZ_SRCDIR "/" FUZZ_NAME ".in");

#ifdef FUZZ_TESTS_DATA
  n += replay_directory (FUZZ_TESTS_DATA);
#endif
  ck_assert_msg (n > 0, "no corpus for " FUZZ_NAME);
}
END_TEST

START_TEST (test_regressions)
{
  replay_directory (FUZZ_SRCDIR "/" FUZZ_NAME ".repro");
}
END_TEST

START_TEST (test_edges)
{
  static const uint8_t bytes[] = { '5', '5', '0', ' ', 0, 0xff, '\n' };
  size_t n;

  for (n = 0; n <= sizeof bytes; n++)
    LLVMFuzzerTestOneInput (bytes, n);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create (FUZZ_NAME);
  TCase *tc = tcase_create ("replay");
  SRunner *runner;
  int failed;

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_corpus);
  tcase_add_test (tc, test_regressions);
  tcase_add_test (tc, test_edges);
  suite_add_tcase (s, tc);
  runner = srunner_create (s);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
