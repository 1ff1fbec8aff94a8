/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-cli.c: the smtpreply command: outputs, languages and exit codes,
   including every kind of bad input.  Runs the build tree's CLI, bound to
   the build tree's catalogs. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define EN_550 "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)"
#define EN_421 "The service is not available right now and the server is closing the connection"
#define EN_250 "The requested action was completed"
#define EN_CATALOG_551 "The recipient\u2019s mailbox is not on this server; try the address the server gives"
#define ZH_550 "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）"
#define EN_ADVICE_511 "The recipient's address does not exist. Check it for typos (especially the part before the @), or ask the recipient for the right address."
#define ZH_ADVICE_511 "收件人地址不存在。请检查是否有拼写错误（尤其是 @ 之前的部分），或向收件人确认正确的地址。"
#define EN_ADVICE_SUCCESS "No action is needed."
#define EN_ADVICE_550 "The recipient's mailbox does not exist or refused the message. Check the address for typos; if it is right, the recipient's server may have blocked the message, so contact the recipient another way."

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
    "smtpreply：“abc”既不是 SMTP 回复代码（如 550），也不是增强状态码（如 5.1.1）\n" },
  { "C", { "abc" }, 1, "",
    "smtpreply: 'abc' is not an SMTP reply code (such as 550) or enhanced status code (such as 5.1.1)\n" },
  { "C", { "99999" }, 1, "",
    "smtpreply: '99999' is not an SMTP reply code (such as 550) or enhanced status code (such as 5.1.1)\n" },
  { "C", { "600" }, 1, "",
    "smtpreply: '600' is not an SMTP reply code (such as 550) or enhanced status code (such as 5.1.1)\n" },
  { "C", { "" }, 1, "",
    "smtpreply: '' is not an SMTP reply code (such as 550) or enhanced status code (such as 5.1.1)\n" },
  /* An argument's escape sequences are not echoed to the terminal. */
  { "C", { "\x1b[31m550\x1b]0;x\x07" }, 1, "",
    "smtpreply: '?[31m550?]0;x?' is not an SMTP reply code (such as 550) or enhanced status code (such as 5.1.1)\n" },
  { "C", { "--context", "\xc2\x9b" "2J" }, 2, "",
    "smtpreply: unknown context '?2J'\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "C", { "55" }, 1, "",
    "smtpreply: '55' is not an SMTP reply code (such as 550) or enhanced status code (such as 5.1.1)\n" },
  { "C", { "550", "x50", "250" }, 1, "550 " EN_550 "\n250 " EN_250 "\n",
    "smtpreply: 'x50' is not an SMTP reply code (such as 550) or enhanced status code (such as 5.1.1)\n" },
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
    "  or:  smtpreply --parse [OPTION]...\n"
    "  or:  smtpreply --bounce [OPTION]... [FILE]...\n"
    "  or:  smtpreply --reasons | --reason=NAME\n"
    "Explain SMTP reply codes (such as 550), enhanced status codes\n"
    "(such as 5.1.1), whole server replies and the delivery reports\n"
    "(bounces) that come back to the sender, in the language of the\n"
    "current locale.\n"
    "\n"
    "  -c, --context=CMD  explain codes as the answer to CMD: greeting,\n"
    "                     ehlo, helo, starttls, auth, mail, rcpt, data,\n"
    "                     data-end, bdat, rset, vrfy, expn, help, noop,\n"
    "                     quit\n"
    "  -a, --advice       also say what the user can do about each code\n"
    "  -p, --parse        read server replies from standard input and\n"
    "                     explain each one, with advice\n"
    "  -j, --json         print one JSON object per line\n"
    "  -l, --list         list every reply code the library describes\n"
    "  -r, --reasons      list the reasons a message can fail for: each\n"
    "                     reason's name, then its title\n"
    "  -R, --reason=NAME  say what the reason NAME means and what the\n"
    "                     user can do about it\n"
    "  -b, --bounce       read the delivery reports in each FILE (a\n"
    "                     message, an mbox or a Maildir directory) or in\n"
    "                     standard input, and explain why delivery to\n"
    "                     each recipient failed or was delayed\n"
    "  -h, --help         display this help and exit\n"
    "  -V, --version      output version information and exit\n"
    "\n"
    "The language follows LANG, LC_ALL, LC_MESSAGES and LANGUAGE.\n"
    "Exit status: 0 if everything was explained, 1 if a CODE was not\n"
    "a code, a reply did not parse, a message was not a delivery\n"
    "report or a FILE could not be read, 2 for a usage error.\n"
    "", "" },
  /* --advice */
  { "C", { "--advice", "5.1.1", "250" }, 0,
    "5.1.1 Bad destination mailbox address\n  Advice: " EN_ADVICE_511 "\n"
    "250 The requested action was completed\n  Advice: " EN_ADVICE_SUCCESS "\n", "" },
  { "C", { "-a", "-c", "rcpt", "452" }, 0,
    "452 Too many recipients for one message; the remaining recipients can be sent in another message\n"
    "  Advice: The message has more recipients than the server takes at once. The remaining "
    "recipients will be tried later, or send the message to them again.\n", "" },
  { "zh_CN.UTF-8", { "--advice", "5.1.1" }, 0,
    "5.1.1 收件人邮箱不存在\n  建议：" ZH_ADVICE_511 "\n", "" },
  /* Enhanced status codes and contexts. */
  { "C", { "5.1.1", "4.7.500", "5.9.1" }, 0,
    "5.1.1 Bad destination mailbox address\n"
    "4.7.500 Other or undefined security status\n"
    "5.9.1 Permanent failure\n", "" },
  { "zh_CN.UTF-8", { "5.1.1", "550" }, 0,
    "5.1.1 收件人邮箱不存在\n550 " ZH_550 "\n", "" },
  { "C", { "6.1.1" }, 1, "", "smtpreply: '6.1.1' is not an SMTP reply code (such as 550) or enhanced status code (such as 5.1.1)\n" },
  { "C", { "5.1.1000" }, 1, "", "smtpreply: '5.1.1000' is not an SMTP reply code (such as 550) or enhanced status code (such as 5.1.1)\n" },
  { "C", { "--context", "rcpt", "552", "550" }, 0,
    "552 Too many recipients for one message; the remaining recipients can be sent later\n"
    "550 The recipient's mailbox is unavailable (it does not exist, or the server refused it by policy)\n", "" },
  { "C", { "-c", "STARTTLS", "454" }, 0,
    "454 Encryption (TLS) is not available right now\n", "" },
  { "C", { "--context=auth", "454" }, 0,
    "454 Sign-in failed for a temporary reason\n", "" },
  { "C", { "--context", "bogus", "550" }, 2, "",
    "smtpreply: unknown context 'bogus'\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "C", { "--context" }, 2, "",
    "smtpreply: option '--context' requires an argument\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "C", { "--help=x" }, 2, "",
    "smtpreply: option '--help' doesn't allow an argument\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "C", { "-c" }, 2, "",
    "smtpreply: option '-c' requires an argument\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "zh_CN.UTF-8", { "--bogus" }, 2, "",
    "smtpreply：无法识别的选项“--bogus”\n"
    "请尝试执行“smtpreply --help”获取更多信息。\n" },
  /* --reasons and --reason */
  { "C", { "--reason", "mailbox_full" }, 0,
    "mailbox_full: The recipient's mailbox is full\n"
    "  If the failure is temporary: The recipient's mailbox is full. The message will be retried later; you may also let the recipient know another way.\n"
    "  If the failure is permanent: The recipient's mailbox is full. Let the recipient know another way, and send again once they have freed up space.\n", "" },
  { "zh_CN.UTF-8", { "--reason=MAILBOX_FULL" }, 0,
    "mailbox_full: 收件人邮箱已满\n"
    "  如果是临时失败：收件人邮箱已满。邮件稍后会自动重试；您也可以通过其他方式告知收件人。\n"
    "  如果是永久失败：收件人邮箱已满。请通过其他方式告知收件人，待其清理出空间后再重新发送。\n", "" },
  { "C", { "--reason", "spam", "--json" }, 0,
    "{\"reason\":\"spam\",\"title\":\"The message was classified as spam\","
    "\"advice_transient\":\"The recipient's server thinks the message looks like spam and deferred it. It will be retried later; if it keeps failing, change the wording, links or attachments that may look like spam.\","
    "\"advice_permanent\":\"The recipient's server judged the message to be spam. Change the wording, links or attachments that may look like spam, or contact the recipient another way.\"}\n", "" },
  { "C", { "--reason", "mailbox-full" }, 2, "",
    "smtpreply: unknown reason 'mailbox-full'\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "zh_CN.UTF-8", { "--reason", "x" }, 2, "",
    "smtpreply：未知的原因“x”\n"
    "请尝试执行“smtpreply --help”获取更多信息。\n" },
  { "C", { "--reason" }, 2, "",
    "smtpreply: option '--reason' requires an argument\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "C", { "--reasons", "550" }, 2, "",
    "smtpreply: --reasons and --reason take no codes\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "C", { "--parse", "550" }, 2, "",
    "smtpreply: --parse reads standard input and takes no codes\n"
    "Try 'smtpreply --help' for more information.\n" },
  { "C", { "--json", "550" }, 0,
    "{\"code\":550,\"enhanced\":null,\"class\":\"permanent\","
    "\"description\":\"" EN_550 "\",\"enhanced_description\":null,"
    "\"headline\":\"" EN_550 "\",\"advice\":\"" EN_ADVICE_550 "\","
    "\"reason\":\"unknown\",\"reason_title\":\"The server did not say why\","
    "\"flags\":[],\"show_text\":true,\"text\":[]}\n", "" },
  { "C", { "--json", "4.2.2" }, 0,
    "{\"code\":null,\"enhanced\":\"4.2.2\",\"class\":\"transient\","
    "\"description\":null,\"enhanced_description\":\"Mailbox full\","
    "\"headline\":\"Mailbox full\",\"advice\":\"The recipient's mailbox is full. "
    "The message will be retried later; you may also let the recipient know another way.\","
    "\"reason\":\"mailbox_full\",\"reason_title\":\"The recipient's mailbox is full\","
    "\"flags\":[],\"show_text\":true,\"text\":[]}\n", "" },
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

