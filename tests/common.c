/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* common.c: helpers shared by the Check suites. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <libintl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int
run_suite (Suite *suite, int force_fork)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  if (force_fork)
    srunner_set_fork_status (runner, CK_FORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
test_run_suite (Suite *suite)
{
  return run_suite (suite, 0);
}

int
test_run_suite_forked (Suite *suite)
{
  return run_suite (suite, 1);
}

int
test_require_locales (const char *const *names)
{
  for (; *names != NULL; names++)
    {
      locale_t loc = newlocale (LC_ALL_MASK, *names, (locale_t) 0);

      if (loc == (locale_t) 0)
        {
          printf ("SKIP: the locale %s is not installed; the README's set-up "
                  "command generates it\n", *names);
          return TEST_SKIP;
        }
      freelocale (loc);
    }
  return 0;
}

void
test_set_environment (const char *const *assignments)
{
  static const char *const cleared[] = { "LANG", "LC_ALL", "LC_MESSAGES",
                                         "LC_CTYPE", "LANGUAGE", NULL };
  const char *const *p;

  for (p = cleared; *p != NULL; p++)
    unsetenv (*p);
  for (p = assignments; p != NULL && *p != NULL; p++)
    {
      const char *eq = strchr (*p, '=');
      char name[64];

      ck_assert_ptr_nonnull (eq);
      ck_assert_uint_lt ((size_t) (eq - *p), sizeof name);
      memcpy (name, *p, (size_t) (eq - *p));
      name[eq - *p] = '\0';
      setenv (name, eq + 1, 1);
    }
  ck_assert_msg (setlocale (LC_ALL, "") != NULL,
                 "setlocale refused the environment's locale");
}

void
test_bind_catalogs (const char *dir)
{
  ck_assert_ptr_nonnull (bindtextdomain (SMTPREPLY_TEXT_DOMAIN, dir));
}

const char *
test_convert (const char *s, const char *codeset)
{
  static char result[4096];
  iconv_t cd = iconv_open (codeset, "UTF-8");
  char *in = (char *) s, *out = result;
  size_t inleft = strlen (s), outleft = sizeof result - 1;

  ck_assert_msg (cd != (iconv_t) -1, "iconv cannot convert to %s", codeset);
  ck_assert_msg (iconv (cd, &in, &inleft, &out, &outleft) != (size_t) -1,
                 "cannot convert \"%s\" to %s", s, codeset);
  iconv_close (cd);
  *out = '\0';
  return result;
}

/* Reads what is available on FD into BUF (capacity CAP, *LEN used); returns
   0 at end of file. */
static int
drain (int fd, char *buf, size_t cap, size_t *len)
{
  char scratch[4096];
  ssize_t n = read (fd, scratch, sizeof scratch);

  if (n <= 0)
    return n < 0 && errno == EINTR;
  if (*len + (size_t) n >= cap)
    n = (ssize_t) (cap - 1 - *len);
  memcpy (buf + *len, scratch, (size_t) n);
  *len += (size_t) n;
  buf[*len] = '\0';
  return 1;
}

void
test_run (const char *path, char *const *argv, char *const *envp,
          const char *stdin_text, size_t stdin_len, struct test_output *out)
{
  int in_pipe[2], out_pipe[2], err_pipe[2];
  size_t out_len = 0, err_len = 0, written = 0;
  int out_open = 1, err_open = 1, wstatus;
  pid_t pid;

  memset (out, 0, sizeof *out);
  ck_assert_int_eq (pipe (in_pipe), 0);
  ck_assert_int_eq (pipe (out_pipe), 0);
  ck_assert_int_eq (pipe (err_pipe), 0);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      dup2 (in_pipe[0], 0);
      dup2 (out_pipe[1], 1);
      dup2 (err_pipe[1], 2);
      close (in_pipe[1]);
      close (out_pipe[0]);
      close (err_pipe[0]);
      execve (path, argv, envp);
      _exit (127);
    }
  close (in_pipe[0]);
  close (out_pipe[1]);
  close (err_pipe[1]);
  signal (SIGPIPE, SIG_IGN);
  if (stdin_text == NULL)
    stdin_len = 0;
  if (written == stdin_len)
    close (in_pipe[1]);

  while (out_open || err_open)
    {
      struct pollfd fds[3] = { { out_pipe[0], POLLIN, 0 },
                               { err_pipe[0], POLLIN, 0 },
                               { written < stdin_len ? in_pipe[1] : -1,
                                 POLLOUT, 0 } };

      if (poll (fds, 3, -1) < 0)
        continue;
      if (fds[0].revents && out_open)
        out_open = drain (out_pipe[0], out->out, sizeof out->out, &out_len);
      if (fds[1].revents && err_open)
        err_open = drain (err_pipe[0], out->err, sizeof out->err, &err_len);
      if (fds[2].revents)
        {
          ssize_t n = write (in_pipe[1], stdin_text + written,
                             stdin_len - written);

          if (n > 0)
            written += (size_t) n;
          if (n < 0 || written == stdin_len)
            {
              close (in_pipe[1]);
              written = stdin_len;
            }
        }
    }
  if (written < stdin_len)
    close (in_pipe[1]);
  close (out_pipe[0]);
  close (err_pipe[0]);
  ck_assert_int_eq (waitpid (pid, &wstatus, 0), pid);
  out->status = WIFEXITED (wstatus) ? WEXITSTATUS (wstatus)
                                    : 128 + WTERMSIG (wstatus);
}
