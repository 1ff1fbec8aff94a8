/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* report.h: reading delivery reports (internal).
 *
 * A report flows one way: the raw message -> mime.c (headers, parts,
 * transfer encodings, charsets) -> dsn.c (the fields of a standard report,
 * RFC 3464 / RFC 6533) or text.c (the reports written as text, with the
 * markers of formats.def) -> report.c (the recipients, their replies and
 * reasons, the public API).  Every byte a report keeps is in its arena,
 * whose size is bounded by the message's (SMTPREPLY_REPORT_MEMORY).
 */

#ifndef SMTPREPLY_REPORT_H
#define SMTPREPLY_REPORT_H

#include "smtpreply.h"

#include <stddef.h>

/* The library's own names for these functions, so that a program linked
   with the static library keeps its own arena_alloc, next_line... */
#define arena_alloc          smtpreply__report_arena_alloc
#define arena_free           smtpreply__report_arena_free
#define arena_init           smtpreply__report_arena_init
#define arena_strndup        smtpreply__report_arena_strndup
#define builder_add          smtpreply__report_builder_add
#define builder_arena        smtpreply__report_builder_arena
#define content_type_parse   smtpreply__report_content_type_parse
#define decode_body          smtpreply__report_decode_body
#define decode_header_text   smtpreply__report_decode_header_text
#define dsn_read             smtpreply__report_dsn_read
#define entity_split         smtpreply__report_entity_split
#define find_ascii_ci        smtpreply__report_find_ascii_ci
#define words_at             smtpreply__report_words_at
#define find_words           smtpreply__report_find_words
#define header_value         smtpreply__report_header_value
#define json_read            smtpreply__report_json_read
#define mime_walk            smtpreply__report_mime_walk
#define next_line            smtpreply__report_next_line
#define rebuild_reply        smtpreply__report_rebuild_reply
#define starts_with_ci       smtpreply__report_starts_with_ci
#define text_context         smtpreply__report_text_context
#define text_delayed         smtpreply__report_text_delayed
#define text_format          smtpreply__report_text_format
#define text_read            smtpreply__report_text_read
#define text_reply           smtpreply__report_text_reply
#define text_quoted_subject  smtpreply__report_text_quoted_subject
#define text_dsn_fields      smtpreply__report_text_dsn_fields
#define text_status         smtpreply__report_text_status
#define text_report_subject  smtpreply__report_text_report_subject
#define text_returned_copy   smtpreply__report_text_returned_copy
#define transfer_encoding_of smtpreply__report_transfer_encoding_of

/* The arena **********************************************************/

struct arena_block;

struct arena
{
  struct arena_block *head;
  size_t used;                  /* bytes taken from malloc so far */
  size_t limit;                 /* the most it may take */
  int failed;                   /* an allocation was refused */
};

void arena_init (struct arena *a, size_t limit);
void arena_free (struct arena *a);
/* N bytes aligned for any object, or NULL when the limit is reached (then
   A->failed is set). */
void *arena_alloc (struct arena *a, size_t n);
/* A NUL-terminated copy of S (N bytes), or NULL. */
char *arena_strndup (struct arena *a, const char *s, size_t n);

/* Text ****************************************************************/

/* A run of bytes that is not NUL-terminated. */
struct span
{
  const char *p;
  size_t n;
};

/* The line at *P (before END): its text without the line end; *P moves to
   the next line.  Returns 0 when *P is at END. */
int next_line (const char **p, const char *end, struct span *line);

/* ASCII case-insensitive search for the NUL-terminated NEEDLE in HAY;
   returns the offset or (size_t) -1. */
size_t find_ascii_ci (const char *hay, size_t n, const char *needle);

/* The same, where a space of NEEDLE matches any run of white space and
   line ends of HAY (a phrase a report wrapped over two lines). */
size_t find_words (const char *hay, size_t n, const char *needle);

/* Whether HAY (N bytes) starts with NEEDLE as find_words matches it: the
   length matched, or 0. */
size_t words_at (const char *hay, size_t n, const char *needle);

/* Whether the bytes at S (N of them) start with the NUL-terminated PREFIX,
   ignoring ASCII case. */
int starts_with_ci (const char *s, size_t n, const char *prefix);

/* MIME (mime.c) ****************************************************/

enum transfer_encoding
{
  ENCODING_IDENTITY,
  ENCODING_BASE64,
  ENCODING_QUOTED_PRINTABLE
};

/* The headers of a message or part: HEAD is the header section (up to the
   empty line), BODY what follows. */
struct entity
{
  struct span head;
  struct span body;
};

/* Splits MSG into its header section and body. */
void entity_split (const char *msg, size_t len, struct entity *e);

/* The value of the first header field NAME (ASCII, any case) of HEAD,
   unfolded (each line break and the white space after it one space),
   trimmed, in the arena; NULL when there is none (or on ENOMEM). */
char *header_value (struct arena *a, struct span head, const char *name);

/* A Content-Type, read: the type in lower case ("multipart/report"), and
   the parameters the reader needs. */
struct content_type
{
  char type[64];
  char boundary[204];           /* RFC 2046: at most 70; some send more */
  char report_type[40];
  char charset[40];
};

void content_type_parse (const char *value, struct content_type *ct);

/* The transfer encoding named by VALUE (NULL: identity). */
enum transfer_encoding transfer_encoding_of (const char *value);

/* The body decoded from ENCODING and converted from CHARSET to UTF-8 (when
   CHARSET names another, known one), NUL-terminated, in the arena; NULL on
   ENOMEM.  Invalid base64 or quoted-printable is decoded as far as it
   goes. */
