/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-advice.c: advice for every failure, consistent with what the
   client should do: transient advice says the message will be (or can be)
   retried later, permanent advice never promises a retry; success needs
   nothing.  Checked over every code, context and enhanced code. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define NO_ACTION "No action is needed."
#define INTERMEDIATE "No action is needed: the mail program continues the exchange with the server."
#define TRANSIENT_CLASS "This is a temporary problem. The message will be retried later; nothing needs to be done unless it keeps failing."
#define PERMANENT_CLASS "The message was not delivered, and sending it again unchanged will fail too. Read the server's message and correct what it points to before sending again."
#define NOT_A_CODE "This is not an SMTP reply code, so there is no advice for it."

static void
setup (void)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
}

static int
mentions (const char *text, const char *word)
{
  size_t n = strlen (word);

  for (; *text != '\0'; text++)
    if (strncasecmp (text, word, n) == 0)
      return 1;
  return 0;
}

/* The rule of issue "advice must be consistent with the classification". */
static void
assert_consistent (const char *advice, enum smtpreply_class outcome,
                   const char *what)
{
  ck_assert_msg (advice != NULL && advice[0] != '\0', "%s: no advice", what);
  switch (outcome)
    {
    case SMTPREPLY_CLASS_SUCCESS:
      ck_assert_msg (strcmp (advice, NO_ACTION) == 0, "%s: %s", what, advice);
      break;
    case SMTPREPLY_CLASS_INTERMEDIATE:
      ck_assert_msg (strcmp (advice, INTERMEDIATE) == 0, "%s: %s", what,
                     advice);
      break;
    case SMTPREPLY_CLASS_TRANSIENT:
      ck_assert_msg (mentions (advice, "retried") || mentions (advice, "later")
                     || mentions (advice, "try again"),
                     "%s: transient advice without a retry: %s", what, advice);
      break;
    case SMTPREPLY_CLASS_PERMANENT:
      ck_assert_msg (!mentions (advice, "will be retried")
                     && !mentions (advice, "will be tried later")
                     && !mentions (advice, "will try again"),
                     "%s: permanent advice promising a retry: %s", what,
                     advice);
      ck_assert_msg (strcmp (advice, NO_ACTION) != 0, "%s", what);
      break;
    case SMTPREPLY_CLASS_INVALID:
      ck_assert_str_eq (advice, NOT_A_CODE);
      break;
    }
}

/* Every 4yz and 5yz code the library knows has advice of its own. */
START_TEST (test_known_failures_have_own_advice)
{
  int code;

  for (code = 400; code < 600; code++)
    if (smtpreply_is_known (code))
      {
        const char *advice = smtpreply_advice (code);

        ck_assert_msg (strcmp (advice, TRANSIENT_CLASS) != 0
                       && strcmp (advice, PERMANENT_CLASS) != 0,
                       "%d has only the class advice", code);
      }
}
END_TEST

/* Every code, in every context: the explanation's advice matches its
   outcome (552 at RCPT is transient, and so is its advice). */
START_TEST (test_every_code_and_context_consistent)
{
  struct smtpreply_reply reply;
  struct smtpreply_explanation x;
  int code, ctx;

  memset (&reply, 0, sizeof reply);
  for (code = 150; code < 610; code++)
    for (ctx = 0; ctx < SMTPREPLY_CTX_COUNT; ctx++)
      {
        char what[64];

        reply.code = code;
        ck_assert_int_eq (smtpreply_explain (&reply, (enum smtpreply_context) ctx,
                                             &x), 0);
        snprintf (what, sizeof what, "%d in %s", code,
                  smtpreply_context_name ((enum smtpreply_context) ctx));
        assert_consistent (x.advice, x.outcome, what);
        /* Without text, a reason can still come from the code and the
           command (530 at MAIL: sign in first); its advice then. */
        if (x.reason == SMTPREPLY_REASON_NONE
            || x.reason == SMTPREPLY_REASON_UNKNOWN)
          ck_assert_str_eq (x.advice,
                            smtpreply_advice_ctx (code, (enum smtpreply_context) ctx));
        else
          ck_assert_str_eq (x.advice,
                            smtpreply_reason_advice (x.reason, x.outcome, NULL));
      }
}
END_TEST

