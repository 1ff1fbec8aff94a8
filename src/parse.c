/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* parse.c: the reply parser.  Zero-copy and allocation-free: it records
   offsets into the caller's buffer.
 *
 * Every decision depends only on the bytes before the position where it is
 * made, and the parser asks for more input only when it runs out of bytes.
 * So a buffer that grows by chunks gets, once complete, the same result as
 * the whole buffer at once, whatever the split (RFC 2920 pipelining).
 */

#include <config.h>

#include "smtpreply.h"
#include "i18n.h"
#include "enhanced.h"

#include <stdint.h>
#include <string.h>

/* The range of results, for the table of their messages. */
#define STATUS_MIN (-8)
#define STATUS_MAX 1
_Static_assert (STATUS_MIN == SMTPREPLY_PARSE_INVALID_ARGUMENT
                && STATUS_MAX == SMTPREPLY_PARSE_NEED_MORE,
                "the results of smtpreply_parse changed: update the table");

static const char *const status_text[STATUS_MAX - STATUS_MIN + 1] = {
  [SMTPREPLY_PARSE_OK - STATUS_MIN] =
    /* TRANSLATORS: result of the SMTP reply parser: a whole reply was read. */
    N_("The reply is complete"),
  [SMTPREPLY_PARSE_NEED_MORE - STATUS_MIN] =
    /* TRANSLATORS: result of the SMTP reply parser: the data ends inside a
       reply, and the rest has not arrived yet. */
    N_("The reply is not complete yet; more input is needed"),
  [SMTPREPLY_PARSE_EMPTY - STATUS_MIN] =
    /* TRANSLATORS: error of the SMTP reply parser: it was given no data. */
    N_("The input is empty"),
  [SMTPREPLY_PARSE_BAD_CODE - STATUS_MIN] =
    /* TRANSLATORS: error of the SMTP reply parser (RFC 5321 4.2): every line
       of a server's reply must start with a three-digit code such as 550,
       followed by a space, a "-" or the end of the line. */
    N_("A line does not start with a reply code (three digits, the first 2 to 5)"),
  [SMTPREPLY_PARSE_CODE_MISMATCH - STATUS_MIN] =
    /* TRANSLATORS: error of the SMTP reply parser (RFC 5321 4.2.1): all lines
       of a multi-line reply must carry the same code. */
    N_("A line of a multi-line reply has a different code than the first line"),
  [SMTPREPLY_PARSE_LINE_TOO_LONG - STATUS_MIN] =
    /* TRANSLATORS: error of the SMTP reply parser: a line of the server's
       reply is longer than the library accepts (8192 bytes). */
    N_("A line of the reply is too long"),
  [SMTPREPLY_PARSE_TOO_MANY_LINES - STATUS_MIN] =
    /* TRANSLATORS: error of the SMTP reply parser: the server's reply has
       more lines than the library accepts (128). */
    N_("The reply has too many lines"),
  [SMTPREPLY_PARSE_NUL - STATUS_MIN] =
    /* TRANSLATORS: error of the SMTP reply parser: the server's reply
       contains a NUL byte (a zero byte), which SMTP does not allow. */
    N_("The reply contains a NUL byte"),
  [SMTPREPLY_PARSE_TRUNCATED - STATUS_MIN] =
    /* TRANSLATORS: error of the SMTP reply parser: the data ended (the
       connection closed, or the file ended) in the middle of a reply. */
    N_("The input ended in the middle of a reply"),
  [SMTPREPLY_PARSE_INVALID_ARGUMENT - STATUS_MIN] =
    /* TRANSLATORS: error of the SMTP reply parser: a programming error in
       the calling program (no buffer, or no place for the result). */
    N_("Invalid argument: no buffer or no place for the result"),
};

static const char *const unknown_status_text =
  /* TRANSLATORS: shown for a number that is not a result of the SMTP reply
     parser. */
  N_("Unknown parser result");

const char *
smtpreply_strerror (int status)
{
  if (status < STATUS_MIN || status > STATUS_MAX)
    return smtpreply__tr (unknown_status_text);
  return smtpreply__tr (status_text[status - STATUS_MIN]);
}

static void
clear_reply (struct smtpreply_reply *out)
{
  out->code = 0;
  out->has_enhanced = 0;
  out->enhanced.cls = out->enhanced.subject = out->enhanced.detail = 0;
  out->flags = 0;
  out->buf = NULL;
  out->nlines = 0;
  out->consumed = 0;
}

/* An error in the line starting at LINE: consumed is what to drop to skip
   the line (through its line end, or everything when it is not in BUF). */
static int
fail (const char *buf, size_t len, size_t line, int status,
      struct smtpreply_reply *out)
{
  const char *lf = memchr (buf + line, '\n', len - line);

