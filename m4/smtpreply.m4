# smtpreply.m4: small configure macros of libsmtpreply's own.

# SMTPREPLY_CHECK_CFLAG(FLAG, VARIABLE)
# Appends FLAG to VARIABLE when the C compiler accepts it without a warning
# (compiled with -Werror, so an unknown -W flag is not silently ignored).
AC_DEFUN([SMTPREPLY_CHECK_CFLAG], [
  AS_VAR_PUSHDEF([cache], [smtpreply_cv_cflag_$1])
  AC_CACHE_CHECK([whether $CC accepts $1], [cache], [
    save_CFLAGS=$CFLAGS
    CFLAGS="$CFLAGS -Werror $1"
    AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
      [AS_VAR_SET([cache], [yes])], [AS_VAR_SET([cache], [no])])
    CFLAGS=$save_CFLAGS])
  AS_VAR_IF([cache], [yes], [$2="$$2 $1"])
  AS_VAR_POPDEF([cache])
])

# SMTPREPLY_PTHREAD
# Finds how to build threaded code: -pthread when the compiler takes it,
# nothing more where the C library already holds the POSIX threads API.
# Sets and substitutes PTHREAD_CFLAGS and PTHREAD_LIBS.
AC_DEFUN([SMTPREPLY_PTHREAD], [
  PTHREAD_CFLAGS=
  PTHREAD_LIBS=
  AC_CACHE_CHECK([for the flags threaded programs need], [smtpreply_cv_pthread], [
    smtpreply_cv_pthread=none
    for flags in -pthread "" -lpthread; do
      save_CFLAGS=$CFLAGS; save_LIBS=$LIBS
      CFLAGS="$CFLAGS $flags"; LIBS="$LIBS $flags"
      AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <pthread.h>
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void f (void) {}]], [[return pthread_once (&once, f);]])],
        [smtpreply_cv_pthread="$flags"])
      CFLAGS=$save_CFLAGS; LIBS=$save_LIBS
      test "x$smtpreply_cv_pthread" != xnone && break
    done])
  AS_CASE([$smtpreply_cv_pthread],
    [none], [AC_MSG_ERROR([POSIX threads are required])],
    [-lpthread], [PTHREAD_LIBS=-lpthread],
    [-pthread], [PTHREAD_CFLAGS=-pthread; PTHREAD_LIBS=-pthread])
  AC_SUBST([PTHREAD_CFLAGS])
  AC_SUBST([PTHREAD_LIBS])
])
