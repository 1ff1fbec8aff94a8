/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* report.c: smtpreply_report_read and the report's accessors.  It reads
   the message's parts (mime.c), the fields of a standard report (dsn.c) or
   the text of another (text.c), then works out each recipient's reply and
   reason with the rest of the library. */

#include <config.h>

#include "smtpreply.h"
#include "i18n.h"
#include "enhanced.h"
#include "report/report.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* At most this many recipients are kept (a hostile report may name more). */
#define MAX_RECIPIENTS 10000

struct smtpreply_report
{
  struct arena arena;
  enum smtpreply_report_kind kind;
  const char *format;
  const char *reporting_mta;
  struct smtpreply_report_message message;
  struct smtpreply_report_recipient *recipients;
  size_t count;
};

/* The recipients as the report gives them, until they are all known (a
   standard report's text names them all; each one's part of it ends where
   the next is named). */
struct report_builder
{
  struct smtpreply_report *report;
  struct raw_recipient *raw;
  size_t count, cap;
};

struct arena *
builder_arena (struct report_builder *b)
{
  return &b->report->arena;
}

int
builder_add (struct report_builder *b, const struct raw_recipient *r)
{
  if (b->count == MAX_RECIPIENTS)
    return 0;
  if (b->count == b->cap)
    {
      size_t cap = b->cap ? b->cap * 2 : 8;
      struct raw_recipient *grown = arena_alloc (&b->report->arena,
                                                 cap * sizeof *grown);

      if (grown == NULL)
        return -1;
      if (b->raw != NULL)
        memcpy (grown, b->raw, b->count * sizeof *grown);
      b->raw = grown;
      b->cap = cap;
    }
  b->raw[b->count++] = *r;
  return 0;
}

/* Names *****************************************************************/

static const char *const action_names[] = {
  [SMTPREPLY_ACTION_UNKNOWN] = "unknown",
  [SMTPREPLY_ACTION_FAILED] = "failed",
  [SMTPREPLY_ACTION_DELAYED] = "delayed",
  [SMTPREPLY_ACTION_DELIVERED] = "delivered",
  [SMTPREPLY_ACTION_RELAYED] = "relayed",
  [SMTPREPLY_ACTION_EXPANDED] = "expanded",
};

const char *
smtpreply_action_name (enum smtpreply_action action)
{
  return (unsigned) action < sizeof action_names / sizeof action_names[0]
         ? action_names[action] : action_names[0];
}

static const char *const kind_names[] = {
  [SMTPREPLY_REPORT_NONE] = "none",
  [SMTPREPLY_REPORT_DSN] = "dsn",
  [SMTPREPLY_REPORT_TEXT] = "text",
  [SMTPREPLY_REPORT_AUTO_REPLY] = "auto_reply",
  [SMTPREPLY_REPORT_FEEDBACK] = "feedback",
};

const char *
smtpreply_report_kind_name (enum smtpreply_report_kind kind)
{
  return (unsigned) kind < sizeof kind_names / sizeof kind_names[0]
         ? kind_names[kind] : kind_names[0];
}

/* RFC 3464 2.3.3: the first word of Action ("failed", ...).  "expired",
   which some senders write, is a failure. */
static enum smtpreply_action
action_of (const char *value, int delayed)
{
  size_t i, n;

  if (value == NULL)
    return delayed ? SMTPREPLY_ACTION_DELAYED : SMTPREPLY_ACTION_FAILED;
  n = strlen (value);
  for (i = 1; i < sizeof action_names / sizeof action_names[0]; i++)
    if (starts_with_ci (value, n, action_names[i]))
      return (enum smtpreply_action) i;
  if (starts_with_ci (value, n, "expired"))
    return SMTPREPLY_ACTION_FAILED;
  return SMTPREPLY_ACTION_UNKNOWN;
}

/* A recipient's reply and reason ***************************************/

#define MAX_BLOCK_RECIPIENTS 32

/* The part of TEXT that is about ADDRESS: from the line that names it to
   the line that names another of the report's recipients. */
