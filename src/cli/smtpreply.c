/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* smtpreply: the command-line face of libsmtpreply.
 *
 *   smtpreply 550 5.1.1          describe reply codes and enhanced codes
 *   smtpreply --context rcpt 552 the meaning after one command
 *   smtpreply --advice 5.2.2     and what the user can do about it
 *   smtpreply --list             every code the library knows
 *   smtpreply --parse [--json]   explain raw server replies read from stdin
 *   smtpreply --reasons          why messages fail: each reason's name and title
 *   smtpreply --reason NAME      one reason's title and advice
 *   smtpreply --bounce [FILE]... the failed recipients of delivery reports
 *
 * The program owns its locale (setlocale, textdomain); the library only
 * looks texts up.  Exit status: 0 when every argument or reply was
 * explained, 1 when one was not a code or did not parse, a message was
 * not a delivery report, a file could not be read (or output failed), 2
 * for a usage error.
 */

#include <config.h>

#include <smtpreply.h>

#include "cli.h"
#include "json.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *program_name = "smtpreply";

enum action
{
  ACTION_DESCRIBE,
  ACTION_LIST,
  ACTION_PARSE,
  ACTION_REASONS,
  ACTION_REASON,
  ACTION_BOUNCE,
  ACTION_HELP,
  ACTION_VERSION
};

struct options
{
  enum action action;
  enum smtpreply_context ctx;
  int json;
  int advice;                   /* --advice: print advice under the codes */
  int first_operand;            /* index in argv of the first code */
  enum smtpreply_reason reason; /* --reason NAME */
};

/* Usage and version ***************************************************/

static void
try_help (void)
{
  /* TRANSLATORS: printed after a usage error; %s is the program name. */
  fprintf (stderr, _("Try '%s --help' for more information.\n"),
           program_name);
}

static void
print_help (void)
{
  /* TRANSLATORS: --help output, first block: how the program is called.
     Keep the program name and the option names in English. */
  printf (_("Usage: %s [OPTION]... CODE...\n"
            "  or:  %s --parse [OPTION]...\n"
            "  or:  %s --bounce [OPTION]... [FILE]...\n"
            "  or:  %s --reasons | --reason=NAME\n"), program_name,
          program_name, program_name, program_name);
  /* TRANSLATORS: --help output, the paragraph saying what the program does. */
  fputs (_("Explain SMTP reply codes (such as 550), enhanced status codes\n"
           "(such as 5.1.1), whole server replies and the delivery reports\n"
           "(bounces) that come back to the sender, in the language of the\n"
           "current locale.\n"), stdout);
  putchar ('\n');
  /* TRANSLATORS: --help output, the option list.  Keep the option names
     and the context names in English; align the descriptions as in the
     original. */
  fputs (_("  -c, --context=CMD  explain codes as the answer to CMD: greeting,\n"
           "                     ehlo, helo, starttls, auth, mail, rcpt, data,\n"
           "                     data-end, bdat, rset, vrfy, expn, help, noop,\n"
           "                     quit\n"
           "  -a, --advice       also say what the user can do about each code\n"
           "  -p, --parse        read server replies from standard input and\n"
           "                     explain each one, with advice\n"
           "  -j, --json         print one JSON object per line\n"
           "  -l, --list         list every reply code the library describes\n"),
         stdout);
  /* TRANSLATORS: --help output, the options about reasons (why a message
     failed).  Keep the option names in English; align as in the
     original. */
  fputs (_("  -r, --reasons      list the reasons a message can fail for: each\n"
           "                     reason's name, then its title\n"
           "  -R, --reason=NAME  say what the reason NAME means and what the\n"
           "                     user can do about it\n"), stdout);
  /* TRANSLATORS: --help output, the option for delivery reports.  Keep
     the option names, "mbox" and "Maildir" in English; align as in the
     original. */
  fputs (_("  -b, --bounce       read the delivery reports in each FILE (a\n"
           "                     message, an mbox or a Maildir directory) or in\n"
           "                     standard input, and explain why delivery to\n"
           "                     each recipient failed or was delayed\n"), stdout);
  /* TRANSLATORS: --help output, the last options.  Keep the option names
     in English; align as in the original. */
  fputs (_("  -h, --help         display this help and exit\n"
           "  -V, --version      output version information and exit\n"),
         stdout);
  putchar ('\n');
  /* TRANSLATORS: --help output, the paragraph on languages and exit status.
     LANG, LC_ALL, LC_MESSAGES and LANGUAGE are environment variables. */
  fputs (_("The language follows LANG, LC_ALL, LC_MESSAGES and LANGUAGE.\n"
           "Exit status: 0 if everything was explained, 1 if a CODE was not\n"
           "a code, a reply did not parse, a message was not a delivery\n"
           "report or a FILE could not be read, 2 for a usage error.\n"),
         stdout);
}

