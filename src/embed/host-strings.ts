/**
 * The few words the host script itself shows around the frame (the overlay's close button, the
 * popup's veil, the iframe's title), in the frame's six languages. The frame's own strings stay in
 * the frame: the host script carries only these.
 */
export interface HostStrings {
  lang: string;
  dir: 'ltr' | 'rtl';
  frameTitle: string;
  overlayLabel: string;
  close: string;
  veilLabel: string;
  veilText: string;
  veilShow: string;
  cancel: string;
  veilClosed: string;
}

type Words = Omit<HostStrings, 'lang' | 'dir'>;

const WORDS: Record<string, Words> = {
  en: {
    frameTitle: 'Secure payment form',
    overlayLabel: 'Secure payment',
    close: 'Close the checkout',
    veilLabel: 'Secure payment window',
    veilText: 'The payment goes on in a secure window.',
    veilShow: 'Show the payment window',
    cancel: 'Cancel',
    veilClosed: 'The payment window is closed. Waiting for the payment’s outcome…',
  },
  de: {
    frameTitle: 'Sicheres Zahlungsformular',
    overlayLabel: 'Sichere Zahlung',
    close: 'Bezahlvorgang schließen',
    veilLabel: 'Sicheres Zahlungsfenster',
    veilText: 'Die Zahlung wird in einem sicheren Fenster fortgesetzt.',
    veilShow: 'Zahlungsfenster anzeigen',
    cancel: 'Abbrechen',
    veilClosed: 'Das Zahlungsfenster ist geschlossen. Das Ergebnis der Zahlung wird abgewartet…',
  },
  fr: {
    frameTitle: 'Formulaire de paiement sécurisé',
    overlayLabel: 'Paiement sécurisé',
    close: 'Fermer le paiement',
    veilLabel: 'Fenêtre de paiement sécurisée',
    veilText: 'Le paiement se poursuit dans une fenêtre sécurisée.',
    veilShow: 'Afficher la fenêtre de paiement',
    cancel: 'Annuler',
    veilClosed: 'La fenêtre de paiement est fermée. En attente du résultat du paiement…',
  },
  es: {
    frameTitle: 'Formulario de pago seguro',
    overlayLabel: 'Pago seguro',
    close: 'Cerrar el pago',
    veilLabel: 'Ventana de pago segura',
    veilText: 'El pago continúa en una ventana segura.',
    veilShow: 'Mostrar la ventana de pago',
    cancel: 'Cancelar',
    veilClosed: 'La ventana de pago está cerrada. Esperando el resultado del pago…',
  },
  ja: {
    frameTitle: '安全な支払いフォーム',
    overlayLabel: '安全な支払い',
    close: '支払いを閉じる',
    veilLabel: '安全な支払いウィンドウ',
    veilText: '支払いは安全なウィンドウで続行されます。',
    veilShow: '支払いウィンドウを表示',
    cancel: 'キャンセル',
    veilClosed: '支払いウィンドウが閉じられました。支払いの結果を待っています…',
  },
  ar: {
    frameTitle: 'نموذج دفع آمن',
    overlayLabel: 'دفع آمن',
    close: 'إغلاق صفحة الدفع',
    veilLabel: 'نافذة دفع آمنة',
    veilText: 'يستمر الدفع في نافذة آمنة.',
    veilShow: 'إظهار نافذة الدفع',
    cancel: 'إلغاء',
    veilClosed: 'تم إغلاق نافذة الدفع. في انتظار نتيجة الدفع…',
  },
};

/** The language subtag of a BCP 47 tag, or undefined for a malformed one. */
function languageOf(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return undefined;
  }
}

/**
 * The words in the language the frame will speak: the element's `locale` when the frame has that
 * language, else the first of the browser's languages it has, else English (the frame's rule).
 */
export function hostStrings(
  locale: string | undefined,
  browserLanguages: readonly string[] = navigator.languages,
): HostStrings {
  const wanted = locale && locale !== 'auto' ? [locale, ...browserLanguages] : browserLanguages;
  for (const tag of wanted) {
    const lang = languageOf(tag);
    const words = lang ? WORDS[lang] : undefined;
    if (lang && words) return { ...words, lang, dir: lang === 'ar' ? 'rtl' : 'ltr' };
  }
  return { ...WORDS.en!, lang: 'en', dir: 'ltr' };
}

/** Marks a node of the host's own as written in the checkout's language. */
export function speak<T extends HTMLElement>(node: T, { lang, dir }: HostStrings): T {
  node.lang = lang;
  node.dir = dir;
  return node;
}
