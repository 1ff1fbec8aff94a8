/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* dsn.c: the fields of a standard delivery report (RFC 3464 section 2,
   RFC 6533 for message/global-delivery-status): the per-message fields,
   then one group of per-recipient fields after each blank line. */

#include <config.h>

#include "report/report.h"

#include <string.h>

/* Whether LINE (a field group's line) is blank. */
static int
is_blank (struct span line)
{
  size_t i;

  for (i = 0; i < line.n; i++)
    if (line.p[i] != ' ' && line.p[i] != '\t')
      return 0;
  return 1;
}

/* The part of a typed field after "type;" ("rfc822; a@b" -> "a@b"), with
   white space and the angle brackets of an address taken off, in place. */
static const char *
after_type (char *value, const char **type, struct arena *a)
{
  char *semi = value != NULL ? strchr (value, ';') : NULL, *s, *e;

  if (type != NULL)
    *type = NULL;
  if (value == NULL)
    return NULL;
  s = value;
  if (semi != NULL)
    {
      if (type != NULL)
        {
          char *t = value, *te = semi;

          while (t < te && (*t == ' ' || *t == '\t'))
            t++;
          while (te > t && (te[-1] == ' ' || te[-1] == '\t'))
            te--;
          *type = arena_strndup (a, t, (size_t) (te - t));
        }
      s = semi + 1;
    }
  while (*s == ' ' || *s == '\t')
    s++;
  e = s + strlen (s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
    e--;
  *e = '\0';
  if (*s == '<' && e > s + 1 && e[-1] == '>')
    {
      e[-1] = '\0';
      s++;
    }
  return s;
}

/* Reads one group of fields (a span of lines) into R. */
static void
read_group (struct arena *a, struct span group, struct raw_recipient *r,
            const char **reporting_mta)
{
  char *value;

  if (reporting_mta != NULL
      && (value = header_value (a, group, "Reporting-MTA")) != NULL)
    *reporting_mta = after_type (value, NULL, a);
  if (r == NULL)
    return;
  r->recipient = after_type (header_value (a, group, "Final-Recipient"), NULL, a);
  r->original_recipient = after_type (header_value (a, group,
                                                    "Original-Recipient"),
                                      NULL, a);
  r->action = header_value (a, group, "Action");
  r->status = header_value (a, group, "Status");
  r->remote_mta = after_type (header_value (a, group, "Remote-MTA"), NULL, a);
  r->last_attempt_date = header_value (a, group, "Last-Attempt-Date");
  r->diagnostic = after_type (header_value (a, group, "Diagnostic-Code"),
                              &r->diagnostic_type, a);
  /* Microsoft's SMTPSVC puts the reply in its own field instead:
     "X-Supplementary-Info: < #5.5.0 smtp;550 Requested action ...>". */
  if (r->diagnostic == NULL
      && (value = header_value (a, group, "X-Supplementary-Info")) != NULL)
    {
      char *smtp = strstr (value, "smtp;");

      if (smtp != NULL)
        {
          char *end;

          smtp += 5;
          while (*smtp == ' ')
            smtp++;
          end = strrchr (smtp, '>');
          if (end != NULL)
            *end = '\0';
          r->diagnostic = smtp;
          r->diagnostic_type = "smtp";
        }
    }
}

int
dsn_read (struct report_builder *b, const char *body, size_t len,
          const char **reporting_mta)
{
  struct arena *a = builder_arena (b);
  const char *p = body, *end = body + len, *start = body;
  struct span line;
  int first = 1, added = 0;

  for (;;)
    {
      int more = next_line (&p, end, &line);

      if (more && !is_blank (line))
        continue;
      if ((more ? line.p : end) > start)
        {
          struct span group;
          struct raw_recipient r;

          group.p = start;
          group.n = (size_t) ((more ? line.p : end) - start);
          memset (&r, 0, sizeof r);
          read_group (a, group, first ? NULL : &r, reporting_mta);
          /* Some reporters put no blank line between the per-message
             fields and the first recipient's. */
          if (first && header_value (a, group, "Final-Recipient") != NULL)
            read_group (a, group, &r, NULL);
          if (r.recipient != NULL || r.diagnostic != NULL || r.status != NULL)
            {
              if (builder_add (b, &r) != 0)
                return -1;
              added++;
            }
          first = 0;
        }
      if (!more)
        break;
      start = p;
    }
  return a->failed ? -1 : added;
}
