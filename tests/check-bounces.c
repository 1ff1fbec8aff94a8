/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-bounces.c: delivery reports from the inbox.  Every message of
   tests/data/bounces (real reports of many MTAs and providers, and
   messages that are not reports) is read, and every recipient of
   expected.tsv is asserted: action, status, reply code, command, reason,
   the returned message's subject.  Then the API's answers to bad input and
   to hostile messages. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DATA_DIR TEST_SRCDIR "/data/bounces"
#define MAX_ROWS 512
#define MAX_FILES 256

struct row
{
  int line;
  char file[64], recipient[256], action[16], status[16], code[8];
  char context[16], reason[32], subject[256];
};

/* The corpus: tests/data/bounces, or the directory SMTPREPLY_BOUNCES_DIR
   names (to measure a set kept apart from the one the rules were tuned
   on). */
static const char *data_dir = DATA_DIR;

static struct row rows[MAX_ROWS];
static int nrows;
static char files[MAX_FILES][64];
static int nfiles;

static void
require (int ok, int line, const char *what)
{
  if (!ok)
    {
      fprintf (stderr, "%s/expected.tsv:%d: %s\n", data_dir, line, what);
      exit (EXIT_FAILURE);
    }
}

static void
copy_field (char *to, size_t size, const char *from, int line)
{
  require (strlen (from) < size, line, "a field is too long");
  strcpy (to, from);
}

static void
load_expected (void)
{
  char line[2048];
  int number = 0, i;
  FILE *f;

  snprintf (line, sizeof line, "%s/expected.tsv", data_dir);
  f = fopen (line, "r");

  require (f != NULL, 0, "cannot open the file");
  while (fgets (line, sizeof line, f) != NULL)
    {
      char *field[8], *p = line, *save;
      struct row *r;
      int k;

      number++;
      line[strcspn (line, "\n")] = '\0';
      if (line[0] == '#' || line[0] == '\0')
        continue;
      for (k = 0; k < 8; k++)
        {
          field[k] = strtok_r (p, "\t", &save);
          p = NULL;
          require (field[k] != NULL, number, "not eight fields");
        }
      require (nrows < MAX_ROWS, number, "too many rows");
      r = &rows[nrows++];
      r->line = number;
      copy_field (r->file, sizeof r->file, field[0], number);
      copy_field (r->recipient, sizeof r->recipient, field[1], number);
      copy_field (r->action, sizeof r->action, field[2], number);
      copy_field (r->status, sizeof r->status, field[3], number);
      copy_field (r->code, sizeof r->code, field[4], number);
      copy_field (r->context, sizeof r->context, field[5], number);
      copy_field (r->reason, sizeof r->reason, field[6], number);
      copy_field (r->subject, sizeof r->subject, field[7], number);
      require (smtpreply_reason_from_name (r->reason) >= 0, number,
               "not a reason");
      for (i = 0; i < nfiles && strcmp (files[i], r->file) != 0; i++)
        ;
      if (i == nfiles)
        {
          require (nfiles < MAX_FILES, number, "too many files");
          copy_field (files[nfiles++], sizeof files[0], r->file, number);
        }
    }
  fclose (f);
}

static char *
read_message (const char *file, size_t *len)
{
  char path[512];
  FILE *f;
  char *buf;
  long size;

  snprintf (path, sizeof path, "%s/%s", data_dir, file);
  f = fopen (path, "rb");
  if (f == NULL || fseek (f, 0, SEEK_END) != 0 || (size = ftell (f)) < 0)
    return NULL;
  rewind (f);
  buf = malloc ((size_t) size + 1);
  if (buf != NULL)
    *len = fread (buf, 1, (size_t) size, f);
  fclose (f);
  return buf;
}

static const struct smtpreply_report_recipient *
find_recipient (const struct smtpreply_report *report, const char *address)
{
  size_t i;

  for (i = 0; i < smtpreply_report_count (report); i++)
    if (strcasecmp (smtpreply_report_recipient (report, i)->recipient,
                    address) == 0)
      return smtpreply_report_recipient (report, i);
  return NULL;
}

