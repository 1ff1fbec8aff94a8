/* check-cli.c: the smtpreply command: outputs, languages and exit codes,
   including every kind of bad input.  Runs the build tree's CLI, bound to
   the build tree's catalogs. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define EN_550 "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)"
#define EN_421 "The service is not available right now and the server is closing the connection"
#define EN_250 "The requested action was completed"
#define EN_CATALOG_551 "The recipient\u2019s mailbox is not on this server; try the address the server gives"
#define ZH_550 "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）"

#define MAX_ARGS 8

struct cli_case
{
  const char *lang;             /* LANG, or NULL for none */
  const char *args[MAX_ARGS];   /* after the program name, NULL-terminated */
  int status;
  const char *out;
  const char *err;
};

static void
run_cli (const char *lang, const char *const *args, const char *stdin_text,
         struct test_output *out)
{
  char *argv[MAX_ARGS + 2];
  char lang_var[64];
  char *envp[2] = { NULL, NULL };
  int i;

  argv[0] = (char *) "smtpreply";
  for (i = 0; args[i] != NULL; i++)
    argv[i + 1] = (char *) args[i];
  argv[i + 1] = NULL;
  if (lang != NULL)
    {
      snprintf (lang_var, sizeof lang_var, "LANG=%s", lang);
      envp[0] = lang_var;
    }
  test_run (TEST_CLI, argv, envp, stdin_text,
            stdin_text ? strlen (stdin_text) : 0, out);
}

static const struct cli_case cases[] = {
  { "zh_CN.UTF-8", { "550" }, 0, "550 " ZH_550 "\n", "" },
  { "sv_SE.UTF-8", { "550" }, 0, "550 " EN_550 "\n", "" },
  { "en_US.UTF-8", { "551" }, 0, "551 " EN_CATALOG_551 "\n", "" },
  { "C", { "550", "421", "559" }, 0,
    "550 " EN_550 "\n421 " EN_421 "\n559 Permanent failure: mail system\n", "" },
  { NULL, { "250" }, 0, "250 " EN_250 "\n", "" },
  { "zh_CN.UTF-8", { "559" }, 0, "559 永久失败：邮件系统\n", "" },
  { "zh_CN.UTF-8", { "abc" }, 1, "",
    "smtpreply：“abc”不是 SMTP 回复代码（应为三位数字，首位为 2 到 5，例如 550）\n" },
  { "C", { "abc" }, 1, "",
    "smtpreply: 'abc' is not an SMTP reply code (three digits, the first 2 to 5, such as 550)\n" },
  { "C", { "99999" }, 1, "",
    "smtpreply: '99999' is not an SMTP reply code (three digits, the first 2 to 5, such as 550)\n" },
  { "C", { "600" }, 1, "",
    "smtpreply: '600' is not an SMTP reply code (three digits, the first 2 to 5, such as 550)\n" },
  { "C", { "" }, 1, "",
    "smtpreply: '' is not an SMTP reply code (three digits, the first 2 to 5, such as 550)\n" },
  { "C", { "55" }, 1, "",
    "smtpreply: '55' is not an SMTP reply code (three digits, the first 2 to 5, such as 550)\n" },
  { "C", { "550", "x50", "250" }, 1, "550 " EN_550 "\n250 " EN_250 "\n",
    "smtpreply: 'x50' is not an SMTP reply code (three digits, the first 2 to 5, such as 550)\n" },
  { "C", { NULL }, 2, "",
    "smtpreply: no reply code given\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "zh_CN.UTF-8", { NULL }, 2, "",
    "smtpreply：未指定回复代码\n请尝试执行“smtpreply --help”获取更多信息。\n" },
  { "C", { "--bogus" }, 2, "",
    "smtpreply: unrecognized option '--bogus'\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "C", { "-q", "550" }, 2, "",
    "smtpreply: invalid option -- 'q'\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "C", { "--version" }, 0,
    "smtpreply (libsmtpreply) " PACKAGE_VERSION "\n"
    "Using libsmtpreply " PACKAGE_VERSION ".\n", "" },
  { "zh_CN.UTF-8", { "--version" }, 0,
    "smtpreply (libsmtpreply) " PACKAGE_VERSION "\n"
    "使用的 libsmtpreply 版本为 " PACKAGE_VERSION "。\n", "" },
  { "C", { "--help" }, 0,
    "Usage: smtpreply [OPTION]... CODE...\n"
    "Explain SMTP reply codes (such as 550) in the language of the\n"
    "current locale.\n"
    "\n"
    "  -l, --list       list every reply code the library describes\n"
    "  -h, --help       display this help and exit\n"
    "  -V, --version    output version information and exit\n"
    "\n"
    "The language follows LANG, LC_ALL, LC_MESSAGES and LANGUAGE.\n"
    "Exit status: 0 if every CODE was described, 1 if a CODE was not\n"
    "a reply code, 2 for a usage error.\n", "" },
};