/* --parse: raw server output on standard input. */
#define ISSUE_EXAMPLE "550-5.1.1 No such user\r\n550 5.1.1 Try again\r\n"

static const struct
{
  const char *lang;
  const char *args[MAX_ARGS];
  const char *input;
  int status;
  const char *out;
  const char *err;
} parse_cases[] = {
  { "zh_CN.UTF-8", { "--parse" }, ISSUE_EXAMPLE, 0,
    "550 5.1.1: 收件人地址不存在\n"
    "  结果：永久失败（不要原样重试）\n"
    "  回复代码 550：" ZH_550 "\n"
    "  增强状态码 5.1.1：收件人邮箱不存在\n"
    "  建议：" ZH_ADVICE_511 "\n"
    "  服务器：No such user\n"
    "  服务器：Try again\n", "" },
  { "C", { "--parse" }, ISSUE_EXAMPLE, 0,
    "550 5.1.1: The recipient's address does not exist\n"
    "  Outcome: permanent failure (do not retry as is)\n"
    "  Reply code 550: " EN_550 "\n"
    "  Enhanced code 5.1.1: Bad destination mailbox address\n"
    "  Advice: " EN_ADVICE_511 "\n"
    "  Server: No such user\n"
    "  Server: Try again\n", "" },
  { "C", { "--parse", "--json" }, ISSUE_EXAMPLE, 0,
    "{\"code\":550,\"enhanced\":\"5.1.1\",\"class\":\"permanent\","
    "\"description\":\"" EN_550 "\","
    "\"enhanced_description\":\"Bad destination mailbox address\","
    "\"headline\":\"The recipient's address does not exist\","
    "\"advice\":\"" EN_ADVICE_511 "\",\"reason\":\"recipient_unknown\","
    "\"reason_title\":\"The recipient's address does not exist\",\"flags\":[],"
    "\"show_text\":true,\"text\":[\"No such user\",\"Try again\"]}\n", "" },
  { "zh_CN.UTF-8", { "--parse", "--json" }, ISSUE_EXAMPLE, 0,
    "{\"code\":550,\"enhanced\":\"5.1.1\",\"class\":\"permanent\","
    "\"description\":\"" ZH_550 "\","
    "\"enhanced_description\":\"收件人邮箱不存在\","
    "\"headline\":\"收件人地址不存在\",\"advice\":\"" ZH_ADVICE_511 "\","
    "\"reason\":\"recipient_unknown\",\"reason_title\":\"收件人地址不存在\","
    "\"flags\":[],\"show_text\":true,\"text\":[\"No such user\",\"Try again\"]}\n", "" },
  /* JSON is UTF-8 even on a GB18030 terminal. */
  { "zh_CN.GB18030", { "--parse", "-j" }, "550 5.1.1 x\n", 0,
    "{\"code\":550,\"enhanced\":\"5.1.1\",\"class\":\"permanent\","
    "\"description\":\"" ZH_550 "\","
    "\"enhanced_description\":\"收件人邮箱不存在\","
    "\"headline\":\"收件人地址不存在\",\"advice\":\"" ZH_ADVICE_511 "\","
    "\"reason\":\"recipient_unknown\",\"reason_title\":\"收件人地址不存在\","
    "\"flags\":[],\"show_text\":true,\"text\":[\"x\"]}\n", "" },
  /* Pipelined replies, LF line ends, a last line without its line end, a
     context, and the 552-at-RCPT correction. */
  { "C", { "--parse", "--json", "--context", "rcpt" },
    "250 2.1.5 Ok\n552 5.5.3 Too many recipients", 0,
    "{\"code\":250,\"enhanced\":\"2.1.5\",\"class\":\"success\","
    "\"description\":\"The recipient address was accepted\","
    "\"enhanced_description\":\"Destination address valid\","
    "\"headline\":\"Destination address valid\",\"advice\":\"" EN_ADVICE_SUCCESS "\","
    "\"reason\":\"none\",\"reason_title\":\"No error\",\"flags\":[],"
    "\"show_text\":true,\"text\":[\"Ok\"]}\n"
    "{\"code\":552,\"enhanced\":\"5.5.3\",\"class\":\"transient\","
    "\"description\":\"Too many recipients for one message; the remaining recipients can be sent later\","
    "\"enhanced_description\":\"Too many recipients\","
    "\"headline\":\"The message has too many recipients\",\"advice\":\"The message has too many "
    "recipients for one delivery. The remaining recipients will be tried later, or send "
    "to fewer recipients at a time.\",\"reason\":\"too_many_recipients\","
    "\"reason_title\":\"The message has too many recipients\",\"flags\":[],"
    "\"show_text\":true,\"text\":[\"Too many recipients\"]}\n", "" },
  /* JSON escapes quotes, backslashes and controls; invalid UTF-8 becomes
     U+FFFD; valid UTF-8 passes. */
  { "C", { "--parse", "--json" },
    "250 a\"b\\c\x01\x7f\xff\xc3\xa9\xe4\xb8\r\n", 0,
    "{\"code\":250,\"enhanced\":null,\"class\":\"success\","
    "\"description\":\"The requested action was completed\","
    "\"enhanced_description\":null,"
    "\"headline\":\"The requested action was completed\","
    "\"advice\":\"" EN_ADVICE_SUCCESS "\",\"reason\":\"none\","
    "\"reason_title\":\"No error\",\"flags\":[],\"show_text\":true,"
    "\"text\":[\"a\\\"b\\\\c\\u0001\\u007f\\ufffd\xc3\xa9\\ufffd\\ufffd\"]}\n", "" },
  /* Text output hides control characters the terminal would obey. */
  { "C", { "--parse" }, "250 bell\x07 esc\x1b[2J\r\n", 0,
    "250: The requested action was completed\n"
    "  Outcome: success\n"
    "  Reply code 250: The requested action was completed\n"
    "  Advice: " EN_ADVICE_SUCCESS "\n"
    "  Server: bell? esc?[2J\n", "" },
  { "C", { "--parse", "--context", "auth" }, "334 VXNlcm5hbWU6\r\n", 0,
    "334: Sign-in in progress: the server asks for the next step (its text is encoded data, not a message)\n"
    "  Outcome: the server waits for the next step\n"
    "  Reply code 334: Sign-in in progress: the server asks for the next step (its text is encoded data, not a message)\n"
    "  Advice: No action is needed: the mail program continues the exchange with the server.\n"
    "  Server: (sign-in data, not shown)\n", "" },
  /* Errors: reported, the rest still explained, exit status 1. */
  { "C", { "--parse", "--json" }, "abc\r\n250 ok\r\n", 1,
    "{\"error\":\"A line does not start with a reply code (three digits, the first 2 to 5)\",\"offset\":0}\n"
    "{\"code\":250,\"enhanced\":null,\"class\":\"success\","
    "\"description\":\"The requested action was completed\","
    "\"enhanced_description\":null,"
    "\"headline\":\"The requested action was completed\","
    "\"advice\":\"" EN_ADVICE_SUCCESS "\",\"reason\":\"none\","
    "\"reason_title\":\"No error\",\"flags\":[],\"show_text\":true,"
    "\"text\":[\"ok\"]}\n", "" },
  { "C", { "--parse" }, "250 ok\r\nabc\r\n", 1,
    "250: The requested action was completed\n"
    "  Outcome: success\n"
    "  Reply code 250: The requested action was completed\n"
    "  Advice: " EN_ADVICE_SUCCESS "\n"
    "  Server: ok\n",
    "smtpreply: at byte 8 of the input: A line does not start with a reply code (three digits, the first 2 to 5)\n" },
  { "C", { "--parse" }, "550-5.1.1 No such user\r\n", 1, "",
    "smtpreply: at byte 0 of the input: The input ended in the middle of a reply\n" },
  { "zh_CN.UTF-8", { "--parse" }, "550-a\r\n551 b\r\n", 1, "",
    "smtpreply：在输入的第 0 字节处：多行回复中有一行的代码与第一行不同\n" },
  /* No input at all: the library's "The input is empty", exit status 1. */
  { "C", { "--parse", "--json" }, "", 1,
    "{\"error\":\"The input is empty\",\"offset\":0}\n", "" },
  { "C", { "--parse" }, "", 1, "",
    "smtpreply: at byte 0 of the input: The input is empty\n" },
  /* C1 controls, raw and in UTF-8 (CSI), never reach the terminal; the
     rest of the UTF-8 text does. */
  { "C.UTF-8", { "--parse" }, "550 a\xc2\x9b" "31mb\x9b" "c\xe4\xb8\xad\r\n", 0,
    "550: The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)\n"
    "  Outcome: permanent failure (do not retry as is)\n"
    "  Reply code 550: The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)\n"
    "  Advice: " EN_ADVICE_550 "\n"
    "  Server: a?31mb?c\xe4\xb8\xad\n", "" },
  /* Why it failed: the issue's replies, in Chinese. */
  { "zh_CN.UTF-8", { "--parse" }, "554 5.7.9 Message not accepted for policy reasons.\r\n", 0,
    "554 5.7.9: 因接收方服务器的策略而被拒收\n"
    "  结果：永久失败（不要原样重试）\n"
    "  回复代码 554：事务失败（若在连接时出现，表示该服务器不提供邮件服务）\n"
    "  增强状态码 5.7.9：身份验证方式安全性过低\n"
    "  建议：接收方服务器按其策略拒收了这封邮件，但没有说明具体原因。请阅读服务器的提示；如果没有帮助，请通过其他方式联系收件人，或咨询您的邮件服务商。\n"
    "  服务器：Message not accepted for policy reasons.\n", "" },
  { "zh_CN.UTF-8", { "--parse" }, "550 5.7.606 Access denied, banned sending IP [192.0.2.1]\r\n", 0,
    "550 5.7.606: 您的邮件服务器被收件人的服务器拦截\n"
    "  结果：永久失败（不要原样重试）\n"
    "  回复代码 550：" ZH_550 "\n"
    "  增强状态码 5.7.606：其他或未定义的安全状态\n"
    "  建议：收件人的服务器拒收来自您邮件服务器的邮件：其 IP 地址或域名被列入黑名单，或信誉较差。请告知您的邮件服务商或管理员，他们可以申请将其从黑名单中移除。\n"
    "  服务器：Access denied, banned sending IP [192.0.2.1]\n", "" },
  { "zh_CN.UTF-8", { "--parse" }, "554 DT:SPM 163 mx14\r\n", 0,
    "554: 邮件被判定为垃圾邮件\n"
    "  结果：永久失败（不要原样重试）\n"
    "  回复代码 554：事务失败（若在连接时出现，表示该服务器不提供邮件服务）\n"
    "  建议：收件人的服务器将这封邮件判定为垃圾邮件。请修改可能被视为垃圾邮件的措辞、链接或附件，或通过其他方式联系收件人。\n"
    "  服务器：DT:SPM 163 mx14\n", "" },
  { "C", { "--parse", "--json" }, "550 5.1.10 RESOLVER.ADR.RecipientNotFound\r\n", 0,
    "{\"code\":550,\"enhanced\":\"5.1.10\",\"class\":\"permanent\","
    "\"description\":\"" EN_550 "\","
    "\"enhanced_description\":\"Recipient address has null MX\","
    "\"headline\":\"The recipient's address does not exist\","
    "\"advice\":\"" EN_ADVICE_511 "\",\"reason\":\"recipient_unknown\","
    "\"reason_title\":\"The recipient's address does not exist\",\"flags\":[],"
    "\"show_text\":true,\"text\":[\"RESOLVER.ADR.RecipientNotFound\"]}\n", "" },
  /* What the server did outside the RFCs, noted. */
  { "C", { "--parse" }, "550 4.4.7 QUEUE.Expired\r\n", 0,
    "550 4.4.7: Delivery was given up after retrying for too long\n"
    "  Outcome: permanent failure (do not retry as is)\n"
    "  Reply code 550: " EN_550 "\n"
    "  Enhanced code 4.4.7: Delivery time expired\n"
    "  Advice: Your mail server tried to deliver the message for a long time and gave up. Check the recipient's address, then send it again, or contact the recipient another way.\n"
    "  Note: the enhanced code's class differs from the reply code's; the reply code says whether to retry\n"
    "  Server: QUEUE.Expired\n", "" },
  { "C", { "--parse", "--json" }, "571 x (#5.1.1)\n", 0,
    "{\"code\":571,\"enhanced\":\"5.1.1\",\"class\":\"permanent\","
    "\"description\":\"Permanent failure: unspecified\","
    "\"enhanced_description\":\"Bad destination mailbox address\","
    "\"headline\":\"The recipient's address does not exist\","
    "\"advice\":\"" EN_ADVICE_511 "\",\"reason\":\"recipient_unknown\","
    "\"reason_title\":\"The recipient's address does not exist\","
    "\"flags\":[\"nonstandard_code\",\"enhanced_in_text\"],"
    "\"show_text\":true,\"text\":[\"x (#5.1.1)\"]}\n", "" },
};

