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
      'Fjordverk Mekaniske AS er innvilget 250 000 kr i BIO. Tilsagnet må aksepteres innen 14.03.2026.',
    );
  });

  it('falls back to English, and to a generic text for a template without its own', () => {
    expect(renderTemplate('grant_decided', 'en', values).subject).toBe('Grant awarded – BIO-2026-000042');
    const generic = renderTemplate('case_assigned', 'nb', values);
    expect(generic.subject).toBe('Nytt i sak BIO-2026-000042');
  });
});
