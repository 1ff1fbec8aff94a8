/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* gtk-error-dialog: how a GTK mail program shows a refused message.  It
 * explains an SMTP reply with libsmtpreply and shows a GtkMessageDialog:
 * the headline as the primary text, then what the user can do and the
 * server's own words, all in the user's language.
 *
 *   gtk-error-dialog [--context CMD] [--close-after SECONDS] [--print] [REPLY]
 *   gtk-error-dialog --bounce FILE [--close-after SECONDS] [--print]
 *
 * REPLY is the server's reply as it arrived ("\r\n" or "\n" between lines);
 * without it, the reply is read from standard input.  With --bounce, FILE
 * is a delivery report from the inbox (a bounce): the dialog says which
 * message did not reach which recipient, why, what to do, and the server's
 * own words.  --close-after closes the dialog by itself and --print also
 * writes its texts to standard output (for tests); --screenshot FILE saves
 * the dialog as a PNG image and closes it (doc/images/make-screenshots).  Exit status: 0 when the
 * dialog was shown and closed, 1 when the reply does not parse or FILE is
 * not a delivery report, 2 for a usage error.
 *
 * The lines marked "libsmtpreply" are what a GTK mail program adds to its
 * error path.
 */

#include <smtpreply.h>

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --screenshot FILE: the dialog, saved as PNG once it is drawn, then
   closed (for doc/images/; the program needs no other tool). */
static const char *screenshot_path;

static gboolean
take_screenshot (gpointer dialog)
{
  GdkWindow *window = gtk_widget_get_window (GTK_WIDGET (dialog));
  GdkPixbuf *shot;
  GError *error = NULL;

  shot = gdk_pixbuf_get_from_window (window, 0, 0,
                                     gdk_window_get_width (window),
                                     gdk_window_get_height (window));
  if (shot == NULL || !gdk_pixbuf_save (shot, screenshot_path, "png", &error,
                                        NULL))
    {
      fprintf (stderr, "gtk-error-dialog: cannot save %s: %s\n",
               screenshot_path, error != NULL ? error->message : "no image");
      g_clear_error (&error);
    }
  if (shot != NULL)
    g_object_unref (shot);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  return G_SOURCE_REMOVE;
}

static gboolean
close_dialog (gpointer dialog)
{
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  return G_SOURCE_REMOVE;
}

/* The server's lines, one per line (none for 334, whose text is data). */
static void
append_server_text (GString *text, const char *buf,
                    const struct smtpreply_reply *reply,
                    const struct smtpreply_explanation *why)
{
  size_t i;

  if (!why->show_server_text)
    return;
  g_string_append (text, "\n\n");
  for (i = 0; i < reply->nlines; i++)
    {
      /* The server's bytes need not be UTF-8 (a GTK requirement). */
      gchar *line = g_utf8_make_valid (buf + reply->lines[i].offset,
                                       (gssize) reply->lines[i].length);

      g_string_append_printf (text, "%s%s", i ? "\n" : "", line);
      g_free (line);
    }
}

static void run_dialog (GtkWidget *dialog, const char *primary,
                        const char *secondary, guint close_after,
                        gboolean print);

static int
show_dialog (const char *buf, size_t len, enum smtpreply_context ctx,
             guint close_after, gboolean print)
{
  struct smtpreply_reply reply;                                   /* libsmtpreply */
  struct smtpreply_explanation why;                               /* libsmtpreply */
  GtkMessageType type;
  GtkWidget *dialog;
  GString *text;
  int rc = smtpreply_parse (buf, len, SMTPREPLY_PARSE_END_OF_INPUT, &reply); /* libsmtpreply */

  if (rc != SMTPREPLY_PARSE_OK)
    {
      fprintf (stderr, "gtk-error-dialog: %s\n", smtpreply_strerror (rc));
      return 1;
    }
  smtpreply_explain (&reply, ctx, &why);                          /* libsmtpreply */
  type = why.outcome == SMTPREPLY_CLASS_PERMANENT ? GTK_MESSAGE_ERROR
         : why.outcome == SMTPREPLY_CLASS_TRANSIENT ? GTK_MESSAGE_WARNING
         : GTK_MESSAGE_INFO;
  dialog = gtk_message_dialog_new (NULL, 0, type, GTK_BUTTONS_CLOSE, "%s",
                                   why.headline);                 /* libsmtpreply */
  text = g_string_new (why.advice);                               /* libsmtpreply */
  append_server_text (text, buf, &reply, &why);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            text->str);
  gtk_window_set_title (GTK_WINDOW (dialog), why.description);
  run_dialog (dialog, why.headline, text->str, close_after, print);
  g_string_free (text, TRUE);
  return 0;
}

/* Shows DIALOG (with its primary text PRIMARY and secondary SECONDARY)
   until it is closed, or for CLOSE_AFTER seconds; with PRINT, writes its
   texts to standard output too. */
static void
run_dialog (GtkWidget *dialog, const char *primary, const char *secondary,
            guint close_after, gboolean print)
{
  if (print)
    printf ("%s\n%s\n", primary, secondary);
  if (screenshot_path != NULL)
    {
      /* Drawn and settled after a second (the window manager-less Xvfb
         maps it at once). */
      gtk_widget_show_all (dialog);
      g_timeout_add (1000, take_screenshot, dialog);
    }
  else if (close_after > 0)
    g_timeout_add_seconds (close_after, close_dialog, dialog);
  gtk_dialog_run (GTK_DIALOG (dialog));
  gtk_widget_destroy (dialog);
}

