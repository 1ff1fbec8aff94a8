/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* bounce.c: smtpreply --bounce, the delivery reports in a mailbox.
 *
 * A FILE is one message, an mbox (it starts with a "From " line; messages
 * start at a "From " line after an empty line) or a Maildir (a directory
 * with cur/ and new/).  Files are read a byte at a time into one message
 * buffer that is reused, so memory stays the same whatever the mailbox's
 * size: at most MAX_MESSAGE bytes for the message being read, plus what
 * the library takes for it (SMTPREPLY_REPORT_MEMORY).
 */

#include <config.h>

#include <smtpreply.h>

#include "cli.h"
#include "json.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A larger message is skipped, with a message: a bounce returns at most
   the failed message, and mail servers refuse messages far smaller. */
#define MAX_MESSAGE (64UL * 1024 * 1024)

struct reader
{
  int json;
  int status;                   /* the exit status so far */
  char *buf;                    /* the message being read */
  size_t len, cap;
  int too_large;                /* it went over MAX_MESSAGE */
};

/* Where a message comes from: the file's name (NULL: standard input) and,
   in an mbox, its number from 1 (0 otherwise). */
struct origin
{
  const char *file;             /* as shown: control characters as "?" */
  unsigned long index;
  char shown[256];
};

static const char *
origin_file (const struct origin *o)
{
  /* TRANSLATORS: --bounce output: the name shown for standard input. */
  return o->file != NULL ? o->file : _("(standard input)");
}

/* Where the message is, for people: "FILE" or "FILE, message 3", in
   BUF. */
static const char *
origin_text (const struct origin *o, char *buf, size_t size)
{
  if (o->index == 0)
    return origin_file (o);
  /* TRANSLATORS: --bounce output and errors: where a message is in a
     mailbox file; %s is the file name, %lu the message's number from 1. */
  snprintf (buf, size, _("%s, message %lu"), origin_file (o), o->index);
  return buf;
}

/* Output *****************************************************************/

/* "FILE:" or "FILE, message 3:", on a line of its own. */
static void
print_origin_text (const struct origin *o)
{
  char where[4200];

  printf ("%s:\n", origin_text (o, where, sizeof where));
}

static void
json_origin (const struct origin *o)
{
  fputs ("{\"file\":", stdout);
  json_write_cstring (stdout, o->file != NULL ? o->file : "-");
  if (o->index > 0)
    printf (",\"message\":%lu", o->index);
  else
    fputs (",\"message\":null", stdout);
}

static const char *
not_a_report_text (enum smtpreply_report_kind kind)
{
  switch (kind)
    {
    case SMTPREPLY_REPORT_AUTO_REPLY:
      /* TRANSLATORS: --bounce output: the message is an automatic reply
         (out of office, vacation), not a delivery report. */
      return _("  Not a delivery report: an automatic reply");
    case SMTPREPLY_REPORT_FEEDBACK:
      /* TRANSLATORS: --bounce output: the message is a feedback-loop
         (spam complaint) report, not a delivery report. */
      return _("  Not a delivery report: a spam complaint report");
    default:
      /* TRANSLATORS: --bounce output: the message is an ordinary message,
         not a delivery report. */
      return _("  Not a delivery report");
    }
}

/* The sentence that says what happened to recipient I, with the
   message's subject when the report gives it. */
static void
print_summary (const struct smtpreply_report *r, size_t i)
{
  char line[512], *big = NULL;
  int n = smtpreply_report_summary (r, i, NULL, line, sizeof line);

  if (n >= (int) sizeof line && (big = malloc ((size_t) n + 1)) != NULL)
    smtpreply_report_summary (r, i, NULL, big, (size_t) n + 1);
  if (n >= 0)
    {
      fputs ("  ", stdout);
      /* The subject and address are the sender's and server's bytes. */
      write_server_text (big != NULL ? big : line,
                         strlen (big != NULL ? big : line));
      putchar ('\n');
    }
  free (big);
}

