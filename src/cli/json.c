/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* json.c: writing JSON strings for smtpreply --json (RFC 8259). */

#include <config.h>

#include "json.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Eight bytes at a time: ONES has 0x01 in each byte, HIGHS 0x80. */
#define ONES ((uint64_t) 0x0101010101010101u)
#define HIGHS ((uint64_t) 0x8080808080808080u)

/* Whether any byte of W is below N (N at most 0x80), or equal to N. */
#define ANY_BELOW(w, n) ((((w) - ONES * (n)) & ~(w) & HIGHS) != 0)
#define ANY_EQUAL(w, n) ANY_BELOW ((w) ^ (ONES * (n)), 1)

size_t
plain_ascii_run (const unsigned char *s, size_t len, int json)
{
  size_t i = 0;

  /* A word is plain when none of its bytes is 0x80 or above, below 0x20,
     DEL, or (for JSON) a quote or a backslash. */
  while (len - i >= 8)
    {
      uint64_t w;

      memcpy (&w, s + i, 8);
      if ((w & HIGHS) != 0 || ANY_BELOW (w, 0x20) || ANY_EQUAL (w, 0x7F)
          || (json && (ANY_EQUAL (w, '"') || ANY_EQUAL (w, '\\'))))
        break;
      i += 8;
    }
  while (i < len && s[i] >= 0x20 && s[i] < 0x7F
         && !(json && (s[i] == '"' || s[i] == '\\')))
    i++;
  return i;
}

size_t
utf8_sequence_length (const unsigned char *s, size_t len)
{
  unsigned char c = s[0], lo = 0x80, hi = 0xBF;
  size_t n, i;

  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;              /* no overlong forms */
      else if (c == 0xED)
        hi = 0x9F;              /* no surrogates */
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;              /* no overlong forms */
      else if (c == 0xF4)
        hi = 0x8F;              /* nothing above U+10FFFF */
    }
  else
    return 0;
  if (len < n || s[1] < lo || s[1] > hi)
    return 0;
  for (i = 2; i < n; i++)
    if (s[i] < 0x80 || s[i] > 0xBF)
      return 0;
  return n;
}

/* What each byte needs in a JSON string: 0 nothing (printable ASCII),
   1 the start of a UTF-8 sequence to check, 2 an escape. */
static const unsigned char json_byte_class[256] = {
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,       /* C0 */
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,       /* '"' */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0,       /* '\\' */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,       /* DEL */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

void
json_write_string (FILE *out, const char *s, size_t len)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t i = 0, start = 0;

  /* Runs of bytes that need no escape are written in one piece; only the
     bytes that need one are written alone.  DEL and the C1 controls are
     escaped too: they are valid JSON as they are, but a terminal that
     shows the JSON should not get them. */
  putc_unlocked ('"', out);
  while (i < len)
    {
      unsigned char c = p[i];
      const char *escape;
      char u[8];

      if (json_byte_class[c] == 0)
        {
          i += plain_ascii_run (p + i, len - i, 1);
          continue;
        }
      if (json_byte_class[c] == 1)
        {
          size_t n = utf8_sequence_length (p + i, len - i);

          if (n > 2 || (n == 2 && (c != 0xC2 || p[i + 1] > 0x9F)))
            {
              i += n;
              continue;
            }
          if (n == 2)
            {
              /* U+0080-U+009F, the C1 controls: valid JSON as they are,
                 but one (CSI) drives a terminal that shows the JSON. */
              snprintf (u, sizeof u, "\\u%04x", p[i + 1]);
              escape = u;
              i++;
            }
          else
            escape = "\\ufffd";
        }
      else
        switch (c)
          {
          case '"':
            escape = "\\\"";
            break;
          case '\\':
            escape = "\\\\";
            break;
          case '\n':
            escape = "\\n";
            break;
          case '\r':
            escape = "\\r";
            break;
          case '\t':
            escape = "\\t";
            break;
          default:
            snprintf (u, sizeof u, "\\u%04x", c);
            escape = u;
            break;
          }
      if (i > start)
        fwrite (p + start, 1, i - start, out);
      fputs (escape, out);
      start = ++i;
    }
  if (i > start)
    fwrite (p + start, 1, i - start, out);
  putc_unlocked ('"', out);
}

void
json_write_cstring (FILE *out, const char *s)
{
  size_t len = 0;

  if (s == NULL)
    {
      fputs ("null", out);
      return;
    }
  while (s[len] != '\0')
    len++;
  json_write_string (out, s, len);
}
