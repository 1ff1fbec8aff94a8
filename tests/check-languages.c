/* SPDX-FileCopyrightText: 2026 The libsmtpreply authors
   SPDX-License-Identifier: LGPL-2.1-or-later */
/* check-languages.c: every language of po/LINGUAS, end to end: a sample of
   its strings through LANG and the library, through the _lang calls, and
   through the command-line tool.  A language added to po/LINGUAS without a
   row here fails the first test, so every language gets its sample. */

#include <config.h>

#include "common.h"

#include <smtpreply.h>

#include <stdio.h>
#include <string.h>

/* Per language: the locale the tests run it in, the description of 550,
   the title and advice of 5.2.2, and the CLI's advice line. */
static const struct
{
  const char *lang;
  const char *locale;
  const char *describe_550;
  const char *title_522;
  const char *advice_522;
  const char *advice_label;     /* the CLI's label before the advice */
} samples[] = {
  { "en", "en_US.UTF-8",
    "The action was not taken: the mailbox is unavailable (not found, no access, or refused by policy)",
    "Mailbox full",
    "The recipient’s mailbox is full. Let the recipient know another way, and send again once they have freed up space.",
    "  Advice: " },
  { "zh_CN", "zh_CN.UTF-8",
    "操作未执行：邮箱不可用（邮箱不存在、无权访问或被策略拒绝）",
    "邮箱已满",
    "收件人邮箱已满。请通过其他方式告知收件人，待其清理出空间后再重新发送。",
    "  建议：" },
  { "zh_TW", "zh_TW.UTF-8",
    "未執行要求的動作：無法使用信箱（找不到信箱、沒有存取權，或遭政策拒絕）",
    "信箱已滿",
    "收件者的信箱已滿。請改用其他方式通知收件者，等對方清出空間後再傳送一次。",
    "  建議：" },
  { "ja", "ja_JP.UTF-8",
    "操作は実行されませんでした: メールボックスを利用できません (存在しない、アクセス権がない、またはポリシーによる拒否)",
    "メールボックスがいっぱいです",
    "受信者のメールボックスがいっぱいです。別の方法で受信者に知らせ、空き容量が確保されてから、もう一度送信してください。",
    "  対処方法: " },
  { "ko", "ko_KR.UTF-8",
    "작업이 수행되지 않았습니다: 사서함을 사용할 수 없습니다(존재하지 않음, 액세스 권한 없음 또는 정책에 의한 거부)",
    "사서함이 가득 참",
    "받는 사람의 사서함이 가득 찼습니다. 다른 방법으로 받는 사람에게 알리고, 받는 사람이 공간을 확보한 후 다시 보내세요.",
    "  권장 조치: " },
  { "de", "de_DE.UTF-8",
    "Die Aktion wurde nicht ausgeführt: Das Postfach ist nicht verfügbar (nicht gefunden, kein Zugriff oder durch Richtlinien abgelehnt)",
    "Postfach voll",
    "Das Postfach des Empfängers ist voll. Informieren Sie den Empfänger auf anderem Weg und senden Sie erneut, sobald er Speicherplatz freigegeben hat.",
    "  Empfehlung: " },
  { "fr", "fr_FR.UTF-8",
    "L’action n’a pas été effectuée\u00a0: la boîte aux lettres est indisponible (introuvable, accès refusé, ou refusée par les règles du serveur)",
    "Boîte aux lettres pleine",
    "La boîte aux lettres du destinataire est pleine. Prévenez le destinataire par un autre moyen, et renvoyez le message une fois qu’il aura libéré de l’espace.",
    "  Conseil\u00a0: " },
  { "es", "es_ES.UTF-8",
    "No se realizó la acción: el buzón no está disponible (no existe, no hay acceso, o se rechazó por política)",
    "Buzón lleno",
    "El buzón del destinatario está lleno. Avise al destinatario por otro medio y vuelva a enviar el mensaje cuando este haya liberado espacio.",
    "  Consejo: " },
  { "pt_BR", "pt_BR.UTF-8",
    "A ação não foi executada: a caixa de correio está indisponível (não encontrada, sem acesso ou recusada por política)",
    "Caixa de correio cheia",
    "A caixa de correio do destinatário está cheia. Avise o destinatário de outra forma e envie novamente depois que ele liberar espaço.",
    "  Sugestão: " },
  { "ru", "ru_RU.UTF-8",
    "Действие не выполнено: почтовый ящик недоступен (не найден, нет доступа или заблокирован политикой сервера)",
    "Почтовый ящик переполнен",
    "Почтовый ящик получателя переполнен. Сообщите об этом получателю другим способом и отправьте письмо снова, когда он освободит место.",
    "  Совет: " },
};

