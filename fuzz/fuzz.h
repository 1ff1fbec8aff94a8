/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz.h: shared by the fuzz targets. */

#ifndef SMTPREPLY_FUZZ_H
#define SMTPREPLY_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* The libFuzzer entry point each target defines. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A finding: an invariant did not hold.  abort () so libFuzzer (and the
   replay under make check) report it with the input. */
#define FUZZ_CHECK(cond)                                                \
  do                                                                    \
    if (!(cond))                                                        \
      abort ();                                                         \
  while (0)

/* Binds the text domain to the build tree's catalogs once, so lookups in
   zh_CN and GB18030 run the real conversions. */
void fuzz_bind_catalogs (void);

/* A locale object among a few (C, zh_CN.UTF-8, zh_CN.GB18030, en_US.UTF-8)
   picked by N, or (locale_t) 0 when that one is not installed. */
#include <locale.h>
locale_t fuzz_locale (unsigned n);

#endif /* SMTPREPLY_FUZZ_H */
