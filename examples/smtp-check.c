/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* smtp-check: a small SMTP client that explains every reply in the user's
 * language.  It connects to HOST (port 25 unless --port says otherwise),
 * greets with EHLO, gives MAIL FROM and one RCPT TO per recipient, and with
 * --data sends a short test message; it reads the replies with
 * libsmtpreply's streaming parser straight from its socket buffer.
 *
 *   smtp-check [--port PORT] [--data] HOST FROM TO...
 *
 * Exit status: 0 when the server accepted everything, 1 when it refused
 * something, 2 for a usage or connection error.  An example to copy from:
 * build it with   cc smtp-check.c $(pkg-config --cflags --libs libsmtpreply)
 */

#include <smtpreply.h>

#include <errno.h>
#include <locale.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

struct session
{
  int fd;
  char buf[16384];
  size_t len;                   /* bytes of BUF not parsed yet */
  int refused;                  /* a reply said no */
};

static int
connect_to (const char *host, const char *port)
{
  struct addrinfo hints, *res, *ai;
  struct timeval timeout = { 30, 0 };
  int fd = -1, rc;

  memset (&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  rc = getaddrinfo (host, port, &hints, &res);
  if (rc != 0)
    {
      fprintf (stderr, "smtp-check: %s: %s\n", host, gai_strerror (rc));
      return -1;
    }
  for (ai = res; ai != NULL && fd < 0; ai = ai->ai_next)
    {
      fd = socket (ai->ai_family, ai->ai_socktype, ai->ai_protocol);
      if (fd < 0)
        continue;
      setsockopt (fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
      setsockopt (fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
      if (connect (fd, ai->ai_addr, ai->ai_addrlen) != 0)
        {
          close (fd);
          fd = -1;
        }
    }
  freeaddrinfo (res);
  if (fd < 0)
    fprintf (stderr, "smtp-check: cannot connect to %s port %s: %s\n", host,
             port, strerror (errno));
  return fd;
}

static int
send_all (struct session *s, const char *text)
{
  size_t len = strlen (text), done = 0;

  while (done < len)
    {
      ssize_t n = send (s->fd, text + done, len - done, MSG_NOSIGNAL);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          fprintf (stderr, "smtp-check: send: %s\n", strerror (errno));
          return -1;
        }
      done += (size_t) n;
    }
  return 0;
}

/* Prints the reply at the start of the buffer, explained as the answer to
   CTX, and drops it from the buffer. */
static void
show_reply (struct session *s, const struct smtpreply_reply *reply,
            enum smtpreply_context ctx)
{
  struct smtpreply_explanation why;
  size_t i;

  smtpreply_explain (reply, ctx, &why);
  printf ("< %d", reply->code);
  if (reply->has_enhanced)
    printf (" %d.%d.%d", reply->enhanced.cls, reply->enhanced.subject,
            reply->enhanced.detail);
  printf (" %s\n", why.headline);
  if (why.outcome == SMTPREPLY_CLASS_TRANSIENT
      || why.outcome == SMTPREPLY_CLASS_PERMANENT)
    {
      printf ("  %s\n", why.advice);
      s->refused = 1;
    }
  if (why.show_server_text)
    for (i = 0; i < reply->nlines; i++)
      printf ("  | %.*s\n", (int) reply->lines[i].length,
              s->buf + reply->lines[i].offset);
  memmove (s->buf, s->buf + reply->consumed, s->len - reply->consumed);
  s->len -= reply->consumed;
}

/* Reads one reply from the socket: parse what has arrived, and read more
   while the parser asks for it.  Returns its code, or -1. */
static int
read_reply (struct session *s, enum smtpreply_context ctx)
{
  int end = 0;

  for (;;)
    {
      struct smtpreply_reply reply;
      int rc = smtpreply_parse (s->buf, s->len,
                                end ? SMTPREPLY_PARSE_END_OF_INPUT : 0, &reply);
      ssize_t n;

      if (rc == SMTPREPLY_PARSE_OK)
        {
          show_reply (s, &reply, ctx);
          return reply.code;
        }
      if (rc != SMTPREPLY_PARSE_NEED_MORE)
        {
          fprintf (stderr, "smtp-check: %s\n", smtpreply_strerror (rc));
          return -1;
        }
      if (s->len == sizeof s->buf)
        return -1;
      n = recv (s->fd, s->buf + s->len, sizeof s->buf - s->len, 0);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          fprintf (stderr, "smtp-check: recv: %s\n", strerror (errno));
          return -1;
        }
      end = n == 0;
      s->len += (size_t) n;
    }
}

/* Sends COMMAND (shown as is, without its CRLF) and reads its reply. */
static int
command (struct session *s, const char *text, enum smtpreply_context ctx)
{
  printf ("> %.*s\n", (int) strcspn (text, "\r"), text);
  if (send_all (s, text) != 0)
    return -1;
  return read_reply (s, ctx);
}

static int
run (struct session *s, const char *from, char **to, int nto, int data)
{
  char line[1024], host[256] = "localhost";
  int accepted = 0, i;

  if (read_reply (s, SMTPREPLY_CTX_GREETING) / 100 != 2)
    return -1;
  gethostname (host, sizeof host - 1);
  snprintf (line, sizeof line, "EHLO %s\r\n", host);
  if (command (s, line, SMTPREPLY_CTX_EHLO) / 100 != 2)
    return -1;
  snprintf (line, sizeof line, "MAIL FROM:<%s>\r\n", from);
  if (command (s, line, SMTPREPLY_CTX_MAIL) / 100 != 2)
    return 0;
  for (i = 0; i < nto; i++)
    {
      snprintf (line, sizeof line, "RCPT TO:<%s>\r\n", to[i]);
      accepted += command (s, line, SMTPREPLY_CTX_RCPT) / 100 == 2;
    }
  if (data && accepted > 0 && command (s, "DATA\r\n", SMTPREPLY_CTX_DATA) == 354)
    {
      snprintf (line, sizeof line,
                "From: <%s>\r\nTo: <%s>\r\nSubject: smtp-check test\r\n\r\n"
                "A test message from libsmtpreply's smtp-check.\r\n.\r\n",
                from, to[0]);
      printf ("> (the message)\n");
      if (send_all (s, line) != 0)
        return -1;
      read_reply (s, SMTPREPLY_CTX_DATA_END);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  struct session s;
  const char *port = "25";
  int data = 0, i = 1, status;

  setlocale (LC_ALL, "");
  while (i < argc && argv[i][0] == '-')
    {
      if (strcmp (argv[i], "--port") == 0 && i + 1 < argc)
        port = argv[(i += 2) - 1];
      else if (strcmp (argv[i], "--data") == 0)
        data = 1, i++;
      else
        break;
    }
  if (argc - i < 3)
    {
      fprintf (stderr, "usage: smtp-check [--port PORT] [--data] HOST FROM TO...\n");
      return 2;
    }
  memset (&s, 0, sizeof s);
  s.fd = connect_to (argv[i], port);
  if (s.fd < 0)
    return 2;
  status = run (&s, argv[i + 1], argv + i + 2, argc - i - 2, data);
  if (status == 0)
    command (&s, "QUIT\r\n", SMTPREPLY_CTX_QUIT);
  close (s.fd);
  if (status != 0)
    return 2;
  return s.refused ? 1 : 0;
}
