/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* text.c: delivery reports written as text.  The words it looks for are
   in formats.def; here is only how they are used: recipients are named by
   a line that starts with an address (or after a recipient marker), and
   the remote server's reply follows a reply marker or starts a line. */

#include <config.h>

#include "report/report.h"
#include "enhanced.h"

#include <string.h>

/* The tables of formats.def *****************************************/

static const struct
{
  const char *name, *words;
} format_markers[] = {
#define FORMAT_MARKER(name, words, software) { (name), (words) },
#include "report/formats.def"
};

static const char *const copy_markers[] = {
#define COPY_MARKER(words, software) (words),
#include "report/formats.def"
};

static const char *const recipient_markers[] = {
#define RECIPIENT_MARKER(words, software) (words),
#include "report/formats.def"
};

static const char *const reply_markers[] = {
#define REPLY_MARKER(words, software) (words),
#include "report/formats.def"
};

static const struct
{
  const char *words;
  enum smtpreply_context ctx;
} context_phrases[] = {
#define CONTEXT_PHRASE(words, ctx, software) { (words), SMTPREPLY_CTX_##ctx },
#include "report/formats.def"
};

static const struct
{
  const char *words;
  enum smtpreply_context ctx;
} line_contexts[] = {
#define LINE_CONTEXT(words, ctx, software) { (words), SMTPREPLY_CTX_##ctx },
#include "report/formats.def"
};

static const char *const delay_phrases[] = {
#define DELAY_PHRASE(words, software) (words),
#include "report/formats.def"
};

static const char *const report_subjects[] = {
#define REPORT_SUBJECT(words, software) (words),
#include "report/formats.def"
};

#define N_ELEMENTS(a) (sizeof (a) / sizeof (a)[0])

/* Looking *************************************************************/

const char *
text_format (const char *text, size_t len)
{
  size_t i;

  for (i = 0; i < N_ELEMENTS (format_markers); i++)
    if (find_words (text, len, format_markers[i].words) != (size_t) -1)
      return format_markers[i].name;
  return NULL;
}

static size_t
skip_blanks (struct span line, size_t i)
{
  while (i < line.n && (line.p[i] == ' ' || line.p[i] == '\t'))
    i++;
  return i;
}

const char *
text_returned_copy (const char *text, size_t len)
{
  const char *p = text, *end = text + len;
  struct span line;
  size_t i;

  while (next_line (&p, end, &line))
    {
      size_t k = skip_blanks (line, 0);

      for (i = 0; i < N_ELEMENTS (copy_markers); i++)
        if (starts_with_ci (line.p + k, line.n - k, copy_markers[i]))
          {
            /* A header marker is itself the copy's first line. */
            if (strchr (copy_markers[i], ':') != NULL
                && copy_markers[i][strlen (copy_markers[i]) - 1] != ':')
              return line.p;
            return p;
          }
    }
  return NULL;
}

int
text_report_subject (const char *subject)
{
  size_t i, n;

  if (subject == NULL)
    return 0;
  n = strlen (subject);
  for (i = 0; i < N_ELEMENTS (report_subjects); i++)
    if (starts_with_ci (subject, n, report_subjects[i]))
      return 1;
  return 0;
}

