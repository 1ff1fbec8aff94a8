/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-explain.c: command contexts and the one-call explanation. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <string.h>

static void
setup_c_locale (void)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
}

static const struct
{
  int code;
  enum smtpreply_context ctx;
  const char *text;
} context_texts[] = {
  { 220, SMTPREPLY_CTX_GREETING, "The server is ready to start the session" },
  { 220, SMTPREPLY_CTX_STARTTLS, "The server is ready to start encryption (TLS)" },
  { 250, SMTPREPLY_CTX_EHLO, "The server greeted the client and listed the extensions it supports" },
  { 250, SMTPREPLY_CTX_RCPT, "The recipient address was accepted" },
  { 250, SMTPREPLY_CTX_DATA_END, "The server accepted the message for delivery" },
  { 250, SMTPREPLY_CTX_BDAT, "The server received this part of the message" },
  { 334, SMTPREPLY_CTX_AUTH, "Sign-in in progress: the server asks for the next step (its text is encoded data, not a message)" },
  { 421, SMTPREPLY_CTX_GREETING, "The server is not accepting connections right now (busy, or limiting connections) and closes this one" },
  { 450, SMTPREPLY_CTX_RCPT, "The recipient's mailbox is temporarily unavailable (busy, or blocked for now by policy, such as greylisting)" },
  { 451, SMTPREPLY_CTX_RCPT, "The server could not accept this recipient now (a temporary local error, or too many recipients)" },
  { 452, SMTPREPLY_CTX_RCPT, "Too many recipients for one message; the remaining recipients can be sent in another message" },
  { 452, SMTPREPLY_CTX_MAIL, "The server does not have enough storage for a message of this size right now" },
  { 454, SMTPREPLY_CTX_STARTTLS, "Encryption (TLS) is not available right now" },
  { 454, SMTPREPLY_CTX_AUTH, "Sign-in failed for a temporary reason" },
  { 500, SMTPREPLY_CTX_AUTH, "A line of the sign-in exchange was too long for the server" },
  { 501, SMTPREPLY_CTX_AUTH, "The sign-in was cancelled, or its data could not be decoded" },
  { 501, SMTPREPLY_CTX_STARTTLS, "The STARTTLS command does not take parameters" },
  { 503, SMTPREPLY_CTX_AUTH, "Signing in is not allowed now (already signed in, or in the middle of a message)" },
  { 503, SMTPREPLY_CTX_DATA, "The message cannot be sent yet: no valid sender and recipient were given (or BDAT was already used)" },
  { 504, SMTPREPLY_CTX_AUTH, "The server does not support this sign-in method" },
  { 530, SMTPREPLY_CTX_MAIL, "The server requires encryption (STARTTLS) or sign-in before it accepts mail" },
  { 530, SMTPREPLY_CTX_AUTH, "Encryption (STARTTLS) is required before signing in" },
  { 550, SMTPREPLY_CTX_RCPT, "The recipient's mailbox is unavailable (it does not exist, or the server refused it by policy)" },
  { 550, SMTPREPLY_CTX_MAIL, "The sender address was refused (invalid, or not allowed by policy)" },
  { 552, SMTPREPLY_CTX_RCPT, "Too many recipients for one message; the remaining recipients can be sent later" },
  { 552, SMTPREPLY_CTX_MAIL, "The message is larger than the server's maximum size" },
  { 552, SMTPREPLY_CTX_DATA_END, "The message exceeds the storage allowed (too large, or the mailbox is full)" },
  { 553, SMTPREPLY_CTX_RCPT, "The recipient address is not allowed (wrong syntax, or characters the server does not accept)" },
  { 554, SMTPREPLY_CTX_GREETING, "No mail service here: the server refuses this connection" },
  { 554, SMTPREPLY_CTX_DATA_END, "The message was refused (the transaction failed)" },
};

START_TEST (test_context_text)
{
  ck_assert_str_eq (smtpreply_describe_ctx (context_texts[_i].code,
                                            context_texts[_i].ctx),
                    context_texts[_i].text);
  /* It differs from the general text, which covers every meaning. */
  ck_assert_str_ne (smtpreply_describe_ctx (context_texts[_i].code,
                                            context_texts[_i].ctx),
                    smtpreply_describe (context_texts[_i].code));
}
END_TEST

