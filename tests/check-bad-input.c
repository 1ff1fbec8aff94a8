/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-bad-input.c: every row of the bad-input table in doc/bad-input.md,
   one test each, named after the row.  What NULL pointers, zero and huge
   lengths, embedded NULs, invalid UTF-8, out-of-range codes and contexts
   give, for every public function. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define UNKNOWN "Unknown reply code"
#define INVALID_ENHANCED "Invalid enhanced status code"
#define EN_551 "The recipient's mailbox is not on this server; try the address the server gives"

static const int bad_codes[] = { INT_MIN, -550, -1, 0, 1, 99, 199, 600, 601,
                                 999, 1000, 55000, INT_MAX };
#define N_BAD_CODES ((int) (sizeof bad_codes / sizeof bad_codes[0]))
static const int bad_contexts[] = { INT_MIN, -1, SMTPREPLY_CTX_COUNT, 1000,
                                    INT_MAX };
#define N_BAD_CONTEXTS ((int) (sizeof bad_contexts / sizeof bad_contexts[0]))

/* A string of N bytes of C, NUL-terminated, freed by the caller. */
static char *
repeat (char c, size_t n)
{
  char *s = malloc (n + 1);

  ck_assert_ptr_nonnull (s);
  memset (s, c, n);
  s[n] = '\0';
  return s;
}

static void
setup (void)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
}

/* describe ***********************************************************/

START_TEST (row_describe_out_of_range)
{
  int i;

  for (i = 0; i < N_BAD_CODES; i++)
    ck_assert_str_eq (smtpreply_describe (bad_codes[i]), UNKNOWN);
}
END_TEST

START_TEST (row_describe_r_null_buffer)
{
  ck_assert_int_eq (smtpreply_describe_r (550, NULL, 0), ERANGE);
  ck_assert_int_eq (smtpreply_describe_r (550, NULL, 1), EINVAL);
  ck_assert_int_eq (smtpreply_describe_r (550, NULL, SIZE_MAX), EINVAL);
}
END_TEST

START_TEST (row_describe_r_zero_length)
{
  char buf[8] = "keep";

  ck_assert_int_eq (smtpreply_describe_r (550, buf, 0), ERANGE);
  ck_assert_str_eq (buf, "keep");
  ck_assert_int_eq (smtpreply_describe_r (550, buf, 1), ERANGE);
  ck_assert_str_eq (buf, "");
}
END_TEST

/* A huge BUFLEN is fine: only the text and its NUL are written. */
START_TEST (row_describe_r_huge_length)
{
  char buf[256];

  memset (buf, 'x', sizeof buf);
  ck_assert_int_eq (smtpreply_describe_r (1000, buf, SIZE_MAX), 0);
  ck_assert_str_eq (buf, UNKNOWN);
  ck_assert_int_eq (buf[strlen (UNKNOWN) + 1], 'x');
}
END_TEST

START_TEST (row_describe_r_out_of_range)
{
  char buf[64];
  int i;

  for (i = 0; i < N_BAD_CODES; i++)
    {
      ck_assert_int_eq (smtpreply_describe_r (bad_codes[i], buf, sizeof buf), 0);
      ck_assert_str_eq (buf, UNKNOWN);
    }
}
END_TEST

START_TEST (row_class_category_known_out_of_range)
{
  int i;

  for (i = 0; i < N_BAD_CODES; i++)
    {
      ck_assert_int_eq (smtpreply_is_known (bad_codes[i]), 0);
      ck_assert_int_eq (smtpreply_class (bad_codes[i]), SMTPREPLY_CLASS_INVALID);
      ck_assert_int_eq (smtpreply_category (bad_codes[i]),
                        SMTPREPLY_CATEGORY_INVALID);
    }
}
END_TEST

/* enhanced ***********************************************************/

START_TEST (row_enhanced_out_of_range)
{
  static const int bad[][3] = { { 0, 1, 1 }, { 3, 1, 1 }, { 6, 1, 1 },
                                { INT_MIN, 1, 1 }, { 5, -1, 1 }, { 5, 1, -1 },
                                { 5, 1000, 1 }, { 5, 1, 1000 },
                                { 5, INT_MAX, INT_MAX } };
  size_t i;

  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      ck_assert_str_eq (smtpreply_describe_enhanced (bad[i][0], bad[i][1],
                                                     bad[i][2]),
                        INVALID_ENHANCED);
      ck_assert_int_eq (smtpreply_enhanced_is_known (bad[i][0], bad[i][1],
                                                     bad[i][2]), 0);
    }
}
END_TEST

START_TEST (row_enhanced_str_null_empty)
{
  ck_assert_str_eq (smtpreply_describe_enhanced_str (NULL), INVALID_ENHANCED);
  ck_assert_str_eq (smtpreply_describe_enhanced_str (""), INVALID_ENHANCED);
}
END_TEST

START_TEST (row_enhanced_str_overlong)
{
  char *s = repeat ('1', 1 << 20);

  s[0] = '5';
  s[1] = '.';
  s[3] = '.';
  ck_assert_str_eq (smtpreply_describe_enhanced_str (s), INVALID_ENHANCED);
  free (s);
}
END_TEST

/* A C string ends at its NUL: what follows is not seen. */
START_TEST (row_enhanced_str_embedded_nul)
{
  static const char s[] = "5.1.1\0garbage";

  ck_assert_str_eq (smtpreply_describe_enhanced_str (s),
                    "Bad destination mailbox address");
}
END_TEST