static struct span
block_of (struct span text, const char *address,
          const struct report_builder *b)
{
  struct span block = { NULL, 0 };
  size_t at, i, stop;

  if (text.p == NULL || address == NULL || *address == '\0')
    return block;
  if (b->count == 1)
    return text;
  /* Finding each recipient's part costs a search per other recipient:
     a report on many gives none (its fields say enough). */
  if (b->count > MAX_BLOCK_RECIPIENTS)
    return block;
  at = find_ascii_ci (text.p, text.n, address);
  if (at == (size_t) -1)
    return block;
  while (at > 0 && text.p[at - 1] != '\n')
    at--;
  stop = text.n;
  for (i = 0; i < b->count; i++)
    {
      size_t other;
      const char *o = b->raw[i].recipient;

      if (o == NULL || *o == '\0' || strcmp (o, address) == 0)
        continue;
      other = find_ascii_ci (text.p + at, text.n - at, o);
      if (other != (size_t) -1 && at + other < stop)
        stop = at + other;
    }
  while (stop > at && text.p[stop - 1] != '\n')
    stop--;
  block.p = text.p + at;
  block.n = stop > at ? stop - at : text.n - at;
  return block;
}

static int
starts_with_code (const char *s)
{
  return s[0] >= '2' && s[0] <= '5' && s[1] >= '0' && s[1] <= '9'
         && s[2] >= '0' && s[2] <= '9'
         && (s[3] == '\0' || s[3] == ' ' || s[3] == '-' || s[3] == ':');
}

/* The reply that a diagnostic quotes inside its own words, as Amazon SES
   writes it: "5.1.0 - Unknown address error 550-'5.2.2 <address>...
   Mailbox Full' (delivery attempts: 0)".  In the arena, as "550 ...". */
static const char *
quoted_reply (struct arena *a, const char *diagnostic)
{
  const char *p;

  for (p = diagnostic; (p = strstr (p, "-'")) != NULL; p++)
    {
      const char *start = p - 3, *close;
      char *out;

      if (p - diagnostic < 3 || !starts_with_code (start)
          || (start > diagnostic && start[-1] != ' '))
        continue;
      close = strchr (p + 2, '\'');
      if (close == NULL)
        close = p + strlen (p);
      out = arena_alloc (a, (size_t) (close - start) + 1);
      if (out == NULL)
        return NULL;
      memcpy (out, start, 3);
      out[3] = ' ';
      memcpy (out + 4, p + 2, (size_t) (close - p - 2));
      out[close - start - 1] = '\0';
      return out;
    }
  return NULL;
}

/* Parses the reply REPLY_TEXT (one line, or the lines of a multiline
   reply run together) into *REPLY; on success it is OUT's diagnostic. */
static void
parse_reply (struct arena *a, const char *reply_text,
             struct smtpreply_reply *reply,
             struct smtpreply_report_recipient *out)
{
  size_t len;
  char *lines = rebuild_reply (a, reply_text, &len);

  /* A report that kept only the first lines of a multiline reply ("550-
     Verification failed for ...)"): its last line ends it. */
  if (lines != NULL)
    {
      size_t last;

      for (last = len; last > 0 && lines[last - 1] != '\n'; last--)
        ;
      if (len - last > 3 && lines[last + 3] == '-')
        lines[last + 3] = ' ';
    }
  if (lines != NULL
      && smtpreply_parse (lines, len, SMTPREPLY_PARSE_END_OF_INPUT, reply)
         == SMTPREPLY_PARSE_OK)
    {
      out->diagnostic = lines;
      out->has_reply = 1;
    }
}

/* The length of the part of TEXT before the first line that names one of
   the report's recipients (the first MAX_BLOCK_RECIPIENTS are looked
   for). */
static size_t
preamble_of (struct span text, const struct report_builder *b)
{
  size_t first = text.n, i;

  if (text.p == NULL)
    return 0;
  for (i = 0; i < b->count && i < MAX_BLOCK_RECIPIENTS; i++)
    {
      const char *o = b->raw[i].recipient;
      size_t at;

      if (b->raw[i].block.p != NULL && b->raw[i].block.p >= text.p
          && b->raw[i].block.p <= text.p + text.n)
        at = (size_t) (b->raw[i].block.p - text.p);
      else if (o != NULL && *o != '\0')
        at = find_ascii_ci (text.p, text.n, o);
      else
        continue;
      if (at < first)
        first = at;
    }
  if (first == text.n)
    return 0;
  while (first > 0 && text.p[first - 1] != '\n')
    first--;
  return first;
}

