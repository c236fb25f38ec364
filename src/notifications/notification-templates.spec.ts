import { renderTemplate } from './notification-templates';

const values = {
  reference: 'BIO-2026-000042',
  organisation: 'Fjordverk Mekaniske AS',
  scheme: 'BIO',
  amount: '250 000',
  dueAt: '14.03.2026',
};

describe('notification templates', () => {
  it('renders bokmål with the values filled in', () => {
    const text = renderTemplate('grant_decided', 'nb', values);
    expect(text.locale).toBe('nb');
    expect(text.subject).toBe('Tilsagn om tilskudd – BIO-2026-000042');
    expect(text.body).toContain(
      'Fjordverk Mekaniske AS er innvilget 250 000 kr i BIO. Vedtaksbrevet (tilsagnsbrevet) med vilkår, ' +
        'utbetalingsplan og frister ligger som PDF i saken. Tilsagnet må aksepteres innen 14.03.2026.',
    );
  });

  it('falls back to English, and to a generic text for a template without its own', () => {
    expect(renderTemplate('grant_decided', 'en', values).subject).toBe('Grant awarded – BIO-2026-000042');
    const generic = renderTemplate('case_assigned', 'nb', values);
    expect(generic.subject).toBe('Nytt i sak BIO-2026-000042');
  });
});

describe('the case number in every e-mail about a submitted case', () => {
  it('names the case number with the reference, before the signature', () => {
    const numbered = { ...values, caseNumber: '2026/BIO/0042' };
    const nb = renderTemplate('grant_decided', 'nb', numbered).body;
    expect(nb).toContain(
      'Saksnummer: 2026/BIO/0042 (søknadsreferanse BIO-2026-000042)\n\nDette er en automatisk melding',
    );
    expect(renderTemplate('grant_decided', 'en', numbered).body).toContain(
      'Case number: 2026/BIO/0042 (application reference BIO-2026-000042)',
    );
    expect(renderTemplate('grant_decided', 'nb', values).body).not.toContain('Saksnummer');
  });
});

describe('the link at the end of every e-mail', () => {
  it("links a case's e-mail to its case page under the public URL", () => {
    const text = renderTemplate('grant_decided', 'nb', values, 'https://tilskudd.example.no/');
    expect(
      text.body.endsWith(
        'Dette er en automatisk melding fra tilskuddsordningen.\nSe saken i søknadsportalen: https://tilskudd.example.no/soknader/BIO-2026-000042',
      ),
    ).toBe(true);
    expect(renderTemplate('grant_decided', 'en', values, 'https://tilskudd.example.no').body).toContain(
      'See the case in the application portal: https://tilskudd.example.no/soknader/BIO-2026-000042',
    );
  });

  it('links to the local portal by default, and to its front page without a case', () => {
    expect(renderTemplate('application_submitted', 'nb', values).body).toContain(
      'Se saken i søknadsportalen: http://localhost:3000/soknader/BIO-2026-000042',
    );
    const call = renderTemplate(
      'call_opened',
      'nb',
      { call: 'BIO 2026', scheme: 'BIO' },
      'https://p.example',
    );
    expect(call.body).toContain('Søknadsportalen: https://p.example/');
    expect(call.body).not.toContain('/soknader/');
  });
});

describe('notices of a decision with its own letter', () => {
  it.each([
    'grant_cancelled',
    'cancellation_claim_raised',
    'final_report_approved',
    'repayment_claim_raised',
    'extension_granted',
    'extension_refused',
  ])('%s points to the letter in the case, in both languages', (template) => {
    expect(renderTemplate(template, 'nb', values).body).toContain('Se vedlagt brev i saken');
    expect(renderTemplate(template, 'en', values).body).toContain('See the letter in the case');
  });
});
