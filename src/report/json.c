/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* json.c: Amazon SES notifications (bounce, complaint, delivery), which
   arrive as JSON, alone or inside an Amazon SNS notification's "Message"
   string (docs.aws.amazon.com, SES "Contents of notifications").
   The JSON is only walked, never built: each lookup scans the bytes of one
   object, nesting is counted without recursion, and every string read is
   unescaped into the arena. */

#include <config.h>

#include "report/report.h"

#include <string.h>

/* JSON ******************************************************************/

static const char *
skip_ws (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

/* The end of the string at P (at its opening quote), after its closing
   quote; END when it is not closed. */
static const char *
skip_string (const char *p, const char *end)
{
  for (p++; p < end; p++)
    if (*p == '\\')
      p++;
    else if (*p == '"')
      return p + 1;
  return end;
}

/* The end of the value at P: a string, an object or array (however deep),
   or a bare word (number, true, false, null). */
static const char *
skip_value (const char *p, const char *end)
{
  size_t depth = 0;

  if (p >= end)
    return end;
  if (*p == '"')
    return skip_string (p, end);
  if (*p != '{' && *p != '[')
    {
      while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' '
             && *p != '\r' && *p != '\n' && *p != '\t')
        p++;
      return p;
    }
  while (p < end)
    {
      if (*p == '"')
        {
          p = skip_string (p, end);
          continue;
        }
      if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && --depth == 0)
        return p + 1;
      p++;
    }
  return end;
}

/* The value of KEY among the members of the object at OBJ, or NULL. */
static const char *
member (const char *obj, const char *end, const char *key)
{
  size_t key_len = strlen (key);
  const char *p;

  if (obj == NULL || obj >= end || *obj != '{')
    return NULL;
  p = skip_ws (obj + 1, end);
  while (p < end && *p == '"')
    {
      const char *name = p + 1, *name_end = skip_string (p, end);

      p = skip_ws (name_end, end);
      if (p >= end || *p != ':')
        return NULL;
      p = skip_ws (p + 1, end);
      if ((size_t) (name_end - 1 - name) == key_len
          && memcmp (name, key, key_len) == 0)
        return p;
      p = skip_ws (skip_value (p, end), end);
      if (p >= end || *p != ',')
        return NULL;
      p = skip_ws (p + 1, end);
    }
  return NULL;
}

/* Appends the UTF-8 form of code point C to OUT. */
static size_t
put_utf8 (char *out, unsigned long c)
{
  if (c < 0x80)
    {
      out[0] = (char) c;
      return 1;
    }
  if (c < 0x800)
    {
      out[0] = (char) (0xC0 | (c >> 6));
      out[1] = (char) (0x80 | (c & 0x3F));
      return 2;
    }
  if (c < 0x10000)
    {
      out[0] = (char) (0xE0 | (c >> 12));
      out[1] = (char) (0x80 | ((c >> 6) & 0x3F));
      out[2] = (char) (0x80 | (c & 0x3F));
      return 3;
    }
  out[0] = (char) (0xF0 | (c >> 18));
  out[1] = (char) (0x80 | ((c >> 12) & 0x3F));
  out[2] = (char) (0x80 | ((c >> 6) & 0x3F));
  out[3] = (char) (0x80 | (c & 0x3F));
  return 4;
}

static int
hex4 (const char *p, const char *end, unsigned long *c)
{
  int i;

  *c = 0;
  if (end - p < 4)
    return 0;
  for (i = 0; i < 4; i++)
    {
      int d = p[i] >= '0' && p[i] <= '9' ? p[i] - '0'
              : p[i] >= 'a' && p[i] <= 'f' ? p[i] - 'a' + 10
              : p[i] >= 'A' && p[i] <= 'F' ? p[i] - 'A' + 10 : -1;

      if (d < 0)
        return 0;
      *c = *c * 16 + (unsigned long) d;
    }
  return 1;
}

/* The string at P unescaped into the arena (NUL-terminated; "\u0000" and
   lone surrogates become U+FFFD, a bad "\u" a "?"), its length in *LEN;
   NULL when P is not a string or on ENOMEM. */
static char *
string_value (struct arena *a, const char *p, const char *end, size_t *len)
{
  const char *stop;
  char *out;
  size_t n = 0;

  if (p == NULL || p >= end || *p != '"')
    return NULL;
  stop = skip_string (p, end);
  /* No escape grows: "\uXXXX" (6 bytes) gives at most 3, a pair 4. */
  out = arena_alloc (a, (size_t) (stop - p) + 1);
  if (out == NULL)
    return NULL;
  for (p++; p < stop && *p != '"'; p++)
    {
      unsigned long c, low;

      if (*p != '\\')
        {
          out[n++] = *p;
          continue;
        }
      if (++p >= stop)
        break;
      switch (*p)
        {
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'u':
          if (!hex4 (p + 1, stop, &c))
            {
              out[n++] = '?';
              break;
            }
          p += 4;
          if (c >= 0xD800 && c <= 0xDBFF && stop - p > 6 && p[1] == '\\'
              && p[2] == 'u' && hex4 (p + 3, stop, &low) && low >= 0xDC00
              && low <= 0xDFFF)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          else if ((c >= 0xD800 && c <= 0xDFFF) || c == 0)
            c = 0xFFFD;
          n += put_utf8 (out + n, c);
          break;
        default:                /* '"', '\\', '/' and anything else */
          out[n++] = *p;
          break;
        }
    }
  out[n] = '\0';
  *len = n;
  return out;
}