START_TEST (test_cli_case)
{
  const struct cli_case *c = &cases[_i];
  struct test_output out;

  run_cli (c->lang, c->args, NULL, &out);
  ck_assert_str_eq (out.out, c->out);
  ck_assert_str_eq (out.err, c->err);
  ck_assert_int_eq (out.status, c->status);
}
END_TEST

/* --help is translated, block by block. */
START_TEST (test_cli_help_translated)
{
  static const char *const args[] = { "--help", NULL };
  struct test_output out;

  run_cli ("zh_CN.UTF-8", args, NULL, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.err, "");
  ck_assert_msg (strncmp (out.out, "用法：smtpreply [选项]... 代码...\n"
                          "用当前区域设置的语言解释 SMTP 回复代码（如 550）。\n",
                          strlen ("用法：smtpreply [选项]... 代码...\n"
                                  "用当前区域设置的语言解释 SMTP 回复代码（如 550）。\n"))
                 == 0, "%s", out.out);
  ck_assert_ptr_nonnull (strstr (out.out, "  -l, --list       列出本库能解释的所有回复代码\n"));
}
END_TEST

/* A GB18030 terminal gets GB18030 bytes from the CLI too. */
START_TEST (test_cli_gb18030)
{
  static const char *const args[] = { "550", NULL };
  struct test_output out;
  char expected[512];

  snprintf (expected, sizeof expected, "550 %s\n",
            test_convert (ZH_550, "GB18030"));
  run_cli ("zh_CN.GB18030", args, NULL, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.out, expected);
}
END_TEST

/* --list prints each known code once, with the library's text. */
START_TEST (test_cli_list)
{
  static const char *const args[] = { "--list", NULL };
  struct test_output out;
  char expected[sizeof out.out];
  size_t used = 0;
  int code;

  test_set_environment ((const char *const[]) { "LANG=C", NULL });
  for (code = 0; code < 1000; code++)
    if (smtpreply_is_known (code))
      used += (size_t) snprintf (expected + used, sizeof expected - used,
                                 "%d %s\n", code, smtpreply_describe (code));
  run_cli ("C", args, NULL, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.err, "");
  ck_assert_str_eq (out.out, expected);
  ck_assert_ptr_nonnull (strstr (out.out, "\n535 "));
}
END_TEST

/* A write error (a full disk) is reported, not ignored. */
START_TEST (test_cli_write_error)
{
  int fd = open ("/dev/full", O_WRONLY), wstatus;
  pid_t pid;

  if (fd < 0)
    ck_abort_msg ("/dev/full is not available");
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      char *argv[] = { (char *) "smtpreply", (char *) "550", NULL };
      char *envp[] = { (char *) "LANG=C", NULL };
      int null = open ("/dev/null", O_WRONLY);

      dup2 (fd, 1);
      dup2 (null, 2);
      execve (TEST_CLI, argv, envp);
      _exit (127);
    }
  close (fd);
  ck_assert_int_eq (waitpid (pid, &wstatus, 0), pid);
  ck_assert (WIFEXITED (wstatus));
  ck_assert_int_eq (WEXITSTATUS (wstatus), 1);
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *s = suite_create ("cli");
  TCase *tc;

  tc = tcase_create ("outputs and exit codes");
  tcase_add_loop_test (tc, test_cli_case, 0,
                       (int) (sizeof cases / sizeof cases[0]));
  tcase_add_test (tc, test_cli_help_translated);
  tcase_add_test (tc, test_cli_gb18030);
  tcase_add_test (tc, test_cli_list);
  tcase_add_test (tc, test_cli_write_error);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", "zh_CN.GB18030",
                                        "en_US.UTF-8", "sv_SE.UTF-8", NULL };
  int skip = test_require_locales (needed);

  return skip ? skip : test_run_suite (cli_suite ());
}
