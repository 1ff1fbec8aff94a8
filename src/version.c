/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* version.c: the runtime version check. */

#include <config.h>

#include "smtpreply.h"

#include <stddef.h>

/* Reads a decimal number of at most 4 digits from *S, advancing *S.
   Returns -1 when there is no digit. */
static int
read_number (const char **s)
{
  int value = 0, digits = 0;

  while (**s >= '0' && **s <= '9')
    {
      if (++digits > 4)
        return -1;
      value = value * 10 + (**s - '0');
      (*s)++;
    }
  return digits ? value : -1;
}

/* Parses "MAJOR[.MINOR[.PATCH]]" into PARTS; missing parts are 0.
   Returns 0, or -1 for anything else (signs, spaces, trailing text). */
static int
parse_version (const char *s, int parts[3])
{
  int i;

  for (i = 0; i < 3; i++)
    parts[i] = 0;
  for (i = 0; i < 3; i++)
    {
      parts[i] = read_number (&s);
      if (parts[i] < 0)
        return -1;
      if (*s == '\0')
        return 0;
      if (*s != '.')
        return -1;
      s++;
    }
  return -1;
}

const char *
smtpreply_check_version (const char *req_version)
{
  static const int have[3] = { SMTPREPLY_VERSION_MAJOR,
                               SMTPREPLY_VERSION_MINOR,
                               SMTPREPLY_VERSION_PATCH };
  int want[3], i;

  if (req_version == NULL)
    return SMTPREPLY_VERSION;
  if (parse_version (req_version, want) != 0)
    return NULL;
  for (i = 0; i < 3; i++)
    if (have[i] != want[i])
      return have[i] > want[i] ? SMTPREPLY_VERSION : NULL;
  return SMTPREPLY_VERSION;
}
