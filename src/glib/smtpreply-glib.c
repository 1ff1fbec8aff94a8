/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* smtpreply-glib.c: libsmtpreply for GObject Introspection (see
   smtpreply-glib.h).  Every call is a thin layer over the C API: the
   texts are libsmtpreply's, in the language of a tag (the _lang
   functions, always UTF-8); boxed copies replace the zero-copy structures
   a binding cannot hold. */

#include <config.h>

#include "smtpreply-glib.h"

#include <errno.h>
#include <string.h>

/* The language of the environment, as gettext reads it (LANGUAGE, LC_ALL,
   LC_MESSAGES, LANG: g_get_language_names follows the same order), even
   when the program never called setlocale: the first of its names that
   the library has a catalog for, else "C" (the built-in English). */
static const gchar *
environment_lang (void)
{
  const gchar *const *names = g_get_language_names ();
  gsize i;

  for (i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "C") == 0 || strcmp (names[i], "POSIX") == 0)
        break;
      if (smtpreply_lang_is_available (names[i]))
        return names[i];
    }
  return "C";
}

static const gchar *
lang_or_environment (const gchar *lang)
{
  return lang != NULL ? lang : environment_lang ();
}

const gchar *
smtpreply_glib_version (void)
{
  return smtpreply_check_version (NULL);
}

gboolean
smtpreply_glib_lang_is_available (const gchar *lang)
{
  return smtpreply_lang_is_available (lang_or_environment (lang)) != 0;
}

const gchar *
smtpreply_glib_describe (gint code)
{
  return smtpreply_describe_lang (code, environment_lang ());
}

const gchar *
smtpreply_glib_describe_lang (gint code, const gchar *lang)
{
  return smtpreply_describe_lang (code, lang_or_environment (lang));
}

const gchar *
smtpreply_glib_describe_ctx (gint code, SmtpreplyContext ctx,
                             const gchar *lang)
{
  return smtpreply_describe_ctx_lang (code, ctx, lang_or_environment (lang));
}

const gchar *
smtpreply_glib_describe_enhanced (const gchar *code, const gchar *lang)
{
  return smtpreply_describe_enhanced_str_lang (code,
                                               lang_or_environment (lang));
}

const gchar *
smtpreply_glib_advice (gint code, SmtpreplyContext ctx, const gchar *lang)
{
  return smtpreply_advice_ctx_lang (code, ctx, lang_or_environment (lang));
}

const gchar *
smtpreply_glib_advice_enhanced (const gchar *code, const gchar *lang)
{
  return smtpreply_advice_enhanced_str_lang (code, lang_or_environment (lang));
}

SmtpreplyClass
smtpreply_glib_class_of (gint code)
{
  return smtpreply_class (code);
}

const gchar *
smtpreply_glib_context_name (SmtpreplyContext ctx)
{
  return smtpreply_context_name (ctx);
}

gint
smtpreply_glib_context_from_name (const gchar *name)
{
  return smtpreply_context_from_name (name);
}

const gchar *
smtpreply_glib_reason_name (SmtpreplyReason reason)
{
  return smtpreply_reason_name (reason);
}

gint
smtpreply_glib_reason_from_name (const gchar *name)
{
  return smtpreply_reason_from_name (name);
}

const gchar *
smtpreply_glib_reason_title (SmtpreplyReason reason, const gchar *lang)
{
  return smtpreply_reason_title (reason, lang_or_environment (lang));
}

const gchar *
smtpreply_glib_reason_advice (SmtpreplyReason reason, SmtpreplyClass outcome,
                              const gchar *lang)
{
  return smtpreply_reason_advice (reason, outcome, lang_or_environment (lang));
}

G_DEFINE_QUARK (smtpreply-glib-error-quark, smtpreply_glib_error)

/* Explanations *********************************************************/

SmtpreplyExplanation *
smtpreply_glib_explanation_copy (const SmtpreplyExplanation *self)
{
  SmtpreplyExplanation *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (SmtpreplyExplanation, 1);
  *copy = *self;
  copy->enhanced = g_strdup (self->enhanced);
  copy->reason_name = g_strdup (self->reason_name);
  copy->headline = g_strdup (self->headline);
  copy->description = g_strdup (self->description);
  copy->enhanced_description = g_strdup (self->enhanced_description);
  copy->advice = g_strdup (self->advice);
  copy->text = g_strdupv (self->text);
  return copy;
}

