/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* enhanced.h: enhanced status codes, for the parser and the explanation
   (internal). */

#ifndef SMTPREPLY_ENHANCED_H
#define SMTPREPLY_ENHANCED_H

#include <stddef.h>

struct smtpreply_enhanced;

/* Reads "C.S.D" (class 2, 4 or 5, then 1-3 digits, a dot, 1-3 digits) from
   the start of S (LEN bytes).  Returns its length, or 0 when S does not
   start with one.  What follows is not looked at. */
size_t smtpreply__scan_enhanced (const char *s, size_t len,
                                 struct smtpreply_enhanced *out);

/* The untranslated title of an enhanced code, with the fallbacks of
   smtpreply_describe_enhanced. */
const char *smtpreply__enhanced_msgid (int cls, int subject, int detail);

#endif /* SMTPREPLY_ENHANCED_H */