START_TEST (test_cli_parse)
{
  struct test_output out;

  run_cli (parse_cases[_i].lang, parse_cases[_i].args, parse_cases[_i].input,
           &out);
  ck_assert_str_eq (out.out, parse_cases[_i].out);
  ck_assert_str_eq (out.err, parse_cases[_i].err);
  ck_assert_int_eq (out.status, parse_cases[_i].status);
}
END_TEST

/* Every real reply of tests/data/ goes through --parse --json. */
START_TEST (test_cli_parse_real_replies)
{
  static const char *const files[] = { "gmail-550-5.7.26.txt",
                                       "postfix-session-pipelined.txt",
                                       "smtputf8-550-5.1.1-lf.txt" };
  static const int replies[] = { 1, 5, 1 };
  static const char *const args[] = { "--parse", "--json", NULL };
  size_t i;

  for (i = 0; i < 3; i++)
    {
      char path[1024], input[8192];
      struct test_output out;
      const char *p;
      int lines = 0;
      size_t n;
      FILE *f;

      snprintf (path, sizeof path, "%s/data/%s", TEST_SRCDIR, files[i]);
      f = fopen (path, "rb");
      ck_assert_ptr_nonnull (f);
      n = fread (input, 1, sizeof input - 1, f);
      fclose (f);
      input[n] = '\0';
      run_cli ("C", args, input, &out);
      ck_assert_int_eq (out.status, 0);
      for (p = out.out; (p = strchr (p, '\n')) != NULL; p++)
        lines++;
      ck_assert_int_eq (lines, replies[i]);
      ck_assert_ptr_null (strstr (out.out, "\"error\""));
    }
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
  ck_assert_msg (strncmp (out.out, "用法：smtpreply [选项]... 代码...\n",
                          strlen ("用法：smtpreply [选项]... 代码...\n"))
                 == 0, "%s", out.out);
  ck_assert_ptr_nonnull (strstr (out.out, "增强状态码（如 5.1.1）、服务器的完整回复，\n以及退回给发件人的退信。\n"));
  ck_assert_ptr_nonnull (strstr (out.out, "  -l, --list         列出本库能解释的所有回复代码\n"));
}
END_TEST

