import { DAY_MS, validatePayload } from '@lib/common';
import {
  validateLifecycleDefinition,
  validateSchemes,
  type CallOpening,
  type CallParameters,
  ELIGIBILITY_RULE_TYPES,
  type SchemeReason,
} from '@lib/engine';
import { PLUGINS } from './scheme-registry';
import { formLayoutProblems } from './scheme-form-layout';
import { apiPropertyOf, danglingRefs, dtoClassesOf, jsonSchemaOf, validatedFieldsOf } from './scheme-schemas';

/**
 * What every registered scheme must satisfy, so that a new scheme gets these checks by being
 * registered: a valid lifecycle, documented DTOs, demo calls its own rules accept, and a payment
 * plan that pays exactly what was granted.
 */
describe('scheme conformance', () => {
  it('the registered set is consistent: ids, reference prefixes and lifecycle ids unique', () => {
    expect(validateSchemes(PLUGINS.map((p) => p.scheme))).toEqual([]);
  });

  it('DTO class names are unique across schemes (JSON Schemas are named by class); shared classes are one class', () => {
    const byName = new Map<string, { cls: unknown; scheme: string }>();
    const clashes: string[] = [];
    for (const { scheme } of PLUGINS) {
      for (const cls of [
        scheme.callParametersDto,
        scheme.applicationDto,
        scheme.reportDto,
        ...(scheme.interimReports ?? []).map((k) => k.dto),
      ].flatMap((d) => dtoClassesOf(d))) {
        const seen = byName.get(cls.name);
        if (seen && seen.cls !== cls) clashes.push(`${cls.name}: ${seen.scheme} and ${scheme.id}`);
        if (!seen) byName.set(cls.name, { cls, scheme: scheme.id });
      }
    }
    expect(clashes).toEqual([]);
  });

  it('finds a $ref that points nowhere, and only that one', () => {
    const schema = {
      properties: { a: { $ref: '#/$defs/Here' }, b: { items: [{ $ref: '#/$defs/Array' }] } },
      $defs: { Here: { type: 'object' } },
    };
    expect(danglingRefs(schema)).toEqual(['#/$defs/Array']);
  });

  it('describes who may apply: one shape per eligibility rule type, each with its argument', () => {
    const schema = jsonSchemaOf(PLUGINS[0].scheme.callParametersDto) as {
      properties: { eligibility: { type: string; items: { oneOf: { properties: { rule: unknown } }[] } } };
    };
    expect(schema.properties.eligibility.type).toBe('array');
    expect(schema.properties.eligibility.items.oneOf.map((v) => v.properties.rule)).toEqual(
      ELIGIBILITY_RULE_TYPES.map((rule) => ({ type: 'string', enum: [rule] })),
    );
  });

  describe.each(PLUGINS.map((p) => [p.scheme.id, p] as const))(
    '%s',
    (_, { scheme, demoCalls, sampleApplication, sampleCase }) => {
      it('has a lifecycle whose every state carries one status tag and handles only known events', () => {
        expect(validateLifecycleDefinition(scheme.lifecycle)).toEqual([]);
      });

      it('tells applicants its purpose and who may apply, in whole sentences in bokmål and English', () => {
        const { purpose, applicants } = scheme.presentation;
        for (const text of [purpose.nb, purpose.en, applicants.nb, applicants.en]) {
          expect(text).toMatch(/^[A-ZÆØÅ].{20,}\.$/s);
        }
        expect(purpose.nb).not.toBe(purpose.en);
        expect(applicants.nb).not.toBe(applicants.en);
      });

      it.each([
        ['call parameters', scheme.callParametersDto],
        ['application', scheme.applicationDto],
        ['final report', scheme.reportDto],
      ])('documents every validated field of its %s DTO, and validates every documented one', (__, dto) => {
        const problems: string[] = [];
        for (const cls of dtoClassesOf(dto)) {
          const validated = validatedFieldsOf(cls);
          if (!validated.length) problems.push(`${cls.name} validates no field`);
          for (const key of validated)
            if (!apiPropertyOf(cls, key)) problems.push(`${cls.name}.${key} has no @ApiProperty`);
          const documented = (Reflect.getMetadata(
            'swagger/apiModelPropertiesArray',
            cls.prototype as object,
          ) ?? []) as string[];
          for (const key of documented.map((k) => k.replace(/^:/, '')))
            if (!validated.includes(key)) problems.push(`${cls.name}.${key} is documented but not validated`);
        }
        expect(problems).toEqual([]);
        expect(jsonSchemaOf(dto)).toMatchObject({ type: 'object', additionalProperties: false });
      });

      it.each([
        ['application', scheme.applicationDto],
        ['final report', scheme.reportDto],
        ['call parameters', scheme.callParametersDto],
      ])('publishes a %s schema whose every $ref points at one of its definitions', (__, dto) => {
        expect(danglingRefs(jsonSchemaOf(dto))).toEqual([]);
      });

      it.each([
        ['application', scheme.applicationDto, scheme.presentation.applicationForm],
        ['final report', scheme.reportDto, scheme.presentation.reportForm],
        ['call parameters', scheme.callParametersDto, scheme.presentation.callForm],
      ])(
        'asks every field of its %s form in exactly one step, labelled in bokmål and English',
        (__, dto, layout) => {
          expect(formLayoutProblems(jsonSchemaOf(dto), layout)).toEqual([]);
        },
      );

      it('asks every field of each interim report in exactly one step, and its demo calls say when each is due', () => {
        for (const kind of scheme.interimReports ?? []) {
          expect(danglingRefs(jsonSchemaOf(kind.dto))).toEqual([]);
          expect(formLayoutProblems(jsonSchemaOf(kind.dto), kind.form)).toEqual([]);
          expect(kind.title.nb).not.toBe(kind.title.en);
        }
        const keys = (scheme.interimReports ?? []).map((k) => k.key);
        for (const demo of demoCalls) {
          const due = scheme.interimReportsDue?.(demo.parameters, sampleApplication) ?? [];
          for (const d of due) {
            expect(keys).toContain(d.key);
            expect(d.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
        }
      });

      it('has demo calls whose parameters pass its DTO and its rules, with a sensible window', async () => {
        expect(demoCalls.length).toBeGreaterThan(0);
        for (const demo of demoCalls) {
          const validation = await validatePayload(scheme.callParametersDto, demo.parameters);
          expect(validation).toMatchObject({ ok: true });
          if (!validation.ok) continue;
          expect(scheme.checkCallParameters(validation.value)).toEqual([]);
          const window = scheme.callWindow(validation.value);
          expect(Number.isNaN(Date.parse(window.opensAt))).toBe(false);
          if (window.closesAt !== null)
            expect(Date.parse(window.closesAt)).toBeGreaterThan(Date.parse(window.opensAt));
          expect(Number.isSafeInteger(demo.frame.allocationOre) && demo.frame.allocationOre > 0).toBe(true);
        }
      });

      it('has a sample application its DTO accepts, whose amounts are whole øre', async () => {
        const validation = await validatePayload(scheme.applicationDto, sampleApplication);
        expect(validation).toMatchObject({ ok: true });
        if (!validation.ok) return;
        const requested = scheme.requestedAmount(validation.value);
        expect(Number.isSafeInteger(requested) && requested >= 0).toBe(true);
        expect(Number.isNaN(Date.parse(scheme.projectEndsAt(validation.value)))).toBe(false);
      });

      it('has a sample case: its applicant is eligible when it submits, and its report passes', async () => {
        const params = await validatePayload(scheme.callParametersDto, demoCalls[0].parameters);
        const content = await validatePayload(scheme.applicationDto, sampleApplication);
        const report = await validatePayload(scheme.reportDto, sampleCase.report);
        expect(report).toMatchObject({ ok: true });
        if (!params.ok || !content.ok || !report.ok) throw new Error('the sample does not validate');
        const window = scheme.callWindow(params.value);
        const submittedAt = Date.parse(sampleCase.submittedAt);
        expect(submittedAt).toBeGreaterThanOrEqual(Date.parse(window.opensAt));
        if (window.closesAt !== null) expect(submittedAt).toBeLessThan(Date.parse(window.closesAt));
        expect(
          scheme.checkEligibility({
            params: params.value,
            content: content.value,
            organisation: sampleCase.applicant,
            now: new Date(submittedAt),
            otherActiveGrant: false,
          }),
        ).toEqual([]);
        expect(scheme.checkReport(content.value, report.value)).toEqual([]);
      });

      it('says every reason its rules give in bokmål and English, with kroner the Norwegian way', async () => {
        const params = await validatePayload(scheme.callParametersDto, demoCalls[0].parameters);
        const content = await validatePayload(scheme.applicationDto, sampleApplication);
        const report = await validatePayload(scheme.reportDto, sampleCase.report);
        if (!params.ok || !content.ok || !report.ok) throw new Error('the sample does not validate');
        const window = scheme.callWindow(params.value);
        const reasons: SchemeReason[] = [];
        // Refusals come from bent samples: amounts far over the caps or zero, declarations turned
        // round, an organisation nobody may fund, and moments outside the window. A bent sample a
        // rule cannot read (it throws) gives no reasons; the samples that it can give plenty.
        const attempt = (run: () => readonly SchemeReason[]) => {
          try {
            reasons.push(...run());
          } catch {
            /* a shape the rule does not expect */
          }
        };
        const outsider = { form: 'XXX', employeeCount: 0, municipalityNumber: '9999', countyCode: '99' };
        const moments = [
          Date.parse(sampleCase.submittedAt),
          Date.parse(window.opensAt) - DAY_MS * 2,
          Date.parse(window.closesAt ?? '2100-01-01T00:00:00Z') + DAY_MS * 2,
        ];
        for (const bent of [content.value, ...bendings(content.value)]) {
          for (const organisation of [sampleCase.applicant, outsider]) {
            for (const now of moments) {
              attempt(() =>
                scheme.checkEligibility({
                  params: params.value,
                  content: bent,
                  organisation,
                  now: new Date(now),
                  otherActiveGrant: true,
                }),
              );
            }
            attempt(() => scheme.advisories?.({ params: params.value, content: bent, organisation }) ?? []);
          }
          for (const bentReport of [report.value, ...bendings(report.value)])
            attempt(() => scheme.checkReport(bent, bentReport));
        }
        for (const bent of bendings(params.value)) attempt(() => scheme.checkCallParameters(bent));

        expect(new Set(reasons.map((r) => r.code)).size).toBeGreaterThanOrEqual(10);
        const untranslated = reasons.filter(
          (r) =>
            !r.text?.nb.trim() ||
            !r.text.en.trim() ||
            r.message !== r.text.en ||
            r.text.nb === r.text.en ||
            /\bNOK\b/.test(r.text.nb),
        );
        expect(untranslated).toEqual([]);
      });

      it('pays out exactly the granted amount over its payment plan, for any whole-øre amount', async () => {
        const params = (await validatePayload(scheme.callParametersDto, demoCalls[0].parameters)) as {
          ok: true;
          value: CallParameters<CallOpening>;
        };
        const content = (await validatePayload(scheme.applicationDto, sampleApplication)) as {
          ok: true;
          value: object;
        };
        for (const amount of [1, 99, 100_001, 12_345_679, 2_330_000_001]) {
          const plan = scheme.paymentPlan(params.value, amount, content.value);
          expect(plan.length).toBeGreaterThan(0);
          expect(plan.every((i) => Number.isSafeInteger(i.amount) && i.amount >= 0)).toBe(true);
          expect(plan.reduce((sum, i) => sum + i.amount, 0)).toBe(amount);
          expect(plan.every((i) => i.on !== 'date' || /^\d{4}-\d{2}-\d{2}$/.test(i.date ?? ''))).toBe(true);
        }
      });
    },
  );
});

/**
 * The sample bent three ways, each a copy: every number times 1 000 (amounts over every cap),
 * every number zero, every yes turned to no and back.
 */
function bendings<T>(value: T): T[] {
  const bend = (v: unknown, leaf: (x: number | boolean) => unknown): unknown => {
    if (Array.isArray(v)) return v.map((x) => bend(x, leaf));
    if (typeof v === 'number' || typeof v === 'boolean') return leaf(v);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bend(x, leaf)]));
    return v;
  };
  const leaves: ((x: number | boolean) => unknown)[] = [
    (x) => (typeof x === 'number' ? x * 1000 : x),
    (x) => (typeof x === 'number' ? 0 : x),
    (x) => (typeof x === 'boolean' ? !x : x),
  ];
  return leaves.map((leaf) => bend(value, leaf) as T);
}