enum smtpreply_context
text_context (const char *text, size_t len, size_t pos)
{
  size_t i, before = 0, after = (size_t) -1;
  enum smtpreply_context ctx_before = SMTPREPLY_CTX_UNKNOWN;
  enum smtpreply_context ctx_after = SMTPREPLY_CTX_UNKNOWN;

  /* A transcript names each command before its reply: the last phrase
     before POS (where the reply is) names the command it answered.
     Postfix names it after the reply: then the first phrase after POS.
     Where two phrases start at the same place, the first listed ("after
     pipelined DATA") wins over a later one. */
  for (i = 0; i < N_ELEMENTS (context_phrases); i++)
    {
      const char *p = text, *words = context_phrases[i].words;
      size_t first = strcspn (words, " "), at, j;
      char head[32];

      /* The phrases are searched by their first word, once for all the
         phrases that share it ("in reply to ...", "after ..."): only the
         first of them does the search. */
      for (j = 0; j < i; j++)
        if (strncmp (context_phrases[j].words, words, first) == 0
            && (context_phrases[j].words[first] == ' '
                || context_phrases[j].words[first] == '\0'))
          break;
      if (j < i || first >= sizeof head)
        continue;
      memcpy (head, words, first);
      head[first] = '\0';
      while (p < text + len
             && (at = find_words (p, (size_t) (text + len - p), head))
                != (size_t) -1)
        {
          size_t where = (size_t) (p - text) + at;

          /* The first listed phrase with that word that matches here. */
          for (j = i; j < N_ELEMENTS (context_phrases); j++)
            if (strncmp (context_phrases[j].words, words, first) == 0
                && (context_phrases[j].words[first] == ' '
                    || context_phrases[j].words[first] == '\0')
                && words_at (text + where, len - where,
                             context_phrases[j].words) > 0)
              break;
          if (j < N_ELEMENTS (context_phrases))
            {
              if (where < pos
                  && (ctx_before == SMTPREPLY_CTX_UNKNOWN || where > before))
                {
                  before = where;
                  ctx_before = context_phrases[j].ctx;
                }
              if (where >= pos && where < after)
                {
                  after = where;
                  ctx_after = context_phrases[j].ctx;
                }
            }
          p += at + 1;
        }
    }
  if (ctx_before != SMTPREPLY_CTX_UNKNOWN)
    return ctx_before;
  if (ctx_after != SMTPREPLY_CTX_UNKNOWN)
    return ctx_after;
  /* A command alone on a line after the reply (m-FILTER). */
  {
    const char *p = text + (pos < len ? pos : len), *end = text + len;
    struct span line;

    while (next_line (&p, end, &line))
      for (i = 0; i < N_ELEMENTS (line_contexts); i++)
        {
          size_t k = skip_blanks (line, 0), w = strlen (line_contexts[i].words);

          if (line.n - k == w && starts_with_ci (line.p + k, line.n - k,
                                                 line_contexts[i].words))
            return line_contexts[i].ctx;
        }
  }
  return SMTPREPLY_CTX_UNKNOWN;
}

int
text_delayed (const char *text, size_t len)
{
  size_t i;

  for (i = 0; i < N_ELEMENTS (delay_phrases); i++)
    if (find_words (text, len, delay_phrases[i]) != (size_t) -1)
      return 1;
  return 0;
}

/* Addresses ***********************************************************/

static int
is_address_byte (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (c >= '0' && c <= '9') || c >= 0x80
         || strchr ("._%+-=/!#$&'*?^`{|}~", c) != NULL;
}

/* The address at S (N bytes; after an optional "<" or "mailto:"): its
   length, or 0 when S does not start with one (a local part, "@", a
   domain). */
static size_t
address_at (const char *s, size_t n, size_t *start)
{
  size_t i = 0, at = 0, end;

  if (i < n && (s[i] == '<' || s[i] == '"'))
    i++;
  if (starts_with_ci (s + i, n - i, "mailto:"))
    i += 7;
  *start = i;
  for (end = i; end < n && (is_address_byte ((unsigned char) s[end])
                            || s[end] == '@'); end++)
    if (s[end] == '@')
      {
        if (at != 0)
          return 0;
        at = end;
      }
  /* A domain does not end with a dot (the end of a sentence). */
  while (end > at + 1 && s[end - 1] == '.')
    end--;
  if (at == 0 || at == i || end <= at + 1)
    return 0;
  return end - i;
}

/* The recipient a line names, or 0: an address at its start, or after a
   recipient marker.  Lines quoted with ">" name none. */
static size_t
line_recipient (struct span line, const char **addr)
{
  size_t k = skip_blanks (line, 0), start, n, i;

  if (k < line.n && line.p[k] == '>')
    return 0;
  n = address_at (line.p + k, line.n - k, &start);
  if (n > 0)
    {
      *addr = line.p + k + start;
      return n;
    }
  for (i = 0; i < N_ELEMENTS (recipient_markers); i++)
    {
      size_t at = find_ascii_ci (line.p, line.n, recipient_markers[i]);

      if (at == (size_t) -1)
        continue;
      at += strlen (recipient_markers[i]);
      /* The "<mailto:" marker is part of the address's form. */
      if (recipient_markers[i][0] == '<')
        at -= strlen (recipient_markers[i]);
      while (at < line.n && (line.p[at] == ' ' || line.p[at] == '\t'))
        at++;
      n = address_at (line.p + at, line.n - at, &start);
      if (n > 0)
        {
          *addr = line.p + at + start;
          return n;
        }
    }
  return 0;
}

