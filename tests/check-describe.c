/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-describe.c: basic reply codes in the C locale: descriptions,
   classes, categories, the never-NULL sweep, describe_r, the version check. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
setup_c_locale (void)
{
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
  test_bind_catalogs (TEST_LOCALEDIR);
}

/* Known codes and their exact built-in English. */
static const struct
{
  int code;
  const char *text;
} known[] = {
  { 211, "Server status or help information" },
  { 214, "Help information from the server" },
  { 220, "The server is ready (to start the session, or to start encryption after STARTTLS)" },
  { 221, "The server is closing the connection" },
  { 235, "Authentication succeeded" },
  { 250, "The requested action was completed" },
  { 251, "The recipient is not on this server; the server will forward the message" },
  { 252, "The server cannot verify the address, but will accept the message and try to deliver it" },
  { 253, "The server has started delivering the messages waiting for this domain" },
  { 334, "The server is waiting for the next step of the sign-in" },
  { 354, "The server is ready to receive the message" },
  { 421, "The service is not available right now and the server is closing the connection" },
  { 422, "A password transition is needed: sign in once with a plain password first" },
  { 432, "A password transition is needed: sign in once with a plain password first" },
  { 450, "The mailbox is temporarily unavailable (busy or blocked by policy); the action was not taken" },
  { 451, "The action was aborted because of a temporary error on the server (or too many recipients)" },
  { 452, "The action was not taken: not enough storage on the server, or too many recipients" },
  { 454, "Temporary failure: encryption (TLS) is not available right now, or sign-in failed for a temporary reason" },
  { 455, "The server cannot accept the given parameters right now" },
  { 458, "The server cannot start delivering the messages waiting for this domain" },
  { 459, "Delivery of the messages waiting for this domain is not allowed" },
  { 500, "Syntax error: the command was not recognized, or a line was too long" },
  { 501, "Syntax error in the command's parameters or arguments" },
  { 502, "The command is not implemented by the server" },
  { 503, "Bad sequence of commands" },
  { 504, "A command parameter (or the sign-in method) is not supported by the server" },
  { 521, "This server does not accept mail" },
  { 523, "Encryption is needed before this sign-in method can be used" },
  { 524, "This sign-in method requires an encrypted connection" },
  { 525, "The user account is disabled" },
  { 530, "Access denied: encryption (STARTTLS) or sign-in is required first" },
  { 534, "The sign-in method is too weak for this server" },
  { 535, "Authentication failed: the user name or password was not accepted" },
  { 538, "This sign-in method requires an encrypted connection" },
  { 550, "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)" },
  { 551, "The recipient's mailbox is not on this server; try the address the server gives" },
  { 552, "The action was aborted: a storage limit was exceeded (message too large, mailbox full, or too many recipients)" },
  { 553, "The action was not taken: the mailbox name is not allowed" },
  { 554, "The transaction failed (or, when connecting, the server offers no mail service)" },
  { 555, "The MAIL FROM or RCPT TO parameters are not recognized or not supported" },
  { 556, "The recipient's domain does not accept mail" },
};

START_TEST (test_known_code_text)
{
  ck_assert_int_eq (smtpreply_is_known (known[_i].code), 1);
  ck_assert_str_eq (smtpreply_describe (known[_i].code), known[_i].text);
}
END_TEST

/* Well-formed codes the library does not list: class and category text. */
static const struct
{
  int code;
  const char *text;
} unlisted[] = {
  { 200, "Success: syntax" },
  { 215, "Success: information" },
  { 222, "Success: connection" },
  { 230, "Success: unspecified" },
  { 245, "Success: unspecified" },
  { 259, "Success: mail system" },
  { 300, "Waiting for more input: syntax" },
  { 310, "Waiting for more input: information" },
  { 320, "Waiting for more input: connection" },
  { 335, "Waiting for more input: unspecified" },
  { 340, "Waiting for more input: unspecified" },
  { 355, "Waiting for more input: mail system" },
  { 400, "Temporary failure: syntax" },
  { 410, "Temporary failure: information" },
  { 423, "Temporary failure: connection" },
  { 430, "Temporary failure: unspecified" },
  { 447, "Temporary failure: unspecified" },
  { 453, "Temporary failure: mail system" },
  { 505, "Permanent failure: syntax" },
  { 511, "Permanent failure: information" },
  { 529, "Permanent failure: connection" },
  { 533, "Permanent failure: unspecified" },
  { 549, "Permanent failure: unspecified" },
  { 559, "Permanent failure: mail system" },
};

START_TEST (test_unlisted_code_text)
{
  ck_assert_int_eq (smtpreply_is_known (unlisted[_i].code), 0);
  ck_assert_str_eq (smtpreply_describe (unlisted[_i].code), unlisted[_i].text);
}
END_TEST

