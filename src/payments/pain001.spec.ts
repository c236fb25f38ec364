import { convert } from 'xmlbuilder2';
import { creditTransferXml, oreAsDecimalAmount, type CreditTransferMessage } from './pain001';

const message = (amounts: number[]): CreditTransferMessage => ({
  messageId: 'UTB-50-000007',
  createdAt: '2026-02-02T09:00:00',
  initiatingParty: { name: 'Trøndelag fylkeskommune', organisationNumber: '817920632' },
  debtor: { name: 'Trøndelag fylkeskommune', account: '86011117947' },
  requestedExecutionDate: '2026-02-04',
  transfers: amounts.map((amount, i) => ({
    endToEndId: `BIO-2026-00000${i + 1}-1`,
    amount,
    creditorName: i === 0 ? 'Smith & Søn <AS>' : `Mottaker ${i} AS`,
    creditorAccount: '12345678903',
    remittance: `BIO-2026-00000${i + 1} Forskudd`,
  })),
});

type Node = Record<string, unknown>;
const parse = (xml: string) =>
  ((convert(xml, { format: 'object' }) as unknown as Node).Document as Node).CstmrCdtTrfInitn as Node;

describe('oreAsDecimalAmount', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [1_234_567, '12345.67'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%d øre → %s', (ore, text) => expect(oreAsDecimalAmount(ore)).toBe(text));

  it.each([-1, 0.5, Number.NaN])('refuses %d', (ore) =>
    expect(() => oreAsDecimalAmount(ore)).toThrow(RangeError),
  );
});

describe('creditTransferXml (pain.001.001.03)', () => {
  it('counts and sums the transfers exactly in the header and the payment block', () => {
    // 0,10 + 0,20 is 0,30 exactly, which floating point would not give.
    const doc = parse(creditTransferXml(message([10, 20, 1_234_567])));
    const header = doc.GrpHdr as Node;
    const payment = doc.PmtInf as Node;
    expect([header.NbOfTxs, header.CtrlSum]).toEqual(['3', '12345.97']);
    expect([payment.NbOfTxs, payment.CtrlSum]).toEqual(['3', '12345.97']);
    expect((payment.CdtTrfTxInf as Node[]).map((tx) => (tx.Amt as Node).InstdAmt)).toEqual([
      { '@Ccy': 'NOK', '#': '0.10' },
      { '@Ccy': 'NOK', '#': '0.20' },
      { '@Ccy': 'NOK', '#': '12345.67' },
    ]);
  });

  it('escapes names and keeps the elements in the order the schema requires', () => {
    const xml = creditTransferXml(message([100]));
    expect(xml).toContain('<Nm>Smith &amp; Søn &lt;AS&gt;</Nm>');
    const order = [
      'PmtInfId',
      'PmtMtd',
      'NbOfTxs',
      'CtrlSum',
      'ReqdExctnDt',
      'Dbtr',
      'DbtrAcct',
      'DbtrAgt',
      'CdtTrfTxInf',
    ];
    const payment = xml.slice(xml.indexOf('<PmtInf>'));
    const positions = order.map((name) => payment.indexOf(`<${name}>`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.every((p) => p > 0)).toBe(true);
  });

  it('pays an IBAN with its bank named by BIC (CdtrAgt before Cdtr), a BBAN without', () => {
    const base = message([100, 200]);
    const xml = creditTransferXml({
      ...base,
      transfers: [
        { ...base.transfers[0], creditorAccount: 'SE4550000000058398257466', creditorBic: 'ESSESESS' },
        base.transfers[1],
      ],
    });
    const [iban, bban] = (parse(xml).PmtInf as Node).CdtTrfTxInf as Node[];
    expect(iban.CdtrAgt).toEqual({ FinInstnId: { BIC: 'ESSESESS' } });
    expect(iban.CdtrAcct).toEqual({ Id: { IBAN: 'SE4550000000058398257466' } });
    expect(bban.CdtrAgt).toBeUndefined();
    expect(bban.CdtrAcct).toEqual({ Id: { Othr: { Id: '12345678903', SchmeNm: { Cd: 'BBAN' } } } });
    const first = xml.slice(xml.indexOf('<CdtTrfTxInf>'), xml.indexOf('</CdtTrfTxInf>'));
    const order = ['PmtId', 'Amt', 'CdtrAgt', 'Cdtr', 'CdtrAcct', 'RmtInf'].map((n) =>
      first.indexOf(`<${n}>`),
    );
    expect(order.every((p) => p > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('gives the same bytes for the same run', () => {
    expect(creditTransferXml(message([1, 2]))).toBe(creditTransferXml(message([1, 2])));
  });

  it('refuses an empty file', () => {
    expect(() => creditTransferXml(message([]))).toThrow(RangeError);
  });
});