/* Fills OUT from RAW: its reply (parsed into REPLY) and its reason, from
   the reply or diagnostic, the report's text about it and its status. */
static void
finish (struct arena *a, const struct raw_recipient *raw, struct span text,
        size_t preamble, const struct report_builder *b,
        struct smtpreply_report_recipient *out)
{
  struct smtpreply_reply reply;
  struct smtpreply__text texts[3];
  struct span block = raw->block.p != NULL ? raw->block
                      : block_of (text, raw->recipient, b);
  const struct smtpreply_enhanced *e = NULL;
  size_t n = 0, first;
  int cls;

  memset (out, 0, sizeof *out);
  memset (&reply, 0, sizeof reply);
  out->recipient = raw->recipient != NULL ? raw->recipient : "";
  out->original_recipient = raw->original_recipient;
  out->action = action_of (raw->action, raw->delayed);
  out->remote_mta = raw->remote_mta;
  out->last_attempt_date = raw->last_attempt_date;
  if (raw->status != NULL)
    {
      char code[16];
      size_t k = strcspn (raw->status, " \t(;");

      if (k < sizeof code)
        {
          memcpy (code, raw->status, k);
          code[k] = '\0';
          out->has_status = smtpreply_enhanced_from_string (code, &out->status)
                            == 0;
        }
    }

  /* The server's reply: a Diagnostic-Code of type smtp (or without a type
     but with a code), its lines rebuilt, or the reply it quotes (Amazon
     SES); else, in a standard report, the reply its text quotes. */
  if (raw->diagnostic != NULL && *raw->diagnostic != '\0')
    {
      const char *type = raw->diagnostic_type;
      const char *quoted = NULL;

      out->diagnostic = raw->diagnostic;
      if (type == NULL || starts_with_ci (type, strlen (type), "smtp"))
        {
          quoted = starts_with_code (raw->diagnostic) ? raw->diagnostic
                   : quoted_reply (a, raw->diagnostic);
          if (quoted != NULL)
            parse_reply (a, quoted, &reply, out);
        }
    }
  else if (raw->block.p == NULL && block.p != NULL)
    {
      const char *quoted = text_reply (a, block);

      if (quoted != NULL)
        parse_reply (a, quoted, &reply, out);
    }
  if (!out->has_status && out->has_reply && reply.has_enhanced)
    {
      out->has_status = 1;
      out->status = reply.enhanced;
    }
  if (!out->has_status && block.p != NULL)
    out->has_status = text_status (block.p, block.n, &out->status);

  out->context = raw->context;
  if (out->context == SMTPREPLY_CTX_UNKNOWN && block.p != NULL)
    out->context = text_context (block.p, block.n, block.n);

  /* Why: nothing went wrong for these; "expired" wins over the cause of
     the last attempt; else the evidence of the reply (or diagnostic) and
     of the report's text about the recipient, with its status. */
  if (out->action == SMTPREPLY_ACTION_DELIVERED
      || out->action == SMTPREPLY_ACTION_RELAYED
      || out->action == SMTPREPLY_ACTION_EXPANDED)
    {
      out->reason = SMTPREPLY_REASON_NONE;
      return;
    }
  /* X.4.7 in a delay notice (Exchange writes 4.4.7 "Message delayed")
     means the message is still being retried, not that it expired. */
  if ((out->has_status && out->status.subject == 4 && out->status.detail == 7
       && out->action != SMTPREPLY_ACTION_DELAYED)
      || (raw->action != NULL
          && starts_with_ci (raw->action, strlen (raw->action), "expired")))
    {
      out->reason = SMTPREPLY_REASON_EXPIRED;
      return;
    }
  if (out->diagnostic != NULL)
    {
      texts[n].p = out->diagnostic;
      texts[n++].n = strlen (out->diagnostic);
    }
  first = n;
  if (block.p != NULL)
    {
      texts[n].p = block.p;
      texts[n++].n = block.n;
    }
  /* What the report says before it names any recipient is about all of
     them ("reject reason: Mailbox full" / "target mail address: ...";
     "not reachable within the allowed queue period" / the list). */
  if (text.p != NULL && preamble > 0)
    {
      texts[n].p = text.p;
      texts[n++].n = preamble;
    }
  if (out->has_reply && reply.has_enhanced)
    e = &reply.enhanced;
  else if (out->has_status)
    e = &out->status;
  cls = out->action == SMTPREPLY_ACTION_DELAYED ? 4 : 5;
  out->reason = smtpreply__reason_of (texts, n, first, out->has_reply ? reply.code : 0,
                                      cls, e, (int) out->context);
  /* A delay notice is sent while the message is still being retried:
     whatever its words or code ("400 4.4.7 Message delayed"), it has not
     expired. */
  if (out->action == SMTPREPLY_ACTION_DELAYED
      && out->reason == SMTPREPLY_REASON_EXPIRED)
    out->reason = SMTPREPLY_REASON_UNKNOWN;
}