/* An unlisted code never borrows a listed code's text. */
START_TEST (test_unlisted_never_borrows)
{
  int code, other;

  for (code = 200; code < 600; code++)
    {
      if (smtpreply_is_known (code)
          || smtpreply_class (code) == SMTPREPLY_CLASS_INVALID)
        continue;
      for (other = 200; other < 600; other++)
        if (smtpreply_is_known (other))
          ck_assert_msg (strcmp (smtpreply_describe (code),
                                 smtpreply_describe (other)) != 0,
                         "%d has the text of %d", code, other);
    }
}
END_TEST

static const int invalid_codes[] = {
  INT_MIN, -100000, -550, -1, 0, 1, 99, 100, 161, 199, 600, 601, 699, 999,
  1000, 5500, 100000, INT_MAX
};

START_TEST (test_invalid_code_text)
{
  int code = invalid_codes[_i];

  ck_assert_int_eq (smtpreply_is_known (code), 0);
  ck_assert_int_eq (smtpreply_class (code), SMTPREPLY_CLASS_INVALID);
  ck_assert_int_eq (smtpreply_category (code), SMTPREPLY_CATEGORY_INVALID);
  ck_assert_str_eq (smtpreply_describe (code), "Unknown reply code");
}
END_TEST

/* A second digit of 6-9 is outside RFC 5321 but sent by real servers ("571
   No PTR Record found"): a code of its class, category unspecified. */
static const struct
{
  int code;
  enum smtpreply_class cls;
  const char *text;
} nonstandard_codes[] = {
  { 260, SMTPREPLY_CLASS_SUCCESS, "Success: unspecified" },
  { 299, SMTPREPLY_CLASS_SUCCESS, "Success: unspecified" },
  { 369, SMTPREPLY_CLASS_INTERMEDIATE, "Waiting for more input: unspecified" },
  { 480, SMTPREPLY_CLASS_TRANSIENT, "Temporary failure: unspecified" },
  { 571, SMTPREPLY_CLASS_PERMANENT, "Permanent failure: unspecified" },
  { 599, SMTPREPLY_CLASS_PERMANENT, "Permanent failure: unspecified" },
};

START_TEST (test_nonstandard_code)
{
  int code = nonstandard_codes[_i].code;

  ck_assert_int_eq (smtpreply_is_known (code), 0);
  ck_assert_int_eq (smtpreply_class (code), nonstandard_codes[_i].cls);
  ck_assert_int_eq (smtpreply_category (code), SMTPREPLY_CATEGORY_UNSPECIFIED);
  ck_assert_str_eq (smtpreply_describe (code), nonstandard_codes[_i].text);
}
END_TEST

static const struct
{
  int code;
  enum smtpreply_class cls;
  enum smtpreply_category category;
} classes[] = {
  { 200, SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_CATEGORY_SYNTAX },
  { 214, SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_CATEGORY_INFORMATION },
  { 220, SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_CATEGORY_CONNECTIONS },
  { 235, SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_CATEGORY_UNSPECIFIED },
  { 250, SMTPREPLY_CLASS_SUCCESS, SMTPREPLY_CATEGORY_MAIL_SYSTEM },
  { 334, SMTPREPLY_CLASS_INTERMEDIATE, SMTPREPLY_CATEGORY_UNSPECIFIED },
  { 354, SMTPREPLY_CLASS_INTERMEDIATE, SMTPREPLY_CATEGORY_MAIL_SYSTEM },
  { 421, SMTPREPLY_CLASS_TRANSIENT, SMTPREPLY_CATEGORY_CONNECTIONS },
  { 432, SMTPREPLY_CLASS_TRANSIENT, SMTPREPLY_CATEGORY_UNSPECIFIED },
  { 441, SMTPREPLY_CLASS_TRANSIENT, SMTPREPLY_CATEGORY_UNSPECIFIED },
  { 452, SMTPREPLY_CLASS_TRANSIENT, SMTPREPLY_CATEGORY_MAIL_SYSTEM },
  { 500, SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_CATEGORY_SYNTAX },
  { 511, SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_CATEGORY_INFORMATION },
  { 521, SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_CATEGORY_CONNECTIONS },
  { 535, SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_CATEGORY_UNSPECIFIED },
  { 549, SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_CATEGORY_UNSPECIFIED },
  { 559, SMTPREPLY_CLASS_PERMANENT, SMTPREPLY_CATEGORY_MAIL_SYSTEM },
};

START_TEST (test_class_and_category)
{
  ck_assert_int_eq (smtpreply_class (classes[_i].code), classes[_i].cls);
  ck_assert_int_eq (smtpreply_category (classes[_i].code),
                    classes[_i].category);
}
END_TEST

/* Every int of the range, and the extremes, gets a usable string. */
START_TEST (test_sweep_never_null)
{
  static const int extremes[] = { INT_MIN, INT_MIN + 1, INT_MAX - 1, INT_MAX };
  int code;
  size_t i;

  for (code = -100000; code <= 100000; code++)
    {
      const char *text = smtpreply_describe (code);

      ck_assert_msg (text != NULL && text[0] != '\0', "code %d", code);
    }
  for (i = 0; i < sizeof extremes / sizeof extremes[0]; i++)
    {
      const char *text = smtpreply_describe (extremes[i]);

      ck_assert_msg (text != NULL && text[0] != '\0', "code %d", extremes[i]);
    }
}
END_TEST

