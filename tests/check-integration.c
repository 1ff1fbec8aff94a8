/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-integration.c: real SMTP sessions with a real mail server, and
   the delivery reports real mail servers write.

   Sessions: Exim, from Debian's packages, answers on its standard input
   (exim -bs) with a throwaway configuration (tests/integration/exim.conf.in);
   no traffic leaves the machine.  The sessions produce an accepted message,
   an unknown recipient, an unknown command, a bad sequence, relaying denied
   and a message over the size limit.  Every reply is parsed as it would
   arrive from a socket (in small chunks) and explained in zh_CN and in en,
   and the test asserts its code, enhanced code, class, reason and headline.

   Reports: tests/integration/make-bounces runs a real Postfix and a real
   Exim as daemons on loopback, sending to each other: a message to an
   unknown user, one over the size limit, one to a domain that does not
   resolve (and Postfix one to an unknown user of its own).  Each writes its
   reports into its sender's mbox; the test reads them back and asserts,
   for each, the recipient, status, reason and headline in en and zh_CN.
   This part needs root (the MTAs start as root) and Postfix unpacked by
   tests/integration/get-postfix.

   Run by "make check-integration". */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *exim_path;
static char spool[256];
static char config[300];

/* One command of a session and what its reply must be. */
struct step
{
  const char *command;          /* sent as is; NULL for the greeting */
  enum smtpreply_context ctx;
  int code;
  const char *enhanced;         /* "" for none */
  enum smtpreply_class outcome;
  enum smtpreply_reason reason;
  const char *en;               /* headline in en_US.UTF-8 */
  const char *zh;               /* headline in zh_CN.UTF-8 */
};

#define GREETING { NULL, SMTPREPLY_CTX_GREETING, 220, "", \
    SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_REASON_NONE, "The server is ready to start the session", \
    "服务器已就绪，可以开始会话" }
#define EHLO { "EHLO client.example\r\n", SMTPREPLY_CTX_EHLO, 250, "", \
    SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_REASON_NONE, \
    "The server greeted the client and listed the extensions it supports", \
    "服务器已响应问候，并列出了它支持的扩展功能" }
#define MAIL_OK { "MAIL FROM:<sender@client.example>\r\n", SMTPREPLY_CTX_MAIL, \
    250, "", SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_REASON_NONE, \
    "The sender address was accepted", \
    "发件人地址已被接受" }
#define QUIT { "QUIT\r\n", SMTPREPLY_CTX_QUIT, 221, "", \
    SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_REASON_NONE, "The server is closing the connection", \
    "服务器正在关闭连接" }
#define END { NULL, 0, 0, NULL, 0, 0, NULL, NULL }

/* A message accepted for delivery. */
static const struct step accepted[] = {
  GREETING, EHLO, MAIL_OK,
  { "RCPT TO:<alice@test.example>\r\n", SMTPREPLY_CTX_RCPT, 250, "",
    SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_REASON_NONE,
    "The recipient address was accepted",
    "收件人地址已被接受" },
  { "DATA\r\n", SMTPREPLY_CTX_DATA, 354, "", SMTPREPLY_CLASS_INTERMEDIATE,
    SMTPREPLY_REASON_NONE, "The server is ready to receive the message", "服务器已准备好接收邮件内容" },
  { "Subject: libsmtpreply test\r\n\r\nHello.\r\n.\r\n",
    SMTPREPLY_CTX_DATA_END, 250, "", SMTPREPLY_CLASS_SUCCESS,
    SMTPREPLY_REASON_NONE, "The server accepted the message for delivery",
    "服务器已接收邮件，将进行投递" },
  QUIT, END
};