/* Whether the recipient marker of LINE leaves the address to the next
   line ("Delivery to the following recipient failed permanently:"). */
static int
marker_alone (struct span line)
{
  size_t i;

  for (i = 0; i < N_ELEMENTS (recipient_markers); i++)
    {
      size_t at = find_ascii_ci (line.p, line.n, recipient_markers[i]);

      if (at != (size_t) -1
          && skip_blanks (line, at + strlen (recipient_markers[i])) == line.n)
        return 1;
    }
  return 0;
}

/* Replies *************************************************************/

/* Whether S (N bytes) starts with a reply code: three digits, the first
   2-5, then a space, "-", ":", ",", the end of the line or the end. */
static int
starts_with_code (const char *s, size_t n)
{
  return n >= 3 && s[0] >= '2' && s[0] <= '5' && s[1] >= '0' && s[1] <= '9'
         && s[2] >= '0' && s[2] <= '9'
         && (n == 3 || s[3] == ' ' || s[3] == '-' || s[3] == ':'
             || s[3] == ',' || s[3] == '\r' || s[3] == '\n');
}

/* Where the reply starts in BLOCK: after the first reply marker that a
   code follows, else at the first line that starts with a code. */
static const char *
find_reply (struct span block)
{
  const char *p = block.p, *end = block.p + block.n;
  struct span line;
  size_t i;

  for (i = 0; i < N_ELEMENTS (reply_markers); i++)
    {
      const char *s = block.p;
      size_t left = block.n, at;

      while ((at = find_ascii_ci (s, left, reply_markers[i])) != (size_t) -1)
        {
          const char *r = s + at + strlen (reply_markers[i]);

          while (r < end && (*r == ' ' || *r == '\t' || *r == '\r'
                             || *r == '\n' || *r == '\''))
            r++;
          if (starts_with_code (r, (size_t) (end - r)))
            return r;
          s += at + 1;
          left = (size_t) (end - s);
        }
    }
  while (next_line (&p, end, &line))
    {
      size_t k = skip_blanks (line, 0);

      if (starts_with_code (line.p + k, line.n - k))
        return line.p + k;
    }
  return NULL;
}

/* Takes off the end of a reply what the report wrote around it: a closing
   quote or parenthesis, "(in reply to ... command)". */
static size_t
trim_reply (const char *r, size_t n, int opened_paren)
{
  size_t at;

  while (n > 0 && (r[n - 1] == ' ' || r[n - 1] == '\t'))
    n--;
  at = find_ascii_ci (r, n, "(in reply to ");
  if (at != (size_t) -1)
    n = at;
  while (n > 0 && (r[n - 1] == ' ' || r[n - 1] == '\t'))
    n--;
  if (n > 0 && (r[n - 1] == '\'' || (opened_paren && r[n - 1] == ')')))
    n--;
  return n;
}

/* The reply at R (in BLOCK): its first line, and the lines that continue
   it, joined into one line in the arena; "554:" becomes "554 ".  A line
   continues the reply if it starts with the same code, or if it is
   indented at least as deep as the reply's first line (and deeper than
   the margin) and does not start another recipient's entry.  "(in reply
   to ... command)", which Postfix adds, ends it. */