static void
print_version (void)
{
  printf ("smtpreply (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
  /* TRANSLATORS: --version output, second line; %s is the version of the
     libsmtpreply library the program runs with, such as 0.1.0. */
  printf (_("Using libsmtpreply %s.\n"), smtpreply_check_version (NULL));
}

/* Output ***************************************************************/

const char *
outcome_name (enum smtpreply_class outcome)
{
  switch (outcome)
    {
    case SMTPREPLY_CLASS_SUCCESS:
      return "success";
    case SMTPREPLY_CLASS_INTERMEDIATE:
      return "intermediate";
    case SMTPREPLY_CLASS_TRANSIENT:
      return "transient";
    case SMTPREPLY_CLASS_PERMANENT:
      return "permanent";
    case SMTPREPLY_CLASS_INVALID:
      break;
    }
  return "invalid";
}

static const char *
outcome_text (enum smtpreply_class outcome)
{
  switch (outcome)
    {
    case SMTPREPLY_CLASS_SUCCESS:
      /* TRANSLATORS: --parse output: what the reply means for the client. */
      return _("Outcome: success");
    case SMTPREPLY_CLASS_INTERMEDIATE:
      /* TRANSLATORS: --parse output: a 3yz reply, the exchange goes on. */
      return _("Outcome: the server waits for the next step");
    case SMTPREPLY_CLASS_TRANSIENT:
      /* TRANSLATORS: --parse output: a temporary (4yz) failure. */
      return _("Outcome: temporary failure (can be retried later)");
    case SMTPREPLY_CLASS_PERMANENT:
      /* TRANSLATORS: --parse output: a permanent (5yz) failure. */
      return _("Outcome: permanent failure (do not retry as is)");
    case SMTPREPLY_CLASS_INVALID:
      break;
    }
  return "";
}

/* At S (LEN bytes): the length of a control character that could drive
   the terminal, as a negative number (C0 but tab, DEL, C1 written in
   UTF-8 as C2 80 to C2 9F, and a stray byte 0x80-0x9F, C1 raw), or the
   length of anything else to write as it is (a character, a valid UTF-8
   sequence, or one other byte). */
static long
next_piece (const unsigned char *s, size_t len)
{
  size_t n;

  if ((s[0] < 0x20 && s[0] != '\t') || s[0] == 0x7F)
    return -1;
  if (s[0] < 0x80)
    return 1;
  n = utf8_sequence_length (s, len);
  if (n == 2 && s[0] == 0xC2 && s[1] <= 0x9F)
    return -2;
  if (n > 0)
    return (long) n;
  return s[0] <= 0x9F ? -1 : 1;
}

/* Writes LEN bytes of S to OUT, each control character (which could drive
   the terminal: escape sequences, C1 CSI) shown as "?", the runs between
   them in one piece. */
void
write_safe_text (FILE *out, const char *s, size_t len)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t i = 0, start = 0;

  while (i < len)
    {
      long n;

      if (p[i] >= 0x20 && p[i] < 0x7F)
        {
          i += plain_ascii_run (p + i, len - i, 0);
          continue;
        }
      n = next_piece (p + i, len - i);
      if (n > 0)
        {
          i += (size_t) n;
          continue;
        }
      if (i > start)
        fwrite (p + start, 1, i - start, out);
      putc_unlocked ('?', out);
      i += (size_t) -n;
      start = i;
    }
  if (i > start)
    fwrite (p + start, 1, i - start, out);
}

/* Writes the server's bytes to standard output, safely. */
void
write_server_text (const char *s, size_t len)
{
  write_safe_text (stdout, s, len);
}

/* A command-line argument as error messages quote it: its control
   characters shown as "?", and cut after 200 bytes ("..."), in BUF. */
const char *
quoted_argument (const char *arg, char *buf, size_t size)
{
  const unsigned char *p = (const unsigned char *) arg;
  size_t len = strlen (arg), i = 0, o = 0;

  if (len > 200)
    len = 200;
  while (i < len && o + 5 < size)
    {
      long n = next_piece (p + i, len - i);

      if (n < 0)
        {
          buf[o++] = '?';
          i += (size_t) -n;
        }
      else
        {
          if (o + (size_t) n + 4 >= size)
            break;
          memcpy (buf + o, p + i, (size_t) n);
          o += (size_t) n;
          i += (size_t) n;
        }
    }
  if (i < strlen (arg) && o + 4 <= size)
    {
      memcpy (buf + o, "...", 3);
      o += 3;
    }
  buf[o < size ? o : size - 1] = '\0';
  return buf;
}

static void
format_enhanced (const struct smtpreply_enhanced *e, char *out, size_t size)
{
  snprintf (out, size, "%d.%d.%d", e->cls, e->subject, e->detail);
}

/* What the server did that the RFCs do not foresee (the parser's flags),
   with their JSON names. */