/* --reasons: one line per reason, in the enum's order, its name first,
   then its title in the user's language. */
static const char *const reasons_locales[] = { "C", "zh_CN.UTF-8", "ja_JP.UTF-8" };

START_TEST (test_cli_reasons)
{
  static const char *const args[] = { "--reasons", NULL };
  struct test_output out;
  char *line, *save;
  int reason = 0;

  test_bind_catalogs (TEST_LOCALEDIR);
  {
    char lang[64];

    snprintf (lang, sizeof lang, "LANG=%s", reasons_locales[_i]);
    test_set_environment ((const char *const[]) { lang, NULL });
  }
  run_cli (reasons_locales[_i], args, NULL, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.err, "");
  for (line = strtok_r (out.out, "\n", &save); line != NULL;
       line = strtok_r (NULL, "\n", &save), reason++)
    {
      char want[512];

      ck_assert_int_lt (reason, SMTPREPLY_REASON_COUNT);
      snprintf (want, sizeof want, "%-20s %s",
                smtpreply_reason_name ((enum smtpreply_reason) reason),
                smtpreply_reason_title ((enum smtpreply_reason) reason, NULL));
      ck_assert_str_eq (line, want);
    }
  ck_assert_int_eq (reason, SMTPREPLY_REASON_COUNT);
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

static void append_file (char *to, size_t size, const char *path);

/* "smtpreply ARGS" with standard input from a file of COPIES copies of
   TEXT and standard output to OUT_FD, SIGPIPE ignored or not: its wait
   status, and its standard error in ERR (of SIZE bytes). */
static int
run_cli_to_fd (const char *const *args, const char *text, size_t copies,
               int out_fd, int ignore_sigpipe, char *err, size_t size)
{
  char in_path[] = "/tmp/check-cli-XXXXXX";
  int in = mkstemp (in_path), errpipe[2], wstatus;
  size_t i, n = 0;
  ssize_t got;
  pid_t pid;

  ck_assert_int_ge (in, 0);
  for (i = 0; i < copies; i++)
    ck_assert_int_eq (write (in, text, strlen (text)), (ssize_t) strlen (text));
  ck_assert_int_eq (lseek (in, 0, SEEK_SET), 0);
  unlink (in_path);
  ck_assert_int_eq (pipe (errpipe), 0);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      char *argv[MAX_ARGS + 2];
      char *envp[] = { (char *) "LANG=C", NULL };

      argv[0] = (char *) "smtpreply";
      for (i = 0; args[i] != NULL; i++)
        argv[i + 1] = (char *) args[i];
      argv[i + 1] = NULL;
      signal (SIGPIPE, ignore_sigpipe ? SIG_IGN : SIG_DFL);
      dup2 (in, 0);
      dup2 (out_fd, 1);
      dup2 (errpipe[1], 2);
      execve (TEST_CLI, argv, envp);
      _exit (127);
    }
  close (in);
  close (errpipe[1]);
  while (n + 1 < size && (got = read (errpipe[0], err + n, size - n - 1)) > 0)
    n += (size_t) got;
  err[n] = '\0';
  close (errpipe[0]);
  ck_assert_int_eq (waitpid (pid, &wstatus, 0), pid);
  return wstatus;
}