/* What a server refuses. */
static const struct step refused[] = {
  GREETING, EHLO, MAIL_OK,
  /* An unknown recipient. */
  { "RCPT TO:<nobody@test.example>\r\n", SMTPREPLY_CTX_RCPT, 550, "5.1.1",
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN,
    "The recipient\u2019s address does not exist", "收件人地址不存在" },
  /* Relaying denied. */
  { "RCPT TO:<someone@elsewhere.example>\r\n", SMTPREPLY_CTX_RCPT, 550, "5.7.1",
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_RELAY_DENIED,
    "The server will not pass the message on (relaying denied)",
    "服务器不允许转发此邮件（拒绝中继）" },
  /* An unknown command. */
  { "FROBNICATE\r\n", SMTPREPLY_CTX_UNKNOWN, 500, "",
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_PROTOCOL_ERROR,
    "The mail program and the server did not understand each other",
    "邮件程序与服务器无法正常通信" },
  { "RSET\r\n", SMTPREPLY_CTX_RSET, 250, "", SMTPREPLY_CLASS_SUCCESS,
    SMTPREPLY_REASON_NONE, "The mail transaction was reset", "邮件事务已重置" },
  /* A bad sequence: a recipient before any sender. */
  { "RCPT TO:<alice@test.example>\r\n", SMTPREPLY_CTX_RCPT, 503, "",
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_PROTOCOL_ERROR,
    "The mail program and the server did not understand each other",
    "邮件程序与服务器无法正常通信" },
  /* A message over the size limit, declared with SIZE (RFC 1870). */
  { "MAIL FROM:<sender@client.example> SIZE=999999\r\n", SMTPREPLY_CTX_MAIL,
    552, "", SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_MESSAGE_TOO_BIG,
    "The message is too large", "邮件过大" },
  QUIT, END
};

static const char *
find_exim (void)
{
  static const char *const candidates[] = { "/usr/sbin/exim4", "/usr/sbin/exim",
                                            "/usr/bin/exim", NULL };
  int i;

  for (i = 0; candidates[i] != NULL; i++)
    if (access (candidates[i], X_OK) == 0)
      return candidates[i];
  return NULL;
}

/* The throwaway configuration, in a temporary directory with the spool.
   As root, Exim runs as exim_user, which must own the spool. */
static void
write_config (void)
{
  char template_path[1024], line[1024];
  const char *user = "nobody", *group = "nogroup";
  struct passwd *pw;
  struct group *gr;
  FILE *in, *out;

  snprintf (spool, sizeof spool, "/tmp/smtpreply-exim-XXXXXX");
  ck_assert_ptr_nonnull (mkdtemp (spool));
  if (geteuid () != 0)
    {
      pw = getpwuid (geteuid ());
      gr = getgrgid (getegid ());
      ck_assert (pw != NULL && gr != NULL);
      user = pw->pw_name;
      group = gr->gr_name;
    }
  else
    {
      pw = getpwnam (user);
      gr = getgrnam (group);
      ck_assert_msg (pw != NULL && gr != NULL, "no user nobody:nogroup");
      ck_assert_int_eq (chown (spool, pw->pw_uid, gr->gr_gid), 0);
    }
  snprintf (template_path, sizeof template_path,
            "%s/integration/exim.conf.in", TEST_SRCDIR);
  snprintf (config, sizeof config, "/tmp/smtpreply-exim-%ld.conf",
            (long) getpid ());
  in = fopen (template_path, "r");
  out = fopen (config, "w");
  ck_assert (in != NULL && out != NULL);
  while (fgets (line, sizeof line, in) != NULL)
    {
      if (strncmp (line, "spool_directory = @SPOOL@", 25) == 0)
        fprintf (out, "spool_directory = %s\n", spool);
      else if (strncmp (line, "exim_user = @USER@", 18) == 0)
        fprintf (out, "exim_user = %s\n", user);
      else if (strncmp (line, "exim_group = @GROUP@", 20) == 0)
        fprintf (out, "exim_group = %s\n", group);
      else
        fputs (line, out);
    }
  fclose (in);
  ck_assert_int_eq (fclose (out), 0);
}

/* Removes the spool and the configuration. */
static void
remove_tree (const char *path)
{
  char command[600];

  snprintf (command, sizeof command, "rm -rf '%s'", path);
  ck_assert_int_eq (system (command), 0);
}

static void
setup (void)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
  write_config ();
}

static void
setup_reports (void)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
}

static void
teardown (void)
{
  remove_tree (spool);
  unlink (config);
}

/* Counts the messages Exim queued. */
static int
queued_messages (void)
{
  char input[400];
  struct dirent *e;
  DIR *d;
  int n = 0;

  snprintf (input, sizeof input, "%s/input", spool);
  d = opendir (input);
  if (d == NULL)
    return 0;
  while ((e = readdir (d)) != NULL)
    n += strlen (e->d_name) > 2
         && strcmp (e->d_name + strlen (e->d_name) - 2, "-H") == 0;
  closedir (d);
  return n;
}

