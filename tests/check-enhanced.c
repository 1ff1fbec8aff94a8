/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-enhanced.c: enhanced status codes: every registry title, the
   subject and class fallbacks, malformed codes, the sweep, translations. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* The IANA registry (X.0.0 to X.7.30, 81 entries) and the exact titles. */
static const struct
{
  int subject, detail;
  const char *title;
} registry[] = {
  { 0, 0, "Other undefined status" },
  { 1, 0, "Other address status" },
  { 1, 1, "Bad destination mailbox address" },
  { 1, 2, "Bad destination system address" },
  { 1, 3, "Bad destination mailbox address syntax" },
  { 1, 4, "Destination mailbox address ambiguous" },
  { 1, 5, "Destination address valid" },
  { 1, 6, "Destination mailbox has moved, no forwarding address" },
  { 1, 7, "Bad sender's mailbox address syntax" },
  { 1, 8, "Bad sender's system address" },
  { 1, 9, "Message relayed to non-compliant mailer" },
  { 1, 10, "Recipient address has null MX" },
  { 2, 0, "Other or undefined mailbox status" },
  { 2, 1, "Mailbox disabled, not accepting messages" },
  { 2, 2, "Mailbox full" },
  { 2, 3, "Message length exceeds administrative limit" },
  { 2, 4, "Mailing list expansion problem" },
  { 3, 0, "Other or undefined mail system status" },
  { 3, 1, "Mail system full" },
  { 3, 2, "System not accepting network messages" },
  { 3, 3, "System not capable of selected features" },
  { 3, 4, "Message too big for system" },
  { 3, 5, "System incorrectly configured" },
  { 3, 6, "Requested priority was changed" },
  { 4, 0, "Other or undefined network or routing status" },
  { 4, 1, "No answer from host" },
  { 4, 2, "Bad connection" },
  { 4, 3, "Directory server failure" },
  { 4, 4, "Unable to route" },
  { 4, 5, "Mail system congestion" },
  { 4, 6, "Routing loop detected" },
  { 4, 7, "Delivery time expired" },
  { 5, 0, "Other or undefined protocol status" },
  { 5, 1, "Invalid command" },
  { 5, 2, "Syntax error" },
  { 5, 3, "Too many recipients" },
  { 5, 4, "Invalid command arguments" },
  { 5, 5, "Wrong protocol version" },
  { 5, 6, "Authentication exchange line is too long" },
  { 6, 0, "Other or undefined media error" },
  { 6, 1, "Media not supported" },
  { 6, 2, "Conversion required and prohibited" },
  { 6, 3, "Conversion required but not supported" },
  { 6, 4, "Conversion with loss performed" },
  { 6, 5, "Conversion failed" },
  { 6, 6, "Message content not available" },
  { 6, 7, "Non-ASCII addresses not permitted for that sender/recipient" },
  { 6, 8, "UTF-8 string reply is required, but not permitted by the SMTP client" },
  { 6, 9, "UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected" },
  { 6, 10, "UTF-8 string reply is required, but not permitted by the SMTP client" },
  { 7, 0, "Other or undefined security status" },
  { 7, 1, "Delivery not authorized, message refused" },
  { 7, 2, "Mailing list expansion prohibited" },
  { 7, 3, "Security conversion required but not possible" },
  { 7, 4, "Security features not supported" },
  { 7, 5, "Cryptographic failure" },
  { 7, 6, "Cryptographic algorithm not supported" },
  { 7, 7, "Message integrity failure" },
  { 7, 8, "Authentication credentials invalid" },
  { 7, 9, "Authentication mechanism is too weak" },
  { 7, 10, "Encryption needed" },
  { 7, 11, "Encryption required for requested authentication mechanism" },
  { 7, 12, "A password transition is needed" },
  { 7, 13, "User account disabled" },
  { 7, 14, "Trust relationship required" },
  { 7, 15, "Priority level is too low" },
  { 7, 16, "Message is too big for the specified priority" },
  { 7, 17, "Mailbox owner has changed" },
  { 7, 18, "Domain owner has changed" },
  { 7, 19, "RRVS test cannot be completed" },
  { 7, 20, "No passing DKIM signature found" },
  { 7, 21, "No acceptable DKIM signature found" },
  { 7, 22, "No valid author-matched DKIM signature found" },
  { 7, 23, "SPF validation failed" },
  { 7, 24, "SPF validation error" },
  { 7, 25, "Reverse DNS validation failed" },
  { 7, 26, "Multiple authentication checks failed" },
  { 7, 27, "Sender address has null MX" },
  { 7, 28, "Mail flood detected" },
  { 7, 29, "ARC validation failure" },
  { 7, 30, "REQUIRETLS support required" },};

