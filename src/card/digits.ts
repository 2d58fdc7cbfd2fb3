/** The zero of each run of decimal digits other than ASCII that shoppers' keyboards produce. */
const ZEROS = [
  0x0660, // Arabic-Indic (Arabic keyboards)
  0x06f0, // Extended Arabic-Indic (Persian, Urdu)
  0x0966, // Devanagari
  0xff10, // full-width (Japanese and Chinese input methods)
];

const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]/g;
/** Full-width separators an input method types with the digits: space, `／`, `－`, `．`. */
const WIDE_SEPARATORS = /[\u3000\uff0d\uff0e\uff0f]/g;

/**
 * Rewrites the digits of other scripts (`٤٢٤٢`, `４２４２`) and full-width separators as ASCII,
 * one character for one, so positions in the text (the caret) stay where they were.
 */
export function asciiDigits(text: string): string {
  return text
    .replace(OTHER_DIGITS, (digit) => {
      const code = digit.charCodeAt(0);
      const zero = ZEROS.find((start) => code >= start && code <= start + 9) ?? code;
      return String(code - zero);
    })
    .replace(WIDE_SEPARATORS, (wide) =>
      wide === '\u3000' ? ' ' : String.fromCharCode(wide.charCodeAt(0) - 0xfee0),
    );
}
