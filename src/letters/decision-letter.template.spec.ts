import {
  appealLastDay,
  letterAccount,
  letterAmount,
  letterDate,
  letterText,
  letterTitle,
  renderLetter,
  sha256,
  type CancellationLetterInputs,
  type DecisionLetterInputs,
  type ExtensionLetterInputs,
  type LetterInputs,
  type LetterParties,
  type RepaymentClaimLetterInputs,
  type SettlementLetterInputs,
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

const parties: LetterParties = {
  countyName: 'Trøndelag fylkeskommune',
  organisationName: 'Fjordverk Mekaniske AS',
  organisationNumber: '912345678',
  reference: 'BIO-2026-000042',
  schemeName: 'Bedriftsintern opplæring (BIO)',
  callTitle: 'BIO 2026',
  decidedAt: '2027-03-01T09:30:00.000Z',
  decisionDate: '2027-03-01',
};
const claim = {
  amountOre: 5_000_050,
  dueDate: '2027-03-31',
  account: '12345678903',
  message: 'BIO-2026-000042',
};
const cancellation: CancellationLetterInputs = {
  version: 1,
  kind: 'cancellation',
  ...parties,
  grantedOre: 25_000_000,
  paidOre: 12_500_000,
  releasedOre: 12_500_000,
  grounds: 'Prosjektet ble ikke startet.',
  claim,
  legalBasis: 'Retningslinjer for BIO i Trøndelag 2026',
  appeal: { sendTo: 'Trøndelag fylkeskommune', lastDay: '2027-03-22' },
};
const settlement: SettlementLetterInputs = {
  version: 1,
  kind: 'settlement',
  ...parties,
  grantedOre: 25_000_000,
  approvedCostsOre: 40_000_000,
  finalPayableOre: 20_000_000,
  paidOre: 12_500_000,
  toPayOre: 7_500_000,
  releasedOre: 5_000_000,
  claim: null,
  legalBasis: 'Retningslinjer for BIO i Trøndelag 2026',
  appeal: { sendTo: 'Trøndelag fylkeskommune', lastDay: '2027-03-22' },
};
const repayment: RepaymentClaimLetterInputs = {
  version: 1,
  kind: 'repayment_claim',
  ...parties,
  cause: 'settlement',
  claim,
  legalBasis: 'Retningslinjer for BIO i Trøndelag 2026',
};
const extension: ExtensionLetterInputs = {
  version: 1,
  kind: 'extension_granted',
  ...parties,
  previousDueDate: '2027-01-31',
  requestedDueDate: '2027-04-30',
  newDueDate: '2027-03-31',
  grounds: 'Kursleverandøren flyttet siste kursuke.',
  legalBasis: 'Retningslinjer for BIO i Trøndelag 2026',
};

describe('letters after the grant', () => {
  const text = (input: LetterInputs) => letterText(input).join('\n');

  it('names each letter as the case pages list it', () => {
    expect(letterTitle('cancellation')).toBe('Vedtak om heving');
    expect(letterTitle('settlement')).toBe('Sluttoppgjør');
    expect(letterTitle('repayment_claim')).toBe('Tilbakebetalingskrav');
    expect(letterTitle('extension_granted')).toBe('Utsatt frist innvilget');
    expect(letterTitle('extension_refused')).toBe('Søknad om utsatt frist avslått');
  });

  it('writes an account number in its groups', () => {
    expect(letterAccount('12345678903')).toBe('1234.56.78903');
  });

  it('heving: the grounds, the money, the claim with due date, account and message, and the appeal', () => {
    const body = text(cancellation);
    for (const part of [
      'Dato: 1. mars 2027',
      'Vår referanse: BIO-2026-000042',
      'Vedtak om heving – Bedriftsintern opplæring (BIO)',
      'har vedtatt å heve tilsagnet',
      'Begrunnelse\nProsjektet ble ikke startet.',
      'Tilsagn: kr\u00a0250\u00a0000',
      'Utbetalt: kr\u00a0125\u00a0000',
      'Frigitt, ikke utbetalt: kr\u00a0125\u00a0000',
      'Kreves tilbakebetalt: kr\u00a050\u00a0000,50',
      'Dere må betale tilbake kr\u00a050\u00a0000,50 innen 31. mars 2027.',
      'kontonummer 1234.56.78903, merket «BIO-2026-000042»',
      'Klageadgang',
      'er siste dag for å klage 22. mars 2027',
    ])
      expect(body).toContain(part);
  });

  it('heving without a claim or appeal: nothing to pay back, no appeal section', () => {
    const body = text({ ...cancellation, claim: null, appeal: null });
    expect(body).toContain('Kreves tilbakebetalt: kr\u00a00');
    expect(body).not.toContain('Dere må betale tilbake');
    expect(body).not.toContain('Klageadgang');
  });

  it('sluttoppgjør: costs, final amount, paid, still to pay and released; the claim only when there is one', () => {
    const body = text(settlement);
    for (const part of [
      'Sluttoppgjør – Bedriftsintern opplæring (BIO)',
      'vedtatt at tilskuddet til Fjordverk Mekaniske AS blir kr\u00a0200\u00a0000',
      'Godkjente kostnader: kr\u00a0400\u00a0000',
      'Endelig tilskudd: kr\u00a0200\u00a0000',
      'Utbetalt: kr\u00a0125\u00a0000',
      'Gjenstår å utbetale: kr\u00a075\u00a0000',
      'Frigitt, ikke brukt av tilsagnet: kr\u00a050\u00a0000',
      'Sluttutbetalingen på kr\u00a075\u00a0000 utbetales',
      'Klageadgang',
    ])
      expect(body).toContain(part);
    expect(body).not.toContain('Tilbakebetaling');

    const overpaid = text({
      ...settlement,
      approvedCostsOre: null,
      finalPayableOre: 7_499_950,
      toPayOre: 0,
      claim,
    });
    expect(overpaid).not.toContain('Godkjente kostnader');
    expect(overpaid).not.toContain('Sluttutbetalingen');
    expect(overpaid).toContain(
      'Tilbakebetaling\nDere må betale tilbake kr\u00a050\u00a0000,50 innen 31. mars 2027.',
    );
    expect(overpaid).toContain('kontonummer 1234.56.78903, merket «BIO-2026-000042»');
  });

  it('tilbakebetalingskrav: what, by when and where, without an account the county has not set', () => {
    const body = text(repayment);
    expect(body).toContain('Tilbakebetalingskrav – Bedriftsintern opplæring (BIO)');
    expect(body).toContain('Kravet følger av sluttoppgjøret');
    expect(body).toContain('kontonummer 1234.56.78903');
    expect(body).not.toContain('Klageadgang');
    expect(text({ ...repayment, cause: 'cancellation' })).toContain('vedtaket om heving av tilsagnet');
    const noAccount = text({ ...repayment, claim: { ...claim, account: null } });
    expect(noAccount).not.toContain('kontonummer 1');
    expect(noAccount).toContain('Kontonummeret får dere ved å kontakte Trøndelag fylkeskommune');
  });

  it('utsatt frist: the new deadline when granted, the standing one and the grounds when refused', () => {
    const granted = text(extension);
    expect(granted).toContain('Utsatt frist innvilget – Bedriftsintern opplæring (BIO)');
    expect(granted).toContain('innen 30. april 2027 i stedet for 31. januar 2027');
    expect(granted).toContain('Ny frist\nSluttrapporten skal leveres senest 31. mars 2027.');
    expect(granted).not.toContain('Klageadgang');
    const refused = text({
      ...extension,
      kind: 'extension_refused',
      newDueDate: null,
      grounds: 'Forsinkelsen skyldes forhold bedriften rår over.',
    });
    expect(refused).toContain('Søknad om utsatt frist avslått – Bedriftsintern opplæring (BIO)');
    expect(refused).toContain('har avslått søknaden');
    expect(refused).toContain('Fristen for sluttrapporten er fortsatt 31. januar 2027.');
    expect(refused).toContain('Begrunnelse\nForsinkelsen skyldes forhold bedriften rår over.');
    expect(refused).not.toContain('Ny frist');
  });

  it.each([cancellation, settlement, repayment, extension])(
    '$kind: version 2 puts the case number above the reference and in the appeal; version 1 has none',
    async (input: LetterInputs) => {
      const numbered = letterText({ ...input, version: 2, caseNumber: '2026/BIO/0042' });
      expect(numbered.slice(1, 4)).toEqual([
        letterText(input)[1],
        'Saksnummer: 2026/BIO/0042',
        'Vår referanse: BIO-2026-000042',
      ]);
      if ('appeal' in input && input.appeal)
        expect(numbered.join('\n')).toContain('vise til saksnummer 2026/BIO/0042,');
      expect(text(input)).not.toContain('Saksnummer:');
      const first = await renderLetter(input);
      expect(sha256(await renderLetter({ ...input, version: 2, caseNumber: '2026/BIO/0042' }))).not.toBe(
        sha256(first),
      );
    },
  );

  it.each([cancellation, settlement, repayment, extension])(
    'draws the same bytes from the same $kind inputs, and other bytes from other inputs',
    async (input: LetterInputs) => {
      const first = await renderLetter(input);
      const again = await renderLetter(JSON.parse(JSON.stringify(input)) as LetterInputs);
      expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(sha256(again)).toBe(sha256(first));
      const other = await renderLetter({ ...input, reference: 'BIO-2026-000043' });
      expect(sha256(other)).not.toBe(sha256(first));
    },
  );
});
