import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { schemeReason, type SchemeOrganisation, type SchemeReason } from './scheme-definition';

/**
 * Eligibility rule types (who may apply) that a call switches on with its own arguments, so that a
 * county changes them per round without a code change: the types live here, the call stores
 * `[{ rule: 'organisation_form', forms: ['KOMM'] }, …]`.
 */
export type EligibilityRule =
  /** Only these Brønnøysund organisation forms (AS, KOMM, FYLK, STI, FLI …). */
  | { readonly rule: 'organisation_form'; readonly forms: readonly string[] }
  /** At least this many registered employees. */
  | { readonly rule: 'min_employees'; readonly count: number }
  /** Fewer than this many registered employees (e.g. SMEs only: 250). */
  | { readonly rule: 'employees_below'; readonly count: number }
  /** Located in one of these counties (two-digit fylkesnummer). */
  | { readonly rule: 'county'; readonly countyCodes: readonly string[] }
  /** Located in one of these municipalities (four-digit kommunenummer). */
  | { readonly rule: 'municipality'; readonly municipalityNumbers: readonly string[] };

export const ELIGIBILITY_RULE_TYPES = [
  'organisation_form',
  'min_employees',
  'employees_below',
  'county',
  'municipality',
] as const satisfies ReadonlyArray<EligibilityRule['rule']>;

/** Each rule type's one argument: its field, and the pattern of a list's entries (absent: a count). */
const RULE_ARGUMENTS: Record<EligibilityRule['rule'], { readonly field: string; readonly pattern?: RegExp }> =
  {
    organisation_form: { field: 'forms', pattern: /^[A-Z]{2,4}$/ },
    min_employees: { field: 'count' },
    employees_below: { field: 'count' },
    county: { field: 'countyCodes', pattern: /^\d{2}$/ },
    municipality: { field: 'municipalityNumbers', pattern: /^\d{4}$/ },
  };

/** The name `IsEligibilityRules` registers its check under (the schema builder describes it by this name). */
export const ELIGIBILITY_RULES_VALIDATOR = 'isEligibilityRules';

/**
 * A call's `eligibility` list as JSON Schema (2020-12): one entry per rule type, each an object
 * with its `rule` (a one-value choice) and its argument. What `eligibilityRuleProblems` checks
 * besides (each type at most once) is left to the server.
 */
export function eligibilityRulesJsonSchema(): Record<string, unknown> {
  return {
    type: 'array',
    maxItems: ELIGIBILITY_RULE_TYPES.length,
    items: {
      oneOf: ELIGIBILITY_RULE_TYPES.map((rule) => {
        const { field, pattern } = RULE_ARGUMENTS[rule];
        const argument = pattern
          ? {
              type: 'array',
              minItems: 1,
              uniqueItems: true,
              items: { type: 'string', pattern: pattern.source },
            }
          : { type: 'integer', minimum: 0 };
        return {
          type: 'object',
          required: ['rule', field],
          additionalProperties: false,
          properties: { rule: { type: 'string', enum: [rule] }, [field]: argument },
        };
      }),
    },
  };
}