  clear_reply (out);
  out->consumed = lf != NULL ? (size_t) (lf - buf) + 1 : len;
  return status;
}

/* The input ran out inside the reply. */
static int
ran_out (int end_of_input, size_t len, struct smtpreply_reply *out)
{
  clear_reply (out);
  if (!end_of_input)
    return SMTPREPLY_PARSE_NEED_MORE;
  out->consumed = len;
  return SMTPREPLY_PARSE_TRUNCATED;
}

/* Reads the code at BUF[POS..] into *CODE.  RFC 5321 section 4.2 says
   Reply-code = %x32-35 %x30-35 %x30-39; real servers also send a second
   digit of 6 to 9 ("571 No PTR Record found"), which is read too (the
   caller flags it).  Returns 0, 1 when the input ran out first, or the
   error. */
static int
read_code (const char *buf, size_t len, size_t pos, int *code)
{
  static const unsigned char lowest[3] = { '2', '0', '0' };
  static const unsigned char highest[3] = { '5', '9', '9' };
  int k;

  *code = 0;
  for (k = 0; k < 3; k++)
    {
      unsigned char c;

      if (pos + (size_t) k >= len)
        return 1;
      c = (unsigned char) buf[pos + (size_t) k];
      if (c == '\0')
        return SMTPREPLY_PARSE_NUL;
      if (c < lowest[k] || c > highest[k])
        return SMTPREPLY_PARSE_BAD_CODE;
      *code = *code * 10 + (c - '0');
    }
  return 0;
}

/* Keeps ENHANCED as the reply's code unless it has one already, flagging
   a class that is not the reply's first digit. */
static void
keep_enhanced (const struct smtpreply_enhanced *enhanced, int code,
               unsigned flags, struct smtpreply_reply *out)
{
  if (out->has_enhanced)
    return;
  out->has_enhanced = 1;
  out->enhanced = *enhanced;
  out->flags |= flags;
  if (enhanced->cls != code / 100)
    out->flags |= SMTPREPLY_REPLY_ENHANCED_CLASS_MISMATCH;
}

/* Records the text [TEXT, END) of a line, first taking off an enhanced
   status code (RFC 2034) with the spaces around it.  Its class should be
   the reply's first digit; real servers do send others ("550 4.4.7
   QUEUE.Expired"), which are kept and flagged rather than left in the
   text. */
static void
record_line (const char *buf, size_t text, size_t end, int code,
             struct smtpreply_reply *out)
{
  struct smtpreply_enhanced enhanced;
  size_t at = text, n;

  /* Some servers write two spaces before it ("550  5.1.1", AOL). */
  while (at < end && at - text < 2 && buf[at] == ' ')
    at++;
  n = smtpreply__scan_enhanced (buf + at, end - at, &enhanced);
  if (n > 0 && (at + n == end || buf[at + n] == ' '))
    {
      keep_enhanced (&enhanced, code, 0, out);
      text = at + n;
      while (text < end && buf[text] == ' ')
        text++;
    }
  out->lines[out->nlines].offset = text;
  out->lines[out->nlines].length = end - text;
  out->nlines++;
}

/* An enhanced code is a word of its own: not followed by another digit or
   a dot and a digit ("#5.1.1." ends a sentence, "#5.1.10" is longer). */
static int
ends_word (const char *s, size_t len)
{
  return len == 0 || (!(s[0] >= '0' && s[0] <= '9')
                      && !(s[0] == '.' && len > 1 && s[1] >= '0'
                           && s[1] <= '9'));
}

/* A reply without an enhanced code after its code may still carry one in
   its text, as qmail writes it: "no mailbox here by that name. (#5.1.1)",
   chkusr's "(#5.1.1 - chkusr)".  The first "#C.S.D" at the start of a
   line or after a space or "(" is the reply's, flagged as found in the
   text; the text keeps it. */
static void
find_enhanced_in_text (const char *buf, int code, struct smtpreply_reply *out)
{
  size_t i;

  for (i = 0; i < out->nlines && !out->has_enhanced; i++)
    {
      const char *line = buf + out->lines[i].offset;
      size_t len = out->lines[i].length, pos = 0;
      const char *hash;

      while ((hash = memchr (line + pos, '#', len - pos)) != NULL)
        {
          struct smtpreply_enhanced enhanced;
          size_t at = (size_t) (hash - line) + 1, n;

          pos = at;
          if (at > 1 && line[at - 2] != ' ' && line[at - 2] != '(')
            continue;
          n = smtpreply__scan_enhanced (line + at, len - at, &enhanced);
          if (n > 0 && ends_word (line + at + n, len - at - n))
            {
              keep_enhanced (&enhanced, code,
                             SMTPREPLY_REPLY_ENHANCED_IN_TEXT, out);
              break;
            }
        }
    }
}

