/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* late-exit: loads a catalog and exits; late-exit-lib calls _lang after
   libsmtpreply's destructor (see there).  Run by check-catalog. */

#include <config.h>

#include <smtpreply.h>

#include <libintl.h>
#include <stdio.h>
#include <string.h>

void late_exit_anchor (void);

int
main (void)
{
  late_exit_anchor ();
  bindtextdomain ("libsmtpreply", TEST_LOCALEDIR);
  printf ("%s\n", smtpreply_describe_lang (550, "zh_CN"));
  return 0;
}