START_TEST (row_enhanced_str_invalid_utf8)
{
  ck_assert_str_eq (smtpreply_describe_enhanced_str ("\xff.1.1"),
                    INVALID_ENHANCED);
  ck_assert_str_eq (smtpreply_describe_enhanced_str ("5.1.\xc3"),
                    INVALID_ENHANCED);
}
END_TEST

START_TEST (row_enhanced_from_string_null)
{
  struct smtpreply_enhanced e = { 9, 9, 9 };

  ck_assert_int_eq (smtpreply_enhanced_from_string (NULL, &e), EINVAL);
  ck_assert_int_eq (smtpreply_enhanced_from_string ("5.1", &e), EINVAL);
  ck_assert_int_eq (e.cls, 9);
  ck_assert_int_eq (smtpreply_enhanced_from_string ("5.1.1", NULL), 0);
}
END_TEST

/* contexts ***********************************************************/

START_TEST (row_describe_ctx_out_of_range)
{
  int i;

  for (i = 0; i < N_BAD_CONTEXTS; i++)
    {
      ck_assert_str_eq (smtpreply_describe_ctx (454, (enum smtpreply_context)
                                                bad_contexts[i]),
                        smtpreply_describe (454));
      ck_assert_str_eq (smtpreply_context_name ((enum smtpreply_context)
                                                bad_contexts[i]), "unknown");
    }
  for (i = 0; i < N_BAD_CODES; i++)
    ck_assert_str_eq (smtpreply_describe_ctx (bad_codes[i], SMTPREPLY_CTX_RCPT),
                      UNKNOWN);
}
END_TEST

START_TEST (row_context_from_name_bad)
{
  char *long_name = repeat ('a', 1 << 16);

  ck_assert_int_eq (smtpreply_context_from_name (NULL), -1);
  ck_assert_int_eq (smtpreply_context_from_name (""), -1);
  ck_assert_int_eq (smtpreply_context_from_name (long_name), -1);
  ck_assert_int_eq (smtpreply_context_from_name ("rcpt\xff"), -1);
  ck_assert_int_eq (smtpreply_context_from_name ("RCPT"), SMTPREPLY_CTX_RCPT);
  free (long_name);
}
END_TEST

/* parse **************************************************************/