/* Runs one session with Exim and checks each reply. */
static void
run_session (const struct step *steps)
{
  static struct test_output out;
  char input[4096] = "";
  char *argv[] = { (char *) "exim", (char *) "-C", config, (char *) "-bs",
                   NULL };
  char *envp[] = { (char *) "PATH=/usr/sbin:/usr/bin:/bin", NULL };
  locale_t zh = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);
  locale_t en = newlocale (LC_ALL_MASK, "en_US.UTF-8", (locale_t) 0);
  size_t pos = 0, avail = 0, len;
  const struct step *s;

  ck_assert (zh != (locale_t) 0 && en != (locale_t) 0);
  for (s = steps; s->enhanced != NULL; s++)
    if (s->command != NULL)
      strcat (input, s->command);
  test_run (exim_path, argv, envp, input, strlen (input), &out);
  ck_assert_msg (out.status == 0, "exim exited with %d: %.300s", out.status,
                 out.err);
  len = strlen (out.out);

  /* The replies, read as a client reads a socket: 7 bytes at a time. */
  for (s = steps; s->enhanced != NULL; s++)
    {
      struct smtpreply_reply reply;
      struct smtpreply_explanation x;
      char enhanced[32] = "";
      int rc;

      for (;;)
        {
          if (avail > pos)
            rc = smtpreply_parse (out.out + pos, avail - pos,
                                  avail == len ? SMTPREPLY_PARSE_END_OF_INPUT
                                               : 0, &reply);
          else
            rc = avail == len ? SMTPREPLY_PARSE_EMPTY
                              : SMTPREPLY_PARSE_NEED_MORE;
          if (rc != SMTPREPLY_PARSE_NEED_MORE)
            break;
          avail = avail + 7 < len ? avail + 7 : len;
        }
      ck_assert_msg (rc == SMTPREPLY_PARSE_OK, "reply to %s: %s (%.200s)",
                     s->command ? s->command : "connecting",
                     smtpreply_strerror (rc), out.out + pos);
      if (reply.has_enhanced)
        snprintf (enhanced, sizeof enhanced, "%d.%d.%d", reply.enhanced.cls,
                  reply.enhanced.subject, reply.enhanced.detail);
      ck_assert_int_eq (reply.code, s->code);
      ck_assert_str_eq (enhanced, s->enhanced);

      ck_assert_int_eq (smtpreply_explain_l (&reply, s->ctx, &x, en), 0);
      ck_assert_int_eq (x.outcome, s->outcome);
      ck_assert_int_eq (x.reason, s->reason);
      ck_assert_str_eq (x.headline, s->en);
      ck_assert_int_eq (smtpreply_explain_l (&reply, s->ctx, &x, zh), 0);
      ck_assert_int_eq (x.outcome, s->outcome);
      ck_assert_str_eq (x.headline, s->zh);
      pos += reply.consumed;
    }
  ck_assert_uint_eq (pos, len);
  freelocale (zh);
  freelocale (en);
}

START_TEST (test_accepted_message)
{
  run_session (accepted);
  ck_assert_int_eq (queued_messages (), 1);
}
END_TEST

START_TEST (test_refusals)
{
  run_session (refused);
  ck_assert_int_eq (queued_messages (), 0);
}
END_TEST


/* Delivery reports from real MTAs ************************************/

struct expected_report
{
  const char *subject;          /* of the message that failed */
  const char *recipient;
  const char *status;
  int code;                     /* the remote server's reply; 0: none */
  enum smtpreply_context ctx;   /* the command it answered, when said */
  enum smtpreply_reason reason;
  const char *en, *zh;          /* headlines */
};

/* In the en catalog, with its typographic apostrophes. */
#define EN_UNKNOWN "The recipient’s address does not exist"
#define ZH_UNKNOWN "收件人地址不存在"
#define EN_BIG "The message is too large"
#define ZH_BIG "邮件过大"
#define EN_DOMAIN "The recipient’s domain does not exist"
#define ZH_DOMAIN "收件人的域名不存在"