static const struct
{
  unsigned flag;
  const char *name;
} reply_flags[] = {
  { SMTPREPLY_REPLY_NONSTANDARD_CODE, "nonstandard_code" },
  { SMTPREPLY_REPLY_ENHANCED_CLASS_MISMATCH, "enhanced_class_mismatch" },
  { SMTPREPLY_REPLY_ENHANCED_IN_TEXT, "enhanced_in_text" },
};

#define N_REPLY_FLAGS (sizeof reply_flags / sizeof reply_flags[0])

static const char *
flag_note (unsigned flag)
{
  switch (flag)
    {
    case SMTPREPLY_REPLY_NONSTANDARD_CODE:
      /* TRANSLATORS: --parse output: the server sent a reply code whose
         second digit is 6 to 9 (such as 571), which RFC 5321 does not
         define. */
      return _("Note: the reply code is not a standard one; only its first digit counts");
    case SMTPREPLY_REPLY_ENHANCED_CLASS_MISMATCH:
      /* TRANSLATORS: --parse output: the enhanced status code's first digit
         differs from the reply code's (such as "550 4.4.7"); the reply
         code decides whether to retry. */
      return _("Note: the enhanced code's class differs from the reply code's; the reply code says whether to retry");
    case SMTPREPLY_REPLY_ENHANCED_IN_TEXT:
      /* TRANSLATORS: --parse output: the enhanced status code was written
         inside the server's text (such as "(#5.1.1)", as qmail does), not
         after the reply code. */
      return _("Note: the enhanced code was found in the server's text");
    default:
      return "";
    }
}

/* The part of a reply's text output that its code, enhanced code, flags
   and reason decide (all but the server's lines), to OUT. */
static void
print_reply_text_head (FILE *out, const struct smtpreply_reply *reply,
                       const struct smtpreply_explanation *x)
{
  char enhanced[16] = "";
  size_t i;

  if (reply->has_enhanced)
    format_enhanced (&reply->enhanced, enhanced, sizeof enhanced);
  fprintf (out, "%d%s%s: %s\n", reply->code, *enhanced ? " " : "", enhanced,
           x->headline);
  fprintf (out, "  %s\n", outcome_text (x->outcome));
  /* TRANSLATORS: --parse output: the meaning of the basic reply code;
     %d is the code (550), %s its description. */
  fprintf (out, _("  Reply code %d: %s\n"), reply->code, x->description);
  if (x->enhanced_description != NULL)
    /* TRANSLATORS: --parse output: the meaning of the enhanced status code;
       the first %s is the code (5.1.1), the second its title. */
    fprintf (out, _("  Enhanced code %s: %s\n"), enhanced,
             x->enhanced_description);
  /* TRANSLATORS: --parse and --advice output: what the user can do; %s is
     the advice. */
  fprintf (out, _("  Advice: %s\n"), x->advice);
  for (i = 0; i < N_REPLY_FLAGS; i++)
    if (reply->flags & reply_flags[i].flag)
      fprintf (out, "  %s\n", flag_note (reply_flags[i].flag));
  if (!x->show_server_text)
    /* TRANSLATORS: --parse output, instead of the server's text when it
       is sign-in data (the base64 challenge of SMTP reply 334). */
    fprintf (out, "  %s\n", _("Server: (sign-in data, not shown)"));
}

static void
print_server_lines (const char *buf, const struct smtpreply_reply *reply)
{
  /* Looked up once: the language does not change during a run. */
  static const char *prefix;
  static size_t prefix_len;
  size_t i;

  if (prefix == NULL)
    {
      /* TRANSLATORS: --parse and --bounce output: before each line of the
         server's own text. */
      prefix = _("  Server: ");
      prefix_len = strlen (prefix);
    }
  for (i = 0; i < reply->nlines; i++)
    {
      fwrite (prefix, 1, prefix_len, stdout);
      write_server_text (buf + reply->lines[i].offset,
                         reply->lines[i].length);
      putchar_unlocked ('\n');
    }
}

/* ,"reason":"mailbox_full","reason_title":"..." */
static void
print_reason_json (FILE *out, enum smtpreply_reason reason)
{
  fprintf (out, ",\"reason\":\"%s\",\"reason_title\":",
           smtpreply_reason_name (reason));
  json_write_cstring (out, smtpreply_reason_title (reason, NULL));
}

/* The JSON object of a reply up to its text: {"code":...,"text":[ */
static void
write_reply_json_head (FILE *out, const struct smtpreply_reply *reply,
                       const struct smtpreply_explanation *x)
{
  size_t i;
  int first;

  fprintf (out, "{\"code\":%d,\"enhanced\":", reply->code);
  if (reply->has_enhanced)
    {
      char enhanced[16];

      format_enhanced (&reply->enhanced, enhanced, sizeof enhanced);
      fprintf (out, "\"%s\"", enhanced);
    }
  else
    fputs ("null", out);
  fprintf (out, ",\"class\":\"%s\",\"description\":",
           outcome_name (x->outcome));
  json_write_cstring (out, x->description);
  fputs (",\"enhanced_description\":", out);
  json_write_cstring (out, x->enhanced_description);
  fputs (",\"headline\":", out);
  json_write_cstring (out, x->headline);
  fputs (",\"advice\":", out);
  json_write_cstring (out, x->advice);
  print_reason_json (out, x->reason);
  fputs (",\"flags\":[", out);
  for (i = 0, first = 1; i < N_REPLY_FLAGS; i++)
    if (reply->flags & reply_flags[i].flag)
      {
        fprintf (out, "%s\"%s\"", first ? "" : ",", reply_flags[i].name);
        first = 0;
      }
  fprintf (out, "],\"show_text\":%s,\"text\":[",
           x->show_server_text ? "true" : "false");
}