const isStringList = (value: unknown, pattern: RegExp) =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((v) => typeof v === 'string' && pattern.test(v)) &&
  new Set(value).size === value.length;
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/** What is wrong with a call's rule list, one sentence per problem; empty = fine. */
export function eligibilityRuleProblems(rules: unknown): string[] {
  if (!Array.isArray(rules)) return ['must be a list of rules'];
  const problems: string[] = [];
  const seen = new Set<string>();
  rules.forEach((raw: unknown, i) => {
    const at = `rule ${i + 1}`;
    if (typeof raw !== 'object' || raw === null) return problems.push(`${at} must be an object`);
    const r = raw as Record<string, unknown>;
    const what: Record<EligibilityRule['rule'], string> = {
      organisation_form: 'a list of organisation forms',
      min_employees: 'a whole number ≥ 0',
      employees_below: 'a whole number ≥ 0',
      county: 'a list of two-digit county numbers',
      municipality: 'a list of four-digit municipality numbers',
    };
    const type = r.rule as EligibilityRule['rule'];
    if (!(ELIGIBILITY_RULE_TYPES as readonly string[]).includes(type))
      return problems.push(`${at}: rule must be one of ${ELIGIBILITY_RULE_TYPES.join(', ')}`);
    if (seen.has(type)) problems.push(`${at}: rule ${type} appears twice`);
    seen.add(type);
    const { field, pattern } = RULE_ARGUMENTS[type];
    const valid = pattern ? isStringList(r[field], pattern) : isCount(r[field]);
    if (!valid) problems.push(`${at} (${type}): ${field} must be ${what[type]}`);
    const unknown = Object.keys(r).filter((k) => k !== 'rule' && k !== field);
    if (unknown.length) problems.push(`${at} (${type}): unknown ${unknown.join(', ')}`);
  });
  return problems;
}

/** class-validator decorator for a call's `eligibility` list. */
export function IsEligibilityRules(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: ELIGIBILITY_RULES_VALIDATOR,
      validator: {
        validate: (value: unknown) => eligibilityRuleProblems(value).length === 0,
        defaultMessage: buildMessage(
          (_, args) => `$property: ${eligibilityRuleProblems(args?.value).join('; ')}`,
          options,
        ),
      },
    },
    options,
  );
}

/** Every rule the organisation fails, with a sentence an applicant understands. */
export function checkEligibilityRules(
  rules: readonly EligibilityRule[],
  organisation: SchemeOrganisation,
): SchemeReason[] {
  const county = organisation.countyCode ?? organisation.municipalityNumber.slice(0, 2);
  const reasons: SchemeReason[] = [];
  for (const r of rules) {
    switch (r.rule) {
      case 'organisation_form':
        if (!r.forms.includes(organisation.form))
          reasons.push(
            schemeReason('organisation_form_not_eligible', {
              nb: `Organisasjonsformen ${organisation.form} kan ikke søke; tillatt er ${r.forms.join(', ')}`,
              en: `Organisation form ${organisation.form} may not apply; allowed: ${r.forms.join(', ')}`,
            }),
          );
        break;
      case 'min_employees':
        if (organisation.employeeCount < r.count)
          reasons.push(
            schemeReason('too_few_employees', {
              nb: `Virksomheten har ${organisation.employeeCount} registrerte ansatte; det kreves minst ${r.count}`,
              en: `The organisation has ${organisation.employeeCount} registered employees; at least ${r.count} are required`,
            }),
          );
        break;
      case 'employees_below':
        if (organisation.employeeCount >= r.count)
          reasons.push(
            schemeReason('too_many_employees', {
              nb: `Virksomheten har ${organisation.employeeCount} registrerte ansatte; utlysningen gjelder virksomheter med færre enn ${r.count}`,
              en: `The organisation has ${organisation.employeeCount} registered employees; this call is for fewer than ${r.count}`,
            }),
          );
        break;
      case 'county':
        if (!r.countyCodes.includes(county))
          reasons.push(
            schemeReason('outside_county', {
              nb: `Virksomheten ligger i fylke ${county}; utlysningen gjelder ${r.countyCodes.join(', ')}`,
              en: `The organisation is in county ${county}; this call is for ${r.countyCodes.join(', ')}`,
            }),
          );
        break;
      case 'municipality':
        if (!r.municipalityNumbers.includes(organisation.municipalityNumber))
          reasons.push(
            schemeReason('outside_municipalities', {
              nb: `Virksomheten ligger i kommune ${organisation.municipalityNumber}; utlysningen gjelder ${r.municipalityNumbers.join(', ')}`,
              en: `The organisation is in municipality ${organisation.municipalityNumber}; this call is for ${r.municipalityNumbers.join(', ')}`,
            }),
          );
        break;
    }
  }
  return reasons;
}