/* Reading ***************************************************************/

static int
is_forward_or_reply (const char *subject)
{
  static const char *const prefixes[] = { "Re:", "Fwd:", "Fw:", "AW:", "WG:",
                                          "TR:", "RV:", "SV:", "VS:", "回复",
                                          "转发" };
  size_t i, n;

  if (subject == NULL)
    return 0;
  while (*subject == ' ')
    subject++;
  n = strlen (subject);
  for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
    if (starts_with_ci (subject, n, prefixes[i]))
      return 1;
  return 0;
}

static const char *const report_senders[] = {
#define REPORT_SENDER(words, software) (words),
#include "report/formats.def"
};

/* Whether the From of HEAD is a mail system's address. */
static int
sender_is_mail_system (struct arena *a, struct span head)
{
  const char *from = header_value (a, head, "From");
  size_t i;

  for (i = 0; from != NULL && i < sizeof report_senders / sizeof report_senders[0];
       i++)
    if (find_ascii_ci (from, strlen (from), report_senders[i]) != (size_t) -1)
      return 1;
  return 0;
}

/* Whether the message comes from a mail system rather than a person. */
static int
from_mail_system (struct arena *a, struct span head, const char *subject)
{
  const char *return_path = header_value (a, head, "Return-Path");

  return header_value (a, head, "X-Failed-Recipients") != NULL
         || (return_path != NULL && strcmp (return_path, "<>") == 0)
         || text_report_subject (subject) || sender_is_mail_system (a, head);
}

static int
is_auto_reply (struct arena *a, struct span head, const char *subject)
{
  static const char *const subjects[] = { "Out of Office", "Automatic reply",
                                          "Auto:", "Autoreply", "Auto-Reply",
                                          "Auto Reply", "Abwesenheitsnotiz",
                                          "Réponse automatique", "自动回复",
                                          "Respuesta automática" };
  const char *v;
  size_t i;

  v = header_value (a, head, "Auto-Submitted");
  if (v != NULL && starts_with_ci (v, strlen (v), "auto-replied"))
    return 1;
  if (header_value (a, head, "X-Autoreply") != NULL
      || header_value (a, head, "X-Autorespond") != NULL)
    return 1;
  v = header_value (a, head, "Precedence");
  if (v != NULL && starts_with_ci (v, strlen (v), "auto_reply"))
    return 1;
  for (i = 0; subject != NULL && i < sizeof subjects / sizeof subjects[0]; i++)
    if (starts_with_ci (subject, strlen (subject), subjects[i]))
      return 1;
  return 0;
}

/* The headers of the returned message. */
static void
read_returned (struct arena *a, struct span head,
               struct smtpreply_report_message *m)
{
  char *v;

  if ((v = header_value (a, head, "Subject")) != NULL)
    m->subject = decode_header_text (a, v, strlen (v));
  if ((v = header_value (a, head, "From")) != NULL)
    m->from = decode_header_text (a, v, strlen (v));
  if ((v = header_value (a, head, "To")) != NULL)
    m->to = decode_header_text (a, v, strlen (v));
  m->message_id = header_value (a, head, "Message-ID");
  m->date = header_value (a, head, "Date");
}

/* The text a person reads: the whole body of a message that is not
   multipart, else its first text/plain part; decoded to UTF-8. */
