/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* cli.h: what the parts of the smtpreply program share. */

#ifndef SMTPREPLY_CLI_H
#define SMTPREPLY_CLI_H

#include <smtpreply.h>

#include <stddef.h>
#include <stdio.h>

#ifdef ENABLE_NLS
# include <libintl.h>
# define _(msgid) gettext (msgid) /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): gettext's convention */
#else
# define _(msgid) (msgid) /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
# define textdomain(domain) ((void) 0)
# define bindtextdomain(domain, dir) ((void) 0)
#endif

enum exit_status
{
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2
};

/* The name the program reports under, whatever argv[0] is. */
extern const char *program_name;

/* "success", "intermediate", "transient", "permanent" or "invalid". */
const char *outcome_name (enum smtpreply_class outcome);

/* Writes the server's LEN bytes at S, with control characters (which
   could drive the terminal: C0, DEL, C1 raw or in UTF-8) shown as "?". */
void write_server_text (const char *s, size_t len);

/* The same to OUT. */
void write_safe_text (FILE *out, const char *s, size_t len);

/* A command-line argument quoted safely in error messages (control
   characters as "?", cut after 200 bytes), in BUF of SIZE bytes. */
const char *quoted_argument (const char *arg, char *buf, size_t size);

/* Writes REPLY (its text in BUF) explained as X: the JSON object that
   --parse --json prints, without a line end. */
void write_reply_json (const char *buf, const struct smtpreply_reply *reply,
                       const struct smtpreply_explanation *x);

/* Whether writing to standard output has failed: then the caller stops,
   and main reports the error once. */
int output_failed (void);

/* --bounce: explains the delivery reports in the files NAMES (N of them;
   standard input when N is 0), each a message, an mbox or a Maildir, as
   text or JSON.  Returns an exit status: EXIT_BAD_INPUT when a message
   was not a report or a file could not be read (bounce.c). */
int explain_bounces (char *const *names, int n, int json);

#endif /* SMTPREPLY_CLI_H */
