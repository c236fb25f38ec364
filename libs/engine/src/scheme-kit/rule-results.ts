import { schemeReason, type LocalizedText, type SchemeReason } from '../scheme-definition';

/*
 * The scaffolding every scheme's rules share: a rule looks at one thing and returns the reasons it
 * fails (none = passes), and a check runs every rule, because a refused submit lists all reasons at
 * once.
 */

/** A reason with a scheme's own closed set of codes. */
export type ReasonWith<Code extends string> = SchemeReason & { readonly code: Code };

/** One rule: every reason `input` fails it, none when it passes. */
export type SchemeRule<Input, Reason extends SchemeReason = SchemeReason> = (
  input: Input,
) => readonly Reason[];

/** A rule that passes. */
export const ok: readonly never[] = Object.freeze([]);

/**
 * A rule that fails for one reason, said in bokmål and English (`message` is the English);
 * `field` is the dotted path in the form, when there is one.
 */
export function fail<Code extends string>(
  code: Code,
  text: LocalizedText,
  field?: string,
): ReasonWith<Code>[] {
  return [schemeReason(code, text, field)];
}

/** Every reason of every rule, in the rules' order. */
export function runRules<Input, Reason extends SchemeReason>(
  rules: readonly SchemeRule<Input, Reason>[],
  input: Input,
): Reason[] {
  return rules.flatMap((rule) => rule(input));
}