static struct span
human_text (struct arena *a, const struct entity *top,
            const struct mime_parts *parts)
{
  struct span text = { NULL, 0 };
  size_t len = 0;

  if (strncmp (parts->top.type, "multipart/", 10) != 0)
    text.p = decode_body (a, top->body,
                          transfer_encoding_of (header_value (a, top->head,
                                                              "Content-Transfer-Encoding")),
                          parts->top.charset, &len);
  else if (parts->has_text)
    text.p = decode_body (a, parts->text.entity.body, parts->text.encoding,
                          parts->text.ct.charset, &len);
  else if (parts->count == 1)
    /* A multipart whose delimiter lines were lost on the way (a stored
       copy, a broken relay): its body is all there is to read. */
    text.p = decode_body (a, top->body, ENCODING_IDENTITY, parts->top.charset,
                          &len);
  text.n = text.p != NULL ? len : 0;
  return text;
}

/* Whether TEXT starts (after white space) with a JSON object. */
static int
starts_json (struct span text)
{
  size_t i = 0;

  while (i < text.n && (text.p[i] == ' ' || text.p[i] == '\t'
                        || text.p[i] == '\r' || text.p[i] == '\n'))
    i++;
  return i < text.n && text.p[i] == '{';
}

static int
read_report (struct smtpreply_report *r, const char *msg, size_t len)
{
  struct arena *a = &r->arena;
  struct report_builder b = { r, NULL, 0, 0 };
  struct entity top;
  struct mime_parts parts;
  struct span text, region, fields;
  const char *copy, *subject, *format, *failed;
  size_t i, preamble;
  int json;

  entity_split (msg, len, &top);
  mime_walk (a, &top, &parts);
  subject = header_value (a, top.head, "Subject");
  if (subject != NULL)
    subject = decode_header_text (a, subject, strlen (subject));
  failed = header_value (a, top.head, "X-Failed-Recipients");
  text = human_text (a, &top, &parts);
  region = text;
  if (text.p != NULL && (copy = text_returned_copy (text.p, text.n)) != NULL)
    region.n = (size_t) (copy - text.p);
  format = region.p != NULL ? text_format (region.p, region.n) : NULL;

  if (strcmp (parts.top.report_type, "feedback-report") == 0
      || parts.has_feedback)
    r->kind = SMTPREPLY_REPORT_FEEDBACK;
  else if (!parts.has_status && text.p != NULL && starts_json (text)
           && (json = json_read (&b, text.p, text.n, &r->reporting_mta,
                                 &r->message, &r->kind)) != 0)
    {
      if (json < 0)
        return ENOMEM;
      format = "amazonses";
      region.p = NULL;          /* no text about the recipients */
      region.n = 0;
    }
  else if (!parts.has_status && text.p != NULL
           && (fields = text_dsn_fields (text.p, region.n)).p != NULL)
    {
      /* The fields of a standard report inside the text: its parts lost
         their delimiters. */
      r->kind = SMTPREPLY_REPORT_DSN;
      if (dsn_read (&b, fields.p, fields.n, &r->reporting_mta) < 0)
        return ENOMEM;
      region.n = (size_t) (fields.p - text.p);
      if (b.count == 0 && text_read (&b, region.p, region.n, failed) < 0)
        return ENOMEM;
    }
  else if (parts.has_status)
    {
      size_t n;
      char *body = decode_body (a, parts.status.entity.body,
                                parts.status.encoding, NULL, &n);

      r->kind = SMTPREPLY_REPORT_DSN;
      if (body == NULL || dsn_read (&b, body, n, &r->reporting_mta) < 0)
        return ENOMEM;
      if (b.count == 0 && region.p != NULL
          && text_read (&b, region.p, region.n, failed) < 0)
        return ENOMEM;
    }
  else if (region.p != NULL
           && (is_forward_or_reply (subject)
               /* a person forwarding a report, or replying to one, unless
                  the sender is a mail system (Verizon writes "Re:") */
               ? sender_is_mail_system (a, top.head)
               : format != NULL || from_mail_system (a, top.head, subject)))
    {
      if (text_read (&b, region.p, region.n, failed) < 0)
        return ENOMEM;
      if (b.count > 0)
        r->kind = SMTPREPLY_REPORT_TEXT;
    }
  if (r->kind == SMTPREPLY_REPORT_NONE && is_auto_reply (a, top.head, subject))
    r->kind = SMTPREPLY_REPORT_AUTO_REPLY;
  if (r->kind != SMTPREPLY_REPORT_DSN && r->kind != SMTPREPLY_REPORT_TEXT)
    {
      r->format = "";
      return a->failed ? ENOMEM : 0;
    }
  r->format = format != NULL ? format
              : r->kind == SMTPREPLY_REPORT_DSN ? "rfc3464" : "unknown";

  /* The message that failed. */
  if (parts.has_returned)
    {
      struct entity returned;
      size_t n;
      char *body = decode_body (a, parts.returned.entity.body,
                                parts.returned.encoding, NULL, &n);

      if (body == NULL)
        return ENOMEM;
      if (parts.returned_is_headers)
        {
          returned.head.p = body;
          returned.head.n = n;
        }
      else
        entity_split (body, n, &returned);
      read_returned (a, returned.head, &r->message);
    }
  else if (text.p != NULL && region.p != NULL && region.n < text.n)
    {
      struct entity returned;
      const char *copy_start = text.p + region.n, *end = text.p + text.n;

      /* The copy may start after blank lines. */
      while (copy_start < end && (*copy_start == '\r' || *copy_start == '\n'))
        copy_start++;
      entity_split (copy_start, (size_t) (end - copy_start), &returned);
      read_returned (a, returned.head, &r->message);
    }
  if (r->message.subject == NULL && parts.has_pasted)
    read_returned (a, parts.pasted.entity.head, &r->message);
  if (r->message.subject == NULL && text.p != NULL)
    r->message.subject = text_quoted_subject (a, text.p, text.n);

  r->recipients = arena_alloc (a, (b.count ? b.count : 1)
                                  * sizeof *r->recipients);
  if (r->recipients == NULL)
    return ENOMEM;
  preamble = preamble_of (region, &b);
  for (i = 0; i < b.count; i++)
    finish (a, &b.raw[i], region, preamble, &b, &r->recipients[i]);
  r->count = b.count;
  return a->failed ? ENOMEM : 0;
}

