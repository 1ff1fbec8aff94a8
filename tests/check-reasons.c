/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-reasons.c: why a reply failed.  Every row of tests/data/reasons.tsv
   (real replies from providers' documentation and MTAs' default texts) gets
   its expected reason; the accuracy per reason is printed first.  Then the
   reason names, titles and advice, and the rules of evidence one by one. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The corpus ***********************************************************/

#define MAX_ROWS 2000
#define MAX_REPLY 4096

struct row
{
  int line;                     /* in the file */
  char provider[48];
  int ctx;
  int reason;
  char reply[MAX_REPLY];        /* with CRLF line ends */
  size_t len;
};

static struct row rows[MAX_ROWS];
static int nrows;

/* The corpus is read before the tests run, where Check cannot report: a
   malformed row stops the program with its line number. */
static void
require (int ok, int line, const char *what)
{
  if (!ok)
    {
      fprintf (stderr, "tests/data/reasons.tsv:%d: %s\n", line, what);
      exit (EXIT_FAILURE);
    }
}

/* Copies the escaped reply S ("\n" between lines) into ROW with CRLF. */
static void
unescape_reply (const char *s, struct row *row)
{
  size_t n = 0;

  for (; *s != '\0'; s++)
    {
      require (n + 3 < sizeof row->reply, row->line, "the reply is too long");
      if (s[0] == '\\' && s[1] == 'n')
        {
          row->reply[n++] = '\r';
          row->reply[n++] = '\n';
          s++;
        }
      else
        row->reply[n++] = *s;
    }
  row->reply[n++] = '\r';
  row->reply[n++] = '\n';
  row->reply[n] = '\0';
  row->len = n;
}

static void
load_corpus (void)
{
  FILE *f = fopen (TEST_SRCDIR "/data/reasons.tsv", "r");
  static char line[MAX_REPLY + 1024];
  int number = 0;

  require (f != NULL, 0, "cannot open the file");
  nrows = 0;
  while (fgets (line, sizeof line, f) != NULL)
    {
      char *field[5], *save, *p = line;
      struct row *row;
      int k;

      number++;
      line[strcspn (line, "\n")] = '\0';
      if (line[0] == '#' || line[0] == '\0')
        continue;
      for (k = 0; k < 5; k++)
        {
          field[k] = strtok_r (p, "\t", &save);
          p = NULL;
          require (field[k] != NULL, number, "not five fields");
        }
      require (nrows < MAX_ROWS, number, "too many rows");
      row = &rows[nrows++];
      row->line = number;
      snprintf (row->provider, sizeof row->provider, "%s", field[0]);
      row->ctx = smtpreply_context_from_name (field[2]);
      require (row->ctx >= 0, number, "not a context name");
      row->reason = smtpreply_reason_from_name (field[3]);
      require (row->reason >= 0, number, "not a reason name");
      unescape_reply (field[4], row);
    }
  fclose (f);
}

/* The reason the library gives for ROW, or -1 when it does not parse. */
static int
reason_of (const struct row *row)
{
  struct smtpreply_reply reply;

  if (smtpreply_parse (row->reply, row->len, SMTPREPLY_PARSE_END_OF_INPUT,
                       &reply) != SMTPREPLY_PARSE_OK
      || reply.consumed != row->len)
    return -1;
  return (int) smtpreply_reason (&reply, (enum smtpreply_context) row->ctx);
}

START_TEST (test_corpus_row)
{
  const struct row *row;
  int got;

  ck_assert_int_lt (_i, nrows);
  row = &rows[_i];
  got = reason_of (row);
  ck_assert_msg (got == row->reason,
                 "reasons.tsv:%d (%s, %s): %s, expected %s: %s", row->line,
                 row->provider, smtpreply_context_name (row->ctx),
                 got < 0 ? "does not parse" : smtpreply_reason_name (got),
                 smtpreply_reason_name (row->reason), row->reply);
}
END_TEST

/* The corpus has real variety: every reason but a few rare ones, and
   replies from many providers. */
START_TEST (test_corpus_coverage)
{
  int per_reason[SMTPREPLY_REASON_COUNT] = { 0 }, i, j, providers = 0;

  for (i = 0; i < nrows; i++)
    {
      per_reason[rows[i].reason]++;
      for (j = 0; j < i && strcmp (rows[j].provider, rows[i].provider); j++)
        ;
      providers += j == i;
    }
  ck_assert_int_ge (nrows, 400);
  ck_assert_int_ge (providers, 25);
  for (i = 0; i < SMTPREPLY_REASON_COUNT; i++)
    ck_assert_msg (per_reason[i] > 0, "no row for %s",
                   smtpreply_reason_name (i));
}
END_TEST