/* Every registered enhanced code with every class. */
START_TEST (test_every_enhanced_consistent)
{
  static const int classes[] = { 2, 4, 5 };
  static const enum smtpreply_class outcomes[] = { SMTPREPLY_CLASS_SUCCESS,
                                                   SMTPREPLY_CLASS_TRANSIENT,
                                                   SMTPREPLY_CLASS_PERMANENT };
  int s, d, c, checked = 0;

  for (s = 0; s < 10; s++)
    for (d = 0; d < 40; d++)
      for (c = 0; c < 3; c++)
        {
          char what[32];

          snprintf (what, sizeof what, "%d.%d.%d", classes[c], s, d);
          assert_consistent (smtpreply_advice_enhanced (classes[c], s, d),
                             outcomes[c], what);
          checked += smtpreply_enhanced_is_known (classes[c], s, d);
        }
  ck_assert_int_eq (checked, 3 * 81);
}
END_TEST

static const struct
{
  const char *code;
  const char *advice;
} enhanced[] = {
  { "5.1.1", "The recipient's address does not exist. Check it for typos (especially the part before the @), or ask the recipient for the right address." },
  /* No transient advice of its own: the subject's. */
  { "4.1.1", "There is a temporary problem with an address. The message will be retried later." },
  { "4.2.2", "The recipient's mailbox is full. The message will be retried later; you may also let the recipient know another way." },
  { "5.2.2", "The recipient's mailbox is full. Let the recipient know another way, and send again once they have freed up space." },
  { "5.7.8", "Your user name or password was not accepted. Check them in the account settings; some providers require an app password instead of your usual one." },
  /* Unregistered details: the subject's; unregistered subjects: the class. */
  { "4.7.500", "The message was held back for security or policy reasons for now. It will be retried later." },
  { "5.1.99", "There is a problem with an address. Check the recipient's address and your own for typos before sending again." },
  { "4.9.1", TRANSIENT_CLASS },
  { "5.9.1", PERMANENT_CLASS },
  { "2.1.5", NO_ACTION },
  { "6.1.1", NOT_A_CODE },
};

START_TEST (test_enhanced_advice)
{
  ck_assert_str_eq (smtpreply_advice_enhanced_str (enhanced[_i].code),
                    enhanced[_i].advice);
}
END_TEST

START_TEST (test_basic_advice)
{
  ck_assert_str_eq (smtpreply_advice (250), NO_ACTION);
  ck_assert_str_eq (smtpreply_advice (354), INTERMEDIATE);
  ck_assert_str_eq (smtpreply_advice (459), "The server does not allow these waiting messages to be released right now. Try again later, or ask the server's administrator.");
  ck_assert_str_eq (smtpreply_advice (423), TRANSIENT_CLASS);
  ck_assert_str_eq (smtpreply_advice (559), PERMANENT_CLASS);
  ck_assert_str_eq (smtpreply_advice (1000), NOT_A_CODE);
  ck_assert_str_eq (smtpreply_advice (-1), NOT_A_CODE);
  ck_assert_str_eq (smtpreply_advice_ctx (552, SMTPREPLY_CTX_RCPT),
                    "The message has more recipients than the server takes at once. The remaining recipients will be tried later, or send the message to them again.");
  ck_assert_str_eq (smtpreply_advice_ctx (552, (enum smtpreply_context) -3),
                    smtpreply_advice (552));
  ck_assert_str_eq (smtpreply_advice_enhanced_str (NULL), NOT_A_CODE);
}
END_TEST

/* The explanation takes the advice of what gives the headline (the reason,
   else the enhanced code, else the basic code), for the outcome: 552 5.5.3
   at RCPT gets the transient advice. */
