/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* enhanced.c: enhanced mail system status codes (RFC 3463): titles of the
   whole IANA registry, with the subject and class fallbacks.  The tables
   come from enhanced-codes.def. */

#include <config.h>

#include "smtpreply.h"
#include "i18n.h"
#include "enhanced.h"

#include <errno.h>
#include <stddef.h>

/* The registry's subjects are 0-7; its largest detail is 30. */
#define SUBJECTS 8
#define DETAILS 31

static const char *const titles[SUBJECTS][DETAILS] = {
#define ENHANCED(subject, detail, title) [(subject)][(detail)] = (title),
#include "enhanced-codes.def"
};

/* Advice by [subject][detail][0 for class 4, 1 for class 5]. */
static const char *const advice[SUBJECTS][DETAILS][2] = {
#define ENHANCED_ADVICE(subject, detail, transient, permanent) \
  [(subject)][(detail)] = { (transient), (permanent) },
#include "enhanced-codes.def"
};

static const char *const class_text[6] = {
#define ENHANCED_CLASS(cls, text) [(cls)] = (text),
#include "enhanced-codes.def"
};

static const char *const invalid_text =
#define ENHANCED_INVALID(text) (text)
#include "enhanced-codes.def"
  ;

/* RFC 3463 section 2: class "2" / "4" / "5"; subject and detail 1*3digit. */
static int
well_formed (int cls, int subject, int detail)
{
  return (cls == 2 || cls == 4 || cls == 5)
         && subject >= 0 && subject <= 999 && detail >= 0 && detail <= 999;
}

int
smtpreply_enhanced_is_known (int cls, int subject, int detail)
{
  return well_formed (cls, subject, detail) && subject < SUBJECTS
         && detail < DETAILS && titles[subject][detail] != NULL;
}

/* The untranslated title: the code's own, its subject's (X.Y.0), its
   class's, or the invalid text. */
const char *
smtpreply__enhanced_msgid (int cls, int subject, int detail)
{
  if (!well_formed (cls, subject, detail))
    return invalid_text;
  if (subject >= SUBJECTS)
    return class_text[cls];
  if (detail < DETAILS && titles[subject][detail] != NULL)
    return titles[subject][detail];
  return titles[subject][0];
}

/* The untranslated advice: the code's own for its class, its subject's
   (X.Y.0), or its class's. */
const char *
smtpreply__enhanced_advice_msgid (int cls, int subject, int detail)
{
  int k = cls == 4 ? 0 : 1;

  if (!well_formed (cls, subject, detail))
    return smtpreply__class_advice_msgid (0);
  if (cls == 2 || subject >= SUBJECTS)
    return smtpreply__class_advice_msgid (cls);
  if (detail < DETAILS && advice[subject][detail][k] != NULL)
    return advice[subject][detail][k];
  return advice[subject][0][k];
}

const char *
smtpreply_advice_enhanced (int cls, int subject, int detail)
{
  return smtpreply__tr (smtpreply__enhanced_advice_msgid (cls, subject,
                                                          detail));
}

const char *
smtpreply_advice_enhanced_str (const char *s)
{
  struct smtpreply_enhanced code;

  if (smtpreply_enhanced_from_string (s, &code) != 0)
    return smtpreply__tr (smtpreply__class_advice_msgid (0));
  return smtpreply_advice_enhanced (code.cls, code.subject, code.detail);
}

const char *
smtpreply_describe_enhanced (int cls, int subject, int detail)
{
  return smtpreply__tr (smtpreply__enhanced_msgid (cls, subject, detail));
}

/* Reads 1 to 3 digits; returns how many, 0 when there is none. */
static size_t
scan_number (const char *s, size_t len, int *value)
{
  size_t n = 0;

  *value = 0;
  while (n < len && n < 3 && s[n] >= '0' && s[n] <= '9')
    {
      *value = *value * 10 + (s[n] - '0');
      n++;
    }
  return n;
}

size_t
smtpreply__scan_enhanced (const char *s, size_t len,
                          struct smtpreply_enhanced *out)
{
  size_t pos, n;

  if (len < 5 || (s[0] != '2' && s[0] != '4' && s[0] != '5') || s[1] != '.')
    return 0;
  out->cls = s[0] - '0';
  pos = 2;
  n = scan_number (s + pos, len - pos, &out->subject);
  if (n == 0 || pos + n >= len || s[pos + n] != '.')
    return 0;
  pos += n + 1;
  n = scan_number (s + pos, len - pos, &out->detail);
  if (n == 0)
    return 0;
  return pos + n;
}

int
smtpreply_enhanced_from_string (const char *s, struct smtpreply_enhanced *out)
{
  struct smtpreply_enhanced code;
  size_t len = 0, n;

  if (s == NULL)
    return EINVAL;
  while (len < 12 && s[len] != '\0')
    len++;
  if (s[len] != '\0')
    return EINVAL;
  n = smtpreply__scan_enhanced (s, len, &code);
  if (n == 0 || n != len)
    return EINVAL;
  if (out != NULL)
    *out = code;
  return 0;
}

const char *
smtpreply_describe_enhanced_str (const char *s)
{
  struct smtpreply_enhanced code;

  if (smtpreply_enhanced_from_string (s, &code) != 0)
    return smtpreply__tr (invalid_text);
  return smtpreply_describe_enhanced (code.cls, code.subject, code.detail);
}