/* Without a specific text, or with a context out of range, the general
   text (or the class text, or "Unknown reply code"). */
static const struct
{
  int code;
  int ctx;
} general[] = {
  { 550, SMTPREPLY_CTX_UNKNOWN }, { 550, SMTPREPLY_CTX_QUIT },
  { 550, SMTPREPLY_CTX_HELO }, { 454, SMTPREPLY_CTX_MAIL },
  { 454, -1 }, { 454, SMTPREPLY_CTX_COUNT }, { 454, 1000000 },
  { 559, SMTPREPLY_CTX_RCPT }, { 9999, SMTPREPLY_CTX_RCPT },
  { -1, SMTPREPLY_CTX_AUTH }, { 0, 0 }, { 600, SMTPREPLY_CTX_GREETING },
};

START_TEST (test_general_text)
{
  ck_assert_str_eq (smtpreply_describe_ctx (general[_i].code,
                                            (enum smtpreply_context)
                                            general[_i].ctx),
                    smtpreply_describe (general[_i].code));
}
END_TEST

START_TEST (test_context_names)
{
  static const char *const names[SMTPREPLY_CTX_COUNT] = {
    "unknown", "greeting", "ehlo", "helo", "starttls", "auth", "mail",
    "rcpt", "data", "data-end", "bdat", "rset", "vrfy", "expn", "help",
    "noop", "quit"
  };
  int ctx;

  for (ctx = 0; ctx < SMTPREPLY_CTX_COUNT; ctx++)
    {
      ck_assert_str_eq (smtpreply_context_name ((enum smtpreply_context) ctx),
                        names[ctx]);
      ck_assert_int_eq (smtpreply_context_from_name (names[ctx]), ctx);
    }
  ck_assert_int_eq (smtpreply_context_from_name ("RCPT"), SMTPREPLY_CTX_RCPT);
  ck_assert_int_eq (smtpreply_context_from_name ("Data-End"),
                    SMTPREPLY_CTX_DATA_END);
  ck_assert_int_eq (smtpreply_context_from_name ("QUIT"), SMTPREPLY_CTX_QUIT);
  ck_assert_int_eq (smtpreply_context_from_name ("bogus"), -1);
  ck_assert_int_eq (smtpreply_context_from_name (""), -1);
  ck_assert_int_eq (smtpreply_context_from_name ("rcpt "), -1);
  ck_assert_int_eq (smtpreply_context_from_name ("rcp"), -1);
  ck_assert_int_eq (smtpreply_context_from_name (NULL), -1);
  ck_assert_str_eq (smtpreply_context_name ((enum smtpreply_context) -1),
                    "unknown");
  ck_assert_str_eq (smtpreply_context_name (SMTPREPLY_CTX_COUNT), "unknown");
}
END_TEST

/* Explanations of parsed replies: the reason's title heads when the reply
   tells why; else the enhanced code's title; else the basic code's text. */