static char *
read_reply (struct arena *a, struct span block, const char *r)
{
  const char *end = block.p + block.n, *p = r, *line_start;
  size_t indent, cap = (size_t) (end - r) + 1, n = 0;
  int paren = r - block.p >= 9 && r[-1] == ' '
              && starts_with_ci (r - 9, 9, "(reason: ");
  char *out = arena_alloc (a, cap + 1);
  struct span line;

  if (out == NULL)
    return NULL;
  /* The indentation of the reply's first line. */
  for (line_start = r; line_start > block.p && line_start[-1] != '\n';
       line_start--)
    ;
  for (indent = 0; line_start + indent < r
                   && (line_start[indent] == ' ' || line_start[indent] == '\t');
       indent++)
    ;
  next_line (&p, end, &line);
  line.n -= (size_t) (r - line.p);
  line.p = r;
  for (;;)
    {
      size_t len = trim_reply (line.p, line.n, paren), k;
      const char *dummy;

      if (n > 0)
        out[n++] = ' ';
      memcpy (out + n, line.p, len);
      n += len;
      if (len < line.n && find_ascii_ci (line.p, line.n, "(in reply to ")
                          != (size_t) -1)
        break;
      if (!next_line (&p, end, &line))
        break;
      k = skip_blanks (line, 0);
      if (k == line.n)
        break;
      if (starts_with_code (line.p + k, line.n - k))
        {
          if (memcmp (line.p + k, r, 3) != 0)
            break;
        }
      else if (k == 0 || k < indent
               || (n > 4 && line_recipient (line, &dummy) > 0))
        break;
      line.p += k;
      line.n -= k;
    }
  out[n] = '\0';
  if (n > 3 && (out[3] == ':' || out[3] == ','))
    out[3] = ' ';
  return out;
}

char *
text_reply (struct arena *a, struct span block)
{
  const char *r = find_reply (block);

  return r != NULL ? read_reply (a, block, r) : NULL;
}

char *
rebuild_reply (struct arena *a, const char *diagnostic, size_t *len)
{
  size_t n = strlen (diagnostic), i, o = 0;
  char *out = arena_alloc (a, n * 2 + 3);

  if (out == NULL)
    return NULL;
  size_t line = 0;

  for (i = 0; i < n; i++)
    {
      /* " 550-" or " 550 " with the reply's code starts a new line; the
         line before it then continues the reply ("550 550 5.1.1 ..."). */
      if (i > 0 && diagnostic[i] == ' ' && i + 4 < n
          && memcmp (diagnostic + i + 1, diagnostic, 3) == 0
          && (diagnostic[i + 4] == '-' || diagnostic[i + 4] == ' ')
          && starts_with_code (diagnostic, n))
        {
          /* "550 550 5.1.1 ...": a line of the code alone says nothing. */
          if (o - line == 3)
            {
              o = line;
              continue;
            }
          out[line + 3] = '-';
          out[o++] = '\r';
          out[o++] = '\n';
          line = o;
          continue;
        }
      out[o++] = diagnostic[i];
    }
  if (o > 3 && (out[3] == ':' || out[3] == ','))
    out[3] = ' ';
  out[o] = '\0';
  *len = o;
  return out;
}

/* Reading the recipients ***********************************************/

/* At most this many recipients are read from a text report. */
#define MAX_TEXT_RECIPIENTS 4096

struct named
{
  const char *addr;
  size_t n;
  const char *start;            /* where its block starts */
};

/* Whether X and Y (N bytes each) are equal but for ASCII case. */
static int
equal_ci (const char *x, const char *y, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    {
      int cx = (unsigned char) x[i], cy = (unsigned char) y[i];

      if (cx >= 'A' && cx <= 'Z')
        cx += 'a' - 'A';
      if (cy >= 'A' && cy <= 'Z')
        cy += 'a' - 'A';
      if (cx != cy)
        return 0;
    }
  return 1;
}

static int
already_named (const struct named *names, size_t count, const char *addr,
               size_t n)
{
  size_t i;

  for (i = 0; i < count; i++)
    if (names[i].n == n && equal_ci (names[i].addr, addr, n))
      return 1;
  return 0;
}

/* The address of FAILED (X-Failed-Recipients: "a@b, c@d") whose local
   part is the first word of LINE alone (Exim writes "  kijitora" when the
   address had no domain), or 0. */
static size_t
failed_by_local_part (struct span line, const char *failed,
                      const char **addr)
{
  size_t k = skip_blanks (line, 0), w = k;

  if (failed == NULL)
    return 0;
  while (w < line.n && is_address_byte ((unsigned char) line.p[w]))
    w++;
  if (w == k || skip_blanks (line, w) != line.n)
    return 0;
  while (*failed != '\0')
    {
      size_t n, start;

      while (*failed == ',' || *failed == ' ' || *failed == '\t')
        failed++;
      n = address_at (failed, strlen (failed), &start);
      if (n == 0)
        break;
      failed += start;
      if (w - k < n && failed[w - k] == '@'
          && equal_ci (failed, line.p + k, w - k))
        {
          *addr = failed;
          return n;
        }
      failed += n;
    }
  return 0;
}