/* --parse into a full disk, text and JSON: the error is reported once,
   exit status 1, however much input there was left to read. */
START_TEST (test_cli_parse_write_error)
{
  static const char *const text_args[] = { "--parse", NULL };
  static const char *const json_args[] = { "--parse", "--json", NULL };
  static const char reply[] = "550-5.1.1 No such user here\r\n"
                              "550 5.1.1 User unknown\r\n";
  char err[4096];
  int fd = open ("/dev/full", O_WRONLY), wstatus;

  if (fd < 0)
    ck_abort_msg ("/dev/full is not available");
  wstatus = run_cli_to_fd (text_args, reply, 100000, fd, 0, err, sizeof err);
  ck_assert (WIFEXITED (wstatus));
  ck_assert_int_eq (WEXITSTATUS (wstatus), 1);
  ck_assert_str_eq (err, "smtpreply: write error: No space left on device\n");
  wstatus = run_cli_to_fd (json_args, reply, 100000, fd, 0, err, sizeof err);
  ck_assert (WIFEXITED (wstatus));
  ck_assert_int_eq (WEXITSTATUS (wstatus), 1);
  ck_assert_str_eq (err, "smtpreply: write error: No space left on device\n");
  close (fd);
}
END_TEST

/* --parse into a pipe nobody reads any more.  With SIGPIPE ignored (as a
   parent may leave it) the write fails with EPIPE: reported once, exit
   status 1.  With SIGPIPE as it is by default the program ends on the
   signal, silently, as any filter does ("smtpreply --parse | head"). */