static const struct
{
  const char *input;
  enum smtpreply_context ctx;
  enum smtpreply_class outcome;
  enum smtpreply_reason reason;
  const char *headline;
  const char *description;
  const char *enhanced;         /* NULL when the reply has none */
  int show_text;
} explained[] = {
  { "550-5.1.1 No such user\r\n550 5.1.1 Try again\r\n", SMTPREPLY_CTX_RCPT,
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN,
    "The recipient's address does not exist",
    "The recipient's mailbox is unavailable (it does not exist, or the server refused it by policy)",
    "Bad destination mailbox address", 1 },
  { "550 5.1.1 No such user\r\n", SMTPREPLY_CTX_UNKNOWN,
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN,
    "The recipient's address does not exist",
    "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)",
    "Bad destination mailbox address", 1 },
  /* RFC 5321 4.5.3.1.10: 552 at RCPT is temporary -- when it means too
     many recipients. */
  { "552 5.5.3 Too many recipients\r\n", SMTPREPLY_CTX_RCPT,
    SMTPREPLY_CLASS_TRANSIENT, SMTPREPLY_REASON_TOO_MANY_RECIPIENTS,
    "The message has too many recipients",
    "Too many recipients for one message; the remaining recipients can be sent later",
    "Too many recipients", 1 },
  { "552 Too many recipients\r\n", SMTPREPLY_CTX_RCPT,
    SMTPREPLY_CLASS_TRANSIENT, SMTPREPLY_REASON_TOO_MANY_RECIPIENTS,
    "The message has too many recipients",
    "Too many recipients for one message; the remaining recipients can be sent later",
    NULL, 1 },
  { "552\r\n", SMTPREPLY_CTX_RCPT,
    SMTPREPLY_CLASS_TRANSIENT, SMTPREPLY_REASON_TOO_MANY_RECIPIENTS,
    "The message has too many recipients",
    "Too many recipients for one message; the remaining recipients can be sent later",
    NULL, 1 },
  /* ... but not a 552 that says the mailbox is full or the message too
     big: it stays permanent. */
  { "552 5.2.2 The email account that you tried to reach is over quota\r\n",
    SMTPREPLY_CTX_RCPT, SMTPREPLY_CLASS_PERMANENT,
    SMTPREPLY_REASON_MAILBOX_FULL, "The recipient's mailbox is full",
    "Too many recipients for one message; the remaining recipients can be sent later",
    "Mailbox full", 1 },
  { "552 Requested mail action aborted: exceeded mailsize limit\r\n",
    SMTPREPLY_CTX_RCPT, SMTPREPLY_CLASS_PERMANENT,
    SMTPREPLY_REASON_MESSAGE_TOO_BIG, "The message is too large",
    "Too many recipients for one message; the remaining recipients can be sent later",
    NULL, 1 },
  { "552 5.2.2 Mailbox full\r\n", SMTPREPLY_CTX_DATA_END,
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_MAILBOX_FULL,
    "The recipient's mailbox is full",
    "The message exceeds the storage allowed (too large, or the mailbox is full)",
    "Mailbox full", 1 },
  { "552 5.3.4 Message size exceeds fixed limit\r\n", SMTPREPLY_CTX_UNKNOWN,
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_MESSAGE_TOO_BIG,
    "The message is too large",
    "The action was aborted: a storage limit was exceeded (message too large, mailbox full, or too many recipients)",
    "Message too big for system", 1 },
  /* Words beat a misused code: Yahoo's 5.7.9 is no weak sign-in method. */
  { "554 5.7.9 Message not accepted for policy reasons.\r\n",
    SMTPREPLY_CTX_DATA_END, SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_POLICY,
    "Refused by the receiving server's policy",
    "The message was refused (the transaction failed)",
    "Authentication mechanism is too weak", 1 },
  /* Microsoft's own detail (4.7.500-699: its throttling). */
  { "451 4.7.500 Server busy. Please try again later\r\n", SMTPREPLY_CTX_RCPT,
    SMTPREPLY_CLASS_TRANSIENT, SMTPREPLY_REASON_RATE_LIMITED,
    "Too much mail in a short time",
    "The server could not accept this recipient now (a temporary local error, or too many recipients)",
    "Other or undefined security status", 1 },
  /* A class that differs from the basic code's: kept; the basic code gives
     the outcome. */
  { "550 4.4.7 QUEUE.Expired; message expired\r\n", SMTPREPLY_CTX_UNKNOWN,
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_EXPIRED,
    "Delivery was given up after retrying for too long",
    "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)",
    "Delivery time expired", 1 },
  /* A generic X.Y.0 code says nothing more than the basic code. */
  { "250 2.0.0 Ok: queued as 4F2A12C0123\r\n", SMTPREPLY_CTX_DATA_END,
    SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_REASON_NONE,
    "The server accepted the message for delivery",
    "The server accepted the message for delivery", "Other undefined status", 1 },
  { "334 VXNlcm5hbWU6\r\n", SMTPREPLY_CTX_AUTH,
    SMTPREPLY_CLASS_INTERMEDIATE, SMTPREPLY_REASON_NONE,
    "Sign-in in progress: the server asks for the next step (its text is encoded data, not a message)",
    "Sign-in in progress: the server asks for the next step (its text is encoded data, not a message)",
    NULL, 0 },
  { "454 4.7.0 Temporary authentication failure\r\n", SMTPREPLY_CTX_AUTH,
    SMTPREPLY_CLASS_TRANSIENT, SMTPREPLY_REASON_AUTH_FAILED, "Sign-in failed",
    "Sign-in failed for a temporary reason",
    "Other or undefined security status", 1 },
  { "454 4.7.0 TLS not available due to local problem\r\n",
    SMTPREPLY_CTX_STARTTLS, SMTPREPLY_CLASS_TRANSIENT,
    SMTPREPLY_REASON_ENCRYPTION_REQUIRED, "An encrypted connection is required",
    "Encryption (TLS) is not available right now",
    "Other or undefined security status", 1 },
  { "554 No SMTP service here\r\n", SMTPREPLY_CTX_GREETING,
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_SERVICE_UNAVAILABLE,
    "The mail server is not available",
    "No mail service here: the server refuses this connection", NULL, 1 },
  { "535 5.7.8 Username and Password not accepted\r\n", SMTPREPLY_CTX_AUTH,
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_AUTH_FAILED, "Sign-in failed",
    "Authentication failed: the user name or password was not accepted",
    "Authentication credentials invalid", 1 },
  /* Nothing tells why: the codes' texts, and the reason is unknown. */
  { "559 5.9.9 unknown everything\r\n", SMTPREPLY_CTX_UNKNOWN,
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_UNKNOWN,
    "Permanent failure: mail system",
    "Permanent failure: mail system", "Permanent failure", 1 },
  { "550 Go away\r\n", SMTPREPLY_CTX_RCPT,
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_UNKNOWN,
    "The recipient's mailbox is unavailable (it does not exist, or the server refused it by policy)",
    "The recipient's mailbox is unavailable (it does not exist, or the server refused it by policy)",
    NULL, 1 },
  /* A second digit of 6-9: a reply of its class, category unspecified. */
  { "571 No PTR Record found\r\n", SMTPREPLY_CTX_GREETING,
    SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_REASON_REVERSE_DNS,
    "Your mail server has no valid reverse DNS name",
    "Permanent failure: unspecified", NULL, 1 },
};