static void
status_string (const struct smtpreply_report_recipient *r, char *out,
               size_t size)
{
  if (r->has_status)
    snprintf (out, size, "%d.%d.%d", r->status.cls, r->status.subject,
              r->status.detail);
  else
    snprintf (out, size, "-");
}

static void
code_string (const struct smtpreply_report_recipient *r, char *out,
             size_t size)
{
  struct smtpreply_reply reply;

  if (smtpreply_report_reply (r, &reply) == 0)
    snprintf (out, size, "%d", reply.code);
  else
    snprintf (out, size, "-");
}

/* Compares one expected row with what the report says; returns a message
   for the first difference, or NULL. */
static const char *
difference (const struct smtpreply_report *report, const struct row *row,
            char *why, size_t size)
{
  const struct smtpreply_report_recipient *r;
  const struct smtpreply_report_message *m;
  char status[16], code[8];

  if (strcmp (row->action, "not-a-report") == 0)
    {
      if (smtpreply_report_kind (report) == SMTPREPLY_REPORT_DSN
          || smtpreply_report_kind (report) == SMTPREPLY_REPORT_TEXT
          || smtpreply_report_count (report) != 0)
        {
          snprintf (why, size, "read as a %s report with %zu recipients",
                    smtpreply_report_kind_name (smtpreply_report_kind (report)),
                    smtpreply_report_count (report));
          return why;
        }
      return NULL;
    }
  if (smtpreply_report_kind (report) != SMTPREPLY_REPORT_DSN
      && smtpreply_report_kind (report) != SMTPREPLY_REPORT_TEXT)
    {
      snprintf (why, size, "not read as a report (%s)",
                smtpreply_report_kind_name (smtpreply_report_kind (report)));
      return why;
    }
  r = find_recipient (report, row->recipient);
  if (r == NULL)
    {
      snprintf (why, size, "no recipient %s (%zu others%s%s)", row->recipient,
                smtpreply_report_count (report),
                smtpreply_report_count (report) ? ", first " : "",
                smtpreply_report_count (report)
                ? smtpreply_report_recipient (report, 0)->recipient : "");
      return why;
    }
  status_string (r, status, sizeof status);
  code_string (r, code, sizeof code);
  m = smtpreply_report_message (report);
  if (strcmp (smtpreply_action_name (r->action), row->action) != 0)
    snprintf (why, size, "action %s, expected %s",
              smtpreply_action_name (r->action), row->action);
  else if (strcmp (status, row->status) != 0)
    snprintf (why, size, "status %s, expected %s", status, row->status);
  else if (strcmp (code, row->code) != 0)
    snprintf (why, size, "code %s, expected %s (%s)", code, row->code,
              r->diagnostic ? r->diagnostic : "no diagnostic");
  else if (strcmp (smtpreply_context_name (r->context), row->context) != 0)
    snprintf (why, size, "context %s, expected %s",
              smtpreply_context_name (r->context), row->context);
  else if (strcmp (smtpreply_reason_name (r->reason), row->reason) != 0)
    snprintf (why, size, "reason %s, expected %s (%s)",
              smtpreply_reason_name (r->reason), row->reason,
              r->diagnostic ? r->diagnostic : "no diagnostic");
  else if (strcmp (m->subject != NULL ? m->subject : "-", row->subject) != 0)
    snprintf (why, size, "subject \"%s\", expected \"%s\"",
              m->subject != NULL ? m->subject : "-", row->subject);
  else
    return NULL;
  return why;
}

START_TEST (test_bounce_file)
{
  size_t len = 0;
  char *msg = read_message (files[_i], &len);
  struct smtpreply_report *report;
  int i, recipients = 0;

  ck_assert_msg (msg != NULL, "cannot read %s", files[_i]);
  ck_assert_int_eq (smtpreply_report_read (msg, len, &report), 0);
  for (i = 0; i < nrows; i++)
    if (strcmp (rows[i].file, files[_i]) == 0)
      {
        char why[1024];
        const char *d = difference (report, &rows[i], why, sizeof why);

        ck_assert_msg (d == NULL, "%s (expected.tsv:%d): %s", files[_i],
                       rows[i].line, d);
        recipients += strcmp (rows[i].action, "not-a-report") != 0;
      }
  /* No recipient more than expected. */
  ck_assert_uint_eq (smtpreply_report_count (report), (size_t) recipients);
  smtpreply_report_free (report);
  free (msg);
}
END_TEST

