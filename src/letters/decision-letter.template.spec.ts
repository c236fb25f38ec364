import {
  appealLastDay,
  letterAmount,
  letterDate,
  letterText,
  renderLetter,
  sha256,
  type DecisionLetterInputs,
} from './decision-letter.template';

const grant: DecisionLetterInputs = {
  version: 1,
  kind: 'grant',
  countyName: 'Trøndelag fylkeskommune',
  organisationName: 'Fjordverk Mekaniske AS',
  organisationNumber: '912345678',
  reference: 'BIO-2026-000042',
  schemeName: 'Bedriftsintern opplæring (BIO)',
  callTitle: 'BIO 2026',
  decidedAt: '2026-03-02T09:30:00.000Z',
  decisionDate: '2026-03-02',
  amountOre: 25_000_000,
  paymentPlan: [
    { label: 'Forskudd', amountOre: 10_000_000, on: 'acceptance', date: null },
    { label: 'Sluttutbetaling', amountOre: 15_000_000, on: 'final_report', date: null },
  ],
  grounds: 'Opplæringen styrker omstillingen bedriften har startet.',
  conditions: ['Kostnadene dokumenteres med faktura'],
  legalBasis: 'Retningslinjer for BIO i Trøndelag 2026',
  acceptanceLastDay: '2026-03-23',
  appeal: { sendTo: 'Trøndelag fylkeskommune', lastDay: '2026-03-23' },
};