int
smtpreply_report_read (const char *msg, size_t len,
                       struct smtpreply_report **out)
{
  struct smtpreply_report *r;
  int rc;

  if (out == NULL || (msg == NULL && len > 0))
    return EINVAL;
  *out = NULL;
  r = calloc (1, sizeof *r);
  if (r == NULL)
    return ENOMEM;
  arena_init (&r->arena, SMTPREPLY_REPORT_MEMORY (len) - sizeof *r);
  r->format = "";
  rc = read_report (r, msg != NULL ? msg : "", len);
  if (rc != 0)
    {
      smtpreply_report_free (r);
      return rc;
    }
  *out = r;
  return 0;
}

void
smtpreply_report_free (struct smtpreply_report *report)
{
  if (report == NULL)
    return;
  arena_free (&report->arena);
  free (report);
}

/* Accessors ***********************************************************/

enum smtpreply_report_kind
smtpreply_report_kind (const struct smtpreply_report *report)
{
  return report != NULL ? report->kind : SMTPREPLY_REPORT_NONE;
}

const char *
smtpreply_report_format (const struct smtpreply_report *report)
{
  return report != NULL ? report->format : "";
}

const char *
smtpreply_report_reporting_mta (const struct smtpreply_report *report)
{
  return report != NULL ? report->reporting_mta : NULL;
}

const struct smtpreply_report_message *
smtpreply_report_message (const struct smtpreply_report *report)
{
  static const struct smtpreply_report_message none;

  return report != NULL ? &report->message : &none;
}

size_t
smtpreply_report_count (const struct smtpreply_report *report)
{
  return report != NULL ? report->count : 0;
}

const struct smtpreply_report_recipient *
smtpreply_report_recipient (const struct smtpreply_report *report, size_t i)
{
  return report != NULL && i < report->count ? &report->recipients[i] : NULL;
}