static void
print_recipient_text (const struct smtpreply_report *r, size_t i)
{
  const struct smtpreply_report_recipient *rc = smtpreply_report_recipient (r, i);
  struct smtpreply_explanation x;

  smtpreply_report_explain (rc, NULL, &x);
  print_summary (r, i);
  /* TRANSLATORS: --parse and --advice output: what the user can do; %s is
     the advice. */
  printf (_("  Advice: %s\n"), x.advice);
  if (rc->has_status)
    {
      char status[16];

      snprintf (status, sizeof status, "%d.%d.%d", rc->status.cls,
                rc->status.subject, rc->status.detail);
      /* TRANSLATORS: --parse output: the meaning of the enhanced status code;
         the first %s is the code (5.1.1), the second its title. */
      printf (_("  Enhanced code %s: %s\n"), status,
              smtpreply_describe_enhanced (rc->status.cls, rc->status.subject,
                                           rc->status.detail));
    }
  if (rc->has_reply)
    {
      /* The reply's lines as the server wrote them, code included. */
      const char *p = rc->diagnostic;

      while (*p != '\0')
        {
          size_t n = strcspn (p, "\r\n");

          if (n > 0)
            {
              /* TRANSLATORS: --parse and --bounce output: before each line
                 of the server's own text. */
              fputs (_("  Server: "), stdout);
              write_server_text (p, n);
              putchar ('\n');
            }
          p += n;
          p += strspn (p, "\r\n");
        }
    }
  else if (rc->diagnostic != NULL)
    {
      /* TRANSLATORS: --bounce output: before the report's own words about
         the failure, when no server replied (a domain that does not
         exist). */
      fputs (_("  Report: "), stdout);
      write_server_text (rc->diagnostic, strlen (rc->diagnostic));
      putchar ('\n');
    }
}

static void
json_field (const char *name, const char *value)
{
  printf (",\"%s\":", name);
  json_write_cstring (stdout, value);
}

static void
print_recipient_json (const struct origin *o,
                      const struct smtpreply_report *r,
                      const struct smtpreply_report_recipient *rc)
{
  const struct smtpreply_report_message *m = smtpreply_report_message (r);
  struct smtpreply_explanation x;
  struct smtpreply_reply reply;

  smtpreply_report_explain (rc, NULL, &x);
  json_origin (o);
  printf (",\"report\":true,\"kind\":\"%s\"",
          smtpreply_report_kind_name (smtpreply_report_kind (r)));
  json_field ("format", smtpreply_report_format (r));
  json_field ("recipient", rc->recipient);
  json_field ("original_recipient", rc->original_recipient);
  printf (",\"action\":\"%s\",\"status\":", smtpreply_action_name (rc->action));
  if (rc->has_status)
    printf ("\"%d.%d.%d\"", rc->status.cls, rc->status.subject,
            rc->status.detail);
  else
    fputs ("null", stdout);
  fputs (",\"reply\":", stdout);
  if (smtpreply_report_reply (rc, &reply) == 0)
    {
      struct smtpreply_explanation rx;

      smtpreply_explain (&reply, rc->context, &rx);
      write_reply_json (reply.buf, &reply, &rx);
    }
  else
    fputs ("null", stdout);
  json_field ("diagnostic", rc->has_reply ? NULL : rc->diagnostic);
  printf (",\"context\":\"%s\"", smtpreply_context_name (rc->context));
  printf (",\"reason\":\"%s\"", smtpreply_reason_name (rc->reason));
  json_field ("reason_title", smtpreply_reason_title (rc->reason, NULL));
  json_field ("headline", x.headline);
  json_field ("advice", x.advice);
  json_field ("remote_mta", rc->remote_mta);
  json_field ("reporting_mta", smtpreply_report_reporting_mta (r));
  json_field ("last_attempt_date", rc->last_attempt_date);
  json_field ("subject", m->subject);
  json_field ("message_id", m->message_id);
  json_field ("from", m->from);
  json_field ("to", m->to);
  json_field ("date", m->date);
  fputs ("}\n", stdout);
}

