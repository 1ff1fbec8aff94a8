/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* mime.c: the parts of a message (RFC 2045, RFC 2046): headers, MIME
   boundaries at any depth, base64 and quoted-printable, charsets, RFC 2047
   encoded words.  Everything it keeps goes into the report's arena. */

#include <config.h>

#include "report/report.h"

#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The arena ***********************************************************/

struct arena_block
{
  struct arena_block *next;
  size_t size, used;
  max_align_t data[];
};

#define ARENA_BLOCK 16384

void
arena_init (struct arena *a, size_t limit)
{
  a->head = NULL;
  a->used = 0;
  a->limit = limit;
  a->failed = 0;
}

void
arena_free (struct arena *a)
{
  struct arena_block *b = a->head;

  while (b != NULL)
    {
      struct arena_block *next = b->next;

      free (b);
      b = next;
    }
  a->head = NULL;
  a->used = 0;
}

void *
arena_alloc (struct arena *a, size_t n)
{
  struct arena_block *b = a->head;
  size_t align = sizeof (max_align_t);
  char *p;

  n = (n + align - 1) / align * align;
  if (n == 0)
    n = align;
  if (b == NULL || b->size - b->used < n)
    {
      size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;

      if (a->failed || size > a->limit - a->used
          || (b = malloc (sizeof *b + size)) == NULL)
        {
          a->failed = 1;
          return NULL;
        }
      a->used += size;
      b->size = size;
      b->used = 0;
      b->next = a->head;
      a->head = b;
    }
  p = (char *) b->data + b->used;
  b->used += n;
  return p;
}

char *
arena_strndup (struct arena *a, const char *s, size_t n)
{
  char *p = arena_alloc (a, n + 1);

  if (p != NULL)
    {
      memcpy (p, s, n);
      p[n] = '\0';
    }
  return p;
}

/* Text ******************************************************************/

static int is_space (int c);

int
next_line (const char **p, const char *end, struct span *line)
{
  const char *lf;

  if (*p >= end)
    return 0;
  lf = memchr (*p, '\n', (size_t) (end - *p));
  line->p = *p;
  line->n = (size_t) ((lf != NULL ? lf : end) - *p);
  if (line->n > 0 && line->p[line->n - 1] == '\r')
    line->n--;
  *p = lf != NULL ? lf + 1 : end;
  return 1;
}