static char *
string_member (struct arena *a, const char *obj, const char *end,
               const char *key)
{
  size_t n;

  return string_value (a, member (obj, end, key), end, &n);
}

/* The first string of the array at P, or NULL. */
static char *
first_string (struct arena *a, const char *p, const char *end)
{
  size_t n;

  if (p == NULL || p >= end || *p != '[')
    return NULL;
  return string_value (a, skip_ws (p + 1, end), end, &n);
}

/* Amazon SES ***********************************************************/

/* "smtp; 550 5.1.1 user unknown": the type and the text after it. */
static void
typed (char *value, struct raw_recipient *r)
{
  char *semi = value != NULL ? strchr (value, ';') : NULL;

  r->diagnostic = value;
  if (semi == NULL || semi - value > 16)
    return;
  *semi = '\0';
  r->diagnostic_type = value;
  value = semi + 1;
  while (*value == ' ')
    value++;
  r->diagnostic = value;
}

int
json_read (struct report_builder *b, const char *text, size_t len,
           const char **reporting_mta, struct smtpreply_report_message *m,
           enum smtpreply_report_kind *kind)
{
  struct arena *a = builder_arena (b);
  const char *end = text + len, *root = skip_ws (text, end), *v;
  const char *event, *list, *p, *common;
  char *inner, *type;
  size_t n;
  int added = 0, bounce;

  /* An SNS notification carries SES's JSON as its "Message" string. */
  v = member (root, end, "Message");
  if (v != NULL && (inner = string_value (a, v, end, &n)) != NULL
      && *skip_ws (inner, inner + n) == '{')
    {
      root = skip_ws (inner, inner + n);
      end = inner + n;
    }
  type = string_member (a, root, end, "notificationType");
  if (type == NULL)
    type = string_member (a, root, end, "eventType");
  if (type == NULL)
    return a->failed ? -1 : 0;
  bounce = strcmp (type, "Bounce") == 0;
  if (strcmp (type, "Complaint") == 0)
    {
      *kind = SMTPREPLY_REPORT_FEEDBACK;
      return 0;
    }
  if (!bounce && strcmp (type, "Delivery") != 0
      && strcmp (type, "DeliveryDelay") != 0)
    return 0;

  event = member (root, end, bounce ? "bounce"
                             : type[8] == 'D' ? "deliveryDelay" : "delivery");
  list = member (event, end, bounce ? "bouncedRecipients"
                             : type[8] == 'D' ? "delayedRecipients"
                             : "recipients");
  if (event == NULL || list == NULL || *list != '[')
    return a->failed ? -1 : 0;
  *kind = SMTPREPLY_REPORT_DSN;
  if ((v = string_member (a, event, end, "reportingMTA")) != NULL)
    {
      char *semi = strchr (v, ';');

      *reporting_mta = semi != NULL ? semi + 1 + strspn (semi + 1, " ") : v;
    }

  for (p = skip_ws (list + 1, end); p < end && *p != ']';)
    {
      struct raw_recipient r;
      const char *next = skip_value (p, end);

      memset (&r, 0, sizeof r);
      if (*p == '{')
        {
          /* Bounces: objects with emailAddress, action, status,
             diagnosticCode. */
          r.recipient = string_member (a, p, end, "emailAddress");
          r.action = string_member (a, p, end, "action");
          r.status = string_member (a, p, end, "status");
          typed (string_member (a, p, end, "diagnosticCode"), &r);
        }
      else if (*p == '"')
        {
          /* Deliveries: the addresses, with one smtpResponse for all. */
          r.recipient = string_value (a, p, end, &n);
          r.action = type[8] == 'D' ? "delayed" : "delivered";
          r.diagnostic = string_member (a, event, end, "smtpResponse");
          r.diagnostic_type = "smtp";
        }
      if (r.recipient != NULL)
        {
          if (r.action == NULL && bounce)
            r.action = "failed";
          if (builder_add (b, &r) != 0)
            return -1;
          added++;
        }
      p = skip_ws (next, end);
      if (p < end && *p == ',')
        p = skip_ws (p + 1, end);
      else
        break;
    }

  /* The message: mail.commonHeaders. */
  common = member (member (root, end, "mail"), end, "commonHeaders");
  if (common != NULL)
    {
      m->subject = string_member (a, common, end, "subject");
      m->message_id = string_member (a, common, end, "messageId");
      m->date = string_member (a, common, end, "date");
      m->from = first_string (a, member (common, end, "from"), end);
      m->to = first_string (a, member (common, end, "to"), end);
    }
  return a->failed ? -1 : added;
}