void
smtpreply_glib_explanation_free (SmtpreplyExplanation *self)
{
  if (self == NULL)
    return;
  g_free (self->enhanced);
  g_free (self->reason_name);
  g_free (self->headline);
  g_free (self->description);
  g_free (self->enhanced_description);
  g_free (self->advice);
  g_strfreev (self->text);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (SmtpreplyExplanation, smtpreply_glib_explanation,
                     smtpreply_glib_explanation_copy,
                     smtpreply_glib_explanation_free)

static gchar *
enhanced_string (const struct smtpreply_enhanced *e)
{
  return g_strdup_printf ("%d.%d.%d", e->cls, e->subject, e->detail);
}

SmtpreplyExplanation *
smtpreply_glib_explain (const gchar *reply, SmtpreplyContext ctx,
                        const gchar *lang, GError **error)
{
  struct smtpreply_reply parsed;
  struct smtpreply_explanation x;
  SmtpreplyExplanation *out;
  const gchar *tag = lang_or_environment (lang);
  int rc;
  size_t i;

  g_return_val_if_fail (reply != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  rc = smtpreply_parse (reply, strlen (reply), SMTPREPLY_PARSE_END_OF_INPUT,
                        &parsed);
  if (rc != SMTPREPLY_PARSE_OK)
    {
      g_set_error_literal (error, SMTPREPLY_GLIB_ERROR, rc,
                           smtpreply_strerror_lang (rc, tag));
      return NULL;
    }
  smtpreply_explain_lang (&parsed, ctx, &x, tag);
  out = g_new0 (SmtpreplyExplanation, 1);
  out->code = parsed.code;
  out->enhanced = parsed.has_enhanced ? enhanced_string (&parsed.enhanced)
                                      : NULL;
  out->outcome = x.outcome;
  out->reason = x.reason;
  out->reason_name = g_strdup (smtpreply_reason_name (x.reason));
  out->headline = g_strdup (x.headline);
  out->description = g_strdup (x.description);
  out->enhanced_description = g_strdup (x.enhanced_description);
  out->advice = g_strdup (x.advice);
  out->show_text = x.show_server_text != 0;
  out->text = g_new0 (gchar *, parsed.nlines + 1);
  for (i = 0; i < parsed.nlines; i++)
    out->text[i] = g_strndup (reply + parsed.lines[i].offset,
                              parsed.lines[i].length);
  out->flags = parsed.flags;
  return out;
}

/* Bounces ***************************************************************/

SmtpreplyBounceRecipient *
smtpreply_glib_bounce_recipient_copy (const SmtpreplyBounceRecipient *self)
{
  SmtpreplyBounceRecipient *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (SmtpreplyBounceRecipient, 1);
  *copy = *self;
  copy->recipient = g_strdup (self->recipient);
  copy->original_recipient = g_strdup (self->original_recipient);
  copy->status = g_strdup (self->status);
  copy->reply = g_strdup (self->reply);
  copy->reason_name = g_strdup (self->reason_name);
  copy->headline = g_strdup (self->headline);
  copy->advice = g_strdup (self->advice);
  copy->summary = g_strdup (self->summary);
  copy->remote_mta = g_strdup (self->remote_mta);
  return copy;
}

void
smtpreply_glib_bounce_recipient_free (SmtpreplyBounceRecipient *self)
{
  if (self == NULL)
    return;
  g_free (self->recipient);
  g_free (self->original_recipient);
  g_free (self->status);
  g_free (self->reply);
  g_free (self->reason_name);
  g_free (self->headline);
  g_free (self->advice);
  g_free (self->summary);
  g_free (self->remote_mta);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (SmtpreplyBounceRecipient, smtpreply_glib_bounce_recipient,
                     smtpreply_glib_bounce_recipient_copy,
                     smtpreply_glib_bounce_recipient_free)

static GPtrArray *
new_recipient_array (void)
{
  return g_ptr_array_new_with_free_func
           ((GDestroyNotify) smtpreply_glib_bounce_recipient_free);
}

SmtpreplyBounce *
smtpreply_glib_bounce_copy (const SmtpreplyBounce *self)
{
  SmtpreplyBounce *copy;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (SmtpreplyBounce, 1);
  copy->kind = self->kind;
  copy->format = g_strdup (self->format);
  copy->reporting_mta = g_strdup (self->reporting_mta);
  copy->subject = g_strdup (self->subject);
  copy->message_id = g_strdup (self->message_id);
  copy->from = g_strdup (self->from);
  copy->to = g_strdup (self->to);
  copy->date = g_strdup (self->date);
  copy->recipients = new_recipient_array ();
  for (i = 0; self->recipients != NULL && i < self->recipients->len; i++)
    g_ptr_array_add (copy->recipients,
                     smtpreply_glib_bounce_recipient_copy
                       (g_ptr_array_index (self->recipients, i)));
  return copy;
}

void
smtpreply_glib_bounce_free (SmtpreplyBounce *self)
{
  if (self == NULL)
    return;
  g_free (self->format);
  g_free (self->reporting_mta);
  g_free (self->subject);
  g_free (self->message_id);
  g_free (self->from);
  g_free (self->to);
  g_free (self->date);
  if (self->recipients != NULL)
    g_ptr_array_unref (self->recipients);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (SmtpreplyBounce, smtpreply_glib_bounce,
                     smtpreply_glib_bounce_copy, smtpreply_glib_bounce_free)

guint
smtpreply_glib_bounce_get_n_recipients (const SmtpreplyBounce *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->recipients != NULL ? self->recipients->len : 0;
}

SmtpreplyBounceRecipient *
smtpreply_glib_bounce_get_recipient (const SmtpreplyBounce *self, guint i)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->recipients == NULL || i >= self->recipients->len)
    return NULL;
  return g_ptr_array_index (self->recipients, i);
}

/* The reply's lines joined by "\n" (the report keeps them CRLF). */
static gchar *
reply_lines (const char *diagnostic)
{
  GString *s = g_string_new (NULL);
  const char *p;

  for (p = diagnostic; *p != '\0'; p++)
    if (*p != '\r')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

SmtpreplyBounce *
smtpreply_glib_read_bounce (const guint8 *message, gsize length,
                            const gchar *lang, GError **error)
{
  const struct smtpreply_report_message *m;
  struct smtpreply_report *report;
  SmtpreplyBounce *out;
  const gchar *tag = lang_or_environment (lang);
  int rc;
  size_t i;

  g_return_val_if_fail (message != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  rc = smtpreply_report_read ((const char *) message, length, &report);
  if (rc != 0)
    {
      g_set_error_literal (error, SMTPREPLY_GLIB_ERROR, rc, g_strerror (rc));
      return NULL;
    }
  m = smtpreply_report_message (report);
  out = g_new0 (SmtpreplyBounce, 1);
  out->kind = smtpreply_report_kind (report);
  out->format = g_strdup (smtpreply_report_format (report));
  out->reporting_mta = g_strdup (smtpreply_report_reporting_mta (report));
  out->subject = g_strdup (m->subject);
  out->message_id = g_strdup (m->message_id);
  out->from = g_strdup (m->from);
  out->to = g_strdup (m->to);
  out->date = g_strdup (m->date);
  out->recipients = new_recipient_array ();
  for (i = 0; i < smtpreply_report_count (report); i++)
    {
      const struct smtpreply_report_recipient *rc_in
        = smtpreply_report_recipient (report, i);
      SmtpreplyBounceRecipient *r = g_new0 (SmtpreplyBounceRecipient, 1);
      struct smtpreply_explanation x;
      struct smtpreply_reply reply;
      int n;

      smtpreply_report_explain (rc_in, tag, &x);
      r->recipient = g_strdup (rc_in->recipient);
      r->original_recipient = g_strdup (rc_in->original_recipient);
      r->action = rc_in->action;
      r->status = rc_in->has_status ? enhanced_string (&rc_in->status) : NULL;
      r->code = smtpreply_report_reply (rc_in, &reply) == 0 ? reply.code : 0;
      r->reply = rc_in->diagnostic != NULL ? reply_lines (rc_in->diagnostic)
                                           : NULL;
      r->context = rc_in->context;
      r->reason = rc_in->reason;
      r->reason_name = g_strdup (smtpreply_reason_name (rc_in->reason));
      r->headline = g_strdup (x.headline);
      r->advice = g_strdup (x.advice);
      n = smtpreply_report_summary (report, i, tag, NULL, 0);
      r->summary = g_malloc ((gsize) (n > 0 ? n : 0) + 1);
      smtpreply_report_summary (report, i, tag, r->summary, (size_t) n + 1);
      r->remote_mta = g_strdup (rc_in->remote_mta);
      g_ptr_array_add (out->recipients, r);
    }
  smtpreply_report_free (report);
  return out;
}