describe('decision letter template', () => {
  it('writes dates and amounts as a Norwegian letter does', () => {
    expect(letterDate('2026-12-24')).toBe('24. desember 2026');
    expect(letterDate('2026-03-02')).toBe('2. mars 2026');
    expect(letterAmount(25_000_000)).toBe('kr\u00a0250\u00a0000');
    expect(letterAmount(123_456_789)).toBe('kr\u00a01\u00a0234\u00a0567,89');
  });

  describe('on an appeal (klage)', () => {
    const appealCase = {
      lodgedDate: '2026-03-30',
      late: true,
      against: 'grant' as const,
      result: 'forwarded' as const,
      decidedBy: 'first_instance' as const,
      boardName: 'klagenemnda i Trøndelag fylkeskommune',
      note: 'Klagen bringer ikke fram noe nytt.',
    };
    const onAppeal = (over: Partial<DecisionLetterInputs>): DecisionLetterInputs => ({
      ...grant,
      kind: 'appeal_outcome',
      paymentPlan: [],
      conditions: [],
      acceptanceLastDay: null,
      appeal: null,
      grounds: null,
      ...over,
    });

    it('tells that a late appeal went to the appeals board, with the county’s assessment', () => {
      const text = letterText(onAppeal({ kind: 'appeal_forwarded', amountOre: null, appealCase })).join('\n');
      expect(text).toContain('Klagen er sendt til klagenemnda – Bedriftsintern opplæring (BIO)');
      expect(text).toContain('Vi viser til klagen deres mottatt 30. mars 2026 på tilsagnet');
      expect(text).toContain('Klagen kom fram etter klagefristen');
      expect(text).toContain('Saken er sendt til klagenemnda i Trøndelag fylkeskommune for avgjørelse');
      expect(text).toContain('Vurdering\nKlagen bringer ikke fram noe nytt.');
      expect(text).not.toContain('Klageadgang');
    });

    it("says the appeals board's decision is final, and the county's reversal may be appealed again", () => {
      const upheld = letterText(
        onAppeal({
          grounds: 'Tilskuddet er beregnet etter satsene.',
          appealCase: {
            ...appealCase,
            late: false,
            result: 'upheld',
            decidedBy: 'appeals_board',
            note: null,
          },
        }),
      ).join('\n');
      expect(upheld).toContain(
        'Klagenemnda i Trøndelag fylkeskommune har behandlet klagen og stadfestet vedtaket.',
      );
      expect(upheld).toContain('Vedtaket i klagesaken er endelig og kan ikke påklages');
      expect(upheld).not.toContain('etter klagefristen');

      const reversed = letterText(
        onAppeal({
          amountOre: 30_000_000,
          appeal: { sendTo: 'Trøndelag fylkeskommune', lastDay: '2026-04-21' },
          appealCase: { ...appealCase, late: false, result: 'reversed', note: null },
        }),
      ).join('\n');
      expect(reversed).toContain(
        'Trøndelag fylkeskommune har omgjort vedtaket og gitt Fjordverk Mekaniske AS et tilskudd på kr\u00a0300\u00a0000.',
      );
      expect(reversed).toContain('Klageadgang');
      expect(reversed).not.toContain('endelig');
    });
  });

  it('gives three weeks to appeal, across a month and a year, to the next business day', () => {
    expect(appealLastDay('2026-03-02')).toBe('2026-03-23');
    // Three weeks from Sunday 20 December is Sunday 10 January: the period runs to Monday.
    expect(appealLastDay('2026-12-20')).toBe('2027-01-11');
  });

  it('says what the inputs say: county, parties, grounds, conditions, payments, deadlines, basis, appeal', () => {
    const text = letterText(grant).join('\n');
    for (const part of [
      'Trøndelag fylkeskommune',
      'Dato: 2. mars 2026',
      'Vår referanse: BIO-2026-000042',
      'Fjordverk Mekaniske AS (org.nr. 912345678)',
      'Tilsagn om tilskudd – Bedriftsintern opplæring (BIO)',
      'et tilskudd på kr\u00a0250\u00a0000',
      'Opplæringen styrker omstillingen bedriften har startet.',
      '• Kostnadene dokumenteres med faktura',
      'Forskudd: kr\u00a0100\u00a0000 – Når tilsagnet er akseptert',
      'Sluttutbetaling: kr\u00a0150\u00a0000 – Når sluttrapporten er godkjent',
      'senest 23. mars 2026',
      'Hjemmel\nRetningslinjer for BIO i Trøndelag 2026',
      'innen tre uker fra det kom fram til dere (forvaltningsloven §§ 28 og 29)',
      'er siste dag for å klage 23. mars 2026',
      'Klagen sendes til Trøndelag fylkeskommune',
    ])
      expect(text).toContain(part);
  });

  it('puts the case number (from version 2) before the reference, and the appeal names it', () => {
    const text = letterText({ ...grant, version: 2, caseNumber: '2026/BIO/0042' });
    expect(text.slice(1, 4)).toEqual([
      'Dato: 2. mars 2026',
      'Saksnummer: 2026/BIO/0042',
      'Vår referanse: BIO-2026-000042',
    ]);
    expect(text.join('\n')).toContain('vise til saksnummer 2026/BIO/0042,');
    // A version 1 letter reads as it always did.
    expect(letterText(grant).join('\n')).not.toContain('Saksnummer:');
    expect(letterText(grant).join('\n')).toContain('vise til saksnummer BIO-2026-000042,');
  });

  it('has no appeal section when the decision is not appealable, and no grant terms in a rejection', () => {
    const text = letterText({
      ...grant,
      kind: 'rejection',
      amountOre: null,
      paymentPlan: [],
      conditions: [],
      acceptanceLastDay: null,
      appeal: null,
    }).join('\n');
    expect(text).toContain('Avslag på søknad om tilskudd');
    expect(text).toContain('har vedtatt å avslå søknaden');
    expect(text).not.toContain('Klageadgang');
    expect(text).not.toContain('forvaltningsloven §§ 28');
    expect(text).not.toContain('Utbetaling');
    expect(text).not.toContain('aksepteres');
  });

  it('draws the same bytes from the same inputs, and other bytes from other inputs', async () => {
    const first = await renderLetter(grant);
    const second = await renderLetter(JSON.parse(JSON.stringify(grant)) as DecisionLetterInputs);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(second)).toBe(sha256(first));
    const other = await renderLetter({ ...grant, amountOre: 25_000_100 });
    expect(sha256(other)).not.toBe(sha256(first));
    const numbered = await renderLetter({ ...grant, version: 2, caseNumber: '2026/BIO/0042' });
    expect(sha256(numbered)).not.toBe(sha256(first));
  });
});
