/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-parse.c: the reply parser on real replies (tests/data/), on every
   malformed form, and on every split of pipelined buffers. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads tests/data/NAME into a static buffer; returns its length. */
static size_t
read_data (const char *name, char *buf, size_t size)
{
  char path[1024];
  FILE *f;
  size_t len;

  snprintf (path, sizeof path, "%s/data/%s", TEST_SRCDIR, name);
  f = fopen (path, "rb");
  ck_assert_msg (f != NULL, "cannot open %s", path);
  len = fread (buf, 1, size, f);
  ck_assert_msg (len < size, "%s is larger than the test's buffer", path);
  fclose (f);
  return len;
}

/* The text of line I of REPLY, as a NUL-terminated copy. */
static const char *
line_text (const char *buf, const struct smtpreply_reply *reply, size_t i)
{
  static char text[SMTPREPLY_MAX_LINE_LENGTH + 1];

  ck_assert_uint_lt (i, reply->nlines);
  memcpy (text, buf + reply->lines[i].offset, reply->lines[i].length);
  text[reply->lines[i].length] = '\0';
  return text;
}

static const char *
enhanced_string (const struct smtpreply_reply *reply)
{
  static char s[32];

  if (!reply->has_enhanced)
    return "";
  snprintf (s, sizeof s, "%d.%d.%d", reply->enhanced.cls,
            reply->enhanced.subject, reply->enhanced.detail);
  return s;
}

/* Real replies.  Each file holds one reply, or several back to back. */
struct expected_reply
{
  int code;
  const char *enhanced;         /* "" for none */
  size_t nlines;
  const char *first;            /* text of the first line */
  const char *last;             /* text of the last line */
};