/* The dialog for a delivery report: for its first failed or delayed
   recipient, the sentence saying which message did not reach whom and
   why; the advice; the server's own words; then the other recipients'
   sentences. */
static int
show_bounce (const char *path, guint close_after, gboolean print)
{
  struct smtpreply_report *report;                                /* libsmtpreply */
  const struct smtpreply_report_recipient *first = NULL;
  struct smtpreply_explanation why;                               /* libsmtpreply */
  GString *text;
  GtkWidget *dialog;
  gchar *msg, *headline = NULL;
  gsize len;
  size_t i;

  if (!g_file_get_contents (path, &msg, &len, NULL))
    {
      fprintf (stderr, "gtk-error-dialog: cannot read %s\n", path);
      return 1;
    }
  if (smtpreply_report_read (msg, len, &report) != 0)             /* libsmtpreply */
    {
      g_free (msg);
      return 1;
    }
  g_free (msg);
  text = g_string_new (NULL);
  for (i = 0; i < smtpreply_report_count (report); i++)           /* libsmtpreply */
    {
      const struct smtpreply_report_recipient *r
        = smtpreply_report_recipient (report, i);                 /* libsmtpreply */
      char sentence[1024];

      if (r->action != SMTPREPLY_ACTION_FAILED
          && r->action != SMTPREPLY_ACTION_DELAYED
          && r->action != SMTPREPLY_ACTION_UNKNOWN)
        continue;
      smtpreply_report_summary (report, i, NULL, sentence,
                                sizeof sentence);                 /* libsmtpreply */
      if (first == NULL)
        {
          first = r;
          headline = g_utf8_make_valid (sentence, -1);
          smtpreply_report_explain (r, NULL, &why);               /* libsmtpreply */
          g_string_append (text, why.advice);
          if (r->diagnostic != NULL)
            {
              gchar *words = g_utf8_make_valid (r->diagnostic, -1);

              g_string_append_printf (text, "\n\n%s", words);
              g_free (words);
            }
        }
      else
        {
          gchar *more = g_utf8_make_valid (sentence, -1);

          g_string_append_printf (text, "\n\n%s", more);
          g_free (more);
        }
    }
  if (first == NULL)
    {
      fprintf (stderr, "gtk-error-dialog: %s is not a delivery report with a "
               "failed recipient\n", path);
      smtpreply_report_free (report);
      g_string_free (text, TRUE);
      return 1;
    }
  dialog = gtk_message_dialog_new (NULL, 0,
                                   first->action == SMTPREPLY_ACTION_DELAYED
                                   ? GTK_MESSAGE_WARNING : GTK_MESSAGE_ERROR,
                                   GTK_BUTTONS_CLOSE, "%s", headline);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            text->str);
  gtk_window_set_title (GTK_WINDOW (dialog), why.headline);
  run_dialog (dialog, headline, text->str, close_after, print);
  g_free (headline);
  g_string_free (text, TRUE);
  smtpreply_report_free (report);                                 /* libsmtpreply */
  return 0;
}

/* The reply from the command line (with "\n" and "\r" written as such) or
   from standard input. */
static char *
read_reply (const char *arg, size_t *len)
{
  GString *s = g_string_new (NULL);

  if (arg != NULL)
    for (; *arg != '\0'; arg++)
      if (arg[0] == '\\' && (arg[1] == 'n' || arg[1] == 'r'))
        g_string_append_c (s, *++arg == 'n' ? '\n' : '\r');
      else
        g_string_append_c (s, *arg);
  else
    {
      char chunk[4096];
      size_t n;

      while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
        g_string_append_len (s, chunk, (gssize) n);
    }
  *len = s->len;
  return g_string_free (s, FALSE);
}

int
main (int argc, char **argv)
{
  const char *context = NULL, *arg = NULL, *bounce = NULL;
  gboolean print = FALSE;
  guint close_after = 0;
  size_t len;
  char *reply;
  int i, ctx = SMTPREPLY_CTX_UNKNOWN, status;

  gtk_init (&argc, &argv);        /* sets the locale from the environment */
  smtpreply_use_utf8 ();          /* libsmtpreply: GTK wants UTF-8 */
  for (i = 1; i < argc; i++)
    if (strcmp (argv[i], "--context") == 0 && i + 1 < argc)
      context = argv[++i];
    else if (strcmp (argv[i], "--close-after") == 0 && i + 1 < argc)
      close_after = (guint) strtoul (argv[++i], NULL, 10);
    else if (strcmp (argv[i], "--bounce") == 0 && i + 1 < argc)
      bounce = argv[++i];
    else if (strcmp (argv[i], "--print") == 0)
      print = TRUE;
    else if (strcmp (argv[i], "--screenshot") == 0 && i + 1 < argc)
      screenshot_path = argv[++i];
    else if (arg == NULL && argv[i][0] != '-')
      arg = argv[i];
    else
      {
        fprintf (stderr, "usage: gtk-error-dialog [--context CMD] "
                 "[--close-after SECONDS] [--print] [REPLY]\n"
                 "   or: gtk-error-dialog --bounce FILE "
                 "[--close-after SECONDS] [--print]\n");
        return 2;
      }
  if (context != NULL && (ctx = smtpreply_context_from_name (context)) < 0)
    {
      fprintf (stderr, "gtk-error-dialog: unknown context '%s'\n", context);
      return 2;
    }
  if (bounce != NULL)
    return show_bounce (bounce, close_after, print);
  reply = read_reply (arg, &len);
  status = show_dialog (reply, len, (enum smtpreply_context) ctx, close_after,
                        print);
  g_free (reply);
  return status;
}