static void
setup_c_locale (void)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
}

START_TEST (test_registry_titles)
{
  static const int classes[] = { 2, 4, 5 };
  size_t c;

  for (c = 0; c < 3; c++)
    {
      int cls = classes[c], s = registry[_i].subject, d = registry[_i].detail;
      char code[32];

      snprintf (code, sizeof code, "%d.%d.%d", cls, s, d);
      ck_assert_int_eq (smtpreply_enhanced_is_known (cls, s, d), 1);
      ck_assert_str_eq (smtpreply_describe_enhanced (cls, s, d),
                        registry[_i].title);
      ck_assert_str_eq (smtpreply_describe_enhanced_str (code),
                        registry[_i].title);
    }
}
END_TEST

START_TEST (test_registry_size)
{
  int s, d, known = 0;

  ck_assert_uint_eq (sizeof registry / sizeof registry[0], 81);
  for (s = 0; s < 1000; s++)
    for (d = 0; d < 1000; d++)
      known += smtpreply_enhanced_is_known (5, s, d);
  ck_assert_int_eq (known, 81);
}
END_TEST

/* Details the registry does not have: the subject's generic title. */
static const struct
{
  const char *code;
  const char *title;
} fallbacks[] = {
  { "5.1.99", "Other address status" },
  { "4.7.500", "Other or undefined security status" },
  { "5.7.606", "Other or undefined security status" },
  { "5.7.31", "Other or undefined security status" },
  { "5.2.252", "Other or undefined mailbox status" },
  { "2.0.99", "Other undefined status" },
  { "4.3.7", "Other or undefined mail system status" },
  { "5.4.8", "Other or undefined network or routing status" },
  { "5.5.7", "Other or undefined protocol status" },
  { "5.6.11", "Other or undefined media error" },
  { "5.1.999", "Other address status" },
  /* Subjects the registry does not have: the class. */
  { "5.8.1", "Permanent failure" },
  { "4.9.9", "Persistent transient failure" },
  { "2.999.999", "Success" },
  { "5.10.0", "Permanent failure" },
  /* Leading zeros are digits like any other (RFC 3463: 1*3digit). */
  { "5.01.001", "Bad destination mailbox address" },
};

START_TEST (test_fallbacks)
{
  struct smtpreply_enhanced e;

  ck_assert_int_eq (smtpreply_enhanced_from_string (fallbacks[_i].code, &e), 0);
  ck_assert_str_eq (smtpreply_describe_enhanced_str (fallbacks[_i].code),
                    fallbacks[_i].title);
  ck_assert_str_eq (smtpreply_describe_enhanced (e.cls, e.subject, e.detail),
                    fallbacks[_i].title);
  if (strcmp (fallbacks[_i].code, "5.01.001") != 0)
    ck_assert_int_eq (smtpreply_enhanced_is_known (e.cls, e.subject, e.detail),
                      0);
}
END_TEST

static const char *const malformed[] = {
  "", "5", "5.", "5.1", "5.1.", "6.1.1", "3.1.1", "0.0.0", "1.1.1",
  "5.1.1000", "5.1000.1", "x.1.1", "5.x.1", "5.1.x", "5..1", ".1.1",
  "5.1.1.1", "5.1.1 ", " 5.1.1", "5.1.1\n", "+5.1.1", "5.-1.1", "5,1,1",
  "05.1.1", "55.1.1", "5.1.1x", "5.1.1111111111111111", "\xff.1.1",
  "5.1.\xe4\xb8\x80",
};

START_TEST (test_malformed_string)
{
  struct smtpreply_enhanced e = { 7, 7, 7 };

  ck_assert_str_eq (smtpreply_describe_enhanced_str (malformed[_i]),
                    "Invalid enhanced status code");
  ck_assert_int_eq (smtpreply_enhanced_from_string (malformed[_i], &e), EINVAL);
  ck_assert_int_eq (e.cls, 7);
}
END_TEST

START_TEST (test_null_string)
{
  ck_assert_str_eq (smtpreply_describe_enhanced_str (NULL),
                    "Invalid enhanced status code");
  ck_assert_int_eq (smtpreply_enhanced_from_string (NULL, NULL), EINVAL);
  ck_assert_int_eq (smtpreply_enhanced_from_string ("5.1.1", NULL), 0);
}
END_TEST