/* The server's lines of REPLY (in BUF) as the end of its JSON object. */
static void
write_reply_json_text (const char *buf, const struct smtpreply_reply *reply)
{
  size_t i;

  for (i = 0; i < reply->nlines; i++)
    {
      if (i > 0)
        putchar_unlocked (',');
      json_write_string (stdout, buf + reply->lines[i].offset,
                         reply->lines[i].length);
    }
  fputs ("]}", stdout);
}

void
write_reply_json (const char *buf, const struct smtpreply_reply *reply,
                  const struct smtpreply_explanation *x)
{
  write_reply_json_head (stdout, reply, x);
  write_reply_json_text (buf, reply);
}

/* --parse meets the same few replies over and over (a server's log, a
   mailing run).  What a reply's output says before the server's own
   lines depends only on its code, enhanced code, flags and reason (and
   the context and the language, which do not change during a run:
   smtpreply_explain uses nothing else), so it is written once per such
   key and copied after: a small table whose memory stays bounded
   whatever the
   input: sets of HEAD_WAYS entries, the oldest replaced when another
   key needs a place in its set. */
#define HEAD_SETS 256
#define HEAD_WAYS 4

struct head
{
  char *text;                   /* NULL: empty slot */
  size_t len;
  int code, has_enhanced, show_text;
  struct smtpreply_enhanced enhanced;
  enum smtpreply_reason reason;
  unsigned flags;
};

static struct head heads[HEAD_SETS][HEAD_WAYS];
static unsigned char head_next[HEAD_SETS];      /* the way to replace */

static int
head_matches (const struct head *h, const struct smtpreply_reply *reply,
              enum smtpreply_reason reason)
{
  return h->text != NULL && h->code == reply->code && h->reason == reason
         && h->flags == reply->flags && h->has_enhanced == reply->has_enhanced
         && (!reply->has_enhanced
             || (h->enhanced.cls == reply->enhanced.cls
                 && h->enhanced.subject == reply->enhanced.subject
                 && h->enhanced.detail == reply->enhanced.detail));
}

/* The head of REPLY's output, from the table or written into it; NULL when
   memory ran out (the caller then writes it directly). */
static const struct head *
reply_head (const struct smtpreply_reply *reply, const struct options *opts)
{
  enum smtpreply_reason reason = smtpreply_reason (reply, opts->ctx);
  uint32_t hash = (uint32_t) reply->code;
  struct head *set, *h;
  struct smtpreply_explanation x;
  FILE *f;
  char *text = NULL;
  size_t len = 0, way;

  hash = hash * 0x9E3779B1u + (uint32_t) reason;
  hash = hash * 0x9E3779B1u + reply->flags;
  if (reply->has_enhanced)
    {
      hash = hash * 0x9E3779B1u + (uint32_t) reply->enhanced.cls;
      hash = hash * 0x9E3779B1u + (uint32_t) reply->enhanced.subject;
      hash = hash * 0x9E3779B1u + (uint32_t) reply->enhanced.detail;
    }
  hash *= 0x9E3779B1u;
  set = heads[(hash >> 16) % HEAD_SETS];
  for (way = 0; way < HEAD_WAYS; way++)
    if (head_matches (&set[way], reply, reason))
      return &set[way];
  smtpreply_explain (reply, opts->ctx, &x);
  f = open_memstream (&text, &len);
  if (f == NULL)
    return NULL;
  if (opts->json)
    write_reply_json_head (f, reply, &x);
  else
    print_reply_text_head (f, reply, &x);
  if (fclose (f) != 0)
    {
      free (text);
      return NULL;
    }
  way = head_next[(hash >> 16) % HEAD_SETS];
  head_next[(hash >> 16) % HEAD_SETS] = (unsigned char) ((way + 1) % HEAD_WAYS);
  h = &set[way];
  free (h->text);
  h->text = text;
  h->len = len;
  h->code = reply->code;
  h->has_enhanced = reply->has_enhanced;
  h->enhanced = reply->enhanced;
  h->reason = reason;
  h->flags = reply->flags;
  h->show_text = x.show_server_text;
  return h;
}

