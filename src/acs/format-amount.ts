/**
 * Minor units as the currency shows them. The exponent comes from Intl (JPY 0, EUR 2, KWD 3) and the
 * amount is handed over as an exact decimal string, never divided as a float (DESIGN §6).
 */
export function formatAmount(minorUnits: number, currency: string, locale: string): string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const exponent = format.resolvedOptions().maximumFractionDigits ?? 2;
    const digits = String(minorUnits).padStart(exponent + 1, '0');
    const decimal =
      exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
    return format.format(decimal as Intl.StringNumericLiteral);
  } catch {
    return `${minorUnits} ${currency}`;
  }
}

/** The creq's own locale when it is a valid tag for the chosen language (`de-CH`), else the language. */
export function formattingLocale(requested: string, language: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(requested);
    return canonical?.toLowerCase().split('-')[0] === language ? canonical : language;
  } catch {
    return language;
  }
}