START_TEST (test_cli_parse_closed_pipe)
{
  static const char *const args[] = { "--parse", "--json", NULL };
  static const char reply[] = "421 4.7.0 Try again later\r\n";
  char err[4096];
  int fds[2], wstatus;

  ck_assert_int_eq (pipe (fds), 0);
  close (fds[0]);
  wstatus = run_cli_to_fd (args, reply, 200000, fds[1], 1, err, sizeof err);
  ck_assert (WIFEXITED (wstatus));
  ck_assert_int_eq (WEXITSTATUS (wstatus), 1);
  ck_assert_str_eq (err, "smtpreply: write error: Broken pipe\n");
  wstatus = run_cli_to_fd (args, reply, 200000, fds[1], 0, err, sizeof err);
  ck_assert (WIFSIGNALED (wstatus));
  ck_assert_int_eq (WTERMSIG (wstatus), SIGPIPE);
  ck_assert_str_eq (err, "");
  close (fds[1]);
}
END_TEST

/* --parse output through its cache of what each kind of reply says: all
   the files in one process, twice over (the second time every reply comes
   from the cache), give the same lines as each file in a process of its
   own, in English and in Chinese, as text and as JSON. */
START_TEST (test_cli_parse_cached_same_as_first)
{
  static const char *const langs[] = { "C", "zh_CN.UTF-8" };
  static char all[65536], one[16384], expected[1 << 20];
  size_t l = (size_t) _i / 2, m = (size_t) _i % 2, files = 0;
  const char *const args[] = { "--parse", m ? "--json" : NULL, NULL };
  struct test_output out;
  DIR *dir = opendir (TEST_SRCDIR "/data");
  struct dirent *e;

  ck_assert_ptr_nonnull (dir);
  all[0] = '\0';
  expected[0] = '\0';
  while ((e = readdir (dir)) != NULL)
    {
      size_t len = strlen (e->d_name);
      char path[1024];

      if (len < 5 || strcmp (e->d_name + len - 4, ".txt") != 0)
        continue;
      snprintf (path, sizeof path, TEST_SRCDIR "/data/%s", e->d_name);
      one[0] = '\0';
      append_file (one, sizeof one, path);
      run_cli (langs[l], args, one, &out);
      ck_assert_int_eq (out.status, 0);
      ck_assert_uint_lt (strlen (expected) + strlen (out.out),
                         sizeof expected / 2);
      ck_assert_uint_lt (strlen (all) + strlen (one), sizeof all / 2);
      strcat (expected, out.out);
      strcat (all, one);
      files++;
    }
  closedir (dir);
  memmove (all + strlen (all), all, strlen (all) + 1);
  memmove (expected + strlen (expected), expected, strlen (expected) + 1);
  run_cli (langs[l], args, all, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.err, "");
  if (strcmp (out.out, expected) != 0)
    {
      size_t at = 0, line;

      while (out.out[at] == expected[at])
        at++;
      while (at > 0 && expected[at - 1] != '\n')
        at--;
      line = strcspn (expected + at, "\n");
      ck_abort_msg ("%s%s: at byte %zu, expected \"%.*s\", got \"%.*s\"",
                    langs[l], m ? " JSON" : "", at, (int) line,
                    expected + at, (int) strcspn (out.out + at, "\n"),
                    out.out + at);
    }
  ck_assert_uint_ge (files, 30);
}
END_TEST