static void
free_heads (void)
{
  size_t i, way;

  for (i = 0; i < HEAD_SETS; i++)
    for (way = 0; way < HEAD_WAYS; way++)
      {
        free (heads[i][way].text);
        heads[i][way].text = NULL;
      }
}

static void
print_reply (const char *buf, const struct smtpreply_reply *reply,
             const struct options *opts)
{
  const struct head *h = reply_head (reply, opts);
  int show_text;

  if (h != NULL)
    {
      fwrite (h->text, 1, h->len, stdout);
      show_text = h->show_text;
    }
  else
    {
      struct smtpreply_explanation x;

      smtpreply_explain (reply, opts->ctx, &x);
      if (opts->json)
        write_reply_json_head (stdout, reply, &x);
      else
        print_reply_text_head (stdout, reply, &x);
      show_text = x.show_server_text;
    }
  if (opts->json)
    {
      write_reply_json_text (buf, reply);
      putchar_unlocked ('\n');
    }
  else if (show_text)
    print_server_lines (buf, reply);
}

/* Codes on the command line *******************************************/

/* A reply code argument: exactly three digits, the first 2-5 (RFC 5321
   section 4.2; a second digit of 6-9, which real servers send, is taken
   too).  Returns the code, or -1. */
static int
parse_code (const char *arg)
{
  int code;

  if (strlen (arg) != 3 || strspn (arg, "0123456789") != 3)
    return -1;
  code = (arg[0] - '0') * 100 + (arg[1] - '0') * 10 + (arg[2] - '0');
  return smtpreply_class (code) == SMTPREPLY_CLASS_INVALID ? -1 : code;
}

static void
print_code (int code, const struct options *opts)
{
  struct smtpreply_reply reply;

  if (opts->json)
    {
      memset (&reply, 0, sizeof reply);
      reply.code = code;
      print_reply ("", &reply, opts);
    }
  else
    {
      printf ("%d %s\n", code, smtpreply_describe_ctx (code, opts->ctx));
      if (opts->advice)
        printf (_("  Advice: %s\n"), smtpreply_advice_ctx (code, opts->ctx));
    }
}

/* The reason an enhanced code gives on its own: that of a reply of its
   class (x50) that says nothing else. */
static enum smtpreply_reason
enhanced_reason (const struct smtpreply_enhanced *e,
                 enum smtpreply_context ctx)
{
  struct smtpreply_reply reply;

  memset (&reply, 0, sizeof reply);
  reply.code = e->cls * 100 + 50;
  reply.has_enhanced = 1;
  reply.enhanced = *e;
  return smtpreply_reason (&reply, ctx);
}

static void
print_enhanced (const char *arg, const struct smtpreply_enhanced *e,
                const struct options *opts)
{
  const char *title = smtpreply_describe_enhanced (e->cls, e->subject,
                                                   e->detail);
  const char *advice = smtpreply_advice_enhanced (e->cls, e->subject,
                                                  e->detail);

  if (!opts->json)
    {
      printf ("%s %s\n", arg, title);
      if (opts->advice)
        printf (_("  Advice: %s\n"), advice);
      return;
    }
  printf ("{\"code\":null,\"enhanced\":\"%d.%d.%d\",\"class\":\"%s\","
          "\"description\":null,\"enhanced_description\":",
          e->cls, e->subject, e->detail,
          outcome_name ((enum smtpreply_class) e->cls));
  json_write_cstring (stdout, title);
  fputs (",\"headline\":", stdout);
  json_write_cstring (stdout, title);
  fputs (",\"advice\":", stdout);
  json_write_cstring (stdout, advice);
  print_reason_json (stdout, enhanced_reason (e, opts->ctx));
  fputs (",\"flags\":[],\"show_text\":true,\"text\":[]}\n", stdout);
}

static int
describe_operands (int argc, char **argv, const struct options *opts)
{
  int status = EXIT_OK;
  int i;

  for (i = opts->first_operand; i < argc; i++)
    {
      char quoted[256];
      struct smtpreply_enhanced enhanced;
      int code = parse_code (argv[i]);

      if (code >= 0)
        print_code (code, opts);
      else if (smtpreply_enhanced_from_string (argv[i], &enhanced) == 0)
        print_enhanced (argv[i], &enhanced, opts);
      else
        {
          /* TRANSLATORS: error for a command-line argument that is neither
             kind of code; the first %s is the program name, the second the
             argument as typed.  Keep "550" and "5.1.1" as examples. */
          fprintf (stderr, _("%s: '%s' is not an SMTP reply code (such as 550)"
                             " or enhanced status code (such as 5.1.1)\n"),
                   program_name, quoted_argument (argv[i], quoted,
                                                  sizeof quoted));
          status = EXIT_BAD_INPUT;
        }
    }
  return status;
}

static void
list_codes (const struct options *opts)
{
  int code;

  for (code = 0; code < 1000; code++)
    if (smtpreply_is_known (code))
      print_code (code, opts);
}

/* --reasons and --reason *********************************************/

