/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* smtpreply-glib.h: libsmtpreply for GObject Introspection (Python with
 * PyGObject, JavaScript with GJS, Vala), in the namespace Smtpreply-0.1.
 *
 * The calls of libsmtpreply that a binding can use as they are, and the
 * few a binding needs instead of the zero-copy structures of the C API:
 * parse and explain a reply given as a string, read a bounce message.
 * Every text is UTF-8.  Where a call takes LANG, it is a language tag
 * ("zh_CN", "zh-CN", "pt-BR", "en") or %NULL for the language of the
 * environment: LANGUAGE, LC_ALL, LC_MESSAGES and LANG, in gettext's order,
 * whether or not the program called setlocale (Python and GJS programs
 * usually leave LC_MESSAGES at "C").  The functions without LANG use the
 * language of the environment.
 *
 * This library (libsmtpreply-glib-0.1) needs GLib; libsmtpreply itself
 * does not.  Its symbols are smtpreply_glib_*; the Introspection names
 * drop that prefix (smtpreply_glib_describe is Smtpreply.describe).  The
 * locale_t functions of libsmtpreply are not bound (a locale_t cannot be
 * made from those languages); the LANG argument does what they do.
 */

#ifndef SMTPREPLY_GLIB_H
#define SMTPREPLY_GLIB_H

#include <glib-object.h>
#include <smtpreply.h>

G_BEGIN_DECLS

/**
 * SmtpreplyClass:
 * @SMTPREPLY_CLASS_INVALID: not a reply code
 * @SMTPREPLY_CLASS_SUCCESS: 2yz
 * @SMTPREPLY_CLASS_INTERMEDIATE: 3yz
 * @SMTPREPLY_CLASS_TRANSIENT: 4yz, a temporary failure
 * @SMTPREPLY_CLASS_PERMANENT: 5yz, a permanent failure
 *
 * The class of a reply code (its first digit).
 */

/**
 * smtpreply_glib_version:
 *
 * Returns: the version of libsmtpreply that runs, such as "0.2.0"
 */
const gchar *smtpreply_glib_version (void);

/**
 * smtpreply_glib_lang_is_available:
 * @lang: (nullable): a language tag, or %NULL for the environment's
 *
 * Returns: whether texts in @lang come from a translation
 */
gboolean smtpreply_glib_lang_is_available (const gchar *lang);

/**
 * smtpreply_glib_describe:
 * @code: a reply code, such as 550
 *
 * Returns: the description of @code in the environment's language; for a
 *   number that is not a reply code, a text saying so
 */
const gchar *smtpreply_glib_describe (gint code);

/**
 * smtpreply_glib_describe_lang:
 * @code: a reply code, such as 550
 * @lang: (nullable): a language tag, or %NULL for the environment's
 *
 * Returns: the description of @code in @lang
 */
const gchar *smtpreply_glib_describe_lang (gint code, const gchar *lang);

/**
 * smtpreply_glib_describe_ctx:
 * @code: a reply code
 * @ctx: the command it answers
 * @lang: (nullable): a language tag, or %NULL for the environment's
 *
 * Returns: the description of @code as the answer to @ctx
 */
const gchar *smtpreply_glib_describe_ctx (gint code, SmtpreplyContext ctx,
                                          const gchar *lang);

/**
 * smtpreply_glib_describe_enhanced:
 * @code: an enhanced status code, such as "5.1.1"
 * @lang: (nullable): a language tag, or %NULL for the environment's
 *
 * Returns: the title of @code; for a string that is not one, a text
 *   saying so
 */
const gchar *smtpreply_glib_describe_enhanced (const gchar *code,
                                               const gchar *lang);

/**
 * smtpreply_glib_advice:
 * @code: a reply code
 * @ctx: the command it answers (%SMTPREPLY_CTX_UNKNOWN when not known)
 * @lang: (nullable): a language tag, or %NULL for the environment's
 *
 * Returns: what the person can do about @code
 */
const gchar *smtpreply_glib_advice (gint code, SmtpreplyContext ctx,
                                    const gchar *lang);

/**
 * smtpreply_glib_advice_enhanced:
 * @code: an enhanced status code, such as "4.2.2"
 * @lang: (nullable): a language tag, or %NULL for the environment's
 *
 * Returns: what the person can do about @code
 */
const gchar *smtpreply_glib_advice_enhanced (const gchar *code,
                                             const gchar *lang);

/**
 * smtpreply_glib_class_of:
 * @code: a reply code
 *
 * Returns: the class of @code, %SMTPREPLY_CLASS_INVALID for a number that
 *   is not a reply code
 */
SmtpreplyClass smtpreply_glib_class_of (gint code);