/* The recipient of an old Sendmail report that has only its transcript:
   the first line "554 <address>... 550 Host unknown". */
static struct named *
transcript_recipient (struct arena *a, const char *text, size_t len,
                      size_t *count)
{
  const char *p = text, *end = text + len;
  struct span line;

  while (next_line (&p, end, &line))
    {
      size_t k = skip_blanks (line, 0), start, n;
      struct named *one;

      if (!starts_with_code (line.p + k, line.n - k) || line.n - k < 6
          || line.p[k + 3] != ' ' || line.p[k + 4] != '<')
        continue;
      n = address_at (line.p + k + 4, line.n - k - 4, &start);
      if (n == 0 || start != 1)
        continue;
      if (line.n - k - 4 < start + n + 4
          || memcmp (line.p + k + 4 + start + n, ">...", 4) != 0)
        continue;
      one = arena_alloc (a, sizeof *one);
      if (one == NULL)
        return NULL;
      one->addr = line.p + k + 4 + start;
      one->n = n;
      one->start = line.p;
      *count = 1;
      return one;
    }
  return NULL;
}

/* The recipients the lines of TEXT name, in order, each once. */
static struct named *
find_recipients (struct arena *a, const char *text, size_t len,
                 const char *failed, size_t *count)
{
  const char *p = text, *end = text + len;
  size_t cap = 0;
  struct named *names = NULL;
  struct span line;
  int after_marker = 0;

  *count = 0;
  while (next_line (&p, end, &line) && *count < MAX_TEXT_RECIPIENTS)
    {
      const char *addr = NULL;
      size_t n = line_recipient (line, &addr);

      if (n == 0)
        n = failed_by_local_part (line, failed, &addr);
      if (n == 0)
        {
          /* A marker alone on its line names the address on the next
             non-empty one (which starts with it, so the test above finds
             it); until then, nothing to do. */
          if (marker_alone (line))
            after_marker = 1;
          else if (skip_blanks (line, 0) < line.n)
            after_marker = 0;
          continue;
        }
      (void) after_marker;
      if (already_named (names, *count, addr, n))
        continue;
      if (*count == cap)
        {
          size_t new_cap = cap ? cap * 2 : 8;
          struct named *grown = arena_alloc (a, new_cap * sizeof *grown);

          if (grown == NULL)
            return NULL;
          if (names != NULL)
            memcpy (grown, names, *count * sizeof *grown);
          names = grown;
          cap = new_cap;
        }
      names[*count].addr = addr;
      names[*count].n = n;
      names[*count].start = line.p;
      (*count)++;
    }
  if (*count == 0 && !a->failed)
    return transcript_recipient (a, text, len, count);
  return names;
}

int
text_read (struct report_builder *b, const char *text, size_t len,
           const char *failed)
{
  struct arena *a = builder_arena (b);
  size_t count, i;
  struct named *names = find_recipients (a, text, len, failed, &count);
  int delayed = text_delayed (text, len);

  if (names == NULL)
    return a->failed ? -1 : 0;
  for (i = 0; i < count; i++)
    {
      struct raw_recipient r;
      const char *block_end = i + 1 < count ? names[i + 1].start : text + len;
      const char *reply;

      memset (&r, 0, sizeof r);
      r.recipient = arena_strndup (a, names[i].addr, names[i].n);
      r.block.p = names[i].start;
      r.block.n = (size_t) (block_end - names[i].start);
      reply = find_reply (r.block);
      if (reply == NULL && count == 1)
        {
          /* The only recipient: the reply may come before its address
             (Verizon: "Error message below:" / "550 - ...", then "RCPT
             TO: <address>"). */
          struct span all = { text, len };

          reply = find_reply (all);
          if (reply != NULL)
            r.block = all;
        }
      r.context = text_context (r.block.p, r.block.n,
                                reply != NULL ? (size_t) (reply - r.block.p)
                                              : r.block.n);
      if (reply != NULL)
        {
          r.diagnostic = read_reply (a, r.block, reply);
          r.diagnostic_type = "smtp";
        }
      r.delayed = delayed;
      if (r.recipient == NULL || builder_add (b, &r) != 0)
        return -1;
    }
  return (int) count;
}