static int
lower (int c)
{
  return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

int
starts_with_ci (const char *s, size_t n, const char *prefix)
{
  size_t i;

  for (i = 0; prefix[i] != '\0'; i++)
    if (i >= n || lower ((unsigned char) s[i]) != lower ((unsigned char) prefix[i]))
      return 0;
  return 1;
}

static int is_space (int c);

/* The candidates for a match of a needle starting with the letter C in
   either case: the next place in HAY[0, N) holding it, found with memchr
   for each case (the searches below run over whole reports for dozens of
   markers: a byte-by-byte loop made them most of the time of reading). */
struct candidates
{
  const char *hay, *end, *lo, *up;
  int c_lo, c_up;
};

static void
candidates_start (struct candidates *k, const char *hay, size_t n, int c)
{
  k->hay = hay;
  k->end = hay + n;
  k->c_lo = lower (c);
  k->c_up = k->c_lo >= 'a' && k->c_lo <= 'z' ? k->c_lo - 'a' + 'A' : k->c_lo;
  k->lo = memchr (hay, k->c_lo, n);
  k->up = k->c_up != k->c_lo ? memchr (hay, k->c_up, n) : NULL;
}

/* The next candidate, or NULL. */
static const char *
candidates_next (struct candidates *k)
{
  const char *c;

  if (k->lo == NULL && k->up == NULL)
    return NULL;
  if (k->up == NULL || (k->lo != NULL && k->lo < k->up))
    {
      c = k->lo;
      k->lo = memchr (c + 1, k->c_lo, (size_t) (k->end - (c + 1)));
    }
  else
    {
      c = k->up;
      k->up = memchr (c + 1, k->c_up, (size_t) (k->end - (c + 1)));
    }
  return c;
}

size_t
words_at (const char *hay, size_t n, const char *needle)
{
  size_t h = 0, m = 0;

  while (needle[m] != '\0' && h < n)
    {
      if (needle[m] == ' ')
        {
          /* A space stands for any run of white space and line ends. */
          if (!is_space ((unsigned char) hay[h]))
            return 0;
          while (h < n && is_space ((unsigned char) hay[h]))
            h++;
          m++;
        }
      else if (lower ((unsigned char) hay[h]) == lower ((unsigned char) needle[m]))
        h++, m++;
      else
        return 0;
    }
  return needle[m] == '\0' ? h : 0;
}

size_t
find_words (const char *hay, size_t n, const char *needle)
{
  struct candidates k;
  const char *c;

  if (needle[0] == '\0' || n == 0)
    return (size_t) -1;
  candidates_start (&k, hay, n, (unsigned char) needle[0]);
  while ((c = candidates_next (&k)) != NULL)
    if (words_at (c, (size_t) (hay + n - c), needle) > 0)
      return (size_t) (c - hay);
  return (size_t) -1;
}

size_t
find_ascii_ci (const char *hay, size_t n, const char *needle)
{
  size_t m = strlen (needle);
  struct candidates k;
  const char *c;

  if (m == 0 || m > n)
    return (size_t) -1;
  /* Only where the whole needle fits. */
  candidates_start (&k, hay, n - m + 1, (unsigned char) needle[0]);
  while ((c = candidates_next (&k)) != NULL)
    if (starts_with_ci (c, (size_t) (hay + n - c), needle))
      return (size_t) (c - hay);
  return (size_t) -1;
}

/* Headers ***************************************************************/

void
entity_split (const char *msg, size_t len, struct entity *e)
{
  const char *p = msg, *end = msg + len;
  struct span line;

  e->head.p = msg;
  e->head.n = len;
  e->body.p = end;
  e->body.n = 0;
  while (next_line (&p, end, &line))
    if (line.n == 0)
      {
        e->head.n = (size_t) (line.p - msg);
        e->body.p = p;
        e->body.n = (size_t) (end - p);
        return;
      }
}

static int
is_space (int c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Whether the line at P starts a header field: a name of printable
   characters, then ":". */
static int
starts_field (const char *p, const char *end)
{
  const char *q;

  for (q = p; q < end && *q > ' ' && *q < 127 && *q != ':'; q++)
    ;
  return q > p && q < end && *q == ':';
}

char *
header_value (struct arena *a, struct span head, const char *name)
{
  const char *p = head.p, *end = head.p + head.n;
  size_t name_len = strlen (name);
  struct span line;

  while (next_line (&p, end, &line))
    {
      const char *value, *q;
      size_t n = 0, total;
      char *out;

      if (line.n <= name_len || line.p[name_len] != ':'
          || !starts_with_ci (line.p, line.n, name))
        continue;
      /* The field and its continuation lines: those that start with white
         space, and those that are not a field at all (a "boundary=..."
         that lost its indentation, Verizon). */
      value = line.p + name_len + 1;
      q = p;
      while (q < end && (*q == ' ' || *q == '\t' || !starts_field (q, end)))
        {
          struct span more;

          next_line (&q, end, &more);
        }
      total = (size_t) (q - value);
      out = arena_alloc (a, total + 1);
      if (out == NULL)
        return NULL;
      for (; value < q; value++)
        if (*value == '\r' || *value == '\n')
          {
            /* A line break and the white space after it: one space. */
            while (value + 1 < q && is_space ((unsigned char) value[1]))
              value++;
            out[n++] = ' ';
          }
        else
          out[n++] = *value;
      while (n > 0 && is_space ((unsigned char) out[n - 1]))
        n--;
      out[n] = '\0';
      for (q = out; is_space ((unsigned char) *q); q++)
        ;
      return q == out ? out : memmove (out, q, strlen (q) + 1);
    }
  return NULL;
}

/* Content-Type **********************************************************/

/* Copies the parameter value at S (quoted or a token) into OUT. */
static const char *
param_value (const char *s, char *out, size_t size)
{
  size_t n = 0;

  if (*s == '"')
    {
      for (s++; *s != '\0' && *s != '"'; s++)
        {
          if (*s == '\\' && s[1] != '\0')
            s++;
          if (n + 1 < size)
            out[n++] = *s;
        }
      if (*s == '"')
        s++;
    }
  else
    for (; *s != '\0' && *s != ';' && !is_space ((unsigned char) *s); s++)
      if (n + 1 < size)
        out[n++] = *s;
  out[n] = '\0';
  return s;
}

void
content_type_parse (const char *value, struct content_type *ct)
{
  const char *s = value;
  size_t n = 0;

  memset (ct, 0, sizeof *ct);
  if (s == NULL)
    return;
  while (is_space ((unsigned char) *s))
    s++;
  for (; *s != '\0' && *s != ';' && !is_space ((unsigned char) *s); s++)
    if (n + 1 < sizeof ct->type)
      ct->type[n++] = (char) lower ((unsigned char) *s);
  ct->type[n] = '\0';
  while (*s != '\0')
    {
      char name[32], scratch[8];
      size_t k = 0;

      while (*s == ';' || is_space ((unsigned char) *s))
        s++;
      for (; *s != '\0' && *s != '=' && *s != ';'; s++)
        if (k + 1 < sizeof name && !is_space ((unsigned char) *s))
          name[k++] = (char) lower ((unsigned char) *s);
      name[k] = '\0';
      if (*s != '=')
        continue;
      s++;
      while (is_space ((unsigned char) *s))
        s++;
      if (strcmp (name, "boundary") == 0)
        s = param_value (s, ct->boundary, sizeof ct->boundary);
      else if (strcmp (name, "report-type") == 0)
        s = param_value (s, ct->report_type, sizeof ct->report_type);
      else if (strcmp (name, "charset") == 0)
        s = param_value (s, ct->charset, sizeof ct->charset);
      else
        s = param_value (s, scratch, sizeof scratch);
    }
  for (n = 0; ct->report_type[n] != '\0'; n++)
    ct->report_type[n] = (char) lower ((unsigned char) ct->report_type[n]);
}

enum transfer_encoding
transfer_encoding_of (const char *value)
{
  if (value == NULL)
    return ENCODING_IDENTITY;
  if (starts_with_ci (value, strlen (value), "base64"))
    return ENCODING_BASE64;
  if (starts_with_ci (value, strlen (value), "quoted-printable"))
    return ENCODING_QUOTED_PRINTABLE;
  return ENCODING_IDENTITY;
}

/* Transfer encodings ****************************************************/

static int
base64_value (int c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '+')
    return 62;
  if (c == '/')
    return 63;
  return -1;
}

/* Decodes base64 from IN into OUT (room for N * 3 / 4 + 3): bytes that are
   not base64 are skipped, "=" ends it.  Returns the length. */
static size_t
base64_decode (const char *in, size_t n, char *out)
{
  size_t i, len = 0;
  unsigned bits = 0, count = 0;

  for (i = 0; i < n && in[i] != '='; i++)
    {
      int v = base64_value ((unsigned char) in[i]);

      if (v < 0)
        continue;
      bits = bits << 6 | (unsigned) v;
      if (++count == 4)
        {
          out[len++] = (char) (bits >> 16);
          out[len++] = (char) (bits >> 8 & 0xFF);
          out[len++] = (char) (bits & 0xFF);
          bits = count = 0;
        }
    }
  if (count == 3)
    {
      out[len++] = (char) (bits >> 10);
      out[len++] = (char) (bits >> 2 & 0xFF);
    }
  else if (count == 2)
    out[len++] = (char) (bits >> 4);
  return len;
}

static int
hex_value (int c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  c = lower (c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Quoted-printable (RFC 2045 6.7) or, with HEADER, the Q encoding of RFC
   2047 ("_" is a space).  OUT has room for N bytes. */
static size_t
qp_decode (const char *in, size_t n, char *out, int header)
{
  size_t i, len = 0;

  for (i = 0; i < n; i++)
    {
      if (in[i] == '=' && i + 2 < n + 0 && hex_value ((unsigned char) in[i + 1]) >= 0
          && hex_value ((unsigned char) in[i + 2]) >= 0)
        {
          out[len++] = (char) (hex_value ((unsigned char) in[i + 1]) << 4
                               | hex_value ((unsigned char) in[i + 2]));
          i += 2;
        }
      else if (in[i] == '=' && !header)
        {
          /* A soft line break ("=" at the end of a line): drop it and
             the line end. */
          size_t j = i + 1;

          while (j < n && (in[j] == ' ' || in[j] == '\t'))
            j++;
          if (j < n && in[j] == '\r')
            j++;
          if (j < n && in[j] == '\n')
            i = j;
          else if (j >= n)
            i = n;
          else
            out[len++] = in[i];
        }
      else if (in[i] == '_' && header)
        out[len++] = ' ';
      else
        out[len++] = in[i];
    }
  return len;
}

/* Charsets *****************************************************************/

static int
is_utf8_or_ascii (const char *charset)
{
  static const char *const same[] = { "", "utf-8", "utf8", "us-ascii",
                                       "ascii", "ansi_x3.4-1968" };
  size_t i;

  for (i = 0; i < sizeof same / sizeof same[0]; i++)
    if (strlen (charset) == strlen (same[i])
        && starts_with_ci (charset, strlen (charset), same[i]))
      return 1;
  return 0;
}

/* IN (N bytes) converted from CHARSET to UTF-8 into the arena, or NULL
   when iconv does not know CHARSET or the text is not in it. */
static char *
to_utf8 (struct arena *a, const char *in, size_t n, const char *charset,
         size_t *len)
{
  iconv_t cd;
  size_t room = n * 4 + 16, left;
  char *out, *op, *ip = (char *) in;
  size_t inleft = n;

  cd = iconv_open ("UTF-8", charset);
  if (cd == (iconv_t) -1)    /* NOLINT(performance-no-int-to-ptr): iconv's error value */
    return NULL;
  out = arena_alloc (a, room);
  if (out == NULL)
    {
      iconv_close (cd);
      return NULL;
    }
  op = out;
  left = room - 1;
  while (inleft > 0)
    if (iconv (cd, &ip, &inleft, &op, &left) == (size_t) -1)
      {
        /* A byte that is not in the charset: keep a replacement. */
        if (left < 4)
          break;
        memcpy (op, "\xef\xbf\xbd", 3);
        op += 3;
        left -= 3;
        ip++;
        inleft--;
      }
  iconv (cd, NULL, NULL, &op, &left);
  iconv_close (cd);
  *op = '\0';
  *len = (size_t) (op - out);
  return out;
}

char *
decode_body (struct arena *a, struct span body,
             enum transfer_encoding encoding, const char *charset,
             size_t *len)
{
  char *raw = arena_alloc (a, body.n + 4), *utf8;
  size_t n;

  if (raw == NULL)
    return NULL;
  switch (encoding)
    {
    case ENCODING_BASE64:
      n = base64_decode (body.p, body.n, raw);
      break;
    case ENCODING_QUOTED_PRINTABLE:
      n = qp_decode (body.p, body.n, raw, 0);
      break;
    default:
      memcpy (raw, body.p, body.n);
      n = body.n;
      break;
    }
  raw[n] = '\0';
  *len = n;
  /* ISO-2022-JP declared or not (its escape sequences show it). */
  if (charset == NULL || is_utf8_or_ascii (charset))
    {
      if (memchr (raw, 0x1B, n) == NULL)
        return raw;
      charset = "ISO-2022-JP";
    }
  utf8 = to_utf8 (a, raw, n, charset, len);
  if (utf8 == NULL)
    {
      *len = n;
      return raw;
    }
  return utf8;
}

/* RFC 2047 **************************************************************/

/* Decodes the encoded word at S (up to END): "=?charset?B?...?=".  Returns
   the byte after it and appends its UTF-8 to OUT, or NULL when S is not
   one. */
static const char *
encoded_word (struct arena *a, const char *s, const char *end, char *out,
              size_t *n)
{
  const char *cs = s + 2, *q1, *q2, *q3;
  char charset[40], *text, *utf8;
  size_t cs_len, len, ulen;

  if (end - s < 8 || s[0] != '=' || s[1] != '?')
    return NULL;
  q1 = memchr (cs, '?', (size_t) (end - cs));
  if (q1 == NULL || q1 + 3 >= end || q1[2] != '?')
    return NULL;
  q2 = q1 + 3;
  q3 = q2;
  while (q3 + 1 < end && !(q3[0] == '?' && q3[1] == '='))
    q3++;
  if (q3 + 1 >= end)
    return NULL;
  cs_len = (size_t) (q1 - cs);
  if (cs_len == 0 || cs_len >= sizeof charset)
    return NULL;
  memcpy (charset, cs, cs_len);
  charset[cs_len] = '\0';
  if (strchr (charset, '*') != NULL)    /* RFC 2231 language */
    *strchr (charset, '*') = '\0';
  text = arena_alloc (a, (size_t) (q3 - q2) + 4);
  if (text == NULL)
    return NULL;
  if (lower ((unsigned char) q1[1]) == 'b')
    len = base64_decode (q2, (size_t) (q3 - q2), text);
  else if (lower ((unsigned char) q1[1]) == 'q')
    len = qp_decode (q2, (size_t) (q3 - q2), text, 1);
  else
    return NULL;
  utf8 = is_utf8_or_ascii (charset) ? NULL
         : to_utf8 (a, text, len, charset, &ulen);
  if (utf8 != NULL)
    {
      text = utf8;
      len = ulen;
    }
  memcpy (out + *n, text, len);
  *n += len;
  return q3 + 2;
}

char *
decode_header_text (struct arena *a, const char *text, size_t len)
{
  /* A decoded word is never longer than 4 times its text (base64 gives
     3/4, a charset conversion at most 4 bytes a byte). */
  char *out = arena_alloc (a, len * 4 + 16), *utf8;
  const char *s = text, *end = text + len;
  size_t n = 0, ulen;
  int after_word = 0;

  if (out == NULL)
    return NULL;
  while (s < end)
    {
      const char *next = s[0] == '=' && s + 1 < end && s[1] == '?'
                         ? encoded_word (a, s, end, out, &n) : NULL;

      if (next != NULL)
        {
          s = next;
          after_word = 1;
          continue;
        }
      if (after_word && is_space ((unsigned char) *s))
        {
          /* White space between two encoded words is not text. */
          const char *t = s;

          while (t < end && is_space ((unsigned char) *t))
            t++;
          if (t + 1 < end && t[0] == '=' && t[1] == '?')
            {
              s = t;
              continue;
            }
        }
      after_word = 0;
      out[n++] = *s++;
    }
  out[n] = '\0';
  /* Raw 8-bit text in ISO-2022-JP (as Japanese mail programs send it). */
  if (memchr (out, 0x1B, n) != NULL
      && (utf8 = to_utf8 (a, out, n, "ISO-2022-JP", &ulen)) != NULL)
    return utf8;
  return out;
}

/* The MIME tree *********************************************************/

/* Whether LINE is the delimiter "--BOUNDARY" (or its closing form). */
static int
is_delimiter (struct span line, const char *boundary, size_t blen,
              int *closing)
{
  size_t i;

  if (line.n < blen + 2 || line.p[0] != '-' || line.p[1] != '-'
      || memcmp (line.p + 2, boundary, blen) != 0)
    return 0;
  i = blen + 2;
  *closing = i + 1 < line.n && line.p[i] == '-' && line.p[i + 1] == '-';
  if (*closing)
    i += 2;
  for (; i < line.n; i++)
    if (line.p[i] != ' ' && line.p[i] != '\t')
      return 0;
  return 1;
}

struct walk
{
  struct arena *a;
  struct mime_parts *parts;
  unsigned count;
};

static void walk_entity (struct walk *w, const struct entity *e, int depth);

/* The parts of a multipart BODY: between delimiter lines.  A missing
   closing delimiter (a truncated message) ends the last part at the end. */
/* The walk recurses into nested multiparts, at most MIME_MAX_DEPTH deep. */
static void /* NOLINTNEXTLINE(misc-no-recursion): bounded by MIME_MAX_DEPTH */
walk_multipart (struct walk *w, struct span body, const char *boundary,
                int depth)
{
  const char *p = body.p, *end = body.p + body.n, *start = NULL;
  size_t blen = strlen (boundary);
  struct span line;
  int closing = 0;

  if (blen == 0)
    return;
  while (next_line (&p, end, &line))
    {
      if (!is_delimiter (line, boundary, blen, &closing))
        continue;
      if (start != NULL)
        {
          struct entity part;
          /* The line end before a delimiter belongs to it. */
          const char *part_end = line.p;

          if (part_end > start && part_end[-1] == '\n')
            part_end--;
          if (part_end > start && part_end[-1] == '\r')
            part_end--;
          entity_split (start, (size_t) (part_end - start), &part);
          walk_entity (w, &part, depth + 1);
        }
      if (closing || w->count >= MIME_MAX_PARTS)
        return;
      start = p;
    }
  if (start != NULL && start < end)
    {
      struct entity part;

      entity_split (start, (size_t) (end - start), &part);
      walk_entity (w, &part, depth + 1);
    }
}

static void
keep (struct found_part *slot, int *has, const struct entity *e,
      const struct content_type *ct, enum transfer_encoding encoding)
{
  if (*has)
    return;
  *has = 1;
  slot->entity = *e;
  slot->ct = *ct;
  slot->encoding = encoding;
}

static void /* NOLINTNEXTLINE(misc-no-recursion): bounded by MIME_MAX_DEPTH */
walk_entity (struct walk *w, const struct entity *e, int depth)
{
  struct mime_parts *parts = w->parts;
  struct content_type ct;
  enum transfer_encoding encoding;
  const char *type;

  if (depth > MIME_MAX_DEPTH || w->count >= MIME_MAX_PARTS)
    return;
  w->count++;
  content_type_parse (header_value (w->a, e->head, "Content-Type"), &ct);
  encoding = transfer_encoding_of (header_value (w->a, e->head,
                                                 "Content-Transfer-Encoding"));
  if (depth == 0)
    {
      parts->top = ct;
      parts->has_top = 1;
    }
  type = ct.type;
  if (strncmp (type, "multipart/", 10) == 0)
    walk_multipart (w, e->body, ct.boundary, depth);
  else if (strcmp (type, "message/delivery-status") == 0
           || strcmp (type, "message/global-delivery-status") == 0)
    {
      if (!parts->has_status)
        parts->global_status = type[8] == 'g';
      keep (&parts->status, &parts->has_status, e, &ct, encoding);
    }
  else if (strcmp (type, "message/feedback-report") == 0)
    parts->has_feedback = 1;
  else if (strcmp (type, "message/rfc822") == 0
           || strcmp (type, "message/global") == 0)
    keep (&parts->returned, &parts->has_returned, e, &ct, encoding);
  else if (strcmp (type, "text/rfc822-headers") == 0
           || strcmp (type, "message/global-headers") == 0)
    {
      if (!parts->has_returned)
        parts->returned_is_headers = 1;
      keep (&parts->returned, &parts->has_returned, e, &ct, encoding);
    }
  else if ((strcmp (type, "text/plain") == 0 || type[0] == '\0')
           && !parts->has_returned)
    {
      /* A later part that starts with a message's own headers is the
         returned message, pasted without its type (X1, Mail2000). */
      if (parts->has_text && depth > 0
          && header_value (w->a, e->head, "From") != NULL
          && (header_value (w->a, e->head, "Received") != NULL
              || header_value (w->a, e->head, "Subject") != NULL))
        keep (&parts->pasted, &parts->has_pasted, e, &ct, encoding);
      else
        keep (&parts->text, &parts->has_text, e, &ct, encoding);
    }
}

void
mime_walk (struct arena *a, const struct entity *message,
           struct mime_parts *parts)
{
  struct walk w;

  memset (parts, 0, sizeof *parts);
  w.a = a;
  w.parts = parts;
  w.count = 0;
  walk_entity (&w, message, 0);
  parts->count = w.count;
}