/* The parser, from the line at ST->pos with the lines before it already
   in OUT (RESUMING) or from the start.  On NEED_MORE, ST says where to go
   on: the line to read next and how much of it was searched already. */
static int
parse (const char *buf, size_t len, int end_of_input, int resuming,
       struct smtpreply_parse_state *st, struct smtpreply_reply *out)
{
  size_t pos = resuming ? st->pos : 0;
  int code = resuming ? st->code : 0;

  if (!resuming)
    {
      clear_reply (out);
      st->scanned = 0;
    }
  /* Nothing at all: nothing has arrived yet, or (at the end of the input)
     there is no reply. */
  if (len == 0)
    return end_of_input ? SMTPREPLY_PARSE_EMPTY : SMTPREPLY_PARSE_NEED_MORE;

  for (;;)
    {
      size_t line = pos, sep = pos + 3, text, end, next, limit, from;
      const char *lf, *nul;
      int value, last, rc = read_code (buf, len, pos, &value);

      if (rc == 1)
        goto need_more;
      if (rc < 0)
        return fail (buf, len, line, rc, out);
      if (line > 0 && value != code)
        return fail (buf, len, line, SMTPREPLY_PARSE_CODE_MISMATCH, out);
      code = value;

      /* After the code: "-" continues, SP or the line end finishes.  A
         final "550" with nothing after it counts only at end of input. */
      if (sep >= len)
        {
          if (!end_of_input)
            goto need_more;
          last = 1;
          text = len;
        }
      else
        switch (buf[sep])
          {
          case '-':
            last = 0;
            text = sep + 1;
            break;
          case ' ':
            last = 1;
            text = sep + 1;
            break;
          case '\r':
            if (sep + 1 < len && buf[sep + 1] != '\n')
              return fail (buf, len, line, SMTPREPLY_PARSE_BAD_CODE, out);
            /* fall through */
          case '\n':
            last = 1;
            text = sep;
            break;
          case '\0':
            return fail (buf, len, line, SMTPREPLY_PARSE_NUL, out);
          default:
            return fail (buf, len, line, SMTPREPLY_PARSE_BAD_CODE, out);
          }

      /* The line end must come within SMTPREPLY_MAX_LINE_LENGTH bytes of
         the line's start, line end included; no NUL may come before it.
         What an earlier call searched of this line is not searched again. */
      limit = len - line > SMTPREPLY_MAX_LINE_LENGTH
                ? line + SMTPREPLY_MAX_LINE_LENGTH : len;
      from = st->scanned > text && st->scanned <= limit ? st->scanned : text;
      lf = memchr (buf + from, '\n', limit - from);
      end = lf != NULL ? (size_t) (lf - buf) : limit;
      nul = memchr (buf + from, '\0', end - from);
      if (nul != NULL)
        return fail (buf, len, line, SMTPREPLY_PARSE_NUL, out);
      if (lf == NULL)
        {
          /* SMTPREPLY_MAX_LINE_LENGTH bytes and no line end yet: with the
             line end still to come, the line is too long.  At the end of
             the input a final line may have no line end: then it may be
             SMTPREPLY_MAX_LINE_LENGTH bytes long. */
          if (len - line > SMTPREPLY_MAX_LINE_LENGTH
              || (len - line == SMTPREPLY_MAX_LINE_LENGTH && !end_of_input))
            return fail (buf, len, line, SMTPREPLY_PARSE_LINE_TOO_LONG, out);
          if (!end_of_input || !last)
            {
              if (end_of_input)
                return ran_out (1, len, out);
              st->scanned = end;
              goto need_more;
            }
          next = len;           /* a final line without its line end */
        }
      else
        next = end + 1;
      st->scanned = 0;
      if (end > text && buf[end - 1] == '\r')
        end--;

      if (out->nlines == SMTPREPLY_MAX_LINES)
        return fail (buf, len, line, SMTPREPLY_PARSE_TOO_MANY_LINES, out);
      record_line (buf, text, end, code, out);
      pos = next;
      if (last)
        {
          out->code = code;
          out->buf = buf;
          out->consumed = pos;
          /* RFC 5321 section 4.2: the second digit is 0 to 5. */
          if (code / 10 % 10 > 5)
            out->flags |= SMTPREPLY_REPLY_NONSTANDARD_CODE;
          if (!out->has_enhanced)
            find_enhanced_in_text (buf, code, out);
          return SMTPREPLY_PARSE_OK;
        }
    }

need_more:
  if (end_of_input)
    return ran_out (1, len, out);
  st->pos = pos;
  st->code = code;
  return SMTPREPLY_PARSE_NEED_MORE;
}