int
smtpreply_report_reply (const struct smtpreply_report_recipient *recipient,
                        struct smtpreply_reply *reply)
{
  if (recipient == NULL || reply == NULL)
    return EINVAL;
  if (!recipient->has_reply || recipient->diagnostic == NULL)
    return ENOENT;
  return smtpreply_parse (recipient->diagnostic, strlen (recipient->diagnostic),
                          SMTPREPLY_PARSE_END_OF_INPUT, reply)
         == SMTPREPLY_PARSE_OK ? 0 : ENOENT;
}

int
smtpreply_report_explain (const struct smtpreply_report_recipient *recipient,
                          const char *lang, struct smtpreply_explanation *out)
{
  struct smtpreply_reply reply;
  const struct smtpreply_enhanced *s;
  enum smtpreply_class outcome;

  if (recipient == NULL || out == NULL)
    return EINVAL;
  s = &recipient->status;
  outcome = recipient->action == SMTPREPLY_ACTION_DELAYED
            ? SMTPREPLY_CLASS_TRANSIENT
            : recipient->action == SMTPREPLY_ACTION_FAILED
            || recipient->action == SMTPREPLY_ACTION_UNKNOWN
            ? SMTPREPLY_CLASS_PERMANENT : SMTPREPLY_CLASS_SUCCESS;
  memset (out, 0, sizeof *out);
  out->outcome = outcome;
  out->reason = recipient->reason;
  out->show_server_text = 1;
  if (smtpreply_report_reply (recipient, &reply) == 0)
    {
      const char *msgid = smtpreply__context_msgid (reply.code,
                                                    (int) recipient->context);

      out->description = smtpreply__tr_lang (msgid != NULL ? msgid
                                             : smtpreply__describe_msgid
                                                 (reply.code), lang);
    }
  if (recipient->has_status)
    out->enhanced_description
      = smtpreply__tr_lang (smtpreply__enhanced_msgid (s->cls, s->subject,
                                                       s->detail), lang);
  if (out->description == NULL)
    out->description = out->enhanced_description != NULL
                       ? out->enhanced_description
                       : smtpreply__tr_lang (smtpreply__reason_title_msgid
                                             (recipient->reason), lang);
  out->headline = smtpreply__tr_lang (smtpreply__reason_title_msgid
                                      (recipient->reason), lang);
  out->advice = smtpreply__tr_lang (smtpreply__reason_advice_msgid
                                    (recipient->reason, outcome), lang);
  if (recipient->reason == SMTPREPLY_REASON_UNKNOWN
      || recipient->reason == SMTPREPLY_REASON_NONE)
    {
      /* The reason says nothing: the codes do. */
      out->headline = out->enhanced_description != NULL
                      && recipient->has_status && s->detail != 0
                      ? out->enhanced_description : out->description;
      if (recipient->has_status && outcome != SMTPREPLY_CLASS_SUCCESS)
        out->advice = smtpreply__tr_lang (smtpreply__enhanced_advice_msgid
                                          (outcome == SMTPREPLY_CLASS_TRANSIENT
                                           ? 4 : 5, s->subject, s->detail),
                                          lang);
    }
  return 0;
}

/* The sentence for each outcome, with and without the message's subject.
   Translators reorder the arguments with %1$s, %2$s, %3$s. */