static const int malformed_ints[][3] = {
  { 6, 1, 1 }, { 3, 1, 1 }, { 0, 0, 0 }, { 1, 0, 0 }, { -5, 1, 1 },
  { 5, -1, 1 }, { 5, 1, -1 }, { 5, 1000, 1 }, { 5, 1, 1000 },
  { INT_MIN, 0, 0 }, { 5, INT_MIN, 0 }, { 5, 0, INT_MIN },
  { INT_MAX, 1, 1 }, { 5, INT_MAX, 1 }, { 5, 1, INT_MAX },
};

START_TEST (test_malformed_ints)
{
  const int *c = malformed_ints[_i];

  ck_assert_str_eq (smtpreply_describe_enhanced (c[0], c[1], c[2]),
                    "Invalid enhanced status code");
  ck_assert_int_eq (smtpreply_enhanced_is_known (c[0], c[1], c[2]), 0);
}
END_TEST

START_TEST (test_from_string)
{
  struct smtpreply_enhanced e;

  ck_assert_int_eq (smtpreply_enhanced_from_string ("4.7.500", &e), 0);
  ck_assert_int_eq (e.cls, 4);
  ck_assert_int_eq (e.subject, 7);
  ck_assert_int_eq (e.detail, 500);
  ck_assert_int_eq (smtpreply_enhanced_from_string ("2.999.999", &e), 0);
  ck_assert_int_eq (e.subject, 999);
  ck_assert_int_eq (e.detail, 999);
}
END_TEST

/* Every combination in and around the valid ranges gets a usable text. */
START_TEST (test_sweep)
{
  static const int details[] = { INT_MIN, -1, 0, 1, 30, 31, 500, 999, 1000,
                                 INT_MAX };
  int cls, subject;
  size_t d;

  for (cls = -1; cls <= 6; cls++)
    for (subject = -2; subject <= 1001; subject++)
      for (d = 0; d < sizeof details / sizeof details[0]; d++)
        {
          const char *t = smtpreply_describe_enhanced (cls, subject,
                                                       details[d]);

          ck_assert_msg (t != NULL && *t != '\0', "%d.%d.%d", cls, subject,
                         details[d]);
        }
}
END_TEST

static const struct
{
  const char *code;
  const char *zh;
} zh[] = {
  { "5.1.1", "收件人邮箱不存在" },
  { "4.2.2", "邮箱已满" },
  { "5.7.8", "身份验证凭据无效" },
  { "4.7.500", "其他或未定义的安全状态" },
  { "5.9.1", "永久失败" },
  { "4.9.1", "持续性的临时失败" },
  { "2.9.1", "成功" },
  { "5.1", "无效的增强状态码" },
};

START_TEST (test_zh_cn)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=zh_CN.UTF-8", NULL });
  ck_assert_str_eq (smtpreply_describe_enhanced_str (zh[_i].code), zh[_i].zh);
}
END_TEST

START_TEST (test_en_catalog)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=en_US.UTF-8", NULL });
  ck_assert_str_eq (smtpreply_describe_enhanced (5, 1, 7),
                    "Bad sender\u2019s mailbox address syntax");
}
END_TEST

static Suite *
enhanced_suite (void)
{
  Suite *s = suite_create ("enhanced");
  TCase *tc;

  tc = tcase_create ("registry");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_loop_test (tc, test_registry_titles, 0, N_ELEMENTS (registry));
  tcase_add_test (tc, test_registry_size);
  suite_add_tcase (s, tc);

  tc = tcase_create ("fallbacks");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_loop_test (tc, test_fallbacks, 0, N_ELEMENTS (fallbacks));
  suite_add_tcase (s, tc);

  tc = tcase_create ("malformed");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_loop_test (tc, test_malformed_string, 0, N_ELEMENTS (malformed));
  tcase_add_test (tc, test_null_string);
  tcase_add_loop_test (tc, test_malformed_ints, 0, N_ELEMENTS (malformed_ints));
  tcase_add_test (tc, test_from_string);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_sweep);
  suite_add_tcase (s, tc);

  tc = tcase_create ("translations");
  tcase_add_loop_test (tc, test_zh_cn, 0, N_ELEMENTS (zh));
  tcase_add_test (tc, test_en_catalog);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  static const char *const needed[] = { "zh_CN.UTF-8", "en_US.UTF-8", NULL };
  int skip = test_require_locales (needed);

  return skip ? skip : test_run_suite (enhanced_suite ());
}
