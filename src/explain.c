/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* explain.c: the one-call explanation of a parsed reply. */

#include <config.h>

#include "smtpreply.h"
#include "i18n.h"

#include <errno.h>
#include <stddef.h>

/* What the client should do.  RFC 5321 section 4.5.3.1.10: "too many
   recipients" was wrongly 552 in RFC 821; a 552 answering RCPT is to be
   treated as the temporary 452 -- when that is what it means: not when its
   enhanced code or its text says the mailbox is over quota or the message
   too big (then the reason is another, and the 552 stands). */
static enum smtpreply_class
outcome (int code, enum smtpreply_context ctx, enum smtpreply_reason reason)
{
  if (code == 552 && ctx == SMTPREPLY_CTX_RCPT
      && reason == SMTPREPLY_REASON_TOO_MANY_RECIPIENTS)
    return SMTPREPLY_CLASS_TRANSIENT;
  return smtpreply_class (code);
}

/* A reason that names a cause gives the headline and the advice. */
static int
reason_is_specific (enum smtpreply_reason reason)
{
  return reason != SMTPREPLY_REASON_NONE && reason != SMTPREPLY_REASON_UNKNOWN;
}

/* An enhanced code says more than the basic code when the registry lists it
   and it is not a generic "other" one (X.Y.0).  One whose class disagrees
   with the basic code's (550 4.4.7) still says what happened. */
static int
enhanced_is_specific (const struct smtpreply_enhanced *e)
{
  return e->detail != 0
         && smtpreply_enhanced_is_known (e->cls, e->subject, e->detail);
}

/* The advice of a specific enhanced code, for what the client should do:
   a 552 5.5.3 answering RCPT is transient, so it gets the 4.5.3 advice. */
static const char *
enhanced_advice (const struct smtpreply_enhanced *e,
                 enum smtpreply_class outcome)
{
  int cls = outcome == SMTPREPLY_CLASS_TRANSIENT ? 4
            : outcome == SMTPREPLY_CLASS_PERMANENT ? 5 : e->cls;

  return smtpreply__tr (smtpreply__enhanced_advice_msgid (cls, e->subject,
                                                          e->detail));
}

int
smtpreply_explain (const struct smtpreply_reply *reply,
                   enum smtpreply_context ctx,
                   struct smtpreply_explanation *out)
{
  if (reply == NULL || out == NULL)
    return EINVAL;

  out->reason = smtpreply_reason (reply, ctx);
  out->outcome = outcome (reply->code, ctx, out->reason);
  out->description = smtpreply_describe_ctx (reply->code, ctx);
  out->headline = out->description;
  out->enhanced_description = NULL;
  out->advice = smtpreply_advice_ctx (reply->code, ctx);
  /* RFC 4954: the text of 334 is the base64 challenge of the sign-in. */
  out->show_server_text = reply->code != 334;

  if (reply->has_enhanced)
    {
      const struct smtpreply_enhanced *e = &reply->enhanced;

      out->enhanced_description
        = smtpreply_describe_enhanced (e->cls, e->subject, e->detail);
      if (enhanced_is_specific (e))
        {
          out->headline = out->enhanced_description;
          out->advice = enhanced_advice (e, out->outcome);
        }
    }
  if (reason_is_specific (out->reason))
    {
      out->headline = smtpreply__tr (smtpreply__reason_title_msgid (out->reason));
      out->advice = smtpreply__tr (smtpreply__reason_advice_msgid (out->reason,
                                                                   out->outcome));
    }
  return 0;
}
