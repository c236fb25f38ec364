import { unknownOrganisationForms } from './call-eligibility';

describe('unknownOrganisationForms', () => {
  const known = ['AS', 'ENK', 'KOMM'];

  it('names the forms the register does not know, per rule', () => {
    expect(
      unknownOrganisationForms(
        [
          { rule: 'county', countyCodes: ['50'] },
          { rule: 'organisation_form', forms: ['AS', 'LLC', 'GMBH'] },
        ],
        known,
      ),
    ).toEqual([
      {
        code: 'invalid_call_eligibility',
        message: 'Unknown organisation forms: LLC, GMBH',
        text: { nb: 'Ukjente organisasjonsformer: LLC, GMBH', en: 'Unknown organisation forms: LLC, GMBH' },
        field: 'eligibility.1.forms',
      },
    ]);
  });

  it('passes known forms and calls without a form rule', () => {
    expect(unknownOrganisationForms([{ rule: 'organisation_form', forms: ['AS', 'KOMM'] }], known)).toEqual(
      [],
    );
    expect(unknownOrganisationForms([{ rule: 'min_employees', count: 1 }], known)).toEqual([]);
  });
});