#define N_SAMPLES ((int) (sizeof samples / sizeof samples[0]))

START_TEST (test_every_language_has_a_sample)
{
  FILE *f = fopen (TEST_SRCDIR "/../po/LINGUAS", "r");
  char line[256], lang[64];
  int languages = 0;

  ck_assert_ptr_nonnull (f);
  while (fgets (line, sizeof line, f) != NULL)
    {
      int i, found = 0;

      if (line[0] == '#' || sscanf (line, "%63s", lang) != 1)
        continue;
      languages++;
      for (i = 0; i < N_SAMPLES; i++)
        found |= strcmp (samples[i].lang, lang) == 0;
      ck_assert_msg (found, "po/LINGUAS has %s, which has no sample here",
                     lang);
    }
  fclose (f);
  ck_assert_int_eq (languages, N_SAMPLES);
}
END_TEST

/* LANG=<locale>: the application's setlocale picks the catalog. */
START_TEST (test_library_through_lang)
{
  char lang[64];

  snprintf (lang, sizeof lang, "LANG=%s", samples[_i].locale);
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { lang, NULL });
  ck_assert_str_eq (smtpreply_describe (550), samples[_i].describe_550);
  ck_assert_str_eq (smtpreply_describe_enhanced_str ("5.2.2"),
                    samples[_i].title_522);
  ck_assert_str_eq (smtpreply_advice_enhanced_str ("5.2.2"),
                    samples[_i].advice_522);
}
END_TEST

/* The language tag alone, whatever the process's locale. */
START_TEST (test_library_through_lang_tag)
{
  test_bind_catalogs (TEST_LOCALEDIR);
  test_set_environment ((const char *const[]) { "LANG=C", NULL });
  ck_assert_int_eq (smtpreply_lang_is_available (samples[_i].lang), 1);
  ck_assert_str_eq (smtpreply_describe_lang (550, samples[_i].lang),
                    samples[_i].describe_550);
  ck_assert_str_eq (smtpreply_advice_enhanced_str_lang ("5.2.2",
                                                        samples[_i].lang),
                    samples[_i].advice_522);
}
END_TEST

/* LANG=<locale> smtpreply --advice 5.2.2, and smtpreply 550 */
START_TEST (test_cli)
{
  char lang[64], expected[2048];
  char *advice_argv[] = { (char *) "smtpreply", (char *) "--advice",
                          (char *) "5.2.2", NULL };
  char *describe_argv[] = { (char *) "smtpreply", (char *) "550", NULL };
  char *envp[] = { lang, NULL };
  struct test_output out;
  size_t n;

  snprintf (lang, sizeof lang, "LANG=%s", samples[_i].locale);
  n = (size_t) snprintf (expected, sizeof expected, "5.2.2 %s\n%s%s\n",
                         samples[_i].title_522, samples[_i].advice_label,
                         samples[_i].advice_522);
  ck_assert_uint_lt (n, sizeof expected);
  test_run (TEST_CLI, advice_argv, envp, NULL, 0, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.err, "");
  ck_assert_str_eq (out.out, expected);

  snprintf (expected, sizeof expected, "550 %s\n", samples[_i].describe_550);
  test_run (TEST_CLI, describe_argv, envp, NULL, 0, &out);
  ck_assert_int_eq (out.status, 0);
  ck_assert_str_eq (out.out, expected);
}
END_TEST

static Suite *
languages_suite (void)
{
  Suite *s = suite_create ("languages");
  TCase *tc = tcase_create ("end to end");

  tcase_add_test (tc, test_every_language_has_a_sample);
  tcase_add_loop_test (tc, test_library_through_lang, 0, N_SAMPLES);
  tcase_add_loop_test (tc, test_library_through_lang_tag, 0, N_SAMPLES);
  tcase_add_loop_test (tc, test_cli, 0, N_SAMPLES);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  const char *needed[N_SAMPLES + 1];
  int i, skip;

  for (i = 0; i < N_SAMPLES; i++)
    needed[i] = samples[i].locale;
  needed[N_SAMPLES] = NULL;
  skip = test_require_locales (needed);
  return skip ? skip : test_run_suite_forked (languages_suite ());
}