static void
print_reason_text (enum smtpreply_reason reason, int with_advice)
{
  if (!with_advice)
    {
      printf ("%-20s %s\n", smtpreply_reason_name (reason),
              smtpreply_reason_title (reason, NULL));
      return;
    }
  printf ("%s: %s\n", smtpreply_reason_name (reason),
          smtpreply_reason_title (reason, NULL));
  /* TRANSLATORS: --reason output: the advice when the server's failure is
     temporary (a 4yz reply); %s is the advice. */
  printf (_("  If the failure is temporary: %s\n"),
          smtpreply_reason_advice (reason, SMTPREPLY_CLASS_TRANSIENT, NULL));
  /* TRANSLATORS: --reason output: the advice when the server's failure is
     permanent (a 5yz reply); %s is the advice. */
  printf (_("  If the failure is permanent: %s\n"),
          smtpreply_reason_advice (reason, SMTPREPLY_CLASS_PERMANENT, NULL));
}

static void
print_reason_json_line (enum smtpreply_reason reason)
{
  printf ("{\"reason\":\"%s\",\"title\":", smtpreply_reason_name (reason));
  json_write_cstring (stdout, smtpreply_reason_title (reason, NULL));
  fputs (",\"advice_transient\":", stdout);
  json_write_cstring (stdout, smtpreply_reason_advice (reason,
                                                       SMTPREPLY_CLASS_TRANSIENT,
                                                       NULL));
  fputs (",\"advice_permanent\":", stdout);
  json_write_cstring (stdout, smtpreply_reason_advice (reason,
                                                       SMTPREPLY_CLASS_PERMANENT,
                                                       NULL));
  fputs ("}\n", stdout);
}

static void
print_reasons (const struct options *opts)
{
  int reason;

  if (opts->action == ACTION_REASON)
    {
      if (opts->json)
        print_reason_json_line (opts->reason);
      else
        print_reason_text (opts->reason, 1);
      return;
    }
  for (reason = 0; reason < SMTPREPLY_REASON_COUNT; reason++)
    if (opts->json)
      print_reason_json_line ((enum smtpreply_reason) reason);
    else
      print_reason_text ((enum smtpreply_reason) reason, 0);
}

/* Output **************************************************************/

/* Standard output, when it is not a terminal, is written in blocks this
   large (a terminal keeps its line buffering). */
#define OUTPUT_BUFFER_SIZE (1u << 20)

static char output_buffer[OUTPUT_BUFFER_SIZE];

/* The error of the first write that failed, or 0. */
static int write_errno;

/* Whether writing to standard output has failed (its error then kept). */
int
output_failed (void)
{
  if (!ferror (stdout))
    return 0;
  if (write_errno == 0)
    write_errno = errno != 0 ? errno : EIO;
  return 1;
}

/* --parse **************************************************************/

struct input
{
  char *buf;
  size_t start, len, cap;       /* unparsed bytes: buf[start, len) */
  unsigned long long offset;    /* of buf[start] in the whole input */
  int eof;
  int skip_line;                /* drop input up to the next line end */
};

/* Reads more of standard input.  Returns 0, or -1 after a read error or
   when memory ran out (with a message). */
static int
read_more (struct input *in)
{
  ssize_t n;

  if (in->start > 0)
    {
      memmove (in->buf, in->buf + in->start, in->len - in->start);
      in->len -= in->start;
      in->start = 0;
    }
  if (in->len == in->cap)
    {
      size_t cap = in->cap ? in->cap * 2 : 65536;
      char *grown = realloc (in->buf, cap);

      if (grown == NULL)
        {
          /* TRANSLATORS: error when memory ran out; %s is the program name. */
          fprintf (stderr, _("%s: out of memory\n"), program_name);
          return -1;
        }
      in->buf = grown;
      in->cap = cap;
    }
  do
    n = read (STDIN_FILENO, in->buf + in->len, in->cap - in->len);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      /* TRANSLATORS: error reading standard input; the first %s is the
         program name, the second the system's error text. */
      fprintf (stderr, _("%s: read error: %s\n"), program_name,
               strerror (errno));
      return -1;
    }
  if (n == 0)
    in->eof = 1;
  in->len += (size_t) n;
  return 0;
}

static void
consume (struct input *in, size_t n)
{
  in->start += n;
  in->offset += n;
}

/* After an error whose line end has not arrived: drops the bytes up to and
   including it.  Returns 1 while still looking for it. */
static int
skip_rest_of_line (struct input *in)
{
  const char *lf = memchr (in->buf + in->start, '\n', in->len - in->start);

  if (lf == NULL)
    {
      consume (in, in->len - in->start);
      return !in->eof;
    }
  consume (in, (size_t) (lf - (in->buf + in->start)) + 1);
  in->skip_line = 0;
  return 0;
}