/* Explains one message. */
static void
explain_message (struct reader *rd, const struct origin *o, const char *msg,
                 size_t len)
{
  struct smtpreply_report *r = NULL;
  int rc = smtpreply_report_read (msg, len, &r);
  enum smtpreply_report_kind kind;
  size_t i, shown = 0;

  if (rc != 0)
    {
      char where[4200];

      fflush (stdout);
      /* TRANSLATORS: --bounce error: a message could not be read (memory
         ran out); the first %s is the program name, the second where the
         message is (the file, with its number in a mailbox), the last the
         system's error text. */
      fprintf (stderr, _("%s: %s: cannot read the message: %s\n"),
               program_name, origin_text (o, where, sizeof where),
               strerror (rc));
      rd->status = EXIT_BAD_INPUT;
      return;
    }
  kind = smtpreply_report_kind (r);
  if (kind != SMTPREPLY_REPORT_DSN && kind != SMTPREPLY_REPORT_TEXT)
    {
      rd->status = EXIT_BAD_INPUT;
      if (rd->json)
        {
          json_origin (o);
          printf (",\"kind\":\"%s\",\"report\":false}\n",
                  smtpreply_report_kind_name (kind));
        }
      else
        {
          print_origin_text (o);
          puts (not_a_report_text (kind));
        }
      smtpreply_report_free (r);
      return;
    }
  for (i = 0; i < smtpreply_report_count (r); i++)
    {
      const struct smtpreply_report_recipient *rcp
        = smtpreply_report_recipient (r, i);

      /* A report may also say who got the message: only the failures and
         delays are news. */
      if (rcp->action == SMTPREPLY_ACTION_DELIVERED
          || rcp->action == SMTPREPLY_ACTION_RELAYED
          || rcp->action == SMTPREPLY_ACTION_EXPANDED)
        continue;
      if (rd->json)
        print_recipient_json (o, r, rcp);
      else
        {
          if (shown == 0)
            print_origin_text (o);
          print_recipient_text (r, i);
        }
      shown++;
    }
  if (shown == 0 && !rd->json)
    {
      print_origin_text (o);
      /* TRANSLATORS: --bounce output: a delivery report that tells only
         of deliveries (a "delivered" notification), no failure. */
      puts (_("  This report tells of no failed or delayed delivery"));
    }
  smtpreply_report_free (r);
}

/* Reading mailboxes ******************************************************/

/* Adds C to the message, unless it is too large already. */
static int
add_byte (struct reader *rd, int c)
{
  if (rd->too_large)
    return 0;
  if (rd->len == rd->cap)
    {
      size_t cap = rd->cap ? rd->cap * 2 : 65536;
      char *grown;

      if (rd->len >= MAX_MESSAGE)
        {
          rd->too_large = 1;
          return 0;
        }
      if (cap > MAX_MESSAGE)
        cap = MAX_MESSAGE;
      grown = realloc (rd->buf, cap);
      if (grown == NULL)
        {
          /* TRANSLATORS: error when memory ran out; %s is the program name. */
          fprintf (stderr, _("%s: out of memory\n"), program_name);
          return -1;
        }
      rd->buf = grown;
      rd->cap = cap;
    }
  rd->buf[rd->len++] = (char) c;
  return 0;
}

/* The message read so far is complete. */
static void
end_message (struct reader *rd, const struct origin *o)
{
  if (rd->too_large)
    {
      char where[4200];

      fflush (stdout);
      /* TRANSLATORS: --bounce error: a message larger than the program
         reads; the first %s is the program name, the second where the
         message is (the file, with its number in a mailbox), %lu the
         limit in MiB. */
      fprintf (stderr, _("%s: %s: the message is larger than %lu MiB; "
                         "skipped\n"), program_name,
               origin_text (o, where, sizeof where),
               MAX_MESSAGE / (1024UL * 1024));
      rd->status = EXIT_BAD_INPUT;
    }
  else
    explain_message (rd, o, rd->buf != NULL ? rd->buf : "", rd->len);
  /* The buffer stays for the next message; explain_bounces frees it. */
  rd->len = 0;        /* NOLINT(clang-analyzer-unix.Malloc) */
  rd->too_large = 0;
}

/* Reads the stream F (named NAME, NULL for standard input): one message,
   or an mbox when its first line starts with "From ".  Returns -1 when
   out of memory. */
static int
read_stream (struct reader *rd, FILE *f, const char *name)
{
  struct origin o;
  char head[5];                 /* the first bytes of the current line */
  size_t head_n = 0, line_len = 0;
  int c, mbox = -1, prev_empty = 1;

  o.file = name != NULL ? quoted_argument (name, o.shown, sizeof o.shown)
                        : NULL;
  o.index = 0;
  rd->len = 0;
  rd->too_large = 0;
  while ((c = getc_unlocked (f)) != EOF)
    {
      if (head_n < sizeof head && line_len == head_n)
        {
          head[head_n++] = (char) c;
          if (head_n == sizeof head)
            {
              int from = memcmp (head, "From ", 5) == 0;

              if (mbox < 0)
                {
                  mbox = from;
                  o.index = from;
                }
              else if (mbox && from && prev_empty)
                {
                  /* A new message: the one before ends before this line,
                     whose first four bytes are in it already. */
                  int k;

                  if (!rd->too_large)
                    rd->len -= 4;
                  end_message (rd, &o);
                  o.index++;
                  for (k = 0; k < 4; k++)
                    if (add_byte (rd, "From"[k]) != 0)
                      return -1;
                }
            }
        }
      if (add_byte (rd, c) != 0)
        return -1;
      line_len++;
      if (c == '\n')
        {
          /* An empty line: "\n" or "\r\n". */
          prev_empty = line_len == 1 || (line_len == 2 && head[0] == '\r');
          if (mbox < 0)
            mbox = 0;           /* a first line shorter than "From " */
          line_len = 0;
          head_n = 0;
        }
    }
  if (ferror (f))
    {
      fflush (stdout);
      /* TRANSLATORS: error reading a file; the first %s is the program
         name, the second the file, the third the system's error text. */
      fprintf (stderr, _("%s: %s: read error: %s\n"), program_name,
               origin_file (&o), strerror (errno));
      rd->status = EXIT_BAD_INPUT;
      return 0;
    }
  /* The last message (or the only one; an empty file is one too). */
  if (rd->len > 0 || rd->too_large || mbox != 1)
    end_message (rd, &o);
  return 0;
}

