/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* json.h: writing JSON strings for smtpreply --json. */

#ifndef SMTPREPLY_CLI_JSON_H
#define SMTPREPLY_CLI_JSON_H

#include <stddef.h>
#include <stdio.h>

/* Writes the LEN bytes at S as a JSON string, quotes included: quotes,
   backslashes and control characters are escaped, and bytes that are not
   valid UTF-8 become U+FFFD, so the output is always valid JSON in UTF-8. */
void json_write_string (FILE *out, const char *s, size_t len);

/* The same for a NUL-terminated string, or null when S is NULL. */
void json_write_cstring (FILE *out, const char *s);

/* How many of the LEN bytes at S, from the first, are printable ASCII
   (0x20-0x7E) and, when JSON is nonzero, neither a quote nor a backslash:
   the bytes to write as they are.  Eight bytes at a time. */
size_t plain_ascii_run (const unsigned char *s, size_t len, int json);

/* The length of the valid UTF-8 sequence at S (1-4), or 0 when the bytes
   at S (LEN of them) do not start one (RFC 3629: no overlong forms, no
   surrogates, nothing above U+10FFFF). */
size_t utf8_sequence_length (const unsigned char *s, size_t len);

#endif /* SMTPREPLY_CLI_JSON_H */