static void
report_parse_error (int rc, const struct input *in, const struct options *opts)
{
  if (opts->json)
    {
      fputs ("{\"error\":", stdout);
      json_write_cstring (stdout, smtpreply_strerror (rc));
      printf (",\"offset\":%llu}\n", in->offset);
      return;
    }
  fflush (stdout);
  /* TRANSLATORS: error for server output that does not parse; the first %s
     is the program name, %llu the position in the input (in bytes, from 0),
     the last %s the reason. */
  fprintf (stderr, _("%s: at byte %llu of the input: %s\n"), program_name,
           in->offset, smtpreply_strerror (rc));
}

static int
parse_input (const struct options *opts)
{
  struct input in = { NULL, 0, 0, 0, 0, 0, 0 };
  struct smtpreply_parse_state state;
  int status = EXIT_OK;

  /* A reply that arrives in pieces (a pipe, a slow server) is parsed from
     where the last attempt stopped: linear whatever the pieces. */
  smtpreply_parse_state_init (&state);
  for (;;)
    {
      struct smtpreply_reply reply;
      int rc;

      if (in.skip_line && skip_rest_of_line (&in))
        {
          if (read_more (&in) != 0)
            break;
          continue;
        }
      if (in.start == in.len && in.eof)
        {
          /* No input at all: the library's "The input is empty", as for
             any other input that holds no reply. */
          if (in.offset == 0)
            {
              report_parse_error (SMTPREPLY_PARSE_EMPTY, &in, opts);
              status = EXIT_BAD_INPUT;
            }
          break;
        }
      rc = in.start == in.len
             ? SMTPREPLY_PARSE_NEED_MORE
             : smtpreply_parse_resume (in.buf + in.start, in.len - in.start,
                                       in.eof ? SMTPREPLY_PARSE_END_OF_INPUT : 0,
                                       &state, &reply);
      if (rc == SMTPREPLY_PARSE_NEED_MORE)
        {
          if (read_more (&in) != 0)
            {
              status = EXIT_BAD_INPUT;
              break;
            }
          continue;
        }
      if (rc == SMTPREPLY_PARSE_OK)
        {
          print_reply (in.buf + in.start, &reply, opts);
          consume (&in, reply.consumed);
          /* Once the output cannot be written (a full disk, a closed
             pipe), reading on is of no use: main reports it, once. */
          if (output_failed ())
            break;
          continue;
        }
      report_parse_error (rc, &in, opts);
      status = EXIT_BAD_INPUT;
      /* The parser dropped the bad line up to its end; when that end has
         not been read yet, keep dropping until it comes. */
      in.skip_line = !in.eof && reply.consumed == in.len - in.start
                     && in.buf[in.len - 1] != '\n';
      consume (&in, reply.consumed);
    }
  free (in.buf);
  free_heads ();
  return status;
}

/* main *****************************************************************/

static int
usage_error (void)
{
  try_help ();
  return EXIT_USAGE;
}

/* Parses the options into OPTS.  Returns EXIT_OK, or EXIT_USAGE after
   printing why. */