static int
read_file (struct reader *rd, const char *name)
{
  FILE *f = fopen (name, "rb");
  int rc;

  if (f == NULL)
    {
      char shown[256];
      int error = errno;

      fflush (stdout);
      /* TRANSLATORS: error opening a file; the first %s is the program
         name, the second the file, the third the system's error text. */
      fprintf (stderr, _("%s: cannot open '%s': %s\n"), program_name,
               quoted_argument (name, shown, sizeof shown), strerror (error));
      rd->status = EXIT_BAD_INPUT;
      return 0;
    }
  rc = read_stream (rd, f, name);
  fclose (f);
  return rc;
}

/* Reads the messages of the Maildir folder SUB (new or cur) of DIR, in the
   order the directory lists them. */
static int
read_maildir_folder (struct reader *rd, const char *dir, const char *sub)
{
  size_t n = strlen (dir) + strlen (sub) + 2;
  char *path = malloc (n);
  DIR *d;
  struct dirent *e;
  int rc = 0;

  if (path == NULL)
    return -1;
  snprintf (path, n, "%s/%s", dir, sub);
  d = opendir (path);
  if (d == NULL)
    {
      free (path);
      return 0;
    }
  while (rc == 0 && (e = readdir (d)) != NULL)
    {
      char *file;
      struct stat st;
      size_t m;

      if (e->d_name[0] == '.')
        continue;
      m = strlen (path) + strlen (e->d_name) + 2;
      file = malloc (m);
      if (file == NULL)
        {
          rc = -1;
          break;
        }
      snprintf (file, m, "%s/%s", path, e->d_name);
      if (stat (file, &st) == 0 && S_ISREG (st.st_mode))
        rc = read_file (rd, file);
      free (file);
    }
  closedir (d);
  free (path);
  return rc;
}

static int
read_name (struct reader *rd, const char *name)
{
  struct stat st;

  if (stat (name, &st) == 0 && S_ISDIR (st.st_mode))
    {
      size_t n = strlen (name) + 5;
      char *cur = malloc (n);
      struct stat cst;
      int is_maildir;

      if (cur == NULL)
        return -1;
      snprintf (cur, n, "%s/cur", name);
      is_maildir = stat (cur, &cst) == 0 && S_ISDIR (cst.st_mode);
      free (cur);
      if (!is_maildir)
        {
          char shown[256];

          fflush (stdout);
          /* TRANSLATORS: --bounce error: a directory given as FILE that is
             not a Maildir (it has no cur/ folder); the first %s is the
             program name, the second the directory. */
          fprintf (stderr, _("%s: '%s' is a directory but not a Maildir\n"),
                   program_name, quoted_argument (name, shown, sizeof shown));
          rd->status = EXIT_BAD_INPUT;
          return 0;
        }
      if (read_maildir_folder (rd, name, "new") != 0)
        return -1;
      return read_maildir_folder (rd, name, "cur");
    }
  return read_file (rd, name);
}

int
explain_bounces (char *const *names, int n, int json)
{
  struct reader rd;
  int i, rc = 0;

  memset (&rd, 0, sizeof rd);
  rd.json = json;
  rd.status = EXIT_OK;
  if (n == 0)
    rc = read_stream (&rd, stdin, NULL);
  for (i = 0; i < n && rc == 0; i++)
    rc = strcmp (names[i], "-") == 0 ? read_stream (&rd, stdin, NULL)
                                     : read_name (&rd, names[i]);
  free (rd.buf);
  return rc != 0 ? EXIT_BAD_INPUT : rd.status;
}
