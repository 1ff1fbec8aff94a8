/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-symbols.c: the library exports exactly the functions of the
   linker version script, src/libsmtpreply.map, which is the one place that
   changes them.  SMTPREPLY_SYMBOLS_LIBRARY names another library to check
   (CI points it at the installed one). */

#include <config.h>

#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SYMBOLS 256

struct names
{
  int n;
  char name[MAX_SYMBOLS][64];
};

static int
compare_names (const void *a, const void *b)
{
  return strcmp (a, b);
}

static void
add (struct names *set, const char *name, size_t len)
{
  ck_assert_int_lt (set->n, MAX_SYMBOLS);
  ck_assert_uint_lt (len, sizeof set->name[0]);
  memcpy (set->name[set->n], name, len);
  set->name[set->n][len] = '\0';
  set->n++;
}

/* The global names of the version script, and its version nodes. */
static void
read_version_script (struct names *set, struct names *nodes)
{
  FILE *f = fopen (TEST_SRCDIR "/../src/libsmtpreply.map", "r");
  char line[256];
  int global = 0;

  ck_assert_ptr_nonnull (f);
  while (fgets (line, sizeof line, f) != NULL)
    {
      char name[64];

      if (sscanf (line, "LIBSMTPREPLY_%63[0-9.] {", name) == 1)
        {
          char node[80];

          snprintf (node, sizeof node, "LIBSMTPREPLY_%s", name);
          add (nodes, node, strlen (node));
        }
      else if (strstr (line, "global:") != NULL)
        global = 1;
      else if (strstr (line, "local:") != NULL)
        global = 0;
      else if (global && sscanf (line, " %63[A-Za-z0-9_];", name) == 1)
        add (set, name, strlen (name));
    }
  fclose (f);
  qsort (set->name, (size_t) set->n, sizeof set->name[0], compare_names);
  qsort (nodes->name, (size_t) nodes->n, sizeof nodes->name[0],
         compare_names);
}

/* The defined symbols nm reports for LIBRARY, with NM_OPTIONS; names are
   cut at '@' (the version).  Absolute symbols (the version node) are kept
   apart in NODES. */
static void
read_symbols (const char *nm_options, const char *library,
              struct names *set, struct names *nodes)
{
  char *argv[] = { (char *) NM_PATH, (char *) nm_options,
                   (char *) "--defined-only", (char *) library, NULL };
  char *envp[] = { (char *) "LC_ALL=C", NULL };
  static struct test_output out;
  char *line, *save;

  test_run (NM_PATH, argv, envp, NULL, 0, &out);
  ck_assert_msg (out.status == 0, "%s %s: %.300s", NM_PATH, library, out.err);
  for (line = strtok_r (out.out, "\n", &save); line != NULL;
       line = strtok_r (NULL, "\n", &save))
    {
      char type, name[256];

      if (sscanf (line, "%*s %c %255s", &type, name) != 2)
        continue;               /* archive member headers */
      if (type == 'A')
        add (nodes, name, strlen (name));
      else
        add (set, name, strcspn (name, "@"));
    }
  qsort (set->name, (size_t) set->n, sizeof set->name[0], compare_names);
  qsort (nodes->name, (size_t) nodes->n, sizeof nodes->name[0],
         compare_names);
}

static const char *
library (void)
{
  const char *other = getenv ("SMTPREPLY_SYMBOLS_LIBRARY");

  return other != NULL && *other != '\0' ? other : TEST_SHARED_LIBRARY;
}

START_TEST (test_exports_match_version_script)
{
  static struct names wanted, wanted_nodes, exported, nodes;
  int i;

  read_version_script (&wanted, &wanted_nodes);
  read_symbols ("-D", library (), &exported, &nodes);
  ck_assert_int_gt (wanted.n, 0);
  for (i = 0; i < wanted.n || i < exported.n; i++)
    ck_assert_msg (i < wanted.n && i < exported.n
                   && strcmp (wanted.name[i], exported.name[i]) == 0,
                   "%s exports %s where the version script has %s", library (),
                   i < exported.n ? exported.name[i] : "nothing more",
                   i < wanted.n ? wanted.name[i] : "nothing more");
  /* The version nodes: LIBSMTPREPLY_0.1, _0.2 ... as the script has them. */
  ck_assert_int_ge (wanted_nodes.n, 2);
  ck_assert_int_eq (nodes.n, wanted_nodes.n);
  for (i = 0; i < nodes.n; i++)
    ck_assert_str_eq (nodes.name[i], wanted_nodes.name[i]);
}
END_TEST

/* A static library cannot hide symbols; its global ones still carry the
   prefix (internal ones are smtpreply__*). */
START_TEST (test_static_library_prefix)
{
  static struct names globals, nodes;
  int i;

  read_symbols ("-g", TEST_STATIC_LIBRARY, &globals, &nodes);
  ck_assert_int_gt (globals.n, 0);
  for (i = 0; i < globals.n; i++)
    /* AddressSanitizer adds an ODR indicator beside each global. */
    ck_assert_msg (strncmp (globals.name[i], "smtpreply_", 10) == 0
                   || strncmp (globals.name[i], "__odr_asan.smtpreply_", 21) == 0,
                   "libsmtpreply.a defines %s", globals.name[i]);
}
END_TEST

/* Every exported function has a manual page (its own, or a .so link to its
   family's), and every .so link leads to a page that exists. */
START_TEST (test_every_export_has_a_man_page)
{
  static struct names wanted, wanted_nodes;
  int i;

  read_version_script (&wanted, &wanted_nodes);
  for (i = 0; i < wanted.n; i++)
    {
      char path[512], line[256], target[512];
      FILE *f;

      snprintf (path, sizeof path, "%s/../doc/man/%s.3", TEST_SRCDIR,
                wanted.name[i]);
      f = fopen (path, "r");
      ck_assert_msg (f != NULL, "%s has no manual page (%s)", wanted.name[i],
                     path);
      ck_assert_ptr_nonnull (fgets (line, sizeof line, f));
      fclose (f);
      if (strncmp (line, ".so man3/", 9) == 0)
        {
          line[strcspn (line, "\n")] = '\0';
          snprintf (target, sizeof target, "%s/../doc/man/%s", TEST_SRCDIR,
                    line + 9);
          f = fopen (target, "r");
          ck_assert_msg (f != NULL, "%s links to %s, which is missing",
                         wanted.name[i], line + 9);
          fclose (f);
        }
      else
        ck_assert_msg (strncmp (line, ".TH ", 4) == 0, "%s is not a page",
                       path);
    }
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("symbols");
  TCase *tc = tcase_create ("exports");
  FILE *f = fopen (TEST_STATIC_LIBRARY, "r");

  tcase_add_test (tc, test_exports_match_version_script);
  tcase_add_test (tc, test_every_export_has_a_man_page);
  if (f != NULL)
    {
      fclose (f);
      tcase_add_test (tc, test_static_library_prefix);
    }
  suite_add_tcase (s, tc);
  return test_run_suite (s);
}