/* Which fields of ROW the report gets right, into RIGHT: kind (a report
   or not), recipient, action, status, code, context, reason, subject. */
enum { F_KIND, F_RECIPIENT, F_ACTION, F_STATUS, F_CODE, F_CONTEXT, F_REASON,
       F_SUBJECT, N_FIELDS };
static const char *const field_names[N_FIELDS] = {
  "report or not", "recipient", "action", "status", "code", "context",
  "reason", "subject"
};

static void
score_row (const struct smtpreply_report *report, const struct row *row,
           int right[N_FIELDS])
{
  int is_report = smtpreply_report_kind (report) == SMTPREPLY_REPORT_DSN
                  || smtpreply_report_kind (report) == SMTPREPLY_REPORT_TEXT;
  const struct smtpreply_report_recipient *r;
  const struct smtpreply_report_message *m = smtpreply_report_message (report);
  char status[16], code[8];

  if (strcmp (row->action, "not-a-report") == 0)
    {
      right[F_KIND] += !is_report;
      return;
    }
  right[F_KIND] += is_report;
  r = is_report ? find_recipient (report, row->recipient) : NULL;
  if (r == NULL)
    return;
  status_string (r, status, sizeof status);
  code_string (r, code, sizeof code);
  right[F_RECIPIENT]++;
  right[F_ACTION] += strcmp (smtpreply_action_name (r->action), row->action) == 0;
  right[F_STATUS] += strcmp (status, row->status) == 0;
  right[F_CODE] += strcmp (code, row->code) == 0;
  right[F_CONTEXT] += strcmp (smtpreply_context_name (r->context),
                              row->context) == 0;
  right[F_REASON] += strcmp (smtpreply_reason_name (r->reason), row->reason) == 0;
  right[F_SUBJECT] += strcmp (m->subject != NULL ? m->subject : "-",
                              row->subject) == 0;
}

/* Prints how many rows are right in every field, and each field's count
   (a report's rows other than "report or not" count against all rows of
   reports). */
static void
print_accuracy (void)
{
  int right = 0, fields[N_FIELDS] = { 0 }, reports = 0, i;

  for (i = 0; i < nrows; i++)
    {
      size_t len = 0;
      char *msg = read_message (rows[i].file, &len), why[1024];
      struct smtpreply_report *report;

      reports += strcmp (rows[i].action, "not-a-report") != 0;
      if (msg == NULL || smtpreply_report_read (msg, len, &report) != 0)
        {
          free (msg);
          continue;
        }
      right += difference (report, &rows[i], why, sizeof why) == NULL;
      score_row (report, &rows[i], fields);
      smtpreply_report_free (report);
      free (msg);
    }
  printf ("bounces: %d of %d expected rows right, in %d messages\n", right,
          nrows, nfiles);
  printf ("  %-14s %3d of %3d\n", field_names[F_KIND], fields[F_KIND], nrows);
  for (i = F_RECIPIENT; i < N_FIELDS; i++)
    printf ("  %-14s %3d of %3d\n", field_names[i], fields[i], reports);
  fflush (stdout);
}

static Suite *
bounces_suite (void)
{
  Suite *s = suite_create ("bounces");
  TCase *tc = tcase_create ("corpus");

  tcase_add_loop_test (tc, test_bounce_file, 0, nfiles);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  if (getenv ("SMTPREPLY_BOUNCES_DIR") != NULL)
    data_dir = getenv ("SMTPREPLY_BOUNCES_DIR");
  load_expected ();
  print_accuracy ();
  return test_run_suite (bounces_suite ());
}