int
smtpreply_parse (const char *buf, size_t len, unsigned flags,
                 struct smtpreply_reply *out)
{
  struct smtpreply_parse_state st;
  int rc;

  if (out == NULL || (buf == NULL && len > 0))
    return SMTPREPLY_PARSE_INVALID_ARGUMENT;
  rc = parse (buf, len, (flags & SMTPREPLY_PARSE_END_OF_INPUT) != 0, 0, &st,
              out);
  if (rc == SMTPREPLY_PARSE_NEED_MORE)
    clear_reply (out);
  return rc;
}

void
smtpreply_parse_state_init (struct smtpreply_parse_state *state)
{
  if (state != NULL)
    memset (state, 0, sizeof *state);
}

/* What a NEED_MORE leaves in STATE->resume: a mix of where the parser
   goes on (the line and the reply's code), of OUT and of the number of
   lines it holds, never 0.  A state is resumed only when its RESUME
   still matches them: a zeroed state never does, nor (but by a chance of
   one in 2^31) a state that was never initialized, one left by another
   reply struct, or one whose reply struct was cleared or filled since.
   Any other state starts over, which is always right, only slower.  So
   the lines an earlier call recorded in OUT are trusted only when this
   library wrote them; their offsets are below STATE->pos, within BUF. */
static int
resume_tag (const struct smtpreply_parse_state *state,
            const struct smtpreply_reply *out)
{
  uint64_t h = (uint64_t) state->pos * UINT64_C (0x9E3779B97F4A7C15)
               ^ (uint64_t) (unsigned) state->code * UINT64_C (0xC2B2AE3D27D4EB4F)
               ^ (uint64_t) (uintptr_t) out
               ^ (uint64_t) out->nlines << 40;

  h ^= h >> 31;
  h *= UINT64_C (0xBF58476D1CE4E5B9);
  h ^= h >> 29;
  return (int) (h & 0x7ffffffe) | 1;
}

/* Whether STATE is what a NEED_MORE of a buffer at most LEN long left for
   OUT. */
static inline int
resumable (const struct smtpreply_parse_state *state,
           const struct smtpreply_reply *out, size_t len)
{
  return state->resume != 0 && state->pos <= len && state->len <= len
         && state->scanned <= len && out->nlines <= SMTPREPLY_MAX_LINES
         && state->resume == resume_tag (state, out);
}

/* smtpreply_parse_resume once its arguments are checked. */
static int __attribute__ ((noinline))
parse_resume (const char *buf, size_t len, unsigned flags,
              struct smtpreply_parse_state *state,
              struct smtpreply_reply *out)
{
  /* A state that was not left by a NEED_MORE of a buffer at least as long
     for this OUT (or that is not initialized as the header says) starts
     over. */
  int resuming = resumable (state, out, len);
  int rc = parse (buf, len, (flags & SMTPREPLY_PARSE_END_OF_INPUT) != 0,
                  resuming, state, out);

  if (rc == SMTPREPLY_PARSE_NEED_MORE)
    {
      state->len = len;
      state->resume = resume_tag (state, out);
    }
  else
    memset (state, 0, sizeof *state);
  return rc;
}

int
smtpreply_parse_resume (const char *buf, size_t len, unsigned flags,
                        struct smtpreply_parse_state *state,
                        struct smtpreply_reply *out)
{
  if (out == NULL || state == NULL || (buf == NULL && len > 0))
    return SMTPREPLY_PARSE_INVALID_ARGUMENT;
  /* The common case of a reply arriving a few bytes at a time: the last
     call stopped in the middle of a line, searching for its end (SCANNED
     beyond the line's code), and the few bytes that came since hold
     neither a line end nor a NUL, and the line is still short enough.
     Then parse would search those bytes and stop again; this says so
     without a call (a leaf function: nothing to save).  Larger arrivals
     go to parse, which searches them from SCANNED on too. */
  if ((flags & SMTPREPLY_PARSE_END_OF_INPUT) == 0
      && state->scanned > state->pos + 3 && state->scanned <= len
      && len - state->scanned <= 16
      && len - state->pos < SMTPREPLY_MAX_LINE_LENGTH
      && resumable (state, out, len))
    {
      size_t i = state->scanned;

      while (i < len && buf[i] != '\n' && buf[i] != '\0')
        i++;
      if (i == len)
        {
          state->scanned = len;
          state->len = len;
          return SMTPREPLY_PARSE_NEED_MORE;
        }
    }
  return parse_resume (buf, len, flags, state, out);
}
