/**
 * The issuer's page texts in the languages the checkout offers. Chosen from the creq's `locale`
 * (`de-DE` → German); pages shown before any creq is known use the browser's Accept-Language.
 */
export const AcsLanguage = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;
export type AcsLanguage = (typeof AcsLanguage)[number];

export interface AcsStrings {
  readonly dir: 'ltr' | 'rtl';
  readonly confirmPayment: string;
  readonly merchant: string;
  readonly amount: string;
  readonly card: string;
  readonly instruction: string;
  readonly testCode: (code: string) => string;
  readonly confirm: string;
  readonly cancel: string;
  readonly wrongCode: (attemptsLeft: number) => string;
  readonly emptyCode: string;
  readonly simulated: string;
  readonly returning: string;
  readonly continue: string;
  readonly verified: string;
  readonly tooManyWrongCodes: string;
  readonly canceled: string;
  readonly timedOut: string;
  readonly invalidTitle: string;
  readonly invalidBody: string;
  readonly finishedTitle: string;
  readonly finishedBody: string;
  readonly notFoundTitle: string;
  readonly notFoundBody: string;
  readonly unexpectedTitle: string;
  readonly checkingDevice: string;
}

const en: AcsStrings = {
  dir: 'ltr',
  confirmPayment: 'Confirm your payment',
  merchant: 'Merchant',
  amount: 'Amount',
  card: 'Card',
  instruction: 'Enter the one-time code sent to your phone',
  testCode: (code) => `Test code: ${code}`,
  confirm: 'Confirm',
  cancel: 'Cancel',
  wrongCode: (left) =>
    `That code is not right. ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`,
  emptyCode: 'Enter the code to continue.',
  simulated: 'A simulated bank for testing. No real codes are sent.',
  returning: 'Returning to the merchant…',
  continue: 'Continue',
  verified: 'Payment confirmed.',
  tooManyWrongCodes: 'The code was wrong three times. The payment was not confirmed.',
  canceled: 'Verification canceled.',
  timedOut: 'The time for this verification ran out.',
  invalidTitle: 'This verification request is not valid',
  invalidBody: 'Go back to the merchant and try again.',
  finishedTitle: 'This verification was already completed',
  finishedBody: 'The result is shown on the merchant’s page.',
  notFoundTitle: 'This verification could not be found',
  notFoundBody: 'It may have expired. Go back to the merchant and try again.',
  unexpectedTitle: 'Something went wrong at the bank',
  checkingDevice: 'Checking your device…',
};

const de: AcsStrings = {
  dir: 'ltr',
  confirmPayment: 'Zahlung bestätigen',
  merchant: 'Händler',
  amount: 'Betrag',
  card: 'Karte',
  instruction: 'Geben Sie den Einmalcode ein, den wir an Ihr Telefon gesendet haben',
  testCode: (code) => `Testcode: ${code}`,
  confirm: 'Bestätigen',
  cancel: 'Abbrechen',
  wrongCode: (left) => `Falscher Code. Noch ${left} ${left === 1 ? 'Versuch' : 'Versuche'}.`,
  emptyCode: 'Bitte geben Sie den Code ein.',
  simulated: 'Eine simulierte Bank für Tests. Es werden keine echten Codes gesendet.',
  returning: 'Zurück zum Händler…',
  continue: 'Weiter',
  verified: 'Zahlung bestätigt.',
  tooManyWrongCodes: 'Der Code war dreimal falsch. Die Zahlung wurde nicht bestätigt.',
  canceled: 'Bestätigung abgebrochen.',
  timedOut: 'Die Zeit für diese Bestätigung ist abgelaufen.',
  invalidTitle: 'Diese Bestätigungsanfrage ist ungültig',
  invalidBody: 'Kehren Sie zum Händler zurück und versuchen Sie es erneut.',
  finishedTitle: 'Diese Bestätigung wurde bereits abgeschlossen',
  finishedBody: 'Das Ergebnis sehen Sie auf der Seite des Händlers.',
  notFoundTitle: 'Diese Bestätigung wurde nicht gefunden',
  notFoundBody:
    'Sie ist möglicherweise abgelaufen. Kehren Sie zum Händler zurück und versuchen Sie es erneut.',
  unexpectedTitle: 'Bei der Bank ist ein Fehler aufgetreten',
  checkingDevice: 'Ihr Gerät wird geprüft…',
};