/* --bounce ***********************************************************/

#define BOUNCES TEST_SRCDIR "/data/bounces/"

/* The whole file PATH, appended to the string at TO (of SIZE bytes). */
static void
append_file (char *to, size_t size, const char *path)
{
  FILE *f = fopen (path, "rb");
  size_t n = strlen (to);

  ck_assert_msg (f != NULL, "cannot open %s", path);
  n += fread (to + n, 1, size - n - 1, f);
  ck_assert_uint_lt (n, size - 1);
  to[n] = '\0';
  fclose (f);
}

/* One report, in the C locale and in Chinese: the summary with the
   subject, the advice, the status and the server's words. */
START_TEST (test_cli_bounce_text)
{
  static const char *const args[] = { "--bounce", BOUNCES "postfix-01.eml", NULL };
  struct test_output out;

  run_cli ("C", args, NULL, &out);
  ck_assert_str_eq (out.out,
    BOUNCES "postfix-01.eml:\n"
    "  Your message \u201cTEST\u201d to kijitora@example.org was not delivered: "
    "The recipient's address does not exist\n"
    "  Advice: " EN_ADVICE_511 "\n"
    "  Enhanced code 5.1.1: Bad destination mailbox address\n"
    "  Server: 550 5.1.1 Address rejected kijitora@example.org\n");
  ck_assert_str_eq (out.err, "");
  ck_assert_int_eq (out.status, 0);

  run_cli ("zh_CN.UTF-8", args, NULL, &out);
  ck_assert_str_eq (out.out,
    BOUNCES "postfix-01.eml:\n"
    "  您发给 kijitora@example.org 的邮件《TEST》未能送达：收件人地址不存在\n"
    "  建议：" ZH_ADVICE_511 "\n"
    "  增强状态码 5.1.1：收件人邮箱不存在\n"
    "  服务器：550 5.1.1 Address rejected kijitora@example.org\n");
  ck_assert_int_eq (out.status, 0);
}
END_TEST

/* An mbox of reports and an ordinary message, as JSON: one line per
   failed recipient, one for the message that is not a report; exit 1. */
START_TEST (test_cli_bounce_mbox_json)
{
  static char mbox[262144];
  static const char *const names[] = { "postfix-01.eml",
                                       "notreport-ordinary-01.eml",
                                       "exim-03.eml" };
  static const char *const args[] = { "--bounce", "--json", NULL };
  static const char *const expect[] = {
    "{\"file\":\"-\",\"message\":1,\"report\":true,\"kind\":\"dsn\","
    "\"format\":\"postfix\",\"recipient\":\"kijitora@example.org\",",
    "{\"file\":\"-\",\"message\":2,\"kind\":\"none\",\"report\":false}",
    "{\"file\":\"-\",\"message\":3,\"report\":true,\"kind\":\"text\","
    "\"format\":\"exim\",\"recipient\":\"kijitora@example.com\",",
    "{\"file\":\"-\",\"message\":3,\"report\":true,\"kind\":\"text\","
    "\"format\":\"exim\",\"recipient\":\"sabatora@example.com\","
  };
  struct test_output out;
  char *line, *save;
  size_t i;

  mbox[0] = '\0';
  for (i = 0; i < N_ELEMENTS (names); i++)
    {
      char path[512];

      snprintf (path, sizeof path, "%s%s", BOUNCES, names[i]);
      strcat (mbox, "From MAILER-DAEMON Sun Nov 29 10:00:00 2026\n");
      append_file (mbox, sizeof mbox, path);
      strcat (mbox, "\n");
    }
  run_cli ("C", args, mbox, &out);
  ck_assert_int_eq (out.status, 1);
  ck_assert_str_eq (out.err, "");
  for (i = 0, line = strtok_r (out.out, "\n", &save); line != NULL;
       i++, line = strtok_r (NULL, "\n", &save))
    {
      ck_assert_uint_lt (i, N_ELEMENTS (expect));
      ck_assert_msg (strncmp (line, expect[i], strlen (expect[i])) == 0,
                     "line %zu: %s", i, line);
      if (strstr (expect[i], "\"report\":true") != NULL)
        {
          ck_assert_ptr_nonnull (strstr (line, "\"action\":\"failed\""));
          ck_assert_ptr_nonnull (strstr (line, "\"reason\":\"recipient_unknown\""));
          ck_assert_ptr_nonnull (strstr (line, "\"reply\":{\"code\":550,"));
          ck_assert_ptr_nonnull (strstr (line, "\"headline\":\"The recipient's "
                                               "address does not exist\""));
        }
    }
  ck_assert_uint_eq (i, N_ELEMENTS (expect));
}
END_TEST