START_TEST (test_explain_advice)
{
  static const struct
  {
    const char *input;
    enum smtpreply_context ctx;
    const char *advice;
  } rows[] = {
    { "552 5.5.3 Too many recipients\r\n", SMTPREPLY_CTX_RCPT,
      "The message has too many recipients for one delivery. The remaining recipients will be tried later, or send to fewer recipients at a time." },
    { "552 5.5.3 Too many recipients\r\n", SMTPREPLY_CTX_UNKNOWN,
      "The message has more recipients than the server accepts at once. Split the recipients into smaller groups and send the message to each group." },
    { "451 4.7.500 Server busy\r\n", SMTPREPLY_CTX_RCPT,
      "Too much mail was sent in a short time, or the recipient is receiving too much. The message will be retried later; send fewer messages at a time." },
    /* No reason: the enhanced code's advice, then the basic code's. */
    { "550 5.1.4 Go away\r\n", SMTPREPLY_CTX_RCPT,
      "The address matches more than one mailbox. Ask the recipient for their exact address." },
    { "450 Go away\r\n", SMTPREPLY_CTX_RCPT,
      "The recipient's mailbox cannot receive right now, often as a precaution against spam (greylisting). The message will be retried later automatically." },
    { "250 2.1.5 Ok\r\n", SMTPREPLY_CTX_RCPT, NO_ACTION },
  };
  size_t i;

  for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
    {
      struct smtpreply_reply reply;
      struct smtpreply_explanation x;

      ck_assert_int_eq (smtpreply_parse (rows[i].input, strlen (rows[i].input),
                                         0, &reply), SMTPREPLY_PARSE_OK);
      ck_assert_int_eq (smtpreply_explain (&reply, rows[i].ctx, &x), 0);
      ck_assert_str_eq (x.advice, rows[i].advice);
    }
}
END_TEST

START_TEST (test_advice_per_call)
{
  locale_t zh = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);

  ck_assert (zh != (locale_t) 0);
  ck_assert_str_eq (smtpreply_advice_l (250, zh), "无需任何操作。");
  ck_assert_str_eq (smtpreply_advice_enhanced_l (5, 2, 2, zh),
                    "收件人邮箱已满。请通过其他方式告知收件人，待其清理出空间后再重新发送。");
  ck_assert_str_eq (smtpreply_advice_enhanced_str_lang ("4.2.2", "zh-CN"),
                    "收件人邮箱已满。邮件稍后会自动重试；您也可以通过其他方式告知收件人。");
  ck_assert_str_eq (smtpreply_advice_ctx_lang (454, SMTPREPLY_CTX_AUTH, "zh"),
                    "身份验证失败是由于服务器的临时问题，而不是您的密码有误。请稍后再试。");
  ck_assert_str_eq (smtpreply_advice_lang (550, NULL), smtpreply_advice (550));
  ck_assert_str_eq (smtpreply_advice_ctx_l (550, SMTPREPLY_CTX_RCPT, zh),
                    "收件人地址不存在或拒收了您的邮件。请检查地址是否有拼写错误；如果地址无误，请通过其他方式联系收件人。");
  ck_assert_str_eq (smtpreply_advice_enhanced_lang (5, 1, 1, "zh"),
                    smtpreply_advice_enhanced_l (5, 1, 1, zh));
  freelocale (zh);
}
END_TEST

static Suite *
advice_suite (void)
{
  Suite *s = suite_create ("advice");
  TCase *tc = tcase_create ("advice");

  tcase_add_checked_fixture (tc, setup, NULL);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_known_failures_have_own_advice);
  tcase_add_test (tc, test_every_code_and_context_consistent);
  tcase_add_test (tc, test_every_enhanced_consistent);
  tcase_add_loop_test (tc, test_enhanced_advice, 0, N_ELEMENTS (enhanced));
  tcase_add_test (tc, test_basic_advice);
  tcase_add_test (tc, test_explain_advice);
  tcase_add_test (tc, test_advice_per_call);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", NULL };
  int skip = test_require_locales (needed);

  return skip ? skip : test_run_suite (advice_suite ());
}
