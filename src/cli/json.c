/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* json.c: writing JSON strings for smtpreply --json (RFC 8259). */

#include <config.h>

#include "json.h"

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
  size_t i = 0;

  putc ('"', out);
  while (i < len)
    {
      unsigned char c = p[i];

      switch (c)
        {
        case '"':
          fputs ("\\\"", out);
          break;
        case '\\':
          fputs ("\\\\", out);
          break;
        case '\n':
          fputs ("\\n", out);
          break;
        case '\r':
          fputs ("\\r", out);
          break;
        case '\t':
          fputs ("\\t", out);
          break;
        default:
          if (c < 0x20 || c == 0x7F)
            fprintf (out, "\\u%04x", c);
          else
            {
              size_t n = utf8_sequence_length (p + i, len - i);

              if (n == 0)
                fputs ("\\ufffd", out);
              else
                {
                  fwrite (p + i, 1, n, out);
                  i += n;
                  continue;
                }
            }
        }
      i++;
    }
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