/* A Maildir: the messages of new/ and cur/. */
START_TEST (test_cli_bounce_maildir)
{
  char dir[] = "/tmp/smtpreply-maildir-XXXXXX", path[512], text[65536] = "";
  const char *args[] = { "--bounce", dir, NULL };
  struct test_output out;
  FILE *f;

  ck_assert_ptr_nonnull (mkdtemp (dir));
  snprintf (path, sizeof path, "%s/cur", dir);
  ck_assert_int_eq (mkdir (path, 0700), 0);
  snprintf (path, sizeof path, "%s/new", dir);
  ck_assert_int_eq (mkdir (path, 0700), 0);
  snprintf (path, sizeof path, "%s/new/1.host", dir);
  append_file (text, sizeof text, BOUNCES "postfix-01.eml");
  f = fopen (path, "wb");
  ck_assert_ptr_nonnull (f);
  fputs (text, f);
  fclose (f);
  run_cli ("C", args, NULL, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_ptr_nonnull (strstr (out.out, "/new/1.host:\n  Your message "
                                          "\u201cTEST\u201d to "
                                          "kijitora@example.org was not "
                                          "delivered: "));
  unlink (path);
  snprintf (path, sizeof path, "%s/new", dir);
  rmdir (path);
  snprintf (path, sizeof path, "%s/cur", dir);
  rmdir (path);
  rmdir (dir);
}
END_TEST

/* Standard input, empty input, a file that does not exist, a directory
   that is not a Maildir. */
START_TEST (test_cli_bounce_bad_input)
{
  static const char *const from_stdin[] = { "--bounce", NULL };
  static const char *const missing[] = { "--bounce", "/nonexistent/x", NULL };
  static const char *const directory[] = { "--bounce", TEST_SRCDIR, NULL };
  struct test_output out;

  run_cli ("C", from_stdin, "", &out);
  ck_assert_str_eq (out.out, "(standard input):\n  Not a delivery report\n");
  ck_assert_int_eq (out.status, 1);
  run_cli ("zh_CN.UTF-8", from_stdin, "", &out);
  ck_assert_str_eq (out.out, "（标准输入）:\n  不是退信\n");
  ck_assert_int_eq (out.status, 1);
  run_cli ("C", missing, NULL, &out);
  ck_assert_str_eq (out.out, "");
  ck_assert_str_eq (out.err, "smtpreply: cannot open '/nonexistent/x': "
                             "No such file or directory\n");
  ck_assert_int_eq (out.status, 1);
  run_cli ("C", directory, NULL, &out);
  ck_assert_str_eq (out.err, "smtpreply: '" TEST_SRCDIR "' is a directory "
                             "but not a Maildir\n");
  ck_assert_int_eq (out.status, 1);
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *s = suite_create ("cli");
  TCase *tc;

  tc = tcase_create ("outputs and exit codes");
  tcase_add_loop_test (tc, test_cli_case, 0, N_ELEMENTS (cases));
  tcase_add_loop_test (tc, test_cli_parse, 0, N_ELEMENTS (parse_cases));
  tcase_add_test (tc, test_cli_parse_real_replies);
  tcase_add_test (tc, test_cli_help_translated);
  tcase_add_loop_test (tc, test_cli_reasons, 0, N_ELEMENTS (reasons_locales));
  tcase_add_test (tc, test_cli_gb18030);
  tcase_add_test (tc, test_cli_list);
  tcase_add_test (tc, test_cli_write_error);
  tcase_add_test (tc, test_cli_parse_write_error);
  tcase_add_test (tc, test_cli_parse_closed_pipe);
  tcase_add_test (tc, test_cli_bounce_text);
  tcase_add_test (tc, test_cli_bounce_mbox_json);
  tcase_add_test (tc, test_cli_bounce_maildir);
  tcase_add_test (tc, test_cli_bounce_bad_input);
  suite_add_tcase (s, tc);

  /* One process per file of tests/data, in two languages and two forms:
     slow under the sanitizers, so a case of its own with more time. */
  tc = tcase_create ("the parse cache");
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_cli_parse_cached_same_as_first, 0, 4);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", "zh_CN.GB18030",
                                        "en_US.UTF-8", "sv_SE.UTF-8", "ja_JP.UTF-8",
                                        NULL };
  int skip = test_require_locales (needed);

  return skip ? skip : test_run_suite (cli_suite ());
}