int
text_status (const char *text, size_t len, struct smtpreply_enhanced *e)
{
  const char *p = text, *end = text + len;
  struct span line;

  while (next_line (&p, end, &line))
    {
      size_t k = skip_blanks (line, 0), n, i;

      /* "5.1.1 <address>... User Unknown" */
      n = smtpreply__scan_enhanced (line.p + k, line.n - k, e);
      if (n > 0 && (k + n == line.n || line.p[k + n] == ' '))
        return 1;
      /* qmail: "(#4.4.1)" */
      for (i = k; i + 1 < line.n; i++)
        if (line.p[i] == '#' && (i == 0 || line.p[i - 1] == ' '
                                 || line.p[i - 1] == '('))
          {
            n = smtpreply__scan_enhanced (line.p + i + 1, line.n - i - 1, e);
            if (n > 0 && (i + 1 + n == line.n || line.p[i + 1 + n] == ')'
                          || line.p[i + 1 + n] == ' '))
              return 1;
          }
    }
  return 0;
}

char *
text_quoted_subject (struct arena *a, const char *text, size_t len)
{
  static const char *const labels[] = {
    "The subject of the message is:",   /* Exim */
    "Subject:"
  };
  const char *p = text, *end = text + len;
  struct span line;

  while (next_line (&p, end, &line))
    {
      size_t k = skip_blanks (line, 0), i;

      for (i = 0; i < N_ELEMENTS (labels); i++)
        {
          size_t n = strlen (labels[i]);

          if (starts_with_ci (line.p + k, line.n - k, labels[i]))
            {
              struct span v = line;

              v.p += k + n;
              v.n -= k + n;
              k = skip_blanks (v, 0);
              v.p += k;
              v.n -= k;
              while (v.n > 0 && (v.p[v.n - 1] == ' ' || v.p[v.n - 1] == '\t'))
                v.n--;
              return v.n > 0 ? decode_header_text (a, v.p, v.n) : NULL;
            }
        }
    }
  return NULL;
}

/* Whether LINE starts with a field of a standard report's recipient. */
static int
recipient_field (struct span line)
{
  static const char *const names[] = {
    "Final-Recipient:", "Original-Recipient:", "Action:", "Status:",
    "Remote-MTA:", "Diagnostic-Code:", "Last-Attempt-Date:",
    "Will-Retry-Until:", "Final-Log-ID:", "X-"
  };
  size_t i;

  for (i = 0; i < N_ELEMENTS (names); i++)
    if (starts_with_ci (line.p, line.n, names[i]))
      return 1;
  return 0;
}

struct span
text_dsn_fields (const char *text, size_t len)
{
  static const char *const message_fields[] = {
    "Reporting-MTA:", "Original-Envelope-Id:", "Received-From-MTA:",
    "Arrival-Date:"
  };
  struct span found = { NULL, 0 }, line;
  const char *p = text, *end = text + len, *group = NULL;
  int blank_before = 1;

  /* The start: the first group of fields (after a blank line) that has a
     Final-Recipient, from its first per-message field if it has one. */
  while (next_line (&p, end, &line))
    {
      if (skip_blanks (line, 0) == line.n)
        {
          blank_before = 1;
          group = NULL;
          continue;
        }
      if (blank_before)
        {
          size_t i;

          group = NULL;
          for (i = 0; i < N_ELEMENTS (message_fields); i++)
            if (starts_with_ci (line.p, line.n, message_fields[i]))
              group = line.p;
          if (group == NULL && recipient_field (line))
            group = line.p;
        }
      blank_before = 0;
      if (group != NULL && starts_with_ci (line.p, line.n, "Final-Recipient:"))
        {
          found.p = group;
          break;
        }
    }
  if (found.p == NULL)
    return found;
  /* The end: the first group after it that does not start with a
     recipient's field (the returned message). */
  p = found.p;
  blank_before = 0;
  found.n = (size_t) (end - found.p);
  while (next_line (&p, end, &line))
    {
      if (skip_blanks (line, 0) == line.n)
        {
          blank_before = 1;
          continue;
        }
      if (blank_before && !recipient_field (line)
          && !starts_with_ci (line.p, line.n, "Reporting-MTA:"))
        {
          found.n = (size_t) (line.p - found.p);
          break;
        }
      blank_before = 0;
    }
  return found;
}