static const struct expected_report postfix_reports[] = {
  { "postfix local unknown user", "nobody@pf.test", "5.1.1", 0,
    SMTPREPLY_CTX_UNKNOWN, SMTPREPLY_REASON_RECIPIENT_UNKNOWN, EN_UNKNOWN,
    ZH_UNKNOWN },
  { "postfix remote unknown user", "nobody@ex.test", "5.1.1", 550,
    SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN, EN_UNKNOWN,
    ZH_UNKNOWN },
  { "postfix over the size limit", "alice@ex.test", "5.3.4", 0,
    SMTPREPLY_CTX_UNKNOWN, SMTPREPLY_REASON_MESSAGE_TOO_BIG, EN_BIG, ZH_BIG },
  { "postfix domain that does not resolve", "alice@nonexistent.invalid",
    "5.4.4", 0, SMTPREPLY_CTX_UNKNOWN, SMTPREPLY_REASON_DOMAIN_NOT_FOUND,
    EN_DOMAIN, ZH_DOMAIN },
  { NULL, NULL, NULL, 0, 0, 0, NULL, NULL }
};

static const struct expected_report exim_reports[] = {
  { "exim remote unknown user", "nobody@pf.test", "5.0.0", 550,
    SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN, EN_UNKNOWN,
    ZH_UNKNOWN },
  { "exim over the size limit", "alice@pf.test", "5.0.0", 552,
    SMTPREPLY_CTX_UNKNOWN, SMTPREPLY_REASON_MESSAGE_TOO_BIG, EN_BIG, ZH_BIG },
  { "exim domain that does not resolve", "alice@nonexistent.invalid",
    "5.0.0", 0, SMTPREPLY_CTX_UNKNOWN, SMTPREPLY_REASON_DOMAIN_NOT_FOUND,
    EN_DOMAIN, ZH_DOMAIN },
  { NULL, NULL, NULL, 0, 0, 0, NULL, NULL }
};

static char reports_dir[256];

/* The whole file PATH, NUL-terminated; its length in *LEN. */
static char *
slurp (const char *path, size_t *len)
{
  FILE *f = fopen (path, "rb");
  char *buf;
  long n;

  ck_assert_msg (f != NULL, "cannot open %s: %s", path, strerror (errno));
  ck_assert_int_eq (fseek (f, 0, SEEK_END), 0);
  n = ftell (f);
  ck_assert (n >= 0);
  rewind (f);
  buf = malloc ((size_t) n + 1);
  ck_assert_ptr_nonnull (buf);
  ck_assert_uint_eq (fread (buf, 1, (size_t) n, f), (size_t) n);
  fclose (f);
  buf[n] = '\0';
  *len = (size_t) n;
  return buf;
}

/* Checks the report MSG (LEN bytes) against the row of TABLE with its
   subject, and marks the row as seen. */
static void
check_report (const char *msg, size_t len,
              const struct expected_report *table, int *seen)
{
  locale_t zh = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);
  struct smtpreply_report *r = NULL;
  const struct smtpreply_report_recipient *rc;
  const struct smtpreply_report_message *m;
  const struct expected_report *e;
  struct smtpreply_explanation x;
  struct smtpreply_reply reply;
  char status[32], summary[512], want[512];
  int i;

  ck_assert (zh != (locale_t) 0);
  ck_assert_int_eq (smtpreply_report_read (msg, len, &r), 0);
  ck_assert_int_eq (smtpreply_report_kind (r), SMTPREPLY_REPORT_DSN);
  m = smtpreply_report_message (r);
  ck_assert_ptr_nonnull (m->subject);
  for (i = 0; table[i].subject != NULL; i++)
    if (strcmp (table[i].subject, m->subject) == 0)
      break;
  e = &table[i];
  ck_assert_msg (e->subject != NULL, "a report on an unexpected message: %s",
                 m->subject);
  seen[i]++;
  ck_assert_uint_eq (smtpreply_report_count (r), 1);
  rc = smtpreply_report_recipient (r, 0);
  ck_assert_str_eq (rc->recipient, e->recipient);
  ck_assert_int_eq (rc->action, SMTPREPLY_ACTION_FAILED);
  ck_assert (rc->has_status);
  snprintf (status, sizeof status, "%d.%d.%d", rc->status.cls,
            rc->status.subject, rc->status.detail);
  ck_assert_str_eq (status, e->status);
  if (e->code != 0)
    {
      ck_assert_int_eq (smtpreply_report_reply (rc, &reply), 0);
      ck_assert_int_eq (reply.code, e->code);
    }
  else
    ck_assert_int_eq (smtpreply_report_reply (rc, &reply), ENOENT);
  ck_assert_int_eq (rc->context, e->ctx);
  ck_assert_msg (rc->reason == e->reason, "%s: reason %s, expected %s",
                 e->subject, smtpreply_reason_name (rc->reason),
                 smtpreply_reason_name (e->reason));
  ck_assert_int_eq (smtpreply_report_explain (rc, "en", &x), 0);
  ck_assert_str_eq (x.headline, e->en);
  ck_assert_int_eq (smtpreply_report_explain (rc, "zh-CN", &x), 0);
  ck_assert_str_eq (x.headline, e->zh);
  /* The thread's locale, and the sentence a Chinese user reads. */
  uselocale (zh);
  ck_assert_int_eq (smtpreply_report_explain (rc, NULL, &x), 0);
  ck_assert_str_eq (x.headline, e->zh);
  uselocale (LC_GLOBAL_LOCALE);
  snprintf (want, sizeof want, "您发给 %s 的邮件《%s》未能送达：%s",
            e->recipient, e->subject, e->zh);
  ck_assert_int_eq (smtpreply_report_summary (r, 0, "zh-CN", summary,
                                              sizeof summary),
                    (int) strlen (want));
  ck_assert_str_eq (summary, want);
  smtpreply_report_free (r);
  freelocale (zh);
}

