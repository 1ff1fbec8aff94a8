/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_report.c: any bytes read as a message that may be a delivery
   report.  The answer is defined: it reads (the inputs are far below the
   memory bound), its kind and every recipient's fields are in range, each
   recipient's reply parses, explains and summarizes, and reading the same
   bytes again gives the same report. */

#include <config.h>

#include "fuzz.h"

#include <smtpreply.h>

#include <errno.h>
#include <string.h>

static void
check_recipient (const struct smtpreply_report *r, size_t i)
{
  const struct smtpreply_report_recipient *rc = smtpreply_report_recipient (r, i);
  struct smtpreply_explanation x;
  struct smtpreply_reply reply;
  char small[8], line[4096];
  int n;

  FUZZ_CHECK (rc != NULL);
  FUZZ_CHECK (rc->recipient != NULL);
  (void) strlen (rc->recipient);
  FUZZ_CHECK ((unsigned) rc->action <= SMTPREPLY_ACTION_EXPANDED);
  FUZZ_CHECK ((unsigned) rc->reason < SMTPREPLY_REASON_COUNT);
  FUZZ_CHECK ((unsigned) rc->context < SMTPREPLY_CTX_COUNT);
  FUZZ_CHECK ((rc->reason == SMTPREPLY_REASON_NONE)
              == (rc->action == SMTPREPLY_ACTION_DELIVERED
                  || rc->action == SMTPREPLY_ACTION_RELAYED
                  || rc->action == SMTPREPLY_ACTION_EXPANDED));
  if (rc->has_status)
    FUZZ_CHECK (rc->status.cls == 2 || rc->status.cls == 4
                || rc->status.cls == 5);
  if (rc->has_reply)
    {
      FUZZ_CHECK (rc->diagnostic != NULL);
      FUZZ_CHECK (smtpreply_report_reply (rc, &reply) == 0);
      FUZZ_CHECK (reply.code >= 200 && reply.code <= 599);
      FUZZ_CHECK (smtpreply_explain (&reply, rc->context, &x) == 0);
    }
  else
    FUZZ_CHECK (smtpreply_report_reply (rc, &reply) == ENOENT);
  if (rc->diagnostic != NULL)
    (void) strlen (rc->diagnostic);
  FUZZ_CHECK (smtpreply_report_explain (rc, NULL, &x) == 0);
  FUZZ_CHECK (x.headline != NULL && x.headline[0] != '\0');
  FUZZ_CHECK (x.advice != NULL && x.advice[0] != '\0');
  FUZZ_CHECK (smtpreply_report_explain (rc, "zh-CN", &x) == 0);
  /* The summary: snprintf's contract, whatever the buffer. */
  n = smtpreply_report_summary (r, i, "zh-CN", line, sizeof line);
  FUZZ_CHECK (n > 0);
  if ((size_t) n < sizeof line)
    FUZZ_CHECK (strlen (line) == (size_t) n);
  FUZZ_CHECK (smtpreply_report_summary (r, i, NULL, small, sizeof small) > 0);
  FUZZ_CHECK (strlen (small) < sizeof small);
  FUZZ_CHECK (smtpreply_report_summary (r, i, NULL, NULL, 0) > 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct smtpreply_report *r = NULL, *again = NULL;
  const struct smtpreply_report_message *m;
  enum smtpreply_report_kind kind;
  size_t i, count;

  fuzz_bind_catalogs ();
  FUZZ_CHECK (smtpreply_report_read ((const char *) data, size, &r) == 0);
  FUZZ_CHECK (r != NULL);
  kind = smtpreply_report_kind (r);
  FUZZ_CHECK ((unsigned) kind <= SMTPREPLY_REPORT_FEEDBACK);
  count = smtpreply_report_count (r);
  if (kind != SMTPREPLY_REPORT_DSN && kind != SMTPREPLY_REPORT_TEXT)
    {
      FUZZ_CHECK (count == 0);
      FUZZ_CHECK (strcmp (smtpreply_report_format (r), "") == 0);
    }
  else
    FUZZ_CHECK (smtpreply_report_format (r)[0] != '\0');
  m = smtpreply_report_message (r);
  FUZZ_CHECK (m != NULL);
  if (m->subject != NULL)
    (void) strlen (m->subject);
  for (i = 0; i < count; i++)
    check_recipient (r, i);
  FUZZ_CHECK (smtpreply_report_recipient (r, count) == NULL);
  FUZZ_CHECK (smtpreply_report_summary (r, count, NULL, NULL, 0) == -1);

  /* The same bytes, the same report. */
  FUZZ_CHECK (smtpreply_report_read ((const char *) data, size, &again) == 0);
  FUZZ_CHECK (smtpreply_report_kind (again) == kind);
  FUZZ_CHECK (smtpreply_report_count (again) == count);
  for (i = 0; i < count; i++)
    {
      const struct smtpreply_report_recipient *a = smtpreply_report_recipient (r, i);
      const struct smtpreply_report_recipient *b = smtpreply_report_recipient (again, i);

      FUZZ_CHECK (strcmp (a->recipient, b->recipient) == 0);
      FUZZ_CHECK (a->reason == b->reason && a->action == b->action);
    }
  smtpreply_report_free (again);
  smtpreply_report_free (r);
  return 0;
}