/* Prints how many rows of each reason the library gets right. */
static void
print_accuracy (void)
{
  int right[SMTPREPLY_REASON_COUNT] = { 0 }, all[SMTPREPLY_REASON_COUNT] = { 0 };
  int i, total_right = 0;

  for (i = 0; i < nrows; i++)
    {
      int got = reason_of (&rows[i]);

      all[rows[i].reason]++;
      right[rows[i].reason] += got == rows[i].reason;
      total_right += got == rows[i].reason;
    }
  printf ("reasons.tsv: %d of %d replies right (%.1f%%)\n", total_right, nrows,
          nrows ? 100.0 * total_right / nrows : 0.0);
  for (i = 0; i < SMTPREPLY_REASON_COUNT; i++)
    if (all[i] > 0)
      printf ("  %-20s %4d of %4d  %5.1f%%\n", smtpreply_reason_name (i),
              right[i], all[i], 100.0 * right[i] / all[i]);
  fflush (stdout);
}

/* Names, titles, advice ************************************************/

static void
setup_c_locale (void)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
}

START_TEST (test_names_round_trip)
{
  const char *name = smtpreply_reason_name ((enum smtpreply_reason) _i);
  char upper[64];
  size_t k;

  ck_assert_int_eq (smtpreply_reason_from_name (name), _i);
  for (k = 0; name[k] != '\0' && k + 1 < sizeof upper; k++)
    upper[k] = (char) (name[k] >= 'a' && name[k] <= 'z' ? name[k] - 32 : name[k]);
  upper[k] = '\0';
  ck_assert_int_eq (smtpreply_reason_from_name (upper), _i);
  /* Every reason has its own title. */
  ck_assert_str_ne (smtpreply_reason_title ((enum smtpreply_reason) _i, NULL),
                    "");
  if (_i > 0)
    ck_assert_str_ne (smtpreply_reason_title ((enum smtpreply_reason) _i, NULL),
                      smtpreply_reason_title ((enum smtpreply_reason) (_i - 1),
                                              NULL));
}
END_TEST

static const struct
{
  enum smtpreply_reason reason;
  const char *name;
  const char *title;
} named[] = {
  { SMTPREPLY_REASON_NONE, "none", "No error" },
  { SMTPREPLY_REASON_UNKNOWN, "unknown", "The server did not say why" },
  { SMTPREPLY_REASON_RECIPIENT_UNKNOWN, "recipient_unknown", "The recipient's address does not exist" },
  { SMTPREPLY_REASON_MAILBOX_FULL, "mailbox_full", "The recipient's mailbox is full" },
  { SMTPREPLY_REASON_SENDER_BLOCKED, "sender_blocked", "Your mail server is blocked by the recipient's server" },
  { SMTPREPLY_REASON_POLICY, "policy", "Refused by the receiving server's policy" },
  { SMTPREPLY_REASON_PROTOCOL_ERROR, "protocol_error", "The mail program and the server did not understand each other" },
};

START_TEST (test_named_reason)
{
  ck_assert_str_eq (smtpreply_reason_name (named[_i].reason), named[_i].name);
  ck_assert_str_eq (smtpreply_reason_title (named[_i].reason, NULL),
                    named[_i].title);
  ck_assert_str_eq (smtpreply_reason_title (named[_i].reason, "C"),
                    named[_i].title);
}
END_TEST

START_TEST (test_bad_names)
{
  static const char *const bad[] = { "", "none ", " none", "mailbox-full",
                                     "mailbox_ful", "mailbox_fulll",
                                     "MAILBOX_FULL\n", "\xc4\xb1" };
  size_t i;

  ck_assert_int_eq (smtpreply_reason_from_name (NULL), -1);
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    ck_assert_int_eq (smtpreply_reason_from_name (bad[i]), -1);
  /* Out of range: the unknown reason's name and title. */
  ck_assert_str_eq (smtpreply_reason_name (SMTPREPLY_REASON_COUNT), "unknown");
  ck_assert_str_eq (smtpreply_reason_name ((enum smtpreply_reason) -1),
                    "unknown");
  ck_assert_str_eq (smtpreply_reason_title ((enum smtpreply_reason) 100000,
                                            NULL),
                    "The server did not say why");
}
END_TEST

/* Advice follows the outcome: transient says it will be retried, permanent
   promises no retry; none and unknown take the class's advice. */