START_TEST (test_describe_r_sizes)
{
  const char *full = smtpreply_describe (550);
  size_t len = strlen (full), size;
  char buf[256];

  ck_assert_uint_lt (len, sizeof buf);
  for (size = 1; size <= len + 1; size++)
    {
      int rc;

      memset (buf, 'X', sizeof buf);
      rc = smtpreply_describe_r (550, buf, size);
      ck_assert_int_eq (rc, size <= len ? ERANGE : 0);
      /* ASCII: every byte is a character, so the cut is exactly size - 1. */
      ck_assert_uint_eq (strlen (buf), size <= len ? size - 1 : len);
      ck_assert_int_eq (strncmp (buf, full, strlen (buf)), 0);
      ck_assert_int_eq (buf[size], 'X');
    }
}
END_TEST

START_TEST (test_describe_r_bad_buffers)
{
  char buf[4] = "abc";

  ck_assert_int_eq (smtpreply_describe_r (550, buf, 0), ERANGE);
  ck_assert_str_eq (buf, "abc");
  ck_assert_int_eq (smtpreply_describe_r (550, NULL, 0), ERANGE);
  ck_assert_int_eq (smtpreply_describe_r (550, NULL, 10), EINVAL);
  ck_assert_int_eq (smtpreply_describe_r (-7, buf, sizeof buf), ERANGE);
  ck_assert_str_eq (buf, "Unk");
}
END_TEST

static const struct
{
  const char *req;
  int ok;
} versions[] = {
  { "0", 1 }, { "0.1", 1 }, { "0.0.9", 1 }, { "0.1.0", 1 }, { "0.0", 1 },
  { "0.2", 1 }, { "0.2.0", 1 }, { "0.1.1", 1 },
  { "0.2.1", 0 }, { "0.3", 0 }, { "1", 0 }, { "1.0.0", 0 }, { "", 0 },
  { "abc", 0 }, { "0.1.0.0", 0 }, { "-1", 0 }, { "0.", 0 }, { ".1", 0 },
  { "0.1 ", 0 }, { " 0.1", 0 }, { "99999.0", 0 },
};

START_TEST (test_check_version)
{
  const char *got = smtpreply_check_version (versions[_i].req);

  if (versions[_i].ok)
    ck_assert_str_eq (got, SMTPREPLY_VERSION);
  else
    ck_assert_msg (got == NULL, "\"%s\" accepted", versions[_i].req);
}
END_TEST

START_TEST (test_version_macros)
{
  char expected[32];

  ck_assert_str_eq (smtpreply_check_version (NULL), SMTPREPLY_VERSION);
  snprintf (expected, sizeof expected, "%d.%d.%d", SMTPREPLY_VERSION_MAJOR,
            SMTPREPLY_VERSION_MINOR, SMTPREPLY_VERSION_PATCH);
  ck_assert_str_eq (expected, SMTPREPLY_VERSION);
  ck_assert_int_eq (SMTPREPLY_VERSION_NUMBER,
                    (SMTPREPLY_VERSION_MAJOR << 16)
                    | (SMTPREPLY_VERSION_MINOR << 8) | SMTPREPLY_VERSION_PATCH);
}
END_TEST

static Suite *
describe_suite (void)
{
  Suite *s = suite_create ("describe");
  TCase *tc;

  tc = tcase_create ("known codes");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_loop_test (tc, test_known_code_text, 0, N_ELEMENTS (known));
  suite_add_tcase (s, tc);

  tc = tcase_create ("unlisted well-formed codes");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_loop_test (tc, test_unlisted_code_text, 0, N_ELEMENTS (unlisted));
  tcase_add_test (tc, test_unlisted_never_borrows);
  suite_add_tcase (s, tc);

  tc = tcase_create ("invalid codes");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_loop_test (tc, test_invalid_code_text, 0,
                       N_ELEMENTS (invalid_codes));
  tcase_add_loop_test (tc, test_nonstandard_code, 0,
                       N_ELEMENTS (nonstandard_codes));
  suite_add_tcase (s, tc);

  tc = tcase_create ("class and category");
  tcase_add_loop_test (tc, test_class_and_category, 0, N_ELEMENTS (classes));
  suite_add_tcase (s, tc);

  tc = tcase_create ("sweep");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_sweep_never_null);
  suite_add_tcase (s, tc);

  tc = tcase_create ("describe_r");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_test (tc, test_describe_r_sizes);
  tcase_add_test (tc, test_describe_r_bad_buffers);
  suite_add_tcase (s, tc);

  tc = tcase_create ("version");
  tcase_add_loop_test (tc, test_check_version, 0, N_ELEMENTS (versions));
  tcase_add_test (tc, test_version_macros);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return test_run_suite (describe_suite ());
}
