// SPDX-FileCopyrightText: 2026 The libsmtpreply authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// smtpreply-explain: libsmtpreply from Vala, through the binding generated
// from Smtpreply-0.1.gir (smtpreply-glib-0.1.vapi).
//
//   smtpreply-explain [--localedir DIR] REPLY [LANG]
//   smtpreply-explain [--localedir DIR] --bounce FILE [LANG]
//
// Without LANG, the language of the environment (LANG, LC_MESSAGES...).
// --localedir binds libsmtpreply's catalogs to DIR, as a program that
// ships them elsewhere does.
// Build: valac --pkg smtpreply-glib-0.1 smtpreply-explain.vala

int main (string[] argv) {
    string[] args = argv;
    if (args.length >= 3 && args[1] == "--localedir") {
        Intl.bindtextdomain ("libsmtpreply", args[2]);
        string[] rest = { args[0] };
        for (int i = 3; i < args.length; i++)
            rest += args[i];
        args = rest;
    }
    if (args.length >= 3 && args[1] == "--bounce") {
        string lang = args.length > 3 ? args[3] : null;
        uint8[] message;
        try {
            FileUtils.get_data (args[2], out message);
            var report = Smtpreply.read_bounce (message, lang);
            for (uint i = 0; i < report.get_n_recipients (); i++) {
                var r = report.get_recipient (i);
                stdout.printf ("%s\n%s\n", r.summary, r.advice);
            }
            return report.get_n_recipients () > 0 ? 0 : 1;
        } catch (Error e) {
            stderr.printf ("smtpreply-explain: %s\n", e.message);
            return 1;
        }
    }
    if (args.length < 2) {
        stderr.printf ("usage: smtpreply-explain REPLY [LANG]\n"
                       + "   or: smtpreply-explain --bounce FILE [LANG]\n");
        return 2;
    }
    string lang = args.length > 2 ? args[2] : null;
    try {
        var x = Smtpreply.explain (args[1].replace ("\\r\\n", "\r\n"),
                                   Smtpreply.Context.RCPT, lang);
        stdout.printf ("%d %s: %s\n%s\n", x.code, x.enhanced ?? "-",
                       x.headline, x.advice);
        stdout.printf ("%s\n", Smtpreply.describe_lang (x.code, lang));
        return 0;
    } catch (Error e) {
        stderr.printf ("smtpreply-explain: %s\n", e.message);
        return 1;
    }
}