START_TEST (test_advice_by_outcome)
{
  enum smtpreply_reason r = (enum smtpreply_reason) _i;
  const char *t = smtpreply_reason_advice (r, SMTPREPLY_CLASS_TRANSIENT, NULL);
  const char *p = smtpreply_reason_advice (r, SMTPREPLY_CLASS_PERMANENT, NULL);

  ck_assert_msg (strstr (t, "retried") || strstr (t, "later")
                 || strstr (t, "try again"), "%s: %s",
                 smtpreply_reason_name (r), t);
  ck_assert_msg (!strstr (p, "will be retried") && !strstr (p, "will be tried")
                 && !strstr (p, "will try again"), "%s: %s",
                 smtpreply_reason_name (r), p);
  ck_assert_str_ne (t, p);
  ck_assert_str_eq (smtpreply_reason_advice (r, SMTPREPLY_CLASS_SUCCESS, NULL),
                    smtpreply_advice (250));
  ck_assert_str_eq (smtpreply_reason_advice (r, SMTPREPLY_CLASS_INTERMEDIATE,
                                             NULL),
                    smtpreply_advice (354));
  ck_assert_str_eq (smtpreply_reason_advice (r, SMTPREPLY_CLASS_INVALID, NULL),
                    smtpreply_advice (0));
  if (r == SMTPREPLY_REASON_NONE || r == SMTPREPLY_REASON_UNKNOWN)
    {
      ck_assert_str_eq (t, "This is a temporary problem. The message will be retried later; nothing needs to be done unless it keeps failing.");
      ck_assert_str_eq (p, "The message was not delivered, and sending it again unchanged will fail too. Read the server's message and correct what it points to before sending again.");
    }
}
END_TEST

/* The rules of evidence, one by one ************************************/