/* Reads the mbox PATH, one message at a time (each starts with a "From "
   line), and checks each against TABLE: every row once. */
static void
check_mbox (const char *path, const struct expected_report *table)
{
  size_t len, start = 0, i, rows = 0;
  char *box = slurp (path, &len);
  int seen[8] = { 0 };

  while (table[rows].subject != NULL)
    rows++;
  ck_assert_uint_le (rows, 8);
  ck_assert_msg (strncmp (box, "From ", 5) == 0, "%s is not an mbox", path);
  for (i = 1; i <= len; i++)
    if (i == len || (box[i - 1] == '\n' && strncmp (box + i, "From ", 5) == 0))
      {
        check_report (box + start, i - start, table, seen);
        start = i;
      }
  for (i = 0; i < rows; i++)
    ck_assert_msg (seen[i] == 1, "%d reports on \"%s\"", seen[i],
                   table[i].subject);
  free (box);
}

START_TEST (test_real_reports)
{
  char command[2048], path[512];

  ck_assert_msg (geteuid () == 0, "the reports need root: Postfix and Exim "
                 "start as root (run make check-integration as root)");
  snprintf (reports_dir, sizeof reports_dir, "/tmp/smtpreply-mta-%ld",
            (long) getpid ());
  snprintf (command, sizeof command,
            "bash '%s/integration/make-bounces' '%s' '%s' '%s'",
            TEST_SRCDIR, reports_dir, TEST_POSTFIX_ROOT, exim_path);
  ck_assert_msg (system (command) == 0, "make-bounces failed (see above)");
  snprintf (path, sizeof path, "%s/postfix.mbox", reports_dir);
  check_mbox (path, postfix_reports);
  snprintf (path, sizeof path, "%s/exim.mbox", reports_dir);
  check_mbox (path, exim_reports);
  remove_tree (reports_dir);
}
END_TEST

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", "en_US.UTF-8", NULL };
  Suite *s;
  TCase *tc;
  int skip = test_require_locales (needed);

  if (skip)
    return skip;
  exim_path = find_exim ();
  if (exim_path == NULL)
    {
      printf ("SKIP: Exim is not installed (Debian: apt-get install "
              "exim4-daemon-light)\n");
      return TEST_SKIP;
    }
  s = suite_create ("integration with Exim and Postfix");
  tc = tcase_create ("sessions");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_accepted_message);
  tcase_add_test (tc, test_refusals);
  suite_add_tcase (s, tc);
  tc = tcase_create ("reports");
  tcase_add_checked_fixture (tc, setup_reports, NULL);
  tcase_set_timeout (tc, 180);
  tcase_add_test (tc, test_real_reports);
  suite_add_tcase (s, tc);
  return test_run_suite (s);
}