static int
parse_options (int argc, char **argv, struct options *opts)
{
  static const struct option long_options[] = {
    { "context", required_argument, NULL, 'c' },
    { "advice", no_argument, NULL, 'a' },
    { "parse", no_argument, NULL, 'p' },
    { "json", no_argument, NULL, 'j' },
    { "list", no_argument, NULL, 'l' },
    { "reasons", no_argument, NULL, 'r' },
    { "reason", required_argument, NULL, 'R' },
    { "bounce", no_argument, NULL, 'b' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  int c, ctx;
  char quoted[256];

  memset (opts, 0, sizeof *opts);
  opts->action = ACTION_DESCRIBE;
  /* The program reports bad options itself, in its own words and
     language, and under its own name whatever argv[0] is. */
  opterr = 0;
  while ((c = getopt_long (argc, argv, ":abc:pjlrR:hV", long_options, NULL)) != -1)
    switch (c)
      {
      case ':':
        /* TRANSLATORS: error for an option given without its value; the
           first %s is the program name, the second the option as typed. */
        fprintf (stderr, _("%s: option '%s' requires an argument\n"),
                 program_name, quoted_argument (argv[optind - 1], quoted,
                                                sizeof quoted));
        return usage_error ();
      case '?':
        if (strncmp (argv[optind - 1], "--", 2) != 0)
          /* TRANSLATORS: error for an unknown one-letter option; %s is the
             program name, %c the letter. */
          fprintf (stderr, _("%s: invalid option -- '%c'\n"), program_name,
                   optopt > 0x20 && optopt < 0x7F ? optopt : '?');
        else if (optopt != 0)
          /* TRANSLATORS: error for a long option given a value it does not
             take (--help=x); %s is the program name, %.*s the option. */
          {
            quoted_argument (argv[optind - 1], quoted, sizeof quoted);
            fprintf (stderr, _("%s: option '%.*s' doesn't allow an argument\n"),
                     program_name, (int) strcspn (quoted, "="), quoted);
          }
        else
          /* TRANSLATORS: error for an unknown long option; the first %s is
             the program name, the second the option as typed. */
          fprintf (stderr, _("%s: unrecognized option '%s'\n"), program_name,
                   quoted_argument (argv[optind - 1], quoted, sizeof quoted));
        return usage_error ();
      case 'c':
        ctx = smtpreply_context_from_name (optarg);
        if (ctx < 0)
          {
            /* TRANSLATORS: error for --context with a name that is not one
               of the command names; the first %s is the program name, the
               second the name as typed. */
            fprintf (stderr, _("%s: unknown context '%s'\n"), program_name,
                     quoted_argument (optarg, quoted, sizeof quoted));
            return usage_error ();
          }
        opts->ctx = (enum smtpreply_context) ctx;
        break;
      case 'R':
        ctx = smtpreply_reason_from_name (optarg);
        if (ctx < 0)
          {
            /* TRANSLATORS: error for --reason with a name that is not a
               reason's (smtpreply --reasons lists them); the first %s is the
               program name, the second the name as typed. */
            fprintf (stderr, _("%s: unknown reason '%s'\n"), program_name,
                     quoted_argument (optarg, quoted, sizeof quoted));
            return usage_error ();
          }
        opts->reason = (enum smtpreply_reason) ctx;
        opts->action = ACTION_REASON;
        break;
      case 'r':
        opts->action = ACTION_REASONS;
        break;
      case 'b':
        opts->action = ACTION_BOUNCE;
        break;
      case 'a':
        opts->advice = 1;
        break;
      case 'p':
        opts->action = ACTION_PARSE;
        break;
      case 'j':
        opts->json = 1;
        break;
      case 'l':
        opts->action = ACTION_LIST;
        break;
      case 'h':
        opts->action = ACTION_HELP;
        break;
      case 'V':
        opts->action = ACTION_VERSION;
        break;
      }
  opts->first_operand = optind;

  if (opts->action == ACTION_DESCRIBE && optind >= argc)
    {
      /* TRANSLATORS: error when the program is run without a code; %s is
         the program name. */
      fprintf (stderr, _("%s: no reply code given\n"), program_name);
      return usage_error ();
    }
  if ((opts->action == ACTION_REASONS || opts->action == ACTION_REASON)
      && optind < argc)
    {
      /* TRANSLATORS: error when --reasons or --reason is given codes too;
         %s is the program name.  Keep the option names in English. */
      fprintf (stderr, _("%s: --reasons and --reason take no codes\n"),
               program_name);
      return usage_error ();
    }
  if (opts->action == ACTION_PARSE && optind < argc)
    {
      /* TRANSLATORS: error when --parse is given codes too; %s is the
         program name.  Keep "--parse" in English. */
      fprintf (stderr, _("%s: --parse reads standard input and takes no "
                         "codes\n"), program_name);
      return usage_error ();
    }
  return EXIT_OK;
}

/* Output errors (a full disk, a closed pipe) must not pass silently. */
static int
close_stdout (int status)
{
  int failed = output_failed ();

  if (fflush (stdout) != 0 && write_errno == 0)
    write_errno = errno;
  if (fclose (stdout) != 0 && write_errno == 0)
    write_errno = errno;
  if (failed || write_errno != 0)
    {
      /* TRANSLATORS: error when the output could not be written; the first
         %s is the program name, the second the system's error text. */
      fprintf (stderr, _("%s: write error: %s\n"), program_name,
               strerror (write_errno != 0 ? write_errno : EIO));
      return EXIT_BAD_INPUT;
    }
  return status;
}

int
main (int argc, char **argv)
{
  struct options opts;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (PACKAGE, LOCALEDIR);
  textdomain (PACKAGE);

  status = parse_options (argc, argv, &opts);
  if (status != EXIT_OK)
    return status;
  /* JSON is UTF-8 whatever the terminal's codeset. */
  if (opts.json)
    smtpreply_use_utf8 ();
  /* Output for another program or a file goes in large blocks. */
  if ((opts.action == ACTION_PARSE || opts.action == ACTION_BOUNCE)
      && !isatty (STDOUT_FILENO))
    setvbuf (stdout, output_buffer, _IOFBF, sizeof output_buffer);

  switch (opts.action)
    {
    case ACTION_HELP:
      print_help ();
      break;
    case ACTION_VERSION:
      print_version ();
      break;
    case ACTION_LIST:
      list_codes (&opts);
      break;
    case ACTION_REASONS:
    case ACTION_REASON:
      print_reasons (&opts);
      break;
    case ACTION_PARSE:
      status = parse_input (&opts);
      break;
    case ACTION_BOUNCE:
      status = explain_bounces (argv + opts.first_operand,
                                argc - opts.first_operand, opts.json);
      break;
    case ACTION_DESCRIBE:
      status = describe_operands (argc, argv, &opts);
      break;
    }
  return close_stdout (status);
}
