/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* describe.c: basic reply codes: class, category and localized description.
   The tables come from reply-codes.def; nothing here lists a code. */

#include <config.h>

#include "smtpreply.h"
#include "i18n.h"

/* Reply codes are three digits, the first 2-5; the table covers 000-599 so a
   lookup is one bounds check and one load. */
#define CODE_LIMIT 600

/* Descriptions by code; NULL where reply-codes.def has none.  A code listed
   twice is an initializer override, which -Wextra reports. */
static const char *const reply_text[CODE_LIMIT] = {
#define REPLY(code, text) [(code)] = (text),
#include "reply-codes.def"
};

/* Descriptions of well-formed but unlisted codes, by [class - 2][category]. */
static const char *const category_text[4][6] = {
#define CATEGORY_TEXT(cls, category, text) [(cls) - 2][(category)] = (text),
#include "reply-codes.def"
};

static const char *const unknown_text =
#define UNKNOWN_TEXT(text) (text)
#include "reply-codes.def"
  ;

/* Advice by code (4yz and 5yz), by class, and for non-codes. */
static const char *const reply_advice[CODE_LIMIT] = {
#define REPLY_ADVICE(code, advice) [(code)] = (advice),
#include "reply-codes.def"
};

static const char *const class_advice[6] = {
#define CLASS_ADVICE(cls, advice) [(cls)] = (advice),
#include "reply-codes.def"
};

static const char *const invalid_advice =
#define INVALID_ADVICE(advice) (advice)
#include "reply-codes.def"
  ;

/* RFC 5321 section 4.2: Reply-code = %x32-35 %x30-35 %x30-39.  A second
   digit of 6 to 9 is outside the grammar, but real servers send it ("571
   No PTR Record found"): such a code is a reply of its class whose
   category is unspecified. */
static int
well_formed (int code)
{
  return code >= 200 && code <= 599;
}

/* The category digit as the tables index it: 0-5, with 6-9 as 3. */
static int
category_digit (int code)
{
  int digit = code / 10 % 10;

  return digit > 5 ? 3 : digit;
}

int
smtpreply_is_known (int code)
{
  return code >= 0 && code < CODE_LIMIT && reply_text[code] != NULL;
}

enum smtpreply_class
smtpreply_class (int code)
{
  return well_formed (code) ? (enum smtpreply_class) (code / 100)
                            : SMTPREPLY_CLASS_INVALID;
}

enum smtpreply_category
smtpreply_category (int code)
{
  int digit;

  if (!well_formed (code))
    return SMTPREPLY_CATEGORY_INVALID;
  digit = category_digit (code);
  return digit == 4 ? SMTPREPLY_CATEGORY_UNSPECIFIED
                    : (enum smtpreply_category) digit;
}

const char *
smtpreply__describe_msgid (int code)
{
  if (smtpreply_is_known (code))
    return reply_text[code];
  if (well_formed (code))
    return category_text[code / 100 - 2][category_digit (code)];
  return unknown_text;
}

const char *
smtpreply_describe (int code)
{
  return smtpreply__tr (smtpreply__describe_msgid (code));
}

/* The untranslated advice of a class (2-5), or of a non-code (other CLS). */
const char *
smtpreply__class_advice_msgid (int cls)
{
  return cls >= 2 && cls <= 5 ? class_advice[cls] : invalid_advice;
}

const char *
smtpreply__advice_msgid (int code)
{
  if (!well_formed (code))
    return invalid_advice;
  if (reply_advice[code] != NULL)
    return reply_advice[code];
  return class_advice[code / 100];
}

const char *
smtpreply_advice (int code)
{
  return smtpreply__tr (smtpreply__advice_msgid (code));
}

int
smtpreply_describe_r (int code, char *buf, size_t buflen)
{
  return smtpreply__copy_text (smtpreply_describe (code), buf, buflen);
}
