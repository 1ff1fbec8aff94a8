/* smtpreply: the command-line face of libsmtpreply.
 *
 *   smtpreply 550 421        describe reply codes
 *   smtpreply --list         every code the library knows
 *
 * The program owns its locale (setlocale, textdomain); the library only
 * looks texts up.  Exit status: 0 when every argument was described, 1 when
 * an argument was not a reply code or output failed, 2 for a usage error.
 */

#include <config.h>

#include <smtpreply.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef ENABLE_NLS
# include <libintl.h>
# define _(msgid) gettext (msgid)
#else
# define _(msgid) (msgid)
# define textdomain(domain) ((void) 0)
# define bindtextdomain(domain, dir) ((void) 0)
#endif

enum exit_status
{
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2
};

static const char *program_name = "smtpreply";

enum action
{
  ACTION_DESCRIBE,
  ACTION_LIST,
  ACTION_HELP,
  ACTION_VERSION
};

struct options
{
  enum action action;
  int first_operand;            /* index in argv of the first code */
};

static void
try_help (void)
{
  /* TRANSLATORS: printed after a usage error; %s is the program name. */
  fprintf (stderr, _("Try '%s --help' for more information.\n"),
           program_name);
}

static void
print_help (void)
{
  /* TRANSLATORS: --help output, first block: how the program is called.
     Keep the program name and the option names in English. */
  printf (_("Usage: %s [OPTION]... CODE...\n"), program_name);
  /* TRANSLATORS: --help output, the paragraph saying what the program does. */
  fputs (_("Explain SMTP reply codes (such as 550) in the language of the\n"
           "current locale.\n"), stdout);
  putchar ('\n');
  /* TRANSLATORS: --help output, the option list.  Keep the option names in
     English and align the descriptions as in the original. */
  fputs (_("  -l, --list       list every reply code the library describes\n"
           "  -h, --help       display this help and exit\n"
           "  -V, --version    output version information and exit\n"),
         stdout);
  putchar ('\n');
  /* TRANSLATORS: --help output, the paragraph on languages and exit status.
     LANG, LC_ALL, LC_MESSAGES and LANGUAGE are environment variables. */
  fputs (_("The language follows LANG, LC_ALL, LC_MESSAGES and LANGUAGE.\n"
           "Exit status: 0 if every CODE was described, 1 if a CODE was not\n"
           "a reply code, 2 for a usage error.\n"), stdout);
}

static void
print_version (void)
{
  printf ("smtpreply (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
  /* TRANSLATORS: --version output, second line; %s is the version of the
     libsmtpreply library the program runs with, such as 0.1.0. */
  printf (_("Using libsmtpreply %s.\n"), smtpreply_check_version (NULL));
}

/* A reply code argument: exactly three digits, the first 2-5 and the
   second 0-5 (RFC 5321 section 4.2).  Returns the code, or -1. */
static int
parse_code (const char *arg)
{
  int code;

  if (strlen (arg) != 3 || strspn (arg, "0123456789") != 3)
    return -1;
  code = atoi (arg);
  return smtpreply_class (code) == SMTPREPLY_CLASS_INVALID ? -1 : code;
}

static void
print_code (int code)
{
  printf ("%d %s\n", code, smtpreply_describe (code));
}

static int
describe_operands (int argc, char **argv, int first)
{
  int status = EXIT_OK;
  int i;

  for (i = first; i < argc; i++)
    {
      int code = parse_code (argv[i]);

      if (code < 0)
        {
          /* TRANSLATORS: error for a command-line argument that is not a
             reply code; the first %s is the program name, the second the
             argument as typed.  Keep "550" as an example code. */
          fprintf (stderr, _("%s: '%s' is not an SMTP reply code (three digits,"
                             " the first 2 to 5, such as 550)\n"),
                   program_name, argv[i]);
          status = EXIT_BAD_INPUT;
          continue;
        }
      print_code (code);
    }
  return status;
}

static void
list_codes (void)
{
  int code;

  for (code = 0; code < 1000; code++)
    if (smtpreply_is_known (code))
      print_code (code);
}

/* Parses the options into OPTS.  Returns EXIT_OK, or EXIT_USAGE after
   printing why. */
static int
parse_options (int argc, char **argv, struct options *opts)
{
  static const struct option long_options[] = {
    { "list", no_argument, NULL, 'l' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  int c;

  opts->action = ACTION_DESCRIBE;
  while ((c = getopt_long (argc, argv, "lhV", long_options, NULL)) != -1)
    switch (c)
      {
      case 'l':
        opts->action = ACTION_LIST;
        break;
      case 'h':
        opts->action = ACTION_HELP;
        break;
      case 'V':
        opts->action = ACTION_VERSION;
        break;
      default:
        try_help ();
        return EXIT_USAGE;
      }
  opts->first_operand = optind;

  if (opts->action == ACTION_DESCRIBE && optind >= argc)
    {
      /* TRANSLATORS: error when the program is run without a reply code;
         %s is the program name. */
      fprintf (stderr, _("%s: no reply code given\n"), program_name);
      try_help ();
      return EXIT_USAGE;
    }
  return EXIT_OK;
}

/* Output errors (a full disk, a closed pipe) must not pass silently. */
static int
close_stdout (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout) || fclose (stdout) != 0)
    {
      /* TRANSLATORS: error when the output could not be written; the first
         %s is the program name, the second the system's error text. */
      fprintf (stderr, _("%s: write error: %s\n"), program_name,
               strerror (errno));
      return EXIT_BAD_INPUT;
    }
  return status;
}

int
main (int argc, char **argv)
{
  struct options opts;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (PACKAGE, LOCALEDIR);
  textdomain (PACKAGE);

  status = parse_options (argc, argv, &opts);
  if (status != EXIT_OK)
    return status;

  switch (opts.action)
    {
    case ACTION_HELP:
      print_help ();
      break;
    case ACTION_VERSION:
      print_version ();
      break;
    case ACTION_LIST:
      list_codes ();
      break;
    case ACTION_DESCRIBE:
      status = describe_operands (argc, argv, opts.first_operand);
      break;
    }
  return close_stdout (status);
}