static const char *
summary_msgid (enum smtpreply_action action, int with_subject)
{
  switch (action)
    {
    case SMTPREPLY_ACTION_DELAYED:
      return with_subject
             /* TRANSLATORS: a delivery report's summary for one recipient:
                the first %s is the subject of the message, the second the
                recipient's address, the third why (such as "The
                recipient's mailbox is full"), a title that starts with a
                capital letter: where your language does not capitalize
                after a colon, end the sentence and introduce it ("... is
                delayed. Reason: %3$s").  Reorder with %1$s, %2$s, %3$s if
                your language needs to. */
             ? N_("Your message “%s” to %s is delayed: %s")
             /* TRANSLATORS: a delivery report's summary for one recipient:
                the first %s is the recipient's address, the second why (a
                title, see above). */
             : N_("Your message to %s is delayed: %s");
    case SMTPREPLY_ACTION_EXPANDED:
      return with_subject
             /* TRANSLATORS: a delivery report's summary for one recipient:
                the address was a mailing list or an alias, and the message
                went on to its members.  The first %s is the subject, the
                second the address. */
             ? N_("Your message “%s” to %s was passed on to the members of that list or alias")
             /* TRANSLATORS: as above, without the subject; %s is the
                address. */
             : N_("Your message to %s was passed on to the members of that list or alias");
    case SMTPREPLY_ACTION_DELIVERED:
      return with_subject
             /* TRANSLATORS: a delivery report's summary for one recipient:
                the first %s is the subject of the message, the second the
                recipient's address.  Reorder with %1$s, %2$s if your
                language needs to. */
             ? N_("Your message “%s” to %s was delivered")
             /* TRANSLATORS: a delivery report's summary for one recipient:
                %s is the recipient's address. */
             : N_("Your message to %s was delivered");
    case SMTPREPLY_ACTION_RELAYED:
      return with_subject
             /* TRANSLATORS: a delivery report's summary for one recipient:
                the message went on to a system that sends no delivery
                reports, so no further news will come.  The first %s is the
                subject, the second the recipient's address. */
             ? N_("Your message “%s” to %s was passed on to a system that sends no further reports")
             /* TRANSLATORS: as above, without the subject; %s is the
                recipient's address. */
             : N_("Your message to %s was passed on to a system that sends no further reports");
    case SMTPREPLY_ACTION_FAILED:
    case SMTPREPLY_ACTION_UNKNOWN:
      break;
    }
  return with_subject
         /* TRANSLATORS: a delivery report's summary for one recipient: the
            first %s is the subject of the message, the second the
            recipient's address, the third why (such as "The recipient's
            address does not exist"), a title that starts with a capital
            letter: where your language does not capitalize after a colon,
            end the sentence and introduce it ("... was not delivered.
            Reason: %3$s").  Reorder with %1$s, %2$s, %3$s if your language
            needs to. */
         ? N_("Your message “%s” to %s was not delivered: %s")
         /* TRANSLATORS: a delivery report's summary for one recipient: the
            first %s is the recipient's address, the second why (a title,
            see above). */
         : N_("Your message to %s was not delivered: %s");
}

/* Writes FORMAT with its "%s" (in turn) or "%1$s" to "%3$s" replaced by
   A, B and C (NULL: nothing more), and "%%" by "%", into BUF as snprintf
   would; any other "%" is copied as it is.  Only this much of printf is
   needed, and a broken catalog cannot make it read what is not there. */
static int
fill (char *buf, size_t size, const char *format, const char *a,
      const char *b, const char *c)
{
  const char *args[3];
  size_t n = 0, next = 0;
  const char *p;

  args[0] = a;
  args[1] = b;
  args[2] = c;
  for (p = format; *p != '\0'; p++)
    {
      const char *piece = p;
      size_t len = 1, which = 3;

      if (p[0] == '%' && p[1] == 's')
        which = next++, p++;
      else if (p[0] == '%' && p[1] >= '1' && p[1] <= '3' && p[2] == '$'
               && p[3] == 's')
        which = (size_t) (p[1] - '1'), p += 3;
      else if (p[0] == '%' && p[1] == '%')
        p++;
      if (which < 3)
        {
          piece = args[which] != NULL ? args[which] : "";
          len = strlen (piece);
        }
      if (n < size)
        memcpy (buf + n, piece, n + len < size ? len : size - n);
      n += len;
      if (n > INT_MAX)
        return -1;
    }
  if (size > 0)
    buf[n < size ? n : size - 1] = '\0';
  return (int) n;
}

int
smtpreply_report_summary (const struct smtpreply_report *report, size_t i,
                          const char *lang, char *buf, size_t size)
{
  const struct smtpreply_report_recipient *rc
    = smtpreply_report_recipient (report, i);
  const char *subject, *format, *why;
  int with_subject;

  if (rc == NULL || (buf == NULL && size > 0))
    return -1;
  subject = report->message.subject;
  with_subject = subject != NULL && *subject != '\0';
  format = smtpreply__tr_lang (summary_msgid (rc->action, with_subject),
                               lang);
  why = smtpreply__tr_lang (smtpreply__reason_title_msgid (rc->reason), lang);
  return fill (buf, size, format, with_subject ? subject : rc->recipient,
               with_subject ? rc->recipient : why, with_subject ? why : NULL);
}
