/**
 * What can be wrong with the name on the card. `has_digits` is told apart because it is usually a
 * card number typed or autofilled into the name field, which must not travel as a name.
 */
export type NameProblem = 'empty' | 'too_short' | 'too_long' | 'has_digits' | 'invalid_characters';

/** The longest name the API takes (UTF-16 code units, as the schemas and `maxlength` count). */
const MAX_NAME_LENGTH = 100;

/**
 * Letters and combining marks of any script, spaces (including the ideographic space of Japanese
 * input), apostrophes (' ’), hyphens (- ‐) and dots (. and the middle dots · ・ that separate
 * names in katakana).
 */
const NAME = /^[\p{L}\p{M}\p{Zs}'\u2019\-\u2010.\u00b7\u30fb]+$/u;

/** Checks the name on the card after trimming; returns the problem, or null when it is usable. */
export function cardholderNameProblem(input: string): NameProblem | null {
  const name = input.trim();
  if (name === '') return 'empty';
  if (/\p{N}/u.test(name)) return 'has_digits';
  if (!NAME.test(name) || !/\p{L}/u.test(name)) return 'invalid_characters';
  if ([...name].length < 2) return 'too_short';
  return name.length > MAX_NAME_LENGTH ? 'too_long' : null;
}