START_TEST (test_explain)
{
  struct smtpreply_reply reply;
  struct smtpreply_explanation x;
  const char *in = explained[_i].input;

  ck_assert_int_eq (smtpreply_parse (in, strlen (in), 0, &reply),
                    SMTPREPLY_PARSE_OK);
  ck_assert_int_eq (smtpreply_explain (&reply, explained[_i].ctx, &x), 0);
  ck_assert_int_eq (x.outcome, explained[_i].outcome);
  ck_assert_int_eq (x.reason, explained[_i].reason);
  ck_assert_str_eq (x.headline, explained[_i].headline);
  ck_assert_str_eq (x.description, explained[_i].description);
  if (explained[_i].enhanced == NULL)
    ck_assert_ptr_null (x.enhanced_description);
  else
    ck_assert_str_eq (x.enhanced_description, explained[_i].enhanced);
  ck_assert_int_eq (x.show_server_text, explained[_i].show_text);
}
END_TEST

/* A hand-filled reply: only the code and the enhanced code are read. */
START_TEST (test_explain_hand_filled)
{
  struct smtpreply_reply reply;
  struct smtpreply_explanation x;

  memset (&reply, 0, sizeof reply);
  reply.code = 550;
  reply.has_enhanced = 1;
  reply.enhanced.cls = 4;       /* not the reply's class */
  reply.enhanced.subject = 1;
  reply.enhanced.detail = 1;
  ck_assert_int_eq (smtpreply_explain (&reply, SMTPREPLY_CTX_UNKNOWN, &x), 0);
  /* The enhanced code still tells why; the basic code gives the outcome. */
  ck_assert_int_eq (x.reason, SMTPREPLY_REASON_RECIPIENT_UNKNOWN);
  ck_assert_int_eq (x.outcome, SMTPREPLY_CLASS_PERMANENT);
  ck_assert_str_eq (x.headline, "The recipient's address does not exist");
  ck_assert_str_eq (x.enhanced_description, "Bad destination mailbox address");
  /* No buf: the lines are not read. */
  reply.has_enhanced = 0;
  reply.nlines = 1;
  reply.lines[0].length = 1000;
  ck_assert_int_eq (smtpreply_explain (&reply, SMTPREPLY_CTX_UNKNOWN, &x), 0);
  ck_assert_int_eq (x.reason, SMTPREPLY_REASON_UNKNOWN);
  ck_assert_str_eq (x.headline, smtpreply_describe (550));

  reply.code = 0;
  reply.has_enhanced = 0;
  ck_assert_int_eq (smtpreply_explain (&reply, SMTPREPLY_CTX_RCPT, &x), 0);
  ck_assert_int_eq (x.outcome, SMTPREPLY_CLASS_INVALID);
  ck_assert_int_eq (x.reason, SMTPREPLY_REASON_UNKNOWN);
  ck_assert_str_eq (x.headline, "Unknown reply code");

  reply.code = 552;
  ck_assert_int_eq (smtpreply_explain (&reply, (enum smtpreply_context) 99, &x),
                    0);
  ck_assert_int_eq (x.outcome, SMTPREPLY_CLASS_PERMANENT);
}
END_TEST