/**
 * smtpreply_glib_context_name:
 * @ctx: a command context
 *
 * Returns: its name, such as "rcpt"
 */
const gchar *smtpreply_glib_context_name (SmtpreplyContext ctx);

/**
 * smtpreply_glib_context_from_name:
 * @name: a context's name, such as "rcpt"
 *
 * Returns: the context, or -1 for a name that is no context's
 */
gint smtpreply_glib_context_from_name (const gchar *name);

/**
 * smtpreply_glib_reason_name:
 * @reason: a reason
 *
 * Returns: its stable name, such as "mailbox_full"
 */
const gchar *smtpreply_glib_reason_name (SmtpreplyReason reason);

/**
 * smtpreply_glib_reason_from_name:
 * @name: a reason's name, such as "mailbox_full"
 *
 * Returns: the reason, or -1 for a name that is no reason's
 */
gint smtpreply_glib_reason_from_name (const gchar *name);

/**
 * smtpreply_glib_reason_title:
 * @reason: a reason
 * @lang: (nullable): a language tag, or %NULL for the environment's
 *
 * Returns: the reason's title, the headline a dialog shows
 */
const gchar *smtpreply_glib_reason_title (SmtpreplyReason reason,
                                          const gchar *lang);

/**
 * smtpreply_glib_reason_advice:
 * @reason: a reason
 * @outcome: %SMTPREPLY_CLASS_TRANSIENT or %SMTPREPLY_CLASS_PERMANENT
 * @lang: (nullable): a language tag, or %NULL for the environment's
 *
 * Returns: what the person can do, for that outcome
 */
const gchar *smtpreply_glib_reason_advice (SmtpreplyReason reason,
                                           SmtpreplyClass outcome,
                                           const gchar *lang);

/* Explaining a reply *************************************************/

#define SMTPREPLY_GLIB_ERROR (smtpreply_glib_error_quark ())

/**
 * smtpreply_glib_error_quark:
 *
 * The domain of the errors of smtpreply_glib_explain() and
 * smtpreply_glib_read_bounce(): for a reply that does not parse, the code
 * is the parser's result (an #SmtpreplyParseStatus) and the message its
 * localized text.
 *
 * Returns: the error domain
 */
GQuark smtpreply_glib_error_quark (void);

/**
 * SmtpreplyExplanation:
 * @code: the reply code
 * @enhanced: (nullable): the enhanced status code, such as "5.1.1"
 * @outcome: success, intermediate, transient or permanent
 * @reason: why it failed (%SMTPREPLY_REASON_NONE for success)
 * @reason_name: the reason's name, such as "recipient_unknown"
 * @headline: what to show first
 * @description: the reply code's meaning
 * @enhanced_description: (nullable): the enhanced code's title
 * @advice: what the person can do
 * @show_text: %FALSE when the server's text is sign-in data (334)
 * @text: (array zero-terminated=1): the server's lines
 * @flags: what the server did that the RFCs do not foresee
 *   (#SMTPREPLY_REPLY_NONSTANDARD_CODE...)
 *
 * A reply explained, in one language.
 */
typedef struct
{
  gint code;
  gchar *enhanced;
  SmtpreplyClass outcome;
  SmtpreplyReason reason;
  gchar *reason_name;
  gchar *headline;
  gchar *description;
  gchar *enhanced_description;
  gchar *advice;
  gboolean show_text;
  gchar **text;
  guint flags;
} SmtpreplyExplanation;

GType smtpreply_glib_explanation_get_type (void) G_GNUC_CONST;

/**
 * smtpreply_glib_explanation_copy:
 * @self: an explanation
 *
 * Returns: (transfer full): a copy of @self
 */
SmtpreplyExplanation *smtpreply_glib_explanation_copy (const SmtpreplyExplanation *self);

/**
 * smtpreply_glib_explanation_free:
 * @self: (transfer full): an explanation
 */
void smtpreply_glib_explanation_free (SmtpreplyExplanation *self);

/**
 * smtpreply_glib_explain:
 * @reply: the server's reply as it arrived ("\r\n" or "\n" between its
 *   lines; a last line without a line end is accepted)
 * @ctx: the command it answers (%SMTPREPLY_CTX_UNKNOWN when not known)
 * @lang: (nullable): a language tag, or %NULL for the environment's
 * @error: a #GError, set when @reply does not parse
 *
 * Parses the first reply of @reply and explains it.
 *
 * Returns: (transfer full): the explanation, or %NULL with @error set
 */
SmtpreplyExplanation *smtpreply_glib_explain (const gchar *reply,
                                              SmtpreplyContext ctx,
                                              const gchar *lang,
                                              GError **error);

