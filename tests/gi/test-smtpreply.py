# SPDX-FileCopyrightText: 2026 The libsmtpreply authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The Smtpreply-0.1 binding from Python (PyGObject): every function family
in zh_CN and en, with the exact strings.  Run by tests/check-gi with
GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing into the build tree,
SMTPREPLY_TEST_LOCALEDIR at its catalogs, and LANG=zh_CN.UTF-8 (the
environment's language, which the calls without a language follow)."""

import locale
import os
import sys

import gi

locale.bindtextdomain("libsmtpreply", os.environ["SMTPREPLY_TEST_LOCALEDIR"])
gi.require_version("Smtpreply", "0.1")
from gi.repository import GLib, Smtpreply  # noqa: E402

checks = 0


def eq(got, want):
    global checks
    checks += 1
    if got != want:
        sys.exit("line %d: %r, expected %r" % (sys._getframe(1).f_lineno, got, want))


BOUNCE = open(os.environ["SMTPREPLY_TEST_BOUNCE"], "rb").read()
BLOCKED = ("550-5.7.606 Access denied, banned sending IP [192.0.2.1]\r\n"
           "550 5.7.606 See https://example.com\r\n")

TEXTS = {
    "zh_CN": {
        "550": "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）",
        "552 rcpt": "单封邮件的收件人过多，可以稍后再发送给其余收件人",
        "5.1.1": "收件人邮箱不存在",
        "9.9.9": "无效的增强状态码",
        "advice 452": "服务器存储空间不足，或一次收到的收件人过多。邮件稍后会自动重试；如果一直失败，请减少每次发送的收件人数量。",
        "advice 4.2.2": "收件人邮箱已满。邮件稍后会自动重试；您也可以通过其他方式告知收件人。",
        "title": "收件人邮箱已满",
        "advice permanent": "收件人邮箱已满。请通过其他方式告知收件人，待其清理出空间后再重新发送。",
        "headline": "您的邮件服务器被收件人的服务器拦截",
        "blocked advice": "收件人的服务器拒收来自您邮件服务器的邮件：其 IP 地址或域名被列入黑名单，或信誉较差。请告知您的邮件服务商或管理员，他们可以申请将其从黑名单中移除。",
        "error": "有一行不是以回复代码开头（应为三位数字，首位为 2 到 5）",
        "summary": "您发给 kijitora@example.org 的邮件《TEST》未能送达：收件人地址不存在",
        "unknown": "收件人地址不存在",
    },
    "en": {
        "550": "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)",
        "552 rcpt": "Too many recipients for one message; the remaining recipients can be sent later",
        "5.1.1": "Bad destination mailbox address",
        "9.9.9": "Invalid enhanced status code",
        "advice 452": "The server is short of space, or got too many recipients at once. The message will be retried later; if it keeps failing, send it to fewer recipients at a time.",
        "advice 4.2.2": "The recipient\u2019s mailbox is full. The message will be retried later; you may also let the recipient know another way.",
        "title": "The recipient\u2019s mailbox is full",
        "advice permanent": "The recipient\u2019s mailbox is full. Let the recipient know another way, and send again once they have freed up space.",
        "headline": "Your mail server is blocked by the recipient\u2019s server",
        "blocked advice": "The recipient\u2019s server refuses mail from your mail server: its IP address or domain is on a block list or has a poor reputation. Tell your mail provider or administrator; they can ask for it to be removed from the list.",
        "error": "A line does not start with a reply code (three digits, the first 2 to 5)",
        "summary": "Your message \u201cTEST\u201d to kijitora@example.org was not delivered: The recipient\u2019s address does not exist",
        "unknown": "The recipient\u2019s address does not exist",
    },
}

# The environment's language (LANG=zh_CN.UTF-8), although Python left
# LC_MESSAGES at "C".
eq(Smtpreply.describe(550), TEXTS["zh_CN"]["550"])
eq(Smtpreply.describe_lang(550, None), TEXTS["zh_CN"]["550"])

for lang, t in TEXTS.items():
    eq(Smtpreply.lang_is_available(lang), True)
    eq(Smtpreply.describe_lang(550, lang), t["550"])
    eq(Smtpreply.describe_ctx(552, Smtpreply.Context.RCPT, lang), t["552 rcpt"])
    eq(Smtpreply.describe_enhanced("5.1.1", lang), t["5.1.1"])
    eq(Smtpreply.describe_enhanced("9.9.9", lang), t["9.9.9"])
    eq(Smtpreply.advice(452, Smtpreply.Context.UNKNOWN, lang), t["advice 452"])
    eq(Smtpreply.advice_enhanced("4.2.2", lang), t["advice 4.2.2"])
    eq(Smtpreply.reason_title(Smtpreply.Reason.MAILBOX_FULL, lang), t["title"])
    eq(Smtpreply.reason_advice(Smtpreply.Reason.MAILBOX_FULL,
                               Smtpreply.Class.PERMANENT, lang),
       t["advice permanent"])

    x = Smtpreply.explain(BLOCKED, Smtpreply.Context.RCPT, lang)
    eq((x.code, x.enhanced, x.outcome, x.reason, x.reason_name),
       (550, "5.7.606", Smtpreply.Class.PERMANENT,
        Smtpreply.Reason.SENDER_BLOCKED, "sender_blocked"))
    eq(x.headline, t["headline"])
    eq(x.advice, t["blocked advice"])
    eq(list(x.text), ["Access denied, banned sending IP [192.0.2.1]",
                      "See https://example.com"])
    eq(x.show_text, True)
    try:
        Smtpreply.explain("hello", Smtpreply.Context.UNKNOWN, lang)
        eq("no error", "an error")
    except GLib.Error as e:
        eq((e.domain, e.code, e.message),
           ("smtpreply-glib-error-quark", -2, t["error"]))

    b = Smtpreply.read_bounce(BOUNCE, lang)
    eq((b.kind, b.format, b.subject, b.get_n_recipients()),
       (Smtpreply.ReportKind.DSN, "postfix", "TEST", 1))
    r = b.get_recipient(0)
    eq((r.recipient, r.action, r.status, r.code, r.context, r.reason_name),
       ("kijitora@example.org", Smtpreply.Action.FAILED, "5.1.1", 550,
        Smtpreply.Context.RCPT, "recipient_unknown"))
    eq(r.reply, "550 5.1.1 Address rejected kijitora@example.org")
    eq(r.summary, t["summary"])
    eq(r.headline, t["unknown"])
    eq(b.get_recipient(1), None)

eq(Smtpreply.lang_is_available("xx"), False)
eq(Smtpreply.describe_lang(550, "xx"), TEXTS["en"]["550"])
eq(Smtpreply.class_of(451), Smtpreply.Class.TRANSIENT)
eq(Smtpreply.class_of(99), Smtpreply.Class.INVALID)
eq(Smtpreply.context_name(Smtpreply.Context.RCPT), "rcpt")
eq(Smtpreply.context_from_name("data-end"), int(Smtpreply.Context.DATA_END))
eq(Smtpreply.context_from_name("nope"), -1)
eq(Smtpreply.reason_name(Smtpreply.Reason.SPAM), "spam")
eq(Smtpreply.reason_from_name("greylisted"), int(Smtpreply.Reason.GREYLISTED))
eq(Smtpreply.reason_from_name("nope"), -1)
eq(Smtpreply.version(), os.environ["SMTPREPLY_TEST_VERSION"])
not_report = Smtpreply.read_bounce(b"Subject: hello\r\n\r\nHi.\r\n", "en")
eq((not_report.kind, not_report.format, not_report.get_n_recipients()),
   (Smtpreply.ReportKind.NONE, "", 0))
print("python: %d checks passed" % checks)