START_TEST (test_explain_null)
{
  struct smtpreply_reply reply;
  struct smtpreply_explanation x;

  memset (&reply, 0, sizeof reply);
  ck_assert_int_eq (smtpreply_explain (NULL, SMTPREPLY_CTX_RCPT, &x), EINVAL);
  ck_assert_int_eq (smtpreply_explain (&reply, SMTPREPLY_CTX_RCPT, NULL),
                    EINVAL);
}
END_TEST

START_TEST (test_explain_zh_cn)
{
  const char *in = "550-5.1.1 No such user\r\n550 5.1.1 Try again\r\n";
  struct smtpreply_reply reply;
  struct smtpreply_explanation x;

  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL });
  ck_assert_int_eq (smtpreply_parse (in, strlen (in), 0, &reply),
                    SMTPREPLY_PARSE_OK);
  ck_assert_int_eq (smtpreply_explain (&reply, SMTPREPLY_CTX_RCPT, &x), 0);
  /* The reason's title heads; the enhanced code's title stays. */
  ck_assert_int_eq (x.reason, SMTPREPLY_REASON_RECIPIENT_UNKNOWN);
  ck_assert_str_eq (x.headline, "收件人地址不存在");
  ck_assert_str_eq (x.enhanced_description, "收件人邮箱不存在");
  ck_assert_str_eq (x.description,
                    "收件人邮箱不可用（邮箱不存在，或被服务器策略拒绝）");
  ck_assert_str_eq (smtpreply_describe_ctx (454, SMTPREPLY_CTX_STARTTLS),
                    "加密连接（TLS）暂时不可用");
  ck_assert_str_eq (smtpreply_describe_ctx (454, SMTPREPLY_CTX_AUTH),
                    "身份验证因临时原因失败");
}
END_TEST

static Suite *
explain_suite (void)
{
  Suite *s = suite_create ("explain");
  TCase *tc;

  tc = tcase_create ("contexts");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_loop_test (tc, test_context_text, 0, N_ELEMENTS (context_texts));
  tcase_add_loop_test (tc, test_general_text, 0, N_ELEMENTS (general));
  tcase_add_test (tc, test_context_names);
  suite_add_tcase (s, tc);

  tc = tcase_create ("explanations");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_loop_test (tc, test_explain, 0, N_ELEMENTS (explained));
  tcase_add_test (tc, test_explain_hand_filled);
  tcase_add_test (tc, test_explain_null);
  suite_add_tcase (s, tc);

  tc = tcase_create ("zh_CN");
  tcase_add_test (tc, test_explain_zh_cn);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", NULL };
  int skip = test_require_locales (needed);

  return skip ? skip : test_run_suite (explain_suite ());
}