static const struct
{
  const char *reply;
  int ctx;
  enum smtpreply_reason reason;
} rules[] = {
  /* 2yz and 3yz are not failures; a reply that does not parse is unknown. */
  { "250 2.0.0 OK mailbox full of love\r\n", SMTPREPLY_CTX_DATA_END, SMTPREPLY_REASON_NONE },
  { "354 go ahead\r\n", SMTPREPLY_CTX_DATA, SMTPREPLY_REASON_NONE },
  /* 1. Words beat a misused code: Yahoo's 5.7.9 is no weak mechanism. */
  { "554 5.7.9 Message not accepted for policy reasons.\r\n", SMTPREPLY_CTX_DATA_END, SMTPREPLY_REASON_POLICY },
  { "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN },
  { "550 5.7.606 Access denied, banned sending IP [192.0.2.1]\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_SENDER_BLOCKED },
  { "554 DT:SPM 163 mx14,QMCowADnRz\r\n", SMTPREPLY_CTX_DATA_END, SMTPREPLY_REASON_SPAM },
  { "550 Ip frequency limited\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_RATE_LIMITED },
  { "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_RELAY_DENIED },
  { "550 sorry, no mailbox here by that name (#5.1.1 - chkusr)\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN },
  /* Any case, across line breaks, with any punctuation between words. */
  { "550-Recipient address rejected:\r\n550 USER   Unknown\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN },
  { "550 recipient address rejected--user_unknown!\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN },
  /* Whole words: "user unknowns" is not "user unknown". */
  { "550 5.7.1 user unknowns\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_POLICY },
  /* 2. A provider's own meaning of a code, shown by its marker. */
  { "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN },
  /* 3. A specific enhanced code decides when the text adds nothing. */
  { "550 5.1.1 Go away\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_RECIPIENT_UNKNOWN },
  { "552 5.2.2 Go away\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_MAILBOX_FULL },
  { "550 5.7.26 x\r\n", SMTPREPLY_CTX_DATA_END, SMTPREPLY_REASON_SENDER_AUTH_FAILED },
  { "550 4.4.7 QUEUE.Expired\r\n", SMTPREPLY_CTX_UNKNOWN, SMTPREPLY_REASON_EXPIRED },
  { "550 x (#5.2.2)\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_MAILBOX_FULL },
  /* 5.7.9 is the registry's weak mechanism only at AUTH. */
  { "534 5.7.9 x\r\n", SMTPREPLY_CTX_AUTH, SMTPREPLY_REASON_AUTH_FAILED },
  { "554 5.7.9 x\r\n", SMTPREPLY_CTX_DATA_END, SMTPREPLY_REASON_POLICY },
  /* 5. The basic code and the command. */
  { "552 x\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_TOO_MANY_RECIPIENTS },
  { "530 x\r\n", SMTPREPLY_CTX_MAIL, SMTPREPLY_REASON_AUTH_REQUIRED },
  { "530 5.7.0 x\r\n", SMTPREPLY_CTX_MAIL, SMTPREPLY_REASON_AUTH_REQUIRED },
  { "530 x\r\n", SMTPREPLY_CTX_STARTTLS, SMTPREPLY_REASON_ENCRYPTION_REQUIRED },
  { "554 x\r\n", SMTPREPLY_CTX_GREETING, SMTPREPLY_REASON_SERVICE_UNAVAILABLE },
  { "571 No PTR Record found\r\n", SMTPREPLY_CTX_GREETING, SMTPREPLY_REASON_REVERSE_DNS },
  /* 6. A generic code when nothing else tells; else unknown, no guess. */
  { "550 5.7.1 x\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_POLICY },
  { "550 x\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_UNKNOWN },
  { "554 x\r\n", SMTPREPLY_CTX_DATA_END, SMTPREPLY_REASON_UNKNOWN },
  { "450\r\n", SMTPREPLY_CTX_RCPT, SMTPREPLY_REASON_UNKNOWN },
};

START_TEST (test_rule)
{
  struct smtpreply_reply reply;
  const char *in = rules[_i].reply;

  ck_assert_int_eq (smtpreply_parse (in, strlen (in), 0, &reply),
                    SMTPREPLY_PARSE_OK);
  ck_assert_msg (smtpreply_reason (&reply, (enum smtpreply_context) rules[_i].ctx)
                 == rules[_i].reason, "%s: %s, expected %s", in,
                 smtpreply_reason_name (smtpreply_reason (&reply, rules[_i].ctx)),
                 smtpreply_reason_name (rules[_i].reason));
}
END_TEST

/* Bad input: a NULL reply, a hand-filled one without text, a context or
   code out of range. */
START_TEST (test_bad_input)
{
  struct smtpreply_reply reply;

  ck_assert_int_eq (smtpreply_reason (NULL, SMTPREPLY_CTX_RCPT),
                    SMTPREPLY_REASON_UNKNOWN);
  memset (&reply, 0, sizeof reply);
  ck_assert_int_eq (smtpreply_reason (&reply, SMTPREPLY_CTX_RCPT),
                    SMTPREPLY_REASON_UNKNOWN);
  reply.code = 552;
  reply.nlines = 3;             /* no buf: the lines are not read */
  ck_assert_int_eq (smtpreply_reason (&reply, SMTPREPLY_CTX_RCPT),
                    SMTPREPLY_REASON_TOO_MANY_RECIPIENTS);
  ck_assert_int_eq (smtpreply_reason (&reply, (enum smtpreply_context) -5),
                    SMTPREPLY_REASON_UNKNOWN);
  ck_assert_int_eq (smtpreply_reason (&reply, SMTPREPLY_CTX_COUNT),
                    SMTPREPLY_REASON_UNKNOWN);
  reply.code = 600;
  ck_assert_int_eq (smtpreply_reason (&reply, SMTPREPLY_CTX_RCPT),
                    SMTPREPLY_REASON_UNKNOWN);
  reply.code = 250;
  ck_assert_int_eq (smtpreply_reason (&reply, SMTPREPLY_CTX_RCPT),
                    SMTPREPLY_REASON_NONE);
  /* More lines than the struct holds are not read beyond it. */
  reply.code = 550;
  reply.buf = "x";
  reply.nlines = (size_t) -1;
  memset (reply.lines, 0, sizeof reply.lines);
  ck_assert_int_eq (smtpreply_reason (&reply, SMTPREPLY_CTX_RCPT),
                    SMTPREPLY_REASON_UNKNOWN);
}
END_TEST

static Suite *
reasons_suite (void)
{
  Suite *s = suite_create ("reasons");
  TCase *tc;

  tc = tcase_create ("corpus");
  tcase_add_loop_test (tc, test_corpus_row, 0, nrows);
  tcase_add_test (tc, test_corpus_coverage);
  suite_add_tcase (s, tc);

  tc = tcase_create ("names, titles and advice");
  tcase_add_checked_fixture (tc, setup_c_locale, NULL);
  tcase_add_loop_test (tc, test_names_round_trip, 0, SMTPREPLY_REASON_COUNT);
  tcase_add_loop_test (tc, test_named_reason, 0, N_ELEMENTS (named));
  tcase_add_test (tc, test_bad_names);
  tcase_add_loop_test (tc, test_advice_by_outcome, 0, SMTPREPLY_REASON_COUNT);
  suite_add_tcase (s, tc);

  tc = tcase_create ("rules");
  tcase_add_loop_test (tc, test_rule, 0, N_ELEMENTS (rules));
  tcase_add_test (tc, test_bad_input);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  load_corpus ();
  print_accuracy ();
  return test_run_suite (reasons_suite ());
}