static const struct
{
  const char *file;
  struct expected_reply replies[6];
} real[] = {
  { "gmail-550-5.1.1.txt", { { 550, "5.1.1", 4,
      "The email account that you tried to reach does not exist. Please try",
      "https://support.google.com/mail/?p=NoSuchUser d2e1a72fcca58-7a1b2c3d4e5si123456b3a.200 - gsmtp" } } },
  { "gmail-421-4.7.0.txt", { { 421, "4.7.0", 5,
      "[203.0.113.5      15] Our system has detected an unusual rate of",
      "https://support.google.com/mail/?p=UnsolicitedRateLimitError 5b1f17b1804b1-43e1234567si1234567f9.101 - gsmtp" } } },
  { "gmail-550-5.7.26.txt", { { 550, "5.7.26", 9,
      "This mail has been blocked because the sender is unauthenticated.",
      "https://support.google.com/mail/answer/81126#authentication a640c23a62f3a-ab1234567si12345a66b.300 - gsmtp" } } },
  { "gmail-552-5.2.2.txt", { { 552, "5.2.2", 3,
      "The recipient's inbox is out of storage space. Please direct the",
      "https://support.google.com/mail/?p=OverQuotaPerm 98e67ed59e1d1-2f1234567si1234567a91.99 - gsmtp" } } },
  { "gmail-535-5.7.8.txt", { { 535, "5.7.8", 2,
      "Username and Password not accepted. For more information, go to",
      "https://support.google.com/mail/?p=BadCredentials 5b1f17b1804b1-4361234567si1234567f9.3 - gsmtp" } } },
  { "gmail-ehlo.txt", { { 250, "", 8,
      "smtp.gmail.com at your service, [203.0.113.5]", "SMTPUTF8" } } },
  { "gmail-auth-334.txt", { { 334, "", 1, "VXNlcm5hbWU6", "VXNlcm5hbWU6" } } },
  { "m365-550-5.1.10.txt", { { 550, "5.1.10", 1,
      "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
      "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup" } } },
  { "m365-451-4.7.500.txt", { { 451, "4.7.500", 1,
      "Server busy. Please try again later from [203.0.113.5]. (S77719) [AM4PEPF00027A5F.eurprd04.prod.outlook.com 2026-11-29T10:00:00.000Z 08DD0A1B2C3D4E5F]",
      "Server busy. Please try again later from [203.0.113.5]. (S77719) [AM4PEPF00027A5F.eurprd04.prod.outlook.com 2026-11-29T10:00:00.000Z 08DD0A1B2C3D4E5F]" } } },
  { "m365-550-5.7.606.txt", { { 550, "5.7.606", 1,
      "Access denied, banned sending IP [203.0.113.5]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to  http://go.microsoft.com/fwlink/?LinkID=526655 (AS16012609)",
      "Access denied, banned sending IP [203.0.113.5]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to  http://go.microsoft.com/fwlink/?LinkID=526655 (AS16012609)" } } },
  { "m365-530-5.7.57.txt", { { 530, "5.7.57", 1,
      "Client not authenticated to send mail. [AM0PR02CA0001.eurprd02.prod.outlook.com 2026-11-29T10:00:00.000Z 08DD0A1B2C3D4E5F]",
      "Client not authenticated to send mail. [AM0PR02CA0001.eurprd02.prod.outlook.com 2026-11-29T10:00:00.000Z 08DD0A1B2C3D4E5F]" } } },
  { "yahoo-421-4.7.0.txt", { { 421, "4.7.0", 1,
      "[TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
      "[TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes" } } },
  { "yahoo-554-5.7.9.txt", { { 554, "5.7.9", 1,
      "Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes",
      "Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes" } } },
  /* "1" is not an enhanced code: it stays text. */
  { "yahoo-552-1.txt", { { 552, "", 1,
      "1 Requested mail action aborted, mailbox not found",
      "1 Requested mail action aborted, mailbox not found" } } },
  { "postfix-550-5.1.1.txt", { { 550, "5.1.1", 1,
      "<bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
      "<bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table" } } },
  { "postfix-554-5.7.1-relay.txt", { { 554, "5.7.1", 1,
      "<bob@example.org>: Relay access denied", "<bob@example.org>: Relay access denied" } } },
  { "postfix-450-4.2.0-greylist.txt", { { 450, "4.2.0", 1,
      "<bob@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html",
      "<bob@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html" } } },
  { "postfix-ehlo.txt", { { 250, "", 11, "mail.example.com", "CHUNKING" } } },
  { "postfix-552-5.3.4.txt", { { 552, "5.3.4", 1,
      "Message size exceeds fixed limit", "Message size exceeds fixed limit" } } },
  { "postfix-session-pipelined.txt", {
      { 250, "2.1.0", 1, "Ok", "Ok" },
      { 250, "2.1.5", 1, "Ok", "Ok" },
      { 550, "5.1.1", 1,
        "<nobody@example.com>: Recipient address rejected: User unknown in local recipient table",
        "<nobody@example.com>: Recipient address rejected: User unknown in local recipient table" },
      { 250, "2.1.5", 1, "Ok", "Ok" },
      { 354, "", 1, "End data with <CR><LF>.<CR><LF>", "End data with <CR><LF>.<CR><LF>" } } },
  { "exim-greeting.txt", { { 220, "", 1,
      "mail.example.com ESMTP Exim 4.96 Sun, 29 Nov 2026 10:00:00 +0000",
      "mail.example.com ESMTP Exim 4.96 Sun, 29 Nov 2026 10:00:00 +0000" } } },
  { "exim-550-unrouteable.txt", { { 550, "", 1, "Unrouteable address", "Unrouteable address" } } },
  { "exim-550-sender-verify.txt", { { 550, "", 3,
      "Verification failed for <alice@nonexistent.example>", "Sender verify failed" } } },
  { "exim-500-unrecognized.txt", { { 500, "", 1, "unrecognized command", "unrecognized command" } } },
  { "sendmail-550-5.1.1.txt", { { 550, "5.1.1", 1,
      "<bob@example.com>... User unknown", "<bob@example.com>... User unknown" } } },
  { "sendmail-553-5.1.8.txt", { { 553, "5.1.8", 1,
      "<alice@nonexistent.example>... Domain of sender address alice@nonexistent.example does not exist",
      "<alice@nonexistent.example>... Domain of sender address alice@nonexistent.example does not exist" } } },
  { "sendmail-250-queued.txt", { { 250, "2.0.0", 1,
      "4ATA0A1B012345 Message accepted for delivery",
      "4ATA0A1B012345 Message accepted for delivery" } } },
  { "qq-550-mailbox.txt", { { 550, "", 1,
      "Mailbox not found or access denied", "Mailbox not found or access denied" } } },
  { "qq-550-ip-frequency.txt", { { 550, "", 1,
      "Ip frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725",
      "Ip frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725" } } },
  { "qq-535-login.txt", { { 535, "", 1,
      "Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256",
      "Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256" } } },
  { "netease-550-user.txt", { { 550, "", 1,
      "User not found: bob@example.com", "User not found: bob@example.com" } } },
  { "netease-554-spam.txt", { { 554, "", 1,
      "DT:SPM 163 smtp14,EsCowAD3W0Ja1G9nk8BzBw--.12345S2 1732874400,please see http://mail.163.com/help/help_spam_16.htm?ip=203.0.113.5&hostid=smtp14&time=1732874400",
      "DT:SPM 163 smtp14,EsCowAD3W0Ja1G9nk8BzBw--.12345S2 1732874400,please see http://mail.163.com/help/help_spam_16.htm?ip=203.0.113.5&hostid=smtp14&time=1732874400" } } },
  { "netease-553-auth.txt", { { 553, "", 1,
      "authentication is required,163 smtp9,DcCowAD3W0Ja1G9nk8BzBw--.12345S2 1732874400",
      "authentication is required,163 smtp9,DcCowAD3W0Ja1G9nk8BzBw--.12345S2 1732874400" } } },
  /* Not a captured reply: the SMTPUTF8 case (non-ASCII text kept byte for
     byte) with bare LF line ends. */
  { "smtputf8-550-5.1.1-lf.txt", { { 550, "5.1.1", 2,
      "收件人邮箱不存在: 张三@例子.中国", "Mailbox does not exist" } } },
};

START_TEST (test_real_reply)
{
  static char buf[65536];
  size_t len = read_data (real[_i].file, buf, sizeof buf), pos = 0;
  const struct expected_reply *want;

  for (want = real[_i].replies; want->code != 0; want++)
    {
      struct smtpreply_reply reply;
      int rc = smtpreply_parse (buf + pos, len - pos,
                                SMTPREPLY_PARSE_END_OF_INPUT, &reply);

      ck_assert_msg (rc == SMTPREPLY_PARSE_OK, "%s: %s", real[_i].file,
                     smtpreply_strerror (rc));
      ck_assert_int_eq (reply.code, want->code);
      ck_assert_str_eq (enhanced_string (&reply), want->enhanced);
      ck_assert_uint_eq (reply.nlines, want->nlines);
      ck_assert_str_eq (line_text (buf + pos, &reply, 0), want->first);
      ck_assert_str_eq (line_text (buf + pos, &reply, reply.nlines - 1),
                        want->last);
      /* Without the end-of-input flag the result is the same: every file
         ends its last line. */
      ck_assert_int_eq (smtpreply_parse (buf + pos, len - pos, 0, &reply),
                        SMTPREPLY_PARSE_OK);
      pos += reply.consumed;
    }
  ck_assert_uint_eq (pos, len);
}
END_TEST

/* Malformed and edge-case input: the result, what is consumed, and for
   OK the lines. */