const fr: AcsStrings = {
  dir: 'ltr',
  confirmPayment: 'Confirmer le paiement',
  merchant: 'Commerçant',
  amount: 'Montant',
  card: 'Carte',
  instruction: 'Saisissez le code à usage unique envoyé sur votre téléphone',
  testCode: (code) => `Code de test\u00a0: ${code}`,
  confirm: 'Confirmer',
  cancel: 'Annuler',
  wrongCode: (left) => `Code incorrect. Il reste ${left} ${left === 1 ? 'essai' : 'essais'}.`,
  emptyCode: 'Saisissez le code pour continuer.',
  simulated: 'Une banque simulée pour les tests. Aucun vrai code n’est envoyé.',
  returning: 'Retour chez le commerçant…',
  continue: 'Continuer',
  verified: 'Paiement confirmé.',
  tooManyWrongCodes: 'Le code était faux trois fois. Le paiement n’a pas été confirmé.',
  canceled: 'Vérification annulée.',
  timedOut: 'Le délai de cette vérification est dépassé.',
  invalidTitle: 'Cette demande de vérification n’est pas valide',
  invalidBody: 'Revenez chez le commerçant et réessayez.',
  finishedTitle: 'Cette vérification a déjà été effectuée',
  finishedBody: 'Le résultat s’affiche sur la page du commerçant.',
  notFoundTitle: 'Cette vérification est introuvable',
  notFoundBody: 'Elle a peut-être expiré. Revenez chez le commerçant et réessayez.',
  unexpectedTitle: 'Une erreur est survenue à la banque',
  checkingDevice: 'Vérification de votre appareil…',
};

const es: AcsStrings = {
  dir: 'ltr',
  confirmPayment: 'Confirma tu pago',
  merchant: 'Comercio',
  amount: 'Importe',
  card: 'Tarjeta',
  instruction: 'Introduce el código de un solo uso que hemos enviado a tu teléfono',
  testCode: (code) => `Código de prueba: ${code}`,
  confirm: 'Confirmar',
  cancel: 'Cancelar',
  wrongCode: (left) =>
    left === 1
      ? 'Código incorrecto. Te queda 1 intento.'
      : `Código incorrecto. Te quedan ${left} intentos.`,
  emptyCode: 'Introduce el código para continuar.',
  simulated: 'Un banco simulado para pruebas. No se envían códigos reales.',
  returning: 'Volviendo al comercio…',
  continue: 'Continuar',
  verified: 'Pago confirmado.',
  tooManyWrongCodes: 'El código fue incorrecto tres veces. El pago no se ha confirmado.',
  canceled: 'Verificación cancelada.',
  timedOut: 'Se agotó el tiempo de esta verificación.',
  invalidTitle: 'Esta solicitud de verificación no es válida',
  invalidBody: 'Vuelve al comercio e inténtalo de nuevo.',
  finishedTitle: 'Esta verificación ya se completó',
  finishedBody: 'El resultado aparece en la página del comercio.',
  notFoundTitle: 'No se encuentra esta verificación',
  notFoundBody: 'Puede que haya caducado. Vuelve al comercio e inténtalo de nuevo.',
  unexpectedTitle: 'Se produjo un error en el banco',
  checkingDevice: 'Comprobando tu dispositivo…',
};

