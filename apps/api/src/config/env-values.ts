import { z } from 'zod';

/**
 * Building blocks for environment variables: every value arrives as a string (or not at all), is
 * trimmed, and an empty one counts as unset. Each refusal carries its Chinese reason; the variable's
 * name is put in front of it by the loader, from the issue's path.
 */

/** Trims, and treats '' as unset so the default applies (an empty `PORT=` in a unit file). */
export function envValue<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }, schema);
}

/** A whole number in [min, max]; `reason` says what was expected, after the rejected value. */
export function integerIn(min: number, max: number, reason: string) {
  return z
    .string()
    .refine((value) => /^-?\d+$/.test(value) && Number(value) >= min && Number(value) <= max, {
      error: (issue) => `「${String(issue.input)}」${reason}`,
    })
    .transform(Number);
}

/** One of a few words, compared without case; the answer is the word as listed. */
export function oneOf<const W extends readonly string[]>(words: W, reason: string) {
  return z
    .string()
    .refine((value) => words.includes(value.toLowerCase()), { error: (issue) => `「${String(issue.input)}」${reason}` })
    .transform((value) => value.toLowerCase() as W[number]);
}

const TRUE_WORDS = ['1', 'true', 'on', 'yes'];
const FALSE_WORDS = ['0', 'false', 'off', 'no'];

/** on/off (also 1/0, true/false, yes/no). */
export function onOff(reason: string) {
  return z.string().transform((value, ctx) => {
    const word = value.toLowerCase();
    if (TRUE_WORDS.includes(word)) return true;
    if (FALSE_WORDS.includes(word)) return false;
    ctx.issues.push({ code: 'custom', message: `「${value}」${reason}`, input: value });
    return z.NEVER;
  });
}

/** A string that must match `pattern`. */
export function matching(pattern: RegExp, reason: string) {
  return z.string().regex(pattern, { error: (issue) => `「${String(issue.input)}」${reason}` });
}
