import { nok } from '@lib/common';
import { payoutAttestationFor } from '@lib/engine';
import { assertWithinLimits, checkPayoutInput, payoutLimits } from './payout-rules';

const params = {
  payoutAttestation: { managerSignatureBelowOre: nok(20_000), accountantConfirmationFromOre: nok(50_000) },
};
const costPlan = [
  { key: '0', label: { nb: 'Lønn', en: 'Wages' }, approvedOre: nok(400_000) },
  { key: '1', label: { nb: 'Kurs', en: 'Course' }, approvedOre: nok(250_000) },
];
const input = {
  amount: nok(30_000),
  accountNumber: '8601 11 17947',
  statusReport: ' Halfway ',
  costs: [{ line: '1', accumulatedOre: nok(100_000) }],
  managerName: 'Kari Nordmann',
};
const nokFrame = { params, currency: 'NOK', costPlan };

describe('part payment limits', () => {
  it('keeps the final share back: 90 % by default, or what the call says', () => {
    // 250 000 kr granted, 125 000 kr paid: 100 000 kr may still be asked for before the report.
    expect(payoutLimits({}, nok(250_000), nok(125_000), nok(125_000))).toMatchObject({
      finalReserve: nok(25_000),
      available: nok(100_000),
    });
    expect(payoutLimits({ partPaymentMaxBasisPoints: 7_500 }, nok(100_000), 0, nok(100_000)).available).toBe(
      nok(75_000),
    );
    // A large advance leaves nothing for part payments; never a negative limit.
    expect(payoutLimits({}, nok(100_000), nok(95_000), nok(5_000)).available).toBe(0);
  });

  it('refuses one øre above the limit, with the numbers', () => {
    const limits = payoutLimits({}, nok(250_000), nok(125_000), nok(125_000));
    expect(() => assertWithinLimits(nok(100_000), limits)).not.toThrow();
    expect(() => assertWithinLimits(nok(100_000) + 1, limits)).toThrow(
      expect.objectContaining({
        code: 'payout_amount_too_high',
        extensions: expect.objectContaining({ available: nok(100_000) }),
      }),
    );
  });
});

describe('what a payout request must carry', () => {
  it.each([
    [nok(20_000) - 1, 'hidden'],
    [nok(20_000), 'optional'],
    [nok(50_000) - 1, 'optional'],
    [nok(50_000), 'required'],
  ])('an accountant at %i øre: %s', (amount, accountant) => {
    expect(payoutAttestationFor(params, amount).accountant).toBe(accountant);
  });

  it('defaults to an accountant from 200 000 kr for calls that do not say', () => {
    expect(payoutAttestationFor({}, nok(200_000) - 1).accountant).toBe('optional');
    expect(payoutAttestationFor({}, nok(200_000)).accountant).toBe('required');
  });

  it('stores the account number compact, the texts trimmed', () => {
    expect(checkPayoutInput(input, nokFrame)).toMatchObject({
      accountNumber: '86011117947',
      iban: null,
      statusReport: 'Halfway',
      attestation: { managerName: 'Kari Nordmann', accountant: null },
    });
  });

  it.each([
    [{ accountNumber: '8601 11 17949' }, 'invalid_account_number'],
    [{ accountNumber: '' }, 'account_number_required'],
    [{ costs: [{ line: '7', accumulatedOre: 1 }] }, 'unknown_cost_line'],
    [
      {
        costs: [
          { line: '0', accumulatedOre: 1 },
          { line: '0', accumulatedOre: 2 },
        ],
      },
      'unknown_cost_line',
    ],
    [{ amount: nok(50_000) }, 'accountant_confirmation_required'],
  ])('refuses %j: %s', (change, code) => {
    expect(() => checkPayoutInput({ ...input, ...change }, nokFrame)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('asks an IBAN and BIC instead when the frame is in another currency', () => {
    const euro = { ...nokFrame, currency: 'EUR' };
    expect(() => checkPayoutInput(input, euro)).toThrow(expect.objectContaining({ code: 'iban_required' }));
    expect(
      checkPayoutInput({ ...input, iban: 'DE89 3704 0044 0532 0130 00', bic: 'deutdeff' }, euro),
    ).toMatchObject({ accountNumber: null, iban: 'DE89370400440532013000', bic: 'DEUTDEFF' });
  });
});