const ja: AcsStrings = {
  dir: 'ltr',
  confirmPayment: 'お支払いの確認',
  merchant: '加盟店',
  amount: '金額',
  card: 'カード',
  instruction: 'お使いの電話に送信されたワンタイムコードを入力してください',
  testCode: (code) => `テスト用コード: ${code}`,
  confirm: '確認',
  cancel: 'キャンセル',
  wrongCode: (left) => `コードが正しくありません。あと${left}回入力できます。`,
  emptyCode: 'コードを入力してください。',
  simulated: 'テスト用の模擬銀行です。実際のコードは送信されません。',
  returning: '加盟店のページに戻ります…',
  continue: '続行',
  verified: 'お支払いが確認されました。',
  tooManyWrongCodes: 'コードが3回間違っていたため、お支払いは確認されませんでした。',
  canceled: '確認はキャンセルされました。',
  timedOut: '確認の有効期限が切れました。',
  invalidTitle: 'この確認リクエストは無効です',
  invalidBody: '加盟店のページに戻って、もう一度お試しください。',
  finishedTitle: 'この確認はすでに完了しています',
  finishedBody: '結果は加盟店のページでご確認ください。',
  notFoundTitle: 'この確認が見つかりません',
  notFoundBody:
    '有効期限が切れた可能性があります。加盟店のページに戻って、もう一度お試しください。',
  unexpectedTitle: '銀行でエラーが発生しました',
  checkingDevice: 'お使いの端末を確認しています…',
};

/** Arabic counts: one, two (dual), a few (3–10) and many take different forms. */
const arabicAttempts = (left: number) =>
  left === 1 ? 'محاولة واحدة' : left === 2 ? 'محاولتان' : `${left} محاولات`;

const ar: AcsStrings = {
  dir: 'rtl',
  confirmPayment: 'تأكيد الدفع',
  merchant: 'التاجر',
  amount: 'المبلغ',
  card: 'البطاقة',
  instruction: 'أدخل رمز التحقق لمرة واحدة المرسل إلى هاتفك',
  testCode: (code) => `رمز الاختبار: ${code}`,
  confirm: 'تأكيد',
  cancel: 'إلغاء',
  wrongCode: (left) => `الرمز غير صحيح. تبقّت لديك ${arabicAttempts(left)}.`,
  emptyCode: 'أدخل الرمز للمتابعة.',
  simulated: 'بنك افتراضي لأغراض الاختبار. لا تُرسَل رموز حقيقية.',
  returning: 'جارٍ العودة إلى التاجر…',
  continue: 'متابعة',
  verified: 'تم تأكيد الدفع.',
  tooManyWrongCodes: 'أُدخل رمز غير صحيح ثلاث مرات. لم يتم تأكيد الدفع.',
  canceled: 'تم إلغاء التحقق.',
  timedOut: 'انتهت مهلة هذا التحقق.',
  invalidTitle: 'طلب التحقق هذا غير صالح',
  invalidBody: 'عد إلى صفحة التاجر وحاول مرة أخرى.',
  finishedTitle: 'تم إكمال هذا التحقق بالفعل',
  finishedBody: 'تظهر النتيجة في صفحة التاجر.',
  notFoundTitle: 'تعذّر العثور على هذا التحقق',
  notFoundBody: 'ربما انتهت صلاحيته. عد إلى صفحة التاجر وحاول مرة أخرى.',
  unexpectedTitle: 'حدث خطأ لدى البنك',
  checkingDevice: 'جارٍ التحقق من جهازك…',
};

export const ACS_STRINGS: Readonly<Record<AcsLanguage, AcsStrings>> = { en, de, fr, es, ja, ar };

const isAcsLanguage = (tag: string): tag is AcsLanguage =>
  (AcsLanguage as readonly string[]).includes(tag);

/** The language for a BCP 47 tag (`de-DE`, `pt_BR`, `auto`): its primary subtag if we have it. */
export function languageFor(locale: string | undefined): AcsLanguage | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isAcsLanguage(primary) ? primary : undefined;
}

/** The first language of an Accept-Language header we have, in the order the browser asks. */
export function languageFromAcceptLanguage(header: string | undefined): AcsLanguage {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((param) => param.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const language = languageFor(tag);
    if (language) return language;
  }
  return 'en';
}