START_TEST (row_parse_null)
{
  struct smtpreply_reply r;

  ck_assert_int_eq (smtpreply_parse ("250 ok\r\n", 8, 0, NULL),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  ck_assert_int_eq (smtpreply_parse (NULL, 1, 0, &r),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  ck_assert_int_eq (smtpreply_parse (NULL, SIZE_MAX, 0, &r),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  ck_assert_int_eq (smtpreply_parse (NULL, 0, 0, &r),
                    SMTPREPLY_PARSE_NEED_MORE);
  ck_assert_int_eq (smtpreply_parse (NULL, 0, SMTPREPLY_PARSE_END_OF_INPUT,
                                     &r), SMTPREPLY_PARSE_EMPTY);
}
END_TEST

START_TEST (row_parse_zero_length)
{
  struct smtpreply_reply r;

  ck_assert_int_eq (smtpreply_parse ("250 ok\r\n", 0, 0, &r),
                    SMTPREPLY_PARSE_NEED_MORE);
  ck_assert_int_eq (smtpreply_parse ("250 ok\r\n", 0,
                                     SMTPREPLY_PARSE_END_OF_INPUT, &r),
                    SMTPREPLY_PARSE_EMPTY);
  ck_assert_uint_eq (r.consumed, 0);
}
END_TEST

/* A megabyte without a line end: refused after SMTPREPLY_MAX_LINE_LENGTH
   bytes, the rest never read. */
START_TEST (row_parse_huge_length)
{
  size_t n = 1 << 20;
  char *s = repeat ('x', n);
  struct smtpreply_reply r;

  memcpy (s, "250-", 4);
  ck_assert_int_eq (smtpreply_parse (s, n, 0, &r),
                    SMTPREPLY_PARSE_LINE_TOO_LONG);
  ck_assert_uint_eq (r.consumed, n);
  free (s);
}
END_TEST

/* smtpreply_parse_resume with states it did not leave: NULL, never
   initialized, left for another reply struct, or whose reply struct was
   cleared since.  Each starts over: the result is smtpreply_parse's. */
static void
assert_same_as_parse (const char *s, size_t n,
                      const struct smtpreply_reply *got)
{
  struct smtpreply_reply want;
  size_t i;

  ck_assert_int_eq (smtpreply_parse (s, n, 0, &want), SMTPREPLY_PARSE_OK);
  ck_assert_int_eq (got->code, want.code);
  ck_assert_uint_eq (got->consumed, want.consumed);
  ck_assert_uint_eq (got->nlines, want.nlines);
  for (i = 0; i < want.nlines; i++)
    {
      ck_assert_uint_eq (got->lines[i].offset, want.lines[i].offset);
      ck_assert_uint_eq (got->lines[i].length, want.lines[i].length);
    }
}

/* Leaves ST after a NEED_MORE for R: the first 10 bytes of S. */
static void
leave_need_more (const char *s, struct smtpreply_parse_state *st,
                 struct smtpreply_reply *r)
{
  smtpreply_parse_state_init (st);
  ck_assert_int_eq (smtpreply_parse_resume (s, 10, 0, st, r),
                    SMTPREPLY_PARSE_NEED_MORE);
}

/* Resumes with the N bytes of S: smtpreply_parse's result. */
static void
resume_same_as_parse (const char *s, size_t n,
                      struct smtpreply_parse_state *st,
                      struct smtpreply_reply *r)
{
  ck_assert_int_eq (smtpreply_parse_resume (s, n, 0, st, r),
                    SMTPREPLY_PARSE_OK);
  assert_same_as_parse (s, n, r);
}

START_TEST (row_parse_resume_bad)
{
  static const char s[] = "550-a\r\n550 b\r\n";
  size_t n = sizeof s - 1;
  struct smtpreply_parse_state st;
  struct smtpreply_reply r, other;

  /* NULL arguments. */
  smtpreply_parse_state_init (NULL);
  smtpreply_parse_state_init (&st);
  ck_assert_int_eq (smtpreply_parse_resume (s, n, 0, NULL, &r),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  ck_assert_int_eq (smtpreply_parse_resume (s, n, 0, &st, NULL),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  ck_assert_int_eq (smtpreply_parse_resume (NULL, SIZE_MAX, 0, &st, &r),
                    SMTPREPLY_PARSE_INVALID_ARGUMENT);
  ck_assert_int_eq (smtpreply_parse_resume (NULL, 0, 0, &st, &r),
                    SMTPREPLY_PARSE_NEED_MORE);

  /* Garbage in every byte of the state and of the reply struct. */
  memset (&st, 0xa5, sizeof st);
  memset (&r, 0xa5, sizeof r);
  resume_same_as_parse (s, n, &st, &r);

  /* A state that looks like one left after the first line (as an
     uninitialized one may), with a reply struct of garbage (its line
     count far beyond SMTPREPLY_MAX_LINES). */
  memset (&st, 0, sizeof st);
  st.pos = 7;
  st.code = 550;
  st.resume = 1;
  memset (&r, 0xa5, sizeof r);
  resume_same_as_parse (s, n, &st, &r);

  /* A real state, then another reply struct, or the same one cleared. */
  leave_need_more (s, &st, &r);
  memset (&other, 0, sizeof other);
  resume_same_as_parse (s, n, &st, &other);
  leave_need_more (s, &st, &r);
  memset (&r, 0, sizeof r);
  resume_same_as_parse (s, n, &st, &r);

  /* A buffer shorter than the one the state was left for. */
  leave_need_more (s, &st, &r);
  resume_same_as_parse ("250 ok\r\n", 8, &st, &r);
}
END_TEST

START_TEST (row_parse_embedded_nul)
{
  struct smtpreply_reply r;

  ck_assert_int_eq (smtpreply_parse ("250 a\0b\r\n", 9, 0, &r),
                    SMTPREPLY_PARSE_NUL);
  ck_assert_int_eq (smtpreply_parse ("\0", 1, 0, &r), SMTPREPLY_PARSE_NUL);
}
END_TEST

/* Bytes that are not UTF-8 are text like any other: kept as they are. */
START_TEST (row_parse_invalid_utf8)
{
  static const char s[] = "550 5.1.1 \xff\xfe\xc3(\r\n";
  struct smtpreply_reply r;

  ck_assert_int_eq (smtpreply_parse (s, sizeof s - 1, 0, &r),
                    SMTPREPLY_PARSE_OK);
  ck_assert_uint_eq (r.lines[0].length, 4);
  ck_assert_int_eq (memcmp (s + r.lines[0].offset, "\xff\xfe\xc3(", 4), 0);
}
END_TEST

START_TEST (row_parse_bad_code_and_flags)
{
  struct smtpreply_reply r;

  ck_assert_int_eq (smtpreply_parse ("600 x\r\n", 7, 0, &r),
                    SMTPREPLY_PARSE_BAD_CODE);
  ck_assert_int_eq (smtpreply_parse ("250 x\r\n", 7, 0xFFFFFFFEu, &r),
                    SMTPREPLY_PARSE_OK);
}
END_TEST

START_TEST (row_strerror_out_of_range)
{
  static const int bad[] = { INT_MIN, -9, 2, 100, INT_MAX };
  size_t i;

  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    ck_assert_str_eq (smtpreply_strerror (bad[i]), "Unknown parser result");
}
END_TEST

/* explain ************************************************************/

START_TEST (row_explain_null)
{
  struct smtpreply_reply r;
  struct smtpreply_explanation x;

  memset (&r, 0, sizeof r);
  ck_assert_int_eq (smtpreply_explain (NULL, SMTPREPLY_CTX_RCPT, &x), EINVAL);
  ck_assert_int_eq (smtpreply_explain (&r, SMTPREPLY_CTX_RCPT, NULL), EINVAL);
}
END_TEST

START_TEST (row_explain_out_of_range)
{
  struct smtpreply_reply r;
  struct smtpreply_explanation x;
  int i;

  memset (&r, 0, sizeof r);
  for (i = 0; i < N_BAD_CODES; i++)
    {
      r.code = bad_codes[i];
      ck_assert_int_eq (smtpreply_explain (&r, SMTPREPLY_CTX_RCPT, &x), 0);
      ck_assert_int_eq (x.outcome, SMTPREPLY_CLASS_INVALID);
      ck_assert_str_eq (x.headline, UNKNOWN);
    }
  r.code = 552;
  r.has_enhanced = 1;
  r.enhanced.cls = 7;           /* a hand-filled, invalid enhanced code */
  for (i = 0; i < N_BAD_CONTEXTS; i++)
    {
      ck_assert_int_eq (smtpreply_explain (&r, (enum smtpreply_context)
                                           bad_contexts[i], &x), 0);
      ck_assert_int_eq (x.outcome, SMTPREPLY_CLASS_PERMANENT);
      ck_assert_str_eq (x.enhanced_description, INVALID_ENHANCED);
      ck_assert_str_eq (x.headline, smtpreply_describe (552));
    }
}
END_TEST

/* reasons *************************************************************/

START_TEST (row_reason_null_and_hand_filled)
{
  static struct smtpreply_reply r;
  size_t i;

  ck_assert_int_eq (smtpreply_reason (NULL, SMTPREPLY_CTX_RCPT),
                    SMTPREPLY_REASON_UNKNOWN);
  memset (&r, 0, sizeof r);
  for (i = 0; i < (size_t) N_BAD_CODES; i++)
    {
      r.code = bad_codes[i];
      ck_assert_int_eq (smtpreply_reason (&r, SMTPREPLY_CTX_RCPT),
                        SMTPREPLY_REASON_UNKNOWN);
    }
  /* No buf: the lines are not read, whatever they say. */
  r.code = 550;
  r.nlines = SMTPREPLY_MAX_LINES;
  for (i = 0; i < SMTPREPLY_MAX_LINES; i++)
    {
      r.lines[i].offset = SIZE_MAX / 2;
      r.lines[i].length = SIZE_MAX / 2;
    }
  ck_assert_int_eq (smtpreply_reason (&r, SMTPREPLY_CTX_RCPT),
                    SMTPREPLY_REASON_UNKNOWN);
  /* More lines than the struct holds: only SMTPREPLY_MAX_LINES are read. */
  r.buf = "user unknown";
  for (i = 0; i < SMTPREPLY_MAX_LINES; i++)
    {
      r.lines[i].offset = 0;
      r.lines[i].length = 12;
    }
  r.nlines = SIZE_MAX;
  ck_assert_int_eq (smtpreply_reason (&r, SMTPREPLY_CTX_RCPT),
                    SMTPREPLY_REASON_RECIPIENT_UNKNOWN);
  for (i = 0; i < (size_t) N_BAD_CONTEXTS; i++)
    ck_assert_int_eq (smtpreply_reason (&r, (enum smtpreply_context)
                                        bad_contexts[i]),
                      SMTPREPLY_REASON_RECIPIENT_UNKNOWN);
}
END_TEST

/* Hostile text: NUL-free binary, invalid UTF-8, every byte value, lines of
   the largest size: a reason in range, never a read past the lines. */
START_TEST (row_reason_hostile_text)
{
  static char buf[SMTPREPLY_MAX_LINE_LENGTH * 3];
  struct smtpreply_reply r;
  size_t n = 0;
  int c, line;

  for (line = 0; line < 2; line++)
    {
      memcpy (buf + n, "550-", 4);
      n += 4;
      for (c = 0; n < (size_t) (line + 1) * SMTPREPLY_MAX_LINE_LENGTH - 2; c++)
        {
          unsigned char b = (unsigned char) (c % 255 + 1);

          buf[n++] = (char) (b == '\n' || b == '\r' ? 'x' : b);
        }
      memcpy (buf + n, "\r\n", 2);
      n += 2;
    }
  {
    static const char last[] = "550 \xff\xfe\xc3( spam\r\n";

    memcpy (buf + n, last, sizeof last - 1);
    n += sizeof last - 1;
  }
  ck_assert_int_eq (smtpreply_parse (buf, n, 0, &r), SMTPREPLY_PARSE_OK);
  ck_assert_int_lt ((int) smtpreply_reason (&r, SMTPREPLY_CTX_DATA_END),
                    SMTPREPLY_REASON_COUNT);
  ck_assert_int_eq (smtpreply_reason (&r, SMTPREPLY_CTX_DATA_END),
                    SMTPREPLY_REASON_SPAM);
}
END_TEST

START_TEST (row_reason_names_titles_advice)
{
  static const int bad[] = { -1, SMTPREPLY_REASON_COUNT, 1000, INT_MIN,
                             INT_MAX };
  char *long_name = malloc (65537);
  size_t i;

  ck_assert_ptr_nonnull (long_name);
  memset (long_name, 'a', 65536);
  long_name[65536] = '\0';
  ck_assert_int_eq (smtpreply_reason_from_name (NULL), -1);
  ck_assert_int_eq (smtpreply_reason_from_name (""), -1);
  ck_assert_int_eq (smtpreply_reason_from_name (long_name), -1);
  ck_assert_int_eq (smtpreply_reason_from_name ("spam\xff"), -1);
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
      enum smtpreply_reason r = (enum smtpreply_reason) bad[i];

      ck_assert_str_eq (smtpreply_reason_name (r), "unknown");
      ck_assert_str_eq (smtpreply_reason_title (r, NULL),
                        "The server did not say why");
      ck_assert_str_eq (smtpreply_reason_advice (r, SMTPREPLY_CLASS_PERMANENT,
                                                 NULL),
                        smtpreply_reason_advice (SMTPREPLY_REASON_UNKNOWN,
                                                 SMTPREPLY_CLASS_PERMANENT,
                                                 NULL));
    }
  /* An outcome out of range: the text saying there is no advice. */
  ck_assert_str_eq (smtpreply_reason_advice (SMTPREPLY_REASON_SPAM,
                                             (enum smtpreply_class) 77, NULL),
                    smtpreply_advice (0));
  ck_assert_str_eq (smtpreply_reason_advice (SMTPREPLY_REASON_SPAM,
                                             (enum smtpreply_class) -1, NULL),
                    smtpreply_advice (0));
  /* Bad language tags: the built-in English. */
  ck_assert_str_eq (smtpreply_reason_title (SMTPREPLY_REASON_SPAM, long_name),
                    "The message was classified as spam");
  ck_assert_str_eq (smtpreply_reason_title (SMTPREPLY_REASON_SPAM, ""),
                    "The message was classified as spam");
  ck_assert_str_eq (smtpreply_reason_title (SMTPREPLY_REASON_SPAM, "../x"),
                    "The message was classified as spam");
  free (long_name);
}
END_TEST

/* version and UTF-8 ***************************************************/

START_TEST (row_check_version_bad)
{
  char *long_version = repeat ('9', 1 << 16);

  ck_assert_str_eq (smtpreply_check_version (NULL), SMTPREPLY_VERSION);
  ck_assert_ptr_null (smtpreply_check_version (""));
  ck_assert_ptr_null (smtpreply_check_version ("x.y"));
  ck_assert_ptr_null (smtpreply_check_version ("0.1.0.0"));
  ck_assert_ptr_null (smtpreply_check_version (long_version));
  ck_assert_ptr_null (smtpreply_check_version ("\xff"));
  free (long_version);
}
END_TEST

START_TEST (row_use_utf8_repeated)
{
  ck_assert_int_eq (smtpreply_use_utf8 (), 0);
  ck_assert_int_eq (smtpreply_use_utf8 (), 0);
}
END_TEST

/* per-call language ****************************************************/

START_TEST (row_l_special_locales)
{
  ck_assert_str_eq (smtpreply_describe_l (551, (locale_t) 0), EN_551);
  ck_assert_str_eq (smtpreply_describe_l (551, LC_GLOBAL_LOCALE), EN_551);
  ck_assert_str_eq (smtpreply_describe_l (1000, (locale_t) 0), UNKNOWN);
  ck_assert_str_eq (smtpreply_describe_enhanced_str_l (NULL, (locale_t) 0),
                    INVALID_ENHANCED);
}
END_TEST

START_TEST (row_lang_bad_tags)
{
  char *long_tag = repeat ('z', 1 << 20);
  static const char *const tags[] = { "", "x", "zh_", "zh CN", "\xff\xfe",
                                      "zh_CN\xc3", "../../etc/passwd",
                                      "zh_CN@", "es-12345" };
  char buf[8];
  size_t i;

  ck_assert_str_eq (smtpreply_describe_lang (551, NULL), EN_551);
  ck_assert_int_eq (smtpreply_lang_is_available (NULL), 0);
  ck_assert_str_eq (smtpreply_describe_lang (551, long_tag), EN_551);
  ck_assert_int_eq (smtpreply_lang_is_available (long_tag), 0);
  for (i = 0; i < sizeof tags / sizeof tags[0]; i++)
    {
      ck_assert_str_eq (smtpreply_describe_lang (551, tags[i]), EN_551);
      ck_assert_int_eq (smtpreply_lang_is_available (tags[i]), 0);
    }
  ck_assert_int_eq (smtpreply_describe_r_lang (551, NULL, 4, "zh"), EINVAL);
  ck_assert_int_eq (smtpreply_describe_r_lang (551, buf, 0, NULL), ERANGE);
  ck_assert_str_eq (smtpreply_strerror_lang (99, NULL), "Unknown parser result");
  ck_assert_int_eq (smtpreply_explain_lang (NULL, SMTPREPLY_CTX_RCPT, NULL,
                                            NULL), EINVAL);
  free (long_tag);
}
END_TEST


/* Delivery reports ***************************************************/

/* A growing message for the report rows. */
struct text
{
  char *p;
  size_t n, cap;
};

static void
add (struct text *t, const char *s, size_t n)
{
  if (t->n + n + 1 > t->cap)
    {
      t->cap = (t->n + n + 1) * 2;
      t->p = realloc (t->p, t->cap);
      ck_assert_ptr_nonnull (t->p);
    }
  memcpy (t->p + t->n, s, n);
  t->n += n;
  t->p[t->n] = '\0';
}

static void
adds (struct text *t, const char *s)
{
  add (t, s, strlen (s));
}

#define DSN_HEAD \
  "From: MAILER-DAEMON@example.com\r\nSubject: Undelivered Mail\r\n" \
  "MIME-Version: 1.0\r\nContent-Type: multipart/report; " \
  "report-type=delivery-status; boundary=\"B\"\r\n\r\n--B\r\n" \
  "Content-Type: text/plain\r\n\r\nThe mail system\r\n\r\n--B\r\n" \
  "Content-Type: message/delivery-status\r\n\r\n" \
  "Reporting-MTA: dns; mx.example.com\r\n\r\n"
#define ONE_RECIPIENT \
  "Final-Recipient: rfc822; bob@example.net\r\nAction: failed\r\n" \
  "Status: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"

/* The bytes the heap holds now (glibc), to check the documented bound. */
static size_t
heap_in_use (void)
{
#if defined __GLIBC__ && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  return mallinfo2 ().uordblks;
#else
  return 0;
#endif
}

/* Reads MSG (LEN bytes): it must read, within SMTPREPLY_REPORT_MEMORY. */
static struct smtpreply_report *
read_within_bound (const char *msg, size_t len)
{
  struct smtpreply_report *r = NULL;
  size_t before = heap_in_use (), after;

  ck_assert_int_eq (smtpreply_report_read (msg, len, &r), 0);
  ck_assert_ptr_nonnull (r);
  after = heap_in_use ();
  ck_assert_msg (after <= before || after - before <= SMTPREPLY_REPORT_MEMORY (len),
                 "%zu bytes for a %zu-byte message", after - before, len);
  return r;
}

START_TEST (row_report_read_null)
{
  struct smtpreply_report *r = (struct smtpreply_report *) &r;

  ck_assert_int_eq (smtpreply_report_read ("x", 1, NULL), EINVAL);
  ck_assert_int_eq (smtpreply_report_read (NULL, 1, &r), EINVAL);
  ck_assert_int_eq (smtpreply_report_read (NULL, SIZE_MAX, &r), EINVAL);
  ck_assert_ptr_eq (r, (struct smtpreply_report *) &r);
  ck_assert_int_eq (smtpreply_report_read (NULL, 0, &r), 0);
  ck_assert_int_eq (smtpreply_report_kind (r), SMTPREPLY_REPORT_NONE);
  ck_assert_uint_eq (smtpreply_report_count (r), 0);
  smtpreply_report_free (r);
  ck_assert_int_eq (smtpreply_report_read ("", 0, &r), 0);
  ck_assert_int_eq (smtpreply_report_kind (r), SMTPREPLY_REPORT_NONE);
  ck_assert_str_eq (smtpreply_report_format (r), "");
  smtpreply_report_free (r);
  smtpreply_report_free (NULL);
}
END_TEST

START_TEST (row_report_accessors_null)
{
  const struct smtpreply_report_message *m = smtpreply_report_message (NULL);
  struct smtpreply_explanation x;
  struct smtpreply_reply reply;
  char buf[4] = "abc";

  ck_assert_int_eq (smtpreply_report_kind (NULL), SMTPREPLY_REPORT_NONE);
  ck_assert_str_eq (smtpreply_report_format (NULL), "");
  ck_assert_ptr_null (smtpreply_report_reporting_mta (NULL));
  ck_assert_ptr_nonnull (m);
  ck_assert_ptr_null (m->subject);
  ck_assert_ptr_null (m->message_id);
  ck_assert_uint_eq (smtpreply_report_count (NULL), 0);
  ck_assert_ptr_null (smtpreply_report_recipient (NULL, 0));
  ck_assert_int_eq (smtpreply_report_reply (NULL, &reply), EINVAL);
  ck_assert_int_eq (smtpreply_report_explain (NULL, NULL, &x), EINVAL);
  ck_assert_int_eq (smtpreply_report_summary (NULL, 0, NULL, buf, sizeof buf), -1);
  ck_assert_str_eq (buf, "abc");
  ck_assert_str_eq (smtpreply_action_name ((enum smtpreply_action) -1), "unknown");
  ck_assert_str_eq (smtpreply_action_name ((enum smtpreply_action) INT_MAX), "unknown");
  ck_assert_str_eq (smtpreply_report_kind_name ((enum smtpreply_report_kind) -1), "none");
  ck_assert_str_eq (smtpreply_report_kind_name ((enum smtpreply_report_kind) 99), "none");
}
END_TEST

START_TEST (row_report_out_of_range)
{
  static const char msg[] = DSN_HEAD ONE_RECIPIENT "\r\n--B--\r\n";
  struct smtpreply_report *r = read_within_bound (msg, sizeof msg - 1);
  const struct smtpreply_report_recipient *rc;
  struct smtpreply_explanation x;
  struct smtpreply_reply reply;
  char buf[8] = "keep", one[1] = { 'x' };
  int n;

  ck_assert_uint_eq (smtpreply_report_count (r), 1);
  ck_assert_ptr_null (smtpreply_report_recipient (r, 1));
  ck_assert_ptr_null (smtpreply_report_recipient (r, SIZE_MAX));
  rc = smtpreply_report_recipient (r, 0);
  ck_assert_int_eq (smtpreply_report_reply (rc, NULL), EINVAL);
  ck_assert_int_eq (smtpreply_report_explain (rc, NULL, NULL), EINVAL);
  ck_assert_int_eq (smtpreply_report_explain (rc, "\xff\xfe", &x), 0);
  ck_assert_str_eq (x.headline, "The recipient's address does not exist");
  ck_assert_int_eq (smtpreply_report_reply (rc, &reply), 0);
  ck_assert_int_eq (reply.code, 550);
  ck_assert_int_eq (smtpreply_report_summary (r, 1, NULL, buf, sizeof buf), -1);
  ck_assert_int_eq (smtpreply_report_summary (r, SIZE_MAX, NULL, buf, sizeof buf), -1);
  ck_assert_int_eq (smtpreply_report_summary (r, 0, NULL, NULL, 1), -1);
  ck_assert_str_eq (buf, "keep");
  n = smtpreply_report_summary (r, 0, NULL, NULL, 0);
  ck_assert_int_eq (n, (int) strlen ("Your message to bob@example.net was not "
                                     "delivered: The recipient's address does "
                                     "not exist"));
  ck_assert_int_eq (smtpreply_report_summary (r, 0, NULL, one, 1), n);
  ck_assert_int_eq (one[0], '\0');
  ck_assert_int_eq (smtpreply_report_summary (r, 0, NULL, buf, sizeof buf), n);
  ck_assert_str_eq (buf, "Your me");
  smtpreply_report_free (r);
}
END_TEST

/* A recipient with no reply: ENOENT. */
START_TEST (row_report_reply_none)
{
  static const char msg[] = DSN_HEAD
    "Final-Recipient: rfc822; bob@example.net\r\nAction: failed\r\n"
    "Status: 5.4.4\r\n\r\n--B--\r\n";
  struct smtpreply_report *r = read_within_bound (msg, sizeof msg - 1);
  struct smtpreply_reply reply;

  ck_assert_uint_eq (smtpreply_report_count (r), 1);
  ck_assert_int_eq (smtpreply_report_reply (smtpreply_report_recipient (r, 0),
                                            &reply), ENOENT);
  smtpreply_report_free (r);
}
END_TEST

/* 10,000 recipients in a standard report are all read; a text report
   gives at most 4096. */
START_TEST (row_report_many_recipients)
{
  struct text t = { NULL, 0, 0 };
  struct smtpreply_report *r;
  char line[160];
  int i;

  adds (&t, DSN_HEAD);
  for (i = 0; i < 10000; i++)
    {
      snprintf (line, sizeof line, "Final-Recipient: rfc822; u%d@example.net\r\n"
                "Action: failed\r\nStatus: 5.1.1\r\n"
                "Diagnostic-Code: smtp; 550 5.1.1 no such user\r\n\r\n", i);
      adds (&t, line);
    }
  adds (&t, "--B--\r\n");
  r = read_within_bound (t.p, t.n);
  ck_assert_uint_eq (smtpreply_report_count (r), 10000);
  ck_assert_str_eq (smtpreply_report_recipient (r, 9999)->recipient,
                    "u9999@example.net");
  ck_assert_int_eq (smtpreply_report_recipient (r, 9999)->reason,
                    SMTPREPLY_REASON_RECIPIENT_UNKNOWN);
  smtpreply_report_free (r);

  t.n = 0;
  adds (&t, "From: MAILER-DAEMON@example.com\r\nSubject: failure notice\r\n\r\n"
            "Hi. This is the qmail-send program at example.com.\r\n"
            "I'm afraid I wasn't able to deliver your message to the following "
            "addresses.\r\n\r\n");
  for (i = 0; i < 10000; i++)
    {
      snprintf (line, sizeof line, "<u%d@example.net>:\r\nSorry, no mailbox "
                "here by that name. (#5.1.1)\r\n\r\n", i);
      adds (&t, line);
    }
  r = read_within_bound (t.p, t.n);
  ck_assert_int_eq (smtpreply_report_kind (r), SMTPREPLY_REPORT_TEXT);
  ck_assert_uint_eq (smtpreply_report_count (r), 4096);
  smtpreply_report_free (r);
  free (t.p);
}
END_TEST

/* A 1 MiB header line, a 1 MiB body line, NUL bytes everywhere. */
START_TEST (row_report_huge_and_nul)
{
  struct text t = { NULL, 0, 0 };
  struct smtpreply_report *r;
  char *big = repeat ('a', 1 << 20);
  size_t i;

  adds (&t, "From: MAILER-DAEMON@example.com\r\nSubject: ");
  adds (&t, big);
  adds (&t, "\r\nX-Long: ");
  adds (&t, big);
  adds (&t, "\r\n\r\n<bob@example.net>: host mx.example.net said: 550 5.1.1 ");
  adds (&t, big);
  adds (&t, "\r\n");
  r = read_within_bound (t.p, t.n);
  ck_assert_int_eq (smtpreply_report_kind (r), SMTPREPLY_REPORT_TEXT);
  ck_assert_uint_eq (smtpreply_report_count (r), 1);
  smtpreply_report_free (r);

  /* The same report with a NUL in every other position of its header
     names and addresses: read, whatever it makes of them. */
  t.n = 0;
  adds (&t, DSN_HEAD ONE_RECIPIENT "\r\n--B--\r\n");
  for (i = 0; i < t.n; i += 7)
    t.p[i] = '\0';
  r = read_within_bound (t.p, t.n);
  for (i = 0; i < smtpreply_report_count (r); i++)
    ck_assert_ptr_nonnull (smtpreply_report_recipient (r, i)->recipient);
  smtpreply_report_free (r);
  free (big);
  free (t.p);
}
END_TEST

/* Boundary bombs: parts nested 10,000 deep, 100,000 empty parts, a
   boundary that never comes, a boundary of 70 "-"; bad base64 and
   quoted-printable; a message cut in the middle of a part. */
START_TEST (row_report_mime_bombs)
{
  struct text t = { NULL, 0, 0 };
  struct smtpreply_report *r;
  char line[128];
  int i;

  adds (&t, "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
  for (i = 0; i < 10000; i++)
    {
      snprintf (line, sizeof line, "--b%d\r\nContent-Type: multipart/mixed; "
                "boundary=\"b%d\"\r\n\r\n", i, i + 1);
      adds (&t, line);
    }
  adds (&t, "--b10000\r\nContent-Type: message/delivery-status\r\n\r\n" ONE_RECIPIENT);
  r = read_within_bound (t.p, t.n);
  /* Parts deeper than 16 levels are not looked into. */
  ck_assert_int_eq (smtpreply_report_kind (r), SMTPREPLY_REPORT_NONE);
  smtpreply_report_free (r);

  t.n = 0;
  adds (&t, "Content-Type: multipart/report; report-type=delivery-status; "
            "boundary=\"B\"\r\n\r\n");
  for (i = 0; i < 100000; i++)
    adds (&t, "--B\r\n\r\n");
  adds (&t, "--B\r\nContent-Type: message/delivery-status\r\n\r\n" ONE_RECIPIENT);
  r = read_within_bound (t.p, t.n);
  /* At most 1000 parts are looked into: the report after them is not. */
  ck_assert_int_eq (smtpreply_report_kind (r), SMTPREPLY_REPORT_NONE);
  smtpreply_report_free (r);

  t.n = 0;
  adds (&t, "Content-Type: multipart/report; boundary=\"NEVER\"\r\n\r\nnothing\r\n");
  r = read_within_bound (t.p, t.n);
  ck_assert_int_eq (smtpreply_report_kind (r), SMTPREPLY_REPORT_NONE);
  smtpreply_report_free (r);

  t.n = 0;
  adds (&t, DSN_HEAD);
  t.n -= strlen ("Content-Type: message/delivery-status\r\n\r\n"
                 "Reporting-MTA: dns; mx.example.com\r\n\r\n");
  t.p[t.n] = '\0';
  adds (&t, "Content-Type: message/delivery-status\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n"
            "RmluYWwtUmVjaXBpZW50OiByZmM4MjI7IGJvYkBleGFtcGxlLm5ldA==!!@@==\r\n"
            "=====\r\n--B\r\nContent-Type: text/plain\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=4=\r\n=");
  r = read_within_bound (t.p, t.n);
  ck_assert_int_eq (smtpreply_report_kind (r), SMTPREPLY_REPORT_DSN);
  ck_assert_uint_eq (smtpreply_report_count (r), 1);
  ck_assert_str_eq (smtpreply_report_recipient (r, 0)->recipient,
                    "bob@example.net");
  smtpreply_report_free (r);

  for (i = 0; i < (int) (sizeof DSN_HEAD ONE_RECIPIENT - 1); i += 13)
    {
      r = read_within_bound (DSN_HEAD ONE_RECIPIENT, (size_t) i);
      smtpreply_report_free (r);
    }
  free (t.p);
}
END_TEST

static Suite *
bad_input_suite (void)
{
  Suite *s = suite_create ("bad input");
  TCase *tc = tcase_create ("doc/bad-input.md");

  tcase_add_checked_fixture (tc, setup, NULL);
  tcase_add_test (tc, row_describe_out_of_range);
  tcase_add_test (tc, row_describe_r_null_buffer);
  tcase_add_test (tc, row_describe_r_zero_length);
  tcase_add_test (tc, row_describe_r_huge_length);
  tcase_add_test (tc, row_describe_r_out_of_range);
  tcase_add_test (tc, row_class_category_known_out_of_range);
  tcase_add_test (tc, row_enhanced_out_of_range);
  tcase_add_test (tc, row_enhanced_str_null_empty);
  tcase_add_test (tc, row_enhanced_str_overlong);
  tcase_add_test (tc, row_enhanced_str_embedded_nul);
  tcase_add_test (tc, row_enhanced_str_invalid_utf8);
  tcase_add_test (tc, row_enhanced_from_string_null);
  tcase_add_test (tc, row_describe_ctx_out_of_range);
  tcase_add_test (tc, row_context_from_name_bad);
  tcase_add_test (tc, row_parse_null);
  tcase_add_test (tc, row_parse_zero_length);
  tcase_add_test (tc, row_parse_huge_length);
  tcase_add_test (tc, row_parse_resume_bad);
  tcase_add_test (tc, row_parse_embedded_nul);
  tcase_add_test (tc, row_parse_invalid_utf8);
  tcase_add_test (tc, row_parse_bad_code_and_flags);
  tcase_add_test (tc, row_strerror_out_of_range);
  tcase_add_test (tc, row_explain_null);
  tcase_add_test (tc, row_explain_out_of_range);
  tcase_add_test (tc, row_check_version_bad);
  tcase_add_test (tc, row_use_utf8_repeated);
  tcase_add_test (tc, row_l_special_locales);
  tcase_add_test (tc, row_lang_bad_tags);
  tcase_add_test (tc, row_reason_null_and_hand_filled);
  tcase_add_test (tc, row_reason_hostile_text);
  tcase_add_test (tc, row_reason_names_titles_advice);
  tcase_add_test (tc, row_report_read_null);
  tcase_add_test (tc, row_report_accessors_null);
  tcase_add_test (tc, row_report_out_of_range);
  tcase_add_test (tc, row_report_reply_none);
  tcase_add_test (tc, row_report_many_recipients);
  tcase_add_test (tc, row_report_huge_and_nul);
  tcase_add_test (tc, row_report_mime_bombs);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return test_run_suite (bad_input_suite ());
}
