/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* json.c: writing JSON strings for smtpreply --json (RFC 8259). */

#include <config.h>

#include "json.h"

#include <stdio.h>

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

void
json_write_string (FILE *out, const char *s, size_t len)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t i = 0, start = 0;

  /* Runs of bytes that need no escape are written in one piece; only the
     bytes that need one are written alone. */
  putc ('"', out);
  while (i < len)
    {
      unsigned char c = p[i];
      const char *escape;
      char u[8];

      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\')
        {
          i++;
          continue;
        }
      if (c >= 0x80)
        {
          size_t n = utf8_sequence_length (p + i, len - i);

          if (n > 0)
            {
              i += n;
              continue;
            }
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
  putc ('"', out);
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
