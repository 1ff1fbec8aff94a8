// SPDX-FileCopyrightText: 2026 The libsmtpreply authors
// SPDX-License-Identifier: LGPL-2.1-or-later
// The Smtpreply-0.1 binding from JavaScript (GJS): every function family
// in zh_CN and en, with the exact strings.  Run by tests/check-gi as the
// Python test is (see test-smtpreply.py).

imports.gi.versions.Smtpreply = '0.1';
const Gettext = imports.gettext;
const GLib = imports.gi.GLib;

Gettext.bindtextdomain('libsmtpreply', GLib.getenv('SMTPREPLY_TEST_LOCALEDIR'));
const Smtpreply = imports.gi.Smtpreply;

let checks = 0;
function eq(got, want, what) {
    checks++;
    const g = JSON.stringify(got), w = JSON.stringify(want);
    if (g !== w)
        throw new Error(`${what}: ${g}, expected ${w}`);
}

const bounce = GLib.file_get_contents(GLib.getenv('SMTPREPLY_TEST_BOUNCE'))[1];
const blocked = '550-5.7.606 Access denied, banned sending IP [192.0.2.1]\r\n' +
                '550 5.7.606 See https://example.com\r\n';
const texts = {
    zh_CN: {
        '550': '操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）',
        '5.1.1': '收件人邮箱不存在',
        advice: '收件人邮箱已满。邮件稍后会自动重试；您也可以通过其他方式告知收件人。',
        title: '收件人邮箱已满',
        headline: '您的邮件服务器被收件人的服务器拦截',
        error: '有一行不是以回复代码开头（应为三位数字，首位为 2 到 5）',
        summary: '您发给 kijitora@example.org 的邮件《TEST》未能送达：收件人地址不存在',
    },
    en: {
        '550': 'The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)',
        '5.1.1': 'Bad destination mailbox address',
        advice: 'The recipient\u2019s mailbox is full. The message will be retried later; you may also let the recipient know another way.',
        title: 'The recipient\u2019s mailbox is full',
        headline: 'Your mail server is blocked by the recipient\u2019s server',
        error: 'A line does not start with a reply code (three digits, the first 2 to 5)',
        summary: 'Your message \u201cTEST\u201d to kijitora@example.org was not delivered: The recipient\u2019s address does not exist',
    },
};

// The environment's language (LANG=zh_CN.UTF-8).
eq(Smtpreply.describe(550), texts.zh_CN['550'], 'describe');

for (const lang of ['zh_CN', 'en']) {
    const t = texts[lang];
    eq(Smtpreply.describe_lang(550, lang), t['550'], `describe_lang ${lang}`);
    eq(Smtpreply.describe_enhanced('5.1.1', lang), t['5.1.1'], 'describe_enhanced');
    eq(Smtpreply.advice_enhanced('4.2.2', lang), t.advice, 'advice_enhanced');
    eq(Smtpreply.reason_title(Smtpreply.Reason.MAILBOX_FULL, lang), t.title, 'reason_title');

    const x = Smtpreply.explain(blocked, Smtpreply.Context.RCPT, lang);
    eq([x.code, x.enhanced, x.outcome, x.reason_name, x.headline],
       [550, '5.7.606', Smtpreply.Class.PERMANENT, 'sender_blocked', t.headline], 'explain');
    eq(x.text, ['Access denied, banned sending IP [192.0.2.1]', 'See https://example.com'], 'text');
    let message = null;
    try {
        Smtpreply.explain('hello', Smtpreply.Context.UNKNOWN, lang);
    } catch (e) {
        message = e.message;
    }
    eq(message, t.error, 'explain error');

    const b = Smtpreply.read_bounce(bounce, lang);
    eq([b.kind, b.format, b.subject, b.get_n_recipients()],
       [Smtpreply.ReportKind.DSN, 'postfix', 'TEST', 1], 'read_bounce');
    const r = b.get_recipient(0);
    eq([r.recipient, r.action, r.status, r.code, r.reason_name],
       ['kijitora@example.org', Smtpreply.Action.FAILED, '5.1.1', 550, 'recipient_unknown'], 'recipient');
    eq(r.summary, t.summary, 'summary');
}
eq(Smtpreply.class_of(451), Smtpreply.Class.TRANSIENT, 'class_of');
eq(Smtpreply.context_name(Smtpreply.Context.RCPT), 'rcpt', 'context_name');
eq(Smtpreply.reason_from_name('greylisted'), Smtpreply.Reason.GREYLISTED, 'reason_from_name');
eq(Smtpreply.version(), GLib.getenv('SMTPREPLY_TEST_VERSION'), 'version');
print(`gjs: ${checks} checks passed`);