char *decode_body (struct arena *a, struct span body,
                   enum transfer_encoding encoding, const char *charset,
                   size_t *len);

/* TEXT (LEN bytes) converted to UTF-8: RFC 2047 encoded words decoded,
   raw ISO-2022-JP converted, other bytes kept; in the arena. */
char *decode_header_text (struct arena *a, const char *text, size_t len);

/* The leaf parts of a message that the reader needs, found by walking its
   MIME tree (at most MIME_MAX_DEPTH deep, MIME_MAX_PARTS parts). */
#define MIME_MAX_DEPTH 16
#define MIME_MAX_PARTS 1000

struct found_part
{
  struct entity entity;
  struct content_type ct;
  enum transfer_encoding encoding;
};

struct mime_parts
{
  struct content_type top;      /* the message's own Content-Type */
  int has_top;
  int has_status;               /* a (global-)delivery-status part */
  struct found_part status;
  int global_status;            /* message/global-delivery-status */
  int has_feedback;             /* a message/feedback-report part */
  int has_text;                 /* the first text/plain part */
  struct found_part text;
  int has_returned;             /* message/rfc822 (or global) or
                                   text/rfc822-headers (or global) */
  struct found_part returned;
  int returned_is_headers;      /* text/rfc822-headers: no body */
  int has_pasted;               /* a later text part whose own headers are
                                   the returned message's (no message/rfc822
                                   type) */
  struct found_part pasted;
  unsigned count;               /* the entities walked, the message too */
};

void mime_walk (struct arena *a, const struct entity *message,
                struct mime_parts *parts);

/* The report being read (report.c) ***********************************/

struct report_builder;

/* The fields of one recipient as a report gives them, before report.c
   works out its reply and reason.  Strings in the arena, NULL when
   absent. */
struct raw_recipient
{
  const char *recipient;
  const char *original_recipient;
  const char *action;
  const char *status;
  const char *diagnostic_type;  /* "smtp", "x-postfix", ... */
  const char *diagnostic;       /* unfolded */
  const char *remote_mta;
  const char *last_attempt_date;
  struct span block;            /* the text about it (text reports) */
  enum smtpreply_context context;
  int delayed;                  /* the text says it will be retried */
};

/* Adds a recipient; returns 0, or -1 on ENOMEM. */
int builder_add (struct report_builder *b, const struct raw_recipient *r);
struct arena *builder_arena (struct report_builder *b);

/* Amazon SES notifications (json.c) **********************************/

/* Reads the Amazon SES notification in TEXT (LEN bytes of JSON, alone or
   as an SNS notification's "Message"): its recipients, reporting MTA, the
   message's headers (into *M) and *KIND (DSN for a bounce or delivery,
   FEEDBACK for a complaint).  Returns how many recipients were added, 0
   when TEXT is not one, or -1 on ENOMEM. */
int json_read (struct report_builder *b, const char *text, size_t len,
               const char **reporting_mta, struct smtpreply_report_message *m,
               enum smtpreply_report_kind *kind);

/* Standard reports (dsn.c): reads the fields of a (global-)delivery-status
   body; sets *REPORTING_MTA.  Returns the number of recipients added, or
   -1 on ENOMEM. */
int dsn_read (struct report_builder *b, const char *body, size_t len,
              const char **reporting_mta);

/* Reports written as text (text.c) ************************************/

/* The format whose markers TEXT has (NULL: none), by name. */
const char *text_format (const char *text, size_t len);

/* Where the copy of the returned message starts in TEXT (after a marker
   line), or NULL. */
const char *text_returned_copy (const char *text, size_t len);

/* Whether SUBJECT is one that delivery reports have. */
int text_report_subject (const char *subject);

/* Reads the recipients of a text report from TEXT (up to the returned
   copy); FAILED is its X-Failed-Recipients (may be NULL).  Returns how
   many were added, or -1 on ENOMEM. */
int text_read (struct report_builder *b, const char *text, size_t len,
               const char *failed);

/* The returned message's subject as the text of a report quotes it
   ("Subject: ...", Exim's "The subject of the message is: ..."), in the
   arena; or NULL. */
char *text_quoted_subject (struct arena *a, const char *text, size_t len);

/* The fields of a standard report (RFC 3464) that TEXT (LEN bytes)
   contains as text, when the report's parts lost their delimiters: from
   the group with the first Final-Recipient to the end of the recipients'
   groups.  P is NULL when there are none. */
struct span text_dsn_fields (const char *text, size_t len);

/* The enhanced status code that TEXT (LEN bytes) gives on its own: at
   the start of a line ("5.1.1 <address>... User Unknown") or as qmail
   writes it ("(#4.4.1)").  Returns 1 and sets *E, or 0. */
int text_status (const char *text, size_t len, struct smtpreply_enhanced *e);

/* The remote server's reply that BLOCK quotes, on one line, in the
   arena; or NULL. */
char *text_reply (struct arena *a, struct span block);

/* The command named by a phrase in TEXT ("in reply to RCPT TO command"):
   the last before POS (where the reply is), else the first after it; or
   SMTPREPLY_CTX_UNKNOWN. */
enum smtpreply_context text_context (const char *text, size_t len,
                                     size_t pos);

/* Whether TEXT says the delivery will be retried. */
int text_delayed (const char *text, size_t len);

/* The reply lines of DIAGNOSTIC rebuilt from its one unfolded line: the
   server's "550-..." lines separated by CRLF again.  In the arena. */
char *rebuild_reply (struct arena *a, const char *diagnostic, size_t *len);

#endif /* SMTPREPLY_REPORT_H */