static const struct
{
  const char *input;
  size_t len;                   /* 0: strlen (input) */
  unsigned flags;
  int status;
  size_t consumed;
  int code;
  size_t nlines;
  const char *text;             /* text of the last line, for OK */
} cases[] = {
#define EOI SMTPREPLY_PARSE_END_OF_INPUT
  { "", 0, 0, SMTPREPLY_PARSE_NEED_MORE, 0, 0, 0, NULL },
  { "", 0, EOI, SMTPREPLY_PARSE_EMPTY, 0, 0, 0, NULL },
  { "abc\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 5, 0, 0, NULL },
  { "5500 too many digits\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 22, 0, 0, NULL },
  { "650 first digit\r\n250 ok\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 17, 0, 0, NULL },
  { "150 first digit\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 17, 0, 0, NULL },
  /* A second digit of 6-9 is outside RFC 5321, but real servers send it. */
  { "560 second digit\r\n", 0, 0, SMTPREPLY_PARSE_OK, 18, 560, 1, "second digit" },
  { "600 first digit\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 17, 0, 0, NULL },
  { "55x\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 5, 0, 0, NULL },
  { "5\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 3, 0, 0, NULL },
  { " 550 leading space\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 20, 0, 0, NULL },
  { "550x\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 6, 0, 0, NULL },
  { "550\tx\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 7, 0, 0, NULL },
  { "550\rx\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 6, 0, 0, NULL },
  { "\r\n", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 2, 0, 0, NULL },
  { "no line end", 0, 0, SMTPREPLY_PARSE_BAD_CODE, 11, 0, 0, NULL },
  { "550-a\r\n551 b\r\n", 0, 0, SMTPREPLY_PARSE_CODE_MISMATCH, 14, 0, 0, NULL },
  { "550-a\r\n450 b\r\n", 0, 0, SMTPREPLY_PARSE_CODE_MISMATCH, 14, 0, 0, NULL },
  { "550-a\r\n550-b\r\n551 c", 0, 0, SMTPREPLY_PARSE_CODE_MISMATCH, 19, 0, 0, NULL },
  { "550 a\0b\r\n", 9, 0, SMTPREPLY_PARSE_NUL, 9, 0, 0, NULL },
  { "5\0", 2, 0, SMTPREPLY_PARSE_NUL, 2, 0, 0, NULL },
  { "550\0", 4, 0, SMTPREPLY_PARSE_NUL, 4, 0, 0, NULL },
  { "550-ok\r\n550 \0\r\n", 15, 0, SMTPREPLY_PARSE_NUL, 15, 0, 0, NULL },
  { "550-a\r\n", 0, 0, SMTPREPLY_PARSE_NEED_MORE, 0, 0, 0, NULL },
  { "550-a\r\n", 0, EOI, SMTPREPLY_PARSE_TRUNCATED, 7, 0, 0, NULL },
  { "550-a\r\n550-b", 0, EOI, SMTPREPLY_PARSE_TRUNCATED, 12, 0, 0, NULL },
  { "55", 0, 0, SMTPREPLY_PARSE_NEED_MORE, 0, 0, 0, NULL },
  { "55", 0, EOI, SMTPREPLY_PARSE_TRUNCATED, 2, 0, 0, NULL },
  { "550", 0, 0, SMTPREPLY_PARSE_NEED_MORE, 0, 0, 0, NULL },
  { "550 no line end", 0, 0, SMTPREPLY_PARSE_NEED_MORE, 0, 0, 0, NULL },
  /* At the end of the input, a final line may lack its line end. */
  { "550", 0, EOI, SMTPREPLY_PARSE_OK, 3, 550, 1, "" },
  { "550 no line end", 0, EOI, SMTPREPLY_PARSE_OK, 15, 550, 1, "no line end" },
  { "550 cr only\r", 0, EOI, SMTPREPLY_PARSE_OK, 12, 550, 1, "cr only" },
  { "550-a\r\n550", 0, EOI, SMTPREPLY_PARSE_OK, 10, 550, 2, "" },
  { "250 ok\n", 0, 0, SMTPREPLY_PARSE_OK, 7, 250, 1, "ok" },
  { "250-a\n250-b\r\n250 c\n", 0, 0, SMTPREPLY_PARSE_OK, 19, 250, 3, "c" },
  { "250\r\n", 0, 0, SMTPREPLY_PARSE_OK, 5, 250, 1, "" },
  { "250\n", 0, 0, SMTPREPLY_PARSE_OK, 4, 250, 1, "" },
  { "250-\r\n250 \r\n", 0, 0, SMTPREPLY_PARSE_OK, 12, 250, 2, "" },
  { "250 ok\r\n250 next\r\n", 0, 0, SMTPREPLY_PARSE_OK, 8, 250, 1, "ok" },
  { "250 a\rb\r\n", 0, 0, SMTPREPLY_PARSE_OK, 9, 250, 1, "a\rb" },
  { "250 tab\tand \x01 kept\r\n", 0, 0, SMTPREPLY_PARSE_OK, 20, 250, 1, "tab\tand \x01 kept" },
  { "250 \xff\xfe bytes\r\n", 0, 0, SMTPREPLY_PARSE_OK, 14, 250, 1, "\xff\xfe bytes" },
  /* RFC 2034: the enhanced code's class should be the reply's; one that
     differs is still the enhanced code (flagged, see below). */
  { "550 4.1.1 class differs\r\n", 0, 0, SMTPREPLY_PARSE_OK, 25, 550, 1, "class differs" },
  { "550 5.1.1\r\n", 0, 0, SMTPREPLY_PARSE_OK, 11, 550, 1, "" },
  { "550 5.1.1000 four digits\r\n", 0, 0, SMTPREPLY_PARSE_OK, 26, 550, 1, "5.1.1000 four digits" },
  { "550 5.1.1x\r\n", 0, 0, SMTPREPLY_PARSE_OK, 12, 550, 1, "5.1.1x" },
  { "550 5.1.1\tx\r\n", 0, 0, SMTPREPLY_PARSE_OK, 13, 550, 1, "5.1.1\tx" },
  { "550 5.1\r\n", 0, 0, SMTPREPLY_PARSE_OK, 9, 550, 1, "5.1" },
  { "250 2.999.999   spaces\r\n", 0, 0, SMTPREPLY_PARSE_OK, 24, 250, 1, "spaces" },
#undef EOI
};

START_TEST (test_case)
{
  struct smtpreply_reply reply;
  size_t len = cases[_i].len ? cases[_i].len : strlen (cases[_i].input);
  int rc = smtpreply_parse (cases[_i].input, len, cases[_i].flags, &reply);

  ck_assert_msg (rc == cases[_i].status, "case %d: %d (%s), expected %d",
                 _i, rc, smtpreply_strerror (rc), cases[_i].status);
  ck_assert_uint_eq (reply.consumed, cases[_i].consumed);
  ck_assert_int_eq (reply.code, cases[_i].code);
  ck_assert_uint_eq (reply.nlines, cases[_i].nlines);
  if (rc == SMTPREPLY_PARSE_OK)
    ck_assert_str_eq (line_text (cases[_i].input, &reply, reply.nlines - 1),
                      cases[_i].text);
  else
    ck_assert_int_eq (reply.has_enhanced, 0);
}
END_TEST

/* What the server did that the RFCs do not foresee: flagged, and the
   enhanced code kept.  In-text codes stay in the text. */
static const struct
{
  const char *input;
  unsigned flags;
  const char *enhanced;         /* "" when none */
  const char *text;             /* of the first line */
} flagged[] = {
  { "550 5.1.1 fine\r\n", 0, "5.1.1", "fine" },
  { "571 No PTR Record found\r\n", SMTPREPLY_REPLY_NONSTANDARD_CODE, "", "No PTR Record found" },
  { "599 x\r\n", SMTPREPLY_REPLY_NONSTANDARD_CODE, "", "x" },
  { "550 4.4.7 QUEUE.Expired\r\n", SMTPREPLY_REPLY_ENHANCED_CLASS_MISMATCH, "4.4.7", "QUEUE.Expired" },
  { "250 5.0.0 odd\r\n", SMTPREPLY_REPLY_ENHANCED_CLASS_MISMATCH, "5.0.0", "odd" },
  { "550 sorry, no mailbox here by that name. (#5.1.1)\r\n", SMTPREPLY_REPLY_ENHANCED_IN_TEXT, "5.1.1", "sorry, no mailbox here by that name. (#5.1.1)" },
  { "550 sorry, no mailbox here by that name (#5.1.1 - chkusr)\r\n", SMTPREPLY_REPLY_ENHANCED_IN_TEXT, "5.1.1", "sorry, no mailbox here by that name (#5.1.1 - chkusr)" },
  { "553-first\r\n553 sorry, that domain isn't in my list of allowed rcpthosts #5.7.1.\r\n", SMTPREPLY_REPLY_ENHANCED_IN_TEXT, "5.7.1", "first" },
  { "550 #5.1.0 Address rejected\r\n", SMTPREPLY_REPLY_ENHANCED_IN_TEXT, "5.1.0", "#5.1.0 Address rejected" },
  { "421 out of memory (#4.3.0)\r\n", SMTPREPLY_REPLY_ENHANCED_IN_TEXT, "4.3.0", "out of memory (#4.3.0)" },
  { "451 VS1-MF Excessive unknown recipients (#4.4.5)\r\n", SMTPREPLY_REPLY_ENHANCED_IN_TEXT, "4.4.5", "VS1-MF Excessive unknown recipients (#4.4.5)" },
  { "554 x (#5.7.1) y (#5.1.1)\r\n", SMTPREPLY_REPLY_ENHANCED_IN_TEXT, "5.7.1", "x (#5.7.1) y (#5.1.1)" },
  { "550 x (#4.4.7)\r\n", SMTPREPLY_REPLY_ENHANCED_IN_TEXT | SMTPREPLY_REPLY_ENHANCED_CLASS_MISMATCH, "4.4.7", "x (#4.4.7)" },
  { "571 x #5.7.1\r\n", SMTPREPLY_REPLY_NONSTANDARD_CODE | SMTPREPLY_REPLY_ENHANCED_IN_TEXT, "5.7.1", "x #5.7.1" },
  /* Not codes: glued to a word, longer, or not one at all. */
  { "550 x#5.1.1\r\n", 0, "", "x#5.1.1" },
  { "550 (#5.1.10 ok)\r\n", SMTPREPLY_REPLY_ENHANCED_IN_TEXT, "5.1.10", "(#5.1.10 ok)" },
  { "550 #5.1.1000\r\n", 0, "", "#5.1.1000" },
  { "550 #5.1.1.2\r\n", 0, "", "#5.1.1.2" },
  { "550 #6.1.1\r\n", 0, "", "#6.1.1" },
  { "550 #5.1\r\n", 0, "", "#5.1" },
  { "550 ##\r\n", 0, "", "##" },
  { "550 #\r\n", 0, "", "#" },
  /* A code after the reply code wins over one in the text. */
  { "550 5.2.2 full (#5.1.1)\r\n", 0, "5.2.2", "full (#5.1.1)" },
};

START_TEST (test_flagged)
{
  struct smtpreply_reply reply;
  const char *in = flagged[_i].input;

  ck_assert_int_eq (smtpreply_parse (in, strlen (in), 0, &reply),
                    SMTPREPLY_PARSE_OK);
  ck_assert_uint_eq (reply.flags, flagged[_i].flags);
  ck_assert_str_eq (enhanced_string (&reply), flagged[_i].enhanced);
  ck_assert_str_eq (line_text (in, &reply, 0), flagged[_i].text);
  ck_assert_ptr_eq (reply.buf, in);
}
END_TEST

START_TEST (test_enhanced_of_first_line)
{
  const char *input = "550-first line without\r\n550-5.1.1 second\r\n"
                      "550 5.2.2 third\r\n";
  struct smtpreply_reply reply;

  ck_assert_int_eq (smtpreply_parse (input, strlen (input), 0, &reply),
                    SMTPREPLY_PARSE_OK);
  ck_assert_str_eq (enhanced_string (&reply), "5.1.1");
  ck_assert_str_eq (line_text (input, &reply, 0), "first line without");
  ck_assert_str_eq (line_text (input, &reply, 1), "second");
  ck_assert_str_eq (line_text (input, &reply, 2), "third");
}
END_TEST

START_TEST (test_invalid_arguments)
{
  struct smtpreply_reply reply;

  ck_assert_int_eq (smtpreply_parse ("250 ok\r\n", 8, 0, NULL),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  ck_assert_int_eq (smtpreply_parse (NULL, 8, 0, &reply),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  ck_assert_int_eq (smtpreply_parse (NULL, 0, 0, &reply),
                    SMTPREPLY_PARSE_NEED_MORE);
  ck_assert_int_eq (smtpreply_parse (NULL, 0, SMTPREPLY_PARSE_END_OF_INPUT,
                                     &reply), SMTPREPLY_PARSE_EMPTY);
  /* Unknown flag bits are ignored. */
  ck_assert_int_eq (smtpreply_parse ("250 ok", 6, 0xFFFFFFFFu, &reply),
                    SMTPREPLY_PARSE_OK);
}
END_TEST

/* A line of exactly SMTPREPLY_MAX_LINE_LENGTH bytes, CRLF included, is
   accepted; one more byte is not, with or without its line end, and the
   parser says so before the line end arrives. */
START_TEST (test_line_length_limit)
{
  static char buf[SMTPREPLY_MAX_LINE_LENGTH + 64];
  struct smtpreply_reply reply;
  size_t n = SMTPREPLY_MAX_LINE_LENGTH;

  memset (buf, 'x', sizeof buf);
  memcpy (buf, "250 ", 4);
  memcpy (buf + n - 2, "\r\n", 2);
  ck_assert_int_eq (smtpreply_parse (buf, n, 0, &reply), SMTPREPLY_PARSE_OK);
  ck_assert_uint_eq (reply.lines[0].length, n - 6);

  memset (buf, 'x', sizeof buf);
  memcpy (buf, "250 ", 4);
  memcpy (buf + n - 1, "\r\n", 2);
  ck_assert_int_eq (smtpreply_parse (buf, n + 1, 0, &reply),
                    SMTPREPLY_PARSE_LINE_TOO_LONG);
  ck_assert_uint_eq (reply.consumed, n + 1);
  ck_assert_int_eq (smtpreply_parse (buf, n - 1, 0, &reply),
                    SMTPREPLY_PARSE_NEED_MORE);

  memset (buf, 'x', sizeof buf);
  memcpy (buf, "250 ", 4);
  ck_assert_int_eq (smtpreply_parse (buf, n, 0, &reply),
                    SMTPREPLY_PARSE_LINE_TOO_LONG);
  ck_assert_uint_eq (reply.consumed, n);
  ck_assert_int_eq (smtpreply_parse (buf, sizeof buf, SMTPREPLY_PARSE_END_OF_INPUT,
                                     &reply), SMTPREPLY_PARSE_LINE_TOO_LONG);
}
END_TEST

/* At the end of the input a final line without its line end may have
   SMTPREPLY_MAX_LINE_LENGTH bytes, as one with its line end may; one more
   is too long.  Before the end of the input those bytes without a line end
   are too long already (the line end would make it longer); so too after
   a first line, and resumed. */
START_TEST (test_line_length_limit_at_end)
{
  static char buf[2 * SMTPREPLY_MAX_LINE_LENGTH + 64];
  struct smtpreply_parse_state st;
  struct smtpreply_reply reply;
  const size_t n = SMTPREPLY_MAX_LINE_LENGTH;
  size_t k;

  memset (buf, 'x', sizeof buf);
  memcpy (buf, "250 ", 4);
  ck_assert_int_eq (smtpreply_parse (buf, n, SMTPREPLY_PARSE_END_OF_INPUT,
                                     &reply), SMTPREPLY_PARSE_OK);
  ck_assert_uint_eq (reply.consumed, n);
  ck_assert_uint_eq (reply.nlines, 1);
  ck_assert_uint_eq (reply.lines[0].offset, 4);
  ck_assert_uint_eq (reply.lines[0].length, n - 4);
  ck_assert_int_eq (smtpreply_parse (buf, n + 1, SMTPREPLY_PARSE_END_OF_INPUT,
                                     &reply), SMTPREPLY_PARSE_LINE_TOO_LONG);
  ck_assert_uint_eq (reply.consumed, n + 1);
  ck_assert_int_eq (smtpreply_parse (buf, n, 0, &reply),
                    SMTPREPLY_PARSE_LINE_TOO_LONG);
  ck_assert_int_eq (smtpreply_parse (buf, n - 1, 0, &reply),
                    SMTPREPLY_PARSE_NEED_MORE);

  /* The same as the second line of a reply. */
  memcpy (buf, "250-first\r\n250 ", 15);
  ck_assert_int_eq (smtpreply_parse (buf, 11 + n, SMTPREPLY_PARSE_END_OF_INPUT,
                                     &reply), SMTPREPLY_PARSE_OK);
  ck_assert_uint_eq (reply.nlines, 2);
  ck_assert_uint_eq (reply.lines[1].length, n - 4);
  ck_assert_int_eq (smtpreply_parse (buf, 12 + n, SMTPREPLY_PARSE_END_OF_INPUT,
                                     &reply), SMTPREPLY_PARSE_LINE_TOO_LONG);

  /* Resumed a byte at a time, the end of the input said with the last. */
  smtpreply_parse_state_init (&st);
  for (k = 1; k < 11 + n; k++)
    ck_assert_int_eq (smtpreply_parse_resume (buf, k, 0, &st, &reply),
                      SMTPREPLY_PARSE_NEED_MORE);
  ck_assert_int_eq (smtpreply_parse_resume (buf, 11 + n,
                                            SMTPREPLY_PARSE_END_OF_INPUT, &st,
                                            &reply), SMTPREPLY_PARSE_OK);
  ck_assert_uint_eq (reply.lines[1].length, n - 4);
  smtpreply_parse_state_init (&st);
  for (k = 1; k < 11 + n; k++)
    ck_assert_int_eq (smtpreply_parse_resume (buf, k, 0, &st, &reply),
                      SMTPREPLY_PARSE_NEED_MORE);
  ck_assert_int_eq (smtpreply_parse_resume (buf, 11 + n, 0, &st, &reply),
                    SMTPREPLY_PARSE_LINE_TOO_LONG);
}
END_TEST

/* SMTPREPLY_MAX_LINES lines are accepted, one more is not. */
START_TEST (test_line_count_limit)
{
  static char buf[SMTPREPLY_MAX_LINES * 16 + 64];
  struct smtpreply_reply reply;
  size_t len = 0;
  int i;

  for (i = 0; i < SMTPREPLY_MAX_LINES - 1; i++)
    len += (size_t) sprintf (buf + len, "250-line %d\r\n", i);
  len += (size_t) sprintf (buf + len, "250 last\r\n");
  ck_assert_int_eq (smtpreply_parse (buf, len, 0, &reply), SMTPREPLY_PARSE_OK);
  ck_assert_uint_eq (reply.nlines, SMTPREPLY_MAX_LINES);
  ck_assert_str_eq (line_text (buf, &reply, SMTPREPLY_MAX_LINES - 1), "last");

  len -= strlen ("250 last\r\n");
  len += (size_t) sprintf (buf + len, "250-one more\r\n250 last\r\n");
  ck_assert_int_eq (smtpreply_parse (buf, len, 0, &reply),
                    SMTPREPLY_PARSE_TOO_MANY_LINES);
  ck_assert_uint_eq (reply.consumed, len);
}
END_TEST

/* Walking a buffer: every reply and the final result. */
struct walk
{
  int n;
  struct smtpreply_reply replies[64];
  int status;                   /* the result that ended the walk */
};

static void
walk_whole (const char *buf, size_t len, struct walk *w)
{
  size_t pos = 0;

  memset (w, 0, sizeof *w);
  for (;;)
    {
      struct smtpreply_reply *r = &w->replies[w->n];

      if (pos == len)
        {
          w->status = SMTPREPLY_PARSE_EMPTY;
          return;
        }
      w->status = smtpreply_parse (buf + pos, len - pos,
                                   SMTPREPLY_PARSE_END_OF_INPUT, r);
      if (w->status != SMTPREPLY_PARSE_OK)
        return;
      pos += r->consumed;
      ck_assert_int_lt (++w->n, 64);
    }
}

/* The same, the input arriving in chunks that end at BOUNDS[0..NBOUNDS);
   the last bound is LEN.  Only the final call knows it is the end. */
static void
walk_chunked (const char *buf, size_t len, const size_t *bounds,
              size_t nbounds, struct walk *w)
{
  size_t pos = 0, avail = bounds[0], next = 1;

  memset (w, 0, sizeof *w);
  for (;;)
    {
      struct smtpreply_reply *r = &w->replies[w->n];
      int at_end = avail == len;

      if (pos == avail && at_end)
        {
          w->status = SMTPREPLY_PARSE_EMPTY;
          return;
        }
      w->status = pos == avail ? SMTPREPLY_PARSE_NEED_MORE
                    : smtpreply_parse (buf + pos, avail - pos,
                                       at_end ? SMTPREPLY_PARSE_END_OF_INPUT : 0,
                                       r);
      if (w->status == SMTPREPLY_PARSE_NEED_MORE)
        {
          ck_assert (!at_end);
          ck_assert_uint_lt (next, nbounds);
          avail = bounds[next++];
          continue;
        }
      if (w->status != SMTPREPLY_PARSE_OK)
        return;
      pos += r->consumed;
      ck_assert_int_lt (++w->n, 64);
    }
}

/* The same with smtpreply_parse_resume: each call goes on where the last
   one stopped. */
static void
walk_chunked_resume (const char *buf, size_t len, const size_t *bounds,
                     size_t nbounds, struct walk *w)
{
  struct smtpreply_parse_state st;
  size_t pos = 0, avail = bounds[0], next = 1;

  memset (w, 0, sizeof *w);
  smtpreply_parse_state_init (&st);
  for (;;)
    {
      struct smtpreply_reply *r = &w->replies[w->n];
      int at_end = avail == len;

      if (pos == avail && at_end)
        {
          w->status = SMTPREPLY_PARSE_EMPTY;
          return;
        }
      w->status = pos == avail ? SMTPREPLY_PARSE_NEED_MORE
                    : smtpreply_parse_resume (buf + pos, avail - pos,
                                              at_end ? SMTPREPLY_PARSE_END_OF_INPUT
                                                     : 0, &st, r);
      if (w->status == SMTPREPLY_PARSE_NEED_MORE)
        {
          ck_assert (!at_end);
          ck_assert_uint_lt (next, nbounds);
          avail = bounds[next++];
          continue;
        }
      if (w->status != SMTPREPLY_PARSE_OK)
        return;
      pos += r->consumed;
      ck_assert_int_lt (++w->n, 64);
    }
}

static void
assert_same_walk (const struct walk *a, const struct walk *b, const char *what)
{
  int i;
  size_t l;

  ck_assert_msg (a->n == b->n && a->status == b->status,
                 "%s: %d replies ending in %d, expected %d ending in %d",
                 what, b->n, b->status, a->n, a->status);
  for (i = 0; i < a->n; i++)
    {
      const struct smtpreply_reply *x = &a->replies[i], *y = &b->replies[i];

      ck_assert_msg (x->code == y->code && x->consumed == y->consumed
                     && x->nlines == y->nlines
                     && x->has_enhanced == y->has_enhanced
                     && x->enhanced.cls == y->enhanced.cls
                     && x->enhanced.subject == y->enhanced.subject
                     && x->enhanced.detail == y->enhanced.detail,
                     "%s: reply %d differs", what, i);
      for (l = 0; l < x->nlines; l++)
        ck_assert_msg (x->lines[l].offset == y->lines[l].offset
                       && x->lines[l].length == y->lines[l].length,
                       "%s: reply %d line %zu differs", what, i, l);
    }
}

/* Pipelined buffers built from the real replies, plus ones that end in a
   truncated reply or an error, split at every point and fed byte by byte. */
static size_t
build_pipeline (int which, char *buf, size_t size)
{
  static const char *const sets[][6] = {
    { "postfix-session-pipelined.txt", NULL },
    { "exim-greeting.txt", "gmail-ehlo.txt", "gmail-550-5.1.1.txt",
      "exim-550-sender-verify.txt", "smtputf8-550-5.1.1-lf.txt", NULL },
    { "postfix-ehlo.txt", "m365-451-4.7.500.txt", "gmail-auth-334.txt",
      "yahoo-552-1.txt", NULL },
  };
  static const char *const tails[] = { "", "550-5.1.1 cut", "550-a\r\n551 b\r\n",
                                       "250 no line end", "250 a\0b\r\n" };
  size_t len = 0, i;
  int set = which / 5, tail = which % 5;

  for (i = 0; sets[set][i] != NULL; i++)
    len += read_data (sets[set][i], buf + len, size - len);
  memcpy (buf + len, tails[tail], tail == 4 ? 9 : strlen (tails[tail]));
  return len + (tail == 4 ? 9 : strlen (tails[tail]));
}

START_TEST (test_every_split_point)
{
  static char buf[16384];
  size_t len = build_pipeline (_i, buf, sizeof buf), k;
  struct walk whole, chunked;

  walk_whole (buf, len, &whole);
  ck_assert_int_ge (whole.n, 1);
  for (k = 1; k < len; k++)
    {
      size_t bounds[2] = { k, len };
      char what[64];

      snprintf (what, sizeof what, "split at %zu of %zu", k, len);
      walk_chunked (buf, len, bounds, 2, &chunked);
      assert_same_walk (&whole, &chunked, what);
      snprintf (what, sizeof what, "resumed at %zu of %zu", k, len);
      walk_chunked_resume (buf, len, bounds, 2, &chunked);
      assert_same_walk (&whole, &chunked, what);
    }
}
END_TEST

START_TEST (test_byte_by_byte)
{
  static char buf[16384];
  static size_t bounds[16384];
  size_t len = build_pipeline (_i, buf, sizeof buf), k;
  struct walk whole, chunked;

  for (k = 0; k < len; k++)
    bounds[k] = k + 1;
  walk_whole (buf, len, &whole);
  walk_chunked (buf, len, bounds, len, &chunked);
  assert_same_walk (&whole, &chunked, "byte by byte");
  walk_chunked_resume (buf, len, bounds, len, &chunked);
  assert_same_walk (&whole, &chunked, "byte by byte, resumed");
}
END_TEST

/* The largest reply (128 lines of the longest length) arriving a byte at
   a time through smtpreply_parse_resume: the same reply as at once; and
   bad arguments, and a state whose buffer shrank, which starts over. */
START_TEST (test_resume_large_and_bad)
{
  static char buf[SMTPREPLY_MAX_LINES * SMTPREPLY_MAX_LINE_LENGTH];
  static struct smtpreply_reply whole, parts;
  struct smtpreply_parse_state st = { 0 };
  size_t len = 0, k, i;
  int rc = SMTPREPLY_PARSE_NEED_MORE;

  for (i = 0; i < SMTPREPLY_MAX_LINES; i++)
    {
      memcpy (buf + len, i + 1 < SMTPREPLY_MAX_LINES ? "550-" : "550 ", 4);
      memset (buf + len + 4, 'x', SMTPREPLY_MAX_LINE_LENGTH - 6);
      memcpy (buf + len + SMTPREPLY_MAX_LINE_LENGTH - 2, "\r\n", 2);
      len += SMTPREPLY_MAX_LINE_LENGTH;
    }
  ck_assert_int_eq (smtpreply_parse (buf, len, 0, &whole), SMTPREPLY_PARSE_OK);
  for (k = 1; k <= len && rc == SMTPREPLY_PARSE_NEED_MORE; k++)
    rc = smtpreply_parse_resume (buf, k, 0, &st, &parts);
  ck_assert_int_eq (rc, SMTPREPLY_PARSE_OK);
  ck_assert_uint_eq (k - 1, len);
  ck_assert_uint_eq (parts.nlines, whole.nlines);
  ck_assert_uint_eq (parts.consumed, whole.consumed);
  ck_assert_uint_eq (parts.lines[127].offset, whole.lines[127].offset);
  ck_assert_uint_eq (parts.lines[127].length, whole.lines[127].length);

  ck_assert_int_eq (smtpreply_parse_resume (buf, 10, 0, NULL, &parts),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  ck_assert_int_eq (smtpreply_parse_resume (buf, 10, 0, &st, NULL),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  ck_assert_int_eq (smtpreply_parse_resume (NULL, 10, 0, &st, &parts),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  smtpreply_parse_state_init (NULL);
  /* Half a reply, then a shorter, different buffer: a fresh start. */
  ck_assert_int_eq (smtpreply_parse_resume ("550-a\r\n550-b", 12, 0, &st,
                                            &parts), SMTPREPLY_PARSE_NEED_MORE);
  ck_assert_int_eq (smtpreply_parse_resume ("250 ok\r\n", 8, 0, &st, &parts),
                    SMTPREPLY_PARSE_OK);
  ck_assert_int_eq (parts.code, 250);
  ck_assert_uint_eq (parts.nlines, 1);
}
END_TEST

START_TEST (test_pipeline_walk_results)
{
  static char buf[16384];
  struct walk w;

  walk_whole (buf, build_pipeline (0, buf, sizeof buf), &w);
  ck_assert_int_eq (w.n, 5);
  ck_assert_int_eq (w.status, SMTPREPLY_PARSE_EMPTY);
  walk_whole (buf, build_pipeline (6, buf, sizeof buf), &w);
  ck_assert_int_eq (w.n, 5);
  ck_assert_int_eq (w.status, SMTPREPLY_PARSE_TRUNCATED);
  walk_whole (buf, build_pipeline (7, buf, sizeof buf), &w);
  ck_assert_int_eq (w.status, SMTPREPLY_PARSE_CODE_MISMATCH);
  walk_whole (buf, build_pipeline (8, buf, sizeof buf), &w);
  ck_assert_int_eq (w.n, 6);
  ck_assert_int_eq (w.status, SMTPREPLY_PARSE_EMPTY);
  walk_whole (buf, build_pipeline (14, buf, sizeof buf), &w);
  ck_assert_int_eq (w.n, 4);
  ck_assert_int_eq (w.status, SMTPREPLY_PARSE_NUL);
}
END_TEST

/* Every result has its own message, and anything else one more. */
START_TEST (test_strerror)
{
  static const char *const expected[] = {
    "Invalid argument: no buffer or no place for the result",
    "The input ended in the middle of a reply",
    "The reply contains a NUL byte",
    "The reply has too many lines",
    "A line of the reply is too long",
    "A line of a multi-line reply has a different code than the first line",
    "A line does not start with a reply code (three digits, the first 2 to 5)",
    "The input is empty",
    "The reply is complete",
    "The reply is not complete yet; more input is needed",
  };
  int status;

  for (status = SMTPREPLY_PARSE_INVALID_ARGUMENT;
       status <= SMTPREPLY_PARSE_NEED_MORE; status++)
    ck_assert_str_eq (smtpreply_strerror (status),
                      expected[status - SMTPREPLY_PARSE_INVALID_ARGUMENT]);
  ck_assert_str_eq (smtpreply_strerror (2), "Unknown parser result");
  ck_assert_str_eq (smtpreply_strerror (-9), "Unknown parser result");
  ck_assert_str_eq (smtpreply_strerror (-2147483647 - 1), "Unknown parser result");
  ck_assert_str_eq (smtpreply_strerror (2147483647), "Unknown parser result");
}
END_TEST

START_TEST (test_strerror_localized)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL });
  ck_assert_str_eq (smtpreply_strerror (SMTPREPLY_PARSE_CODE_MISMATCH),
                    "多行回复中有一行的代码与第一行不同");
  ck_assert_str_eq (smtpreply_strerror (SMTPREPLY_PARSE_TRUNCATED),
                    "输入在回复中途结束");
  ck_assert_str_eq (smtpreply_strerror (99), "未知的解析结果");
}
END_TEST

static void
setup_c_locale (void)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
}

static Suite *
parse_suite (void)
{
  Suite *s = suite_create ("parse");
  TCase *tc;

  tc = tcase_create ("real replies");
  tcase_add_loop_test (tc, test_real_reply, 0, N_ELEMENTS (real));
  suite_add_tcase (s, tc);

  tc = tcase_create ("malformed and edge cases");
  tcase_add_loop_test (tc, test_case, 0, N_ELEMENTS (cases));
  tcase_add_loop_test (tc, test_flagged, 0, N_ELEMENTS (flagged));
  tcase_add_test (tc, test_enhanced_of_first_line);
  tcase_add_test (tc, test_invalid_arguments);
  tcase_add_test (tc, test_line_length_limit);
  tcase_add_test (tc, test_line_length_limit_at_end);
  tcase_add_test (tc, test_line_count_limit);
  suite_add_tcase (s, tc);

  tc = tcase_create ("pipelining and chunks");
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_every_split_point, 0, 15);
  tcase_add_test (tc, test_resume_large_and_bad);
  tcase_add_loop_test (tc, test_byte_by_byte, 0, 15);
  tcase_add_test (tc, test_pipeline_walk_results);
  suite_add_tcase (s, tc);

  tc = tcase_create ("messages");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_test (tc, test_strerror);
  tcase_add_test (tc, test_strerror_localized);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", NULL };
  int skip = test_require_locales (needed);

  return skip ? skip : test_run_suite (parse_suite ());
}