/* Bounce messages ****************************************************/

/**
 * SmtpreplyBounceRecipient:
 * @recipient: the address
 * @original_recipient: (nullable): the address as the sender wrote it
 * @action: failed, delayed, delivered, relayed or expanded
 * @status: (nullable): the status code, such as "5.1.1"
 * @code: the remote server's reply code, 0 when it gave none
 * @reply: (nullable): the remote server's reply (its lines separated by
 *   "\n"), or the report's own words when there was no reply
 * @context: the command the reply answered, when the report says
 * @reason: why
 * @reason_name: the reason's name
 * @headline: what to show first
 * @advice: what the person can do
 * @summary: the sentence a person reads ("Your message “Quarterly report”
 *   to bob@example.com was not delivered: ...")
 * @remote_mta: (nullable): the server that refused it
 *
 * One recipient of a delivery report, in one language.
 */
typedef struct
{
  gchar *recipient;
  gchar *original_recipient;
  SmtpreplyAction action;
  gchar *status;
  gint code;
  gchar *reply;
  SmtpreplyContext context;
  SmtpreplyReason reason;
  gchar *reason_name;
  gchar *headline;
  gchar *advice;
  gchar *summary;
  gchar *remote_mta;
} SmtpreplyBounceRecipient;

GType smtpreply_glib_bounce_recipient_get_type (void) G_GNUC_CONST;

/**
 * smtpreply_glib_bounce_recipient_copy:
 * @self: a recipient
 *
 * Returns: (transfer full): a copy of @self
 */
SmtpreplyBounceRecipient *smtpreply_glib_bounce_recipient_copy (const SmtpreplyBounceRecipient *self);

/**
 * smtpreply_glib_bounce_recipient_free:
 * @self: (transfer full): a recipient
 */
void smtpreply_glib_bounce_recipient_free (SmtpreplyBounceRecipient *self);

/**
 * SmtpreplyBounce:
 * @kind: what the message is: a standard report, a text report, or not a
 *   delivery report (none, an automatic reply, a feedback report)
 * @format: the software that wrote it, such as "postfix"; "" when it is
 *   not a report
 * @reporting_mta: (nullable): Reporting-MTA
 * @subject: (nullable): the subject of the message that failed
 * @message_id: (nullable): its Message-ID
 * @from: (nullable): its From
 * @to: (nullable): its To
 * @date: (nullable): its Date
 * @recipients: (element-type SmtpreplyBounceRecipient): the recipients it
 *   reports on
 *
 * A message read as a delivery report.
 */
typedef struct
{
  SmtpreplyReportKind kind;
  gchar *format;
  gchar *reporting_mta;
  gchar *subject;
  gchar *message_id;
  gchar *from;
  gchar *to;
  gchar *date;
  GPtrArray *recipients;
} SmtpreplyBounce;

GType smtpreply_glib_bounce_get_type (void) G_GNUC_CONST;

/**
 * smtpreply_glib_bounce_copy:
 * @self: a bounce
 *
 * Returns: (transfer full): a copy of @self
 */
SmtpreplyBounce *smtpreply_glib_bounce_copy (const SmtpreplyBounce *self);

/**
 * smtpreply_glib_bounce_free:
 * @self: (transfer full): a bounce
 */
void smtpreply_glib_bounce_free (SmtpreplyBounce *self);

/**
 * smtpreply_glib_bounce_get_n_recipients:
 * @self: a bounce
 *
 * Returns: how many recipients it reports on (0 for a message that is not
 *   a report)
 */
guint smtpreply_glib_bounce_get_n_recipients (const SmtpreplyBounce *self);

/**
 * smtpreply_glib_bounce_get_recipient:
 * @self: a bounce
 * @i: from 0
 *
 * Returns: (transfer none) (nullable): recipient @i, or %NULL out of range
 */
SmtpreplyBounceRecipient *smtpreply_glib_bounce_get_recipient (const SmtpreplyBounce *self,
                                                               guint i);

/**
 * smtpreply_glib_read_bounce:
 * @message: (array length=length) (element-type guint8): the message as
 *   stored in the mailbox
 * @length: its length in bytes
 * @lang: (nullable): a language tag, or %NULL for the environment's
 * @error: a #GError, set when memory runs out
 *
 * Reads @message as a delivery report.  A message that is not one is read
 * too: its kind says so and it has no recipients.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
SmtpreplyBounce *smtpreply_glib_read_bounce (const guint8 *message,
                                             gsize length, const gchar *lang,
                                             GError **error);

G_END_DECLS

#endif /* SMTPREPLY_GLIB_H */
