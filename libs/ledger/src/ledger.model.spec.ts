import { carryOverEntries, reallocationEntries } from './ledger.entries';
import { checkInvariants } from './ledger.invariants';
import {
  applyEntry,
  applyMovement,
  balancesOf,
  emptyLedger,
  familyBalancesOf,
  grantBalancesOf,
  grantPositionOf,
  ledgerBalances,
  openFrame,
  positionKey,
  setFrameStatus,
} from './ledger.model';
import { rebuildBalances } from './ledger.rebuild';
import { REFUSAL_CODES } from './ledger.refusals';
import type { LedgerEntry, LedgerState } from './ledger.types';
import {
  allocation,
  commitment,
  disbursement,
  kr,
  ledgerWith,
  movementMeta,
  must,
  newFrame,
  refusalOf,
  release,
  repayment,
  topUp,
} from './testing/ledger.fixtures';

/** Applies entries one movement each, failing the test on the first refusal. */
const apply = (state: LedgerState, ...entries: LedgerEntry[]) =>
  entries.reduce((s, entry) => must(applyEntry(s, entry)), state);

const bio = () => ledgerWith([{ id: 'bio-2020', allocate: kr(1_000_000) }]);

describe('balances: the arithmetic', () => {
  it('follows a grant from allocation to repayment', () => {
    let state = apply(
      bio(),
      topUp('bio-2020', kr(200_000)),
      commitment('bio-2020', 'app-1', kr(300_000)),
      disbursement('bio-2020', 'app-1', kr(150_000)),
      release('bio-2020', 'app-1', kr(50_000)),
    );
    expect(balancesOf(state, 'bio-2020')).toEqual({
      allocated: kr(1_200_000),
      committed: kr(100_000), // 300 000 − 150 000 paid − 50 000 released
      disbursed: kr(150_000),
      available: kr(950_000), // 1 200 000 − 100 000 − 150 000
    });
    expect(grantBalancesOf(state, 'bio-2020', 'app-1')).toMatchObject({
      committed: kr(300_000),
      released: kr(50_000),
      disbursed: kr(150_000),
      outstanding: kr(100_000),
      repayable: kr(150_000),
    });

    state = apply(state, repayment('bio-2020', 'app-1', kr(40_000)));
    // Paid-back money returns to the frame, not to the grant: outstanding stays as it was.
    expect(balancesOf(state, 'bio-2020')).toEqual({
      allocated: kr(1_200_000),
      committed: kr(100_000),
      disbursed: kr(110_000),
      available: kr(990_000),
    });
    expect(grantBalancesOf(state, 'bio-2020', 'app-1')).toMatchObject({
      outstanding: kr(100_000),
      repayable: kr(110_000),
    });
    expect(checkInvariants(state)).toEqual([]);
  });

  it('keeps odd øre exact', () => {
    const state = apply(
      bio(),
      commitment('bio-2020', 'app-1', 123_456_78),
      disbursement('bio-2020', 'app-1', 61_728_39),
    );
    expect(grantBalancesOf(state, 'bio-2020', 'app-1')?.outstanding).toBe(61_728_39);
    expect(balancesOf(state, 'bio-2020')?.available).toBe(kr(1_000_000) - 123_456_78);
  });

  it('works in SEK as in NOK', () => {
    const state = ledgerWith([{ id: 'se', currency: 'SEK', allocate: kr(500_000) }]);
    const next = apply(state, commitment('se', 'app-1', kr(100_000), { currency: 'SEK' }));
    expect(balancesOf(next, 'se')?.available).toBe(kr(400_000));
    expect(refusalOf(applyEntry(state, commitment('se', 'app-2', 100)))).toEqual({
      code: 'currency_mismatch',
      frameId: 'se',
      expected: 'SEK',
      actual: 'NOK',
    });
  });
});

describe('commitments (tilsagn) against the frame (ramme)', () => {
  it('passes with exactly enough money, and leaves nothing', () => {
    const state = apply(bio(), commitment('bio-2020', 'app-1', kr(1_000_000)));
    expect(balancesOf(state, 'bio-2020')?.available).toBe(0);
  });

  it('refuses one øre too much, saying what is available and what was requested', () => {
    const state = apply(bio(), commitment('bio-2020', 'app-1', kr(400_000)));
    const result = applyEntry(state, commitment('bio-2020', 'app-2', kr(600_000) + 1));
    expect(refusalOf(result)).toEqual({
      code: 'frame_exhausted',
      frameId: 'bio-2020',
      available: kr(600_000),
      requested: kr(600_000) + 1,
    });
  });

  it('lets a grant grow by a second commitment, within the frame', () => {
    const state = apply(
      bio(),
      commitment('bio-2020', 'app-1', kr(100)),
      commitment('bio-2020', 'app-1', kr(50)),
    );
    expect(grantBalancesOf(state, 'bio-2020', 'app-1')?.committed).toBe(kr(150));
  });

  it('keys an application grant by the application id', () => {
    const result = applyEntry(bio(), commitment('bio-2020', 'grant-9', 100, { applicationId: 'app-1' }));
    expect(refusalOf(result)).toMatchObject({ code: 'grant_mismatch', grantId: 'grant-9' });
  });

  it('takes a direct allocation to a named recipient with a decision reference and no application', () => {
    const direct = { applicationId: undefined, recipient: 'Fjordtre AS', caseReference: 'FU 161/20' };
    const state = apply(bio(), commitment('bio-2020', 'direct-1', kr(80_000), direct));
    expect(grantPositionOf(state, 'bio-2020', 'direct-1')).toMatchObject({
      applicationId: null,
      recipient: 'Fjordtre AS',
      committed: kr(80_000),
    });
    expect(
      refusalOf(applyEntry(bio(), commitment('bio-2020', 'd', 1, { ...direct, recipient: ' ' }))),
    ).toEqual({
      code: 'recipient_required',
      grantId: 'd',
    });
    expect(
      refusalOf(applyEntry(bio(), commitment('bio-2020', 'd', 1, { ...direct, caseReference: undefined }))),
    ).toEqual({ code: 'case_reference_required', kind: 'commitment' });
    expect(
      refusalOf(
        applyEntry(state, commitment('bio-2020', 'direct-1', 1, { ...direct, recipient: 'Another AS' })),
      ),
    ).toMatchObject({ code: 'grant_mismatch' });
  });

  it('needs a grant id and a reason', () => {
    expect(refusalOf(applyEntry(bio(), commitment('bio-2020', '', 1, { applicationId: '' })))).toEqual({
      code: 'grant_id_required',
      kind: 'commitment',
    });
    expect(refusalOf(applyEntry(bio(), commitment('bio-2020', 'a', 1, { reason: '' })))).toEqual({
      code: 'reason_required',
      kind: 'commitment',
    });
  });
});

describe('releases, disbursements and repayments on a grant', () => {
  const granted = () =>
    apply(bio(), commitment('bio-2020', 'app-1', kr(100_000)), disbursement('bio-2020', 'app-1', kr(30_000)));

  it('releases exactly the outstanding amount, and refuses one øre more', () => {
    const state = granted();
    expect(refusalOf(applyEntry(state, release('bio-2020', 'app-1', kr(70_000) + 1)))).toEqual({
      code: 'release_exceeds_outstanding',
      frameId: 'bio-2020',
      grantId: 'app-1',
      outstanding: kr(70_000),
      requested: kr(70_000) + 1,
    });
    const released = apply(state, release('bio-2020', 'app-1', kr(70_000)));
    expect(grantBalancesOf(released, 'bio-2020', 'app-1')?.outstanding).toBe(0);
    expect(balancesOf(released, 'bio-2020')).toMatchObject({ committed: 0, available: kr(970_000) });
  });

  it('pays at most what is committed and not released', () => {
    const state = apply(granted(), release('bio-2020', 'app-1', kr(20_000)));
    expect(refusalOf(applyEntry(state, disbursement('bio-2020', 'app-1', kr(50_000) + 1)))).toEqual({
      code: 'disbursement_exceeds_outstanding',
      frameId: 'bio-2020',
      grantId: 'app-1',
      outstanding: kr(50_000),
      requested: kr(50_000) + 1,
    });
    const paid = apply(state, disbursement('bio-2020', 'app-1', kr(50_000)));
    expect(grantBalancesOf(paid, 'bio-2020', 'app-1')).toMatchObject({
      disbursed: kr(80_000),
      outstanding: 0,
    });
  });

  it('refuses a disbursement above the whole commitment', () => {
    const state = apply(bio(), commitment('bio-2020', 'app-1', kr(100_000)));
    expect(refusalOf(applyEntry(state, disbursement('bio-2020', 'app-1', kr(100_000) + 1)))).toMatchObject({
      code: 'disbursement_exceeds_outstanding',
      outstanding: kr(100_000),
    });
  });

  it('takes back at most what was paid and not yet paid back', () => {
    const state = apply(granted(), repayment('bio-2020', 'app-1', kr(10_000)));
    expect(refusalOf(applyEntry(state, repayment('bio-2020', 'app-1', kr(20_000) + 1)))).toEqual({
      code: 'repayment_exceeds_disbursed',
      frameId: 'bio-2020',
      grantId: 'app-1',
      repayable: kr(20_000),
      requested: kr(20_000) + 1,
    });
    const repaid = apply(state, repayment('bio-2020', 'app-1', kr(20_000)));
    expect(grantBalancesOf(repaid, 'bio-2020', 'app-1')).toMatchObject({ repaid: kr(30_000), repayable: 0 });
    expect(balancesOf(repaid, 'bio-2020')).toMatchObject({ disbursed: 0, available: kr(930_000) });
  });

  it('refuses money on a grant the frame does not know', () => {
    for (const entry of [release, disbursement, repayment].map((make) => make('bio-2020', 'nobody', 1))) {
      expect(refusalOf(applyEntry(granted(), entry))).toEqual({
        code: 'unknown_grant',
        frameId: 'bio-2020',
        grantId: 'nobody',
      });
    }
  });
});

describe('amounts', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'refuses %p',
    (amount) => {
      expect(refusalOf(applyEntry(bio(), commitment('bio-2020', 'app-1', amount)))).toEqual({
        code: 'invalid_amount',
        amount,
      });
    },
  );

  it('refuses an amount that is not a number at all', () => {
    const entry = { ...allocation('bio-2020', 1), amount: '100' as unknown as number };
    expect(refusalOf(applyEntry(bio(), entry))).toMatchObject({ code: 'invalid_amount' });
  });

  it('refuses a safe amount whose total would not be safe any more', () => {
    const result = applyEntry(bio(), allocation('bio-2020', Number.MAX_SAFE_INTEGER));
    expect(refusalOf(result)).toEqual({ code: 'invalid_amount', amount: Number.MAX_SAFE_INTEGER });
  });
});

describe('top-ups (tilleggsbevilgning)', () => {
  it.each([undefined, '', '   '])('need a case reference (%p refused)', (caseReference) => {
    expect(refusalOf(applyEntry(bio(), topUp('bio-2020', kr(1), { caseReference })))).toEqual({
      code: 'case_reference_required',
      kind: 'top_up',
    });
  });
});

describe('reallocation (omdisponering)', () => {
  const two = () =>
    ledgerWith([
      { id: 'a', allocate: kr(1_000) },
      { id: 'b', allocate: kr(500) },
    ]);
  const move = (amount: number, overrides: Partial<Parameters<typeof reallocationEntries>[0]> = {}) =>
    reallocationEntries({
      ...movementMeta,
      fromFrameId: 'a',
      toFrameId: 'b',
      amount,
      currency: 'NOK',
      ...overrides,
    });

  it('moves exactly the available money', () => {
    const state = must(applyMovement(apply(two(), commitment('a', 'g', kr(400))), move(kr(600))));
    expect(balancesOf(state, 'a')).toMatchObject({ allocated: kr(400), available: 0 });
    expect(balancesOf(state, 'b')).toMatchObject({ allocated: kr(1_100), available: kr(1_100) });
  });

  it('refuses one øre more than available, and changes neither frame', () => {
    const before = apply(two(), commitment('a', 'g', kr(400)));
    const result = applyMovement(before, move(kr(600) + 1));
    expect(refusalOf(result)).toEqual({
      code: 'frame_exhausted',
      frameId: 'a',
      available: kr(600),
      requested: kr(600) + 1,
    });
    expect(balancesOf(before, 'b')?.allocated).toBe(kr(500));
  });

  it('is all or nothing: the in-half is not applied when the out-half fails, whatever their order', () => {
    const before = two();
    const [out, into] = move(kr(2_000));
    for (const entries of [
      [out, into],
      [into, out],
    ]) {
      expect(applyMovement(before, entries).ok).toBe(false);
    }
    expect(ledgerBalances(before)).toEqual(ledgerBalances(two()));
  });

  it('is only ever applied as its two halves', () => {
    const [out, into] = move(kr(1));
    expect(refusalOf(applyEntry(two(), out))).toMatchObject({ code: 'unbalanced_movement' });
    expect(refusalOf(applyEntry(two(), into))).toMatchObject({ code: 'unbalanced_movement' });
    expect(refusalOf(applyMovement(two(), [out, { ...into, amount: kr(2) }]))).toMatchObject({
      code: 'unbalanced_movement',
    });
    expect(refusalOf(applyMovement(two(), [out, out]))).toMatchObject({ code: 'unbalanced_movement' });
    expect(refusalOf(applyMovement(two(), [out, into, topUp('a', 1)]))).toMatchObject({
      code: 'unbalanced_movement',
    });
    expect(refusalOf(applyMovement(two(), []))).toMatchObject({ code: 'unbalanced_movement' });
  });

  it('needs two different frames and a case reference', () => {
    expect(refusalOf(applyMovement(two(), move(1, { toFrameId: 'a' })))).toEqual({
      code: 'same_frame',
      frameId: 'a',
    });
    expect(refusalOf(applyMovement(two(), move(1, { caseReference: '' })))).toEqual({
      code: 'case_reference_required',
      kind: 'reallocation',
    });
  });

  it('never mixes currencies', () => {
    const state = ledgerWith([
      { id: 'a', allocate: kr(1_000) },
      { id: 'se', currency: 'SEK', allocate: kr(1_000) },
    ]);
    expect(refusalOf(applyMovement(state, move(kr(1), { toFrameId: 'se' })))).toEqual({
      code: 'currency_mismatch',
      frameId: 'se',
      expected: 'SEK',
      actual: 'NOK',
    });
    // Halves each in their own frame's currency still do not make one movement.
    const [out, into] = move(kr(1), { toFrameId: 'se' });
    expect(refusalOf(applyMovement(state, [out, { ...into, currency: 'SEK' }]))).toEqual({
      code: 'currency_mismatch',
      frameId: 'se',
      expected: 'NOK',
      actual: 'SEK',
    });
  });
});

describe('a movement of several entries', () => {
  it('applies a release and a new commitment together, or neither', () => {
    const before = apply(bio(), commitment('bio-2020', 'app-1', kr(1_000_000)));
    const entries = [release('bio-2020', 'app-1', kr(300_000)), commitment('bio-2020', 'app-2', kr(300_000))];
    const after = must(applyMovement(before, entries));
    expect(balancesOf(after, 'bio-2020')?.available).toBe(0);

    const tooMuch = [entries[0], commitment('bio-2020', 'app-2', kr(300_000) + 1)];
    expect(refusalOf(applyMovement(before, tooMuch))).toMatchObject({
      code: 'frame_exhausted',
      available: kr(300_000),
    });
    expect(grantBalancesOf(before, 'bio-2020', 'app-1')?.outstanding).toBe(kr(1_000_000));
  });
});

describe('a closed frame', () => {
  const closed = () =>
    must(
      setFrameStatus(
        apply(
          bio(),
          commitment('bio-2020', 'app-1', kr(100_000)),
          disbursement('bio-2020', 'app-1', kr(10_000)),
        ),
        'bio-2020',
        'closed',
      ),
    );

  it('refuses new commitments even with money left', () => {
    expect(refusalOf(applyEntry(closed(), commitment('bio-2020', 'app-2', 1)))).toEqual({
      code: 'frame_closed',
      frameId: 'bio-2020',
    });
  });

  it('still takes releases, disbursements, repayments, top-ups and reallocations', () => {
    let state = apply(
      closed(),
      release('bio-2020', 'app-1', kr(20_000)),
      disbursement('bio-2020', 'app-1', kr(70_000)),
      repayment('bio-2020', 'app-1', kr(5_000)),
      topUp('bio-2020', kr(1)),
    );
    state = must(openFrame(state, newFrame({ id: 'other' })));
    state = must(
      applyMovement(
        state,
        reallocationEntries({
          ...movementMeta,
          fromFrameId: 'bio-2020',
          toFrameId: 'other',
          amount: kr(1),
          currency: 'NOK',
        }),
      ),
    );
    expect(grantBalancesOf(state, 'bio-2020', 'app-1')).toMatchObject({
      outstanding: 0,
      repayable: kr(75_000),
    });
    expect(checkInvariants(state)).toEqual([]);
  });

  it('takes commitments again once reopened', () => {
    const reopened = must(setFrameStatus(closed(), 'bio-2020', 'open'));
    expect(applyEntry(reopened, commitment('bio-2020', 'app-2', 1)).ok).toBe(true);
  });
});

describe('carry-over (overføring) of open commitments to next year', () => {
  const years = () =>
    apply(
      ledgerWith([
        { id: 'bio-2020', allocate: kr(1_000_000) },
        { id: 'bio-2021', year: 2021, allocate: kr(500_000) },
      ]),
      commitment('bio-2020', 'app-1', kr(300_000)),
      disbursement('bio-2020', 'app-1', kr(100_000)),
    );
  const carry = (amount: number, overrides: Partial<Parameters<typeof carryOverEntries>[0]> = {}) =>
    carryOverEntries({
      ...movementMeta,
      fromFrameId: 'bio-2020',
      toFrameId: 'bio-2021',
      grantId: 'app-1',
      amount,
      currency: 'NOK',
      ...overrides,
    });

  it('moves the open commitment and its money, so neither year’s available money changes', () => {
    const before = years();
    const state = must(applyMovement(before, carry(kr(200_000))));
    expect(balancesOf(state, 'bio-2020')).toEqual({
      allocated: kr(800_000),
      committed: 0,
      disbursed: kr(100_000),
      available: balancesOf(before, 'bio-2020')?.available,
    });
    expect(balancesOf(state, 'bio-2021')).toEqual({
      allocated: kr(700_000),
      committed: kr(200_000),
      disbursed: 0,
      available: kr(500_000),
    });
    expect(grantBalancesOf(state, 'bio-2020', 'app-1')).toMatchObject({
      carriedOut: kr(200_000),
      outstanding: 0,
    });
    expect(grantPositionOf(state, 'bio-2021', 'app-1')).toMatchObject({
      applicationId: 'app-1',
      committed: 0,
      carriedIn: kr(200_000),
    });
    // The rest is paid from the new year's frame.
    const paid = apply(state, disbursement('bio-2021', 'app-1', kr(200_000)));
    expect(balancesOf(paid, 'bio-2021')).toMatchObject({
      committed: 0,
      disbursed: kr(200_000),
      available: kr(500_000),
    });
    expect(checkInvariants(paid)).toEqual([]);
  });

  it('never carries more than is outstanding', () => {
    expect(refusalOf(applyMovement(years(), carry(kr(200_000) + 1)))).toEqual({
      code: 'carry_over_exceeds_outstanding',
      frameId: 'bio-2020',
      grantId: 'app-1',
      outstanding: kr(200_000),
      requested: kr(200_000) + 1,
    });
  });

  it('carries out of a closed year, but not into a closed one', () => {
    const oldClosed = must(setFrameStatus(years(), 'bio-2020', 'closed'));
    expect(applyMovement(oldClosed, carry(kr(1))).ok).toBe(true);
    const newClosed = must(setFrameStatus(years(), 'bio-2021', 'closed'));
    expect(refusalOf(applyMovement(newClosed, carry(kr(1))))).toEqual({
      code: 'frame_closed',
      frameId: 'bio-2021',
    });
  });

  it('only goes forward in years, in one currency, for one grant', () => {
    const state = must(applyMovement(years(), carry(kr(1))));
    expect(
      refusalOf(applyMovement(state, carry(kr(1), { fromFrameId: 'bio-2021', toFrameId: 'bio-2020' }))),
    ).toEqual({ code: 'carry_over_not_forward', fromYear: 2021, toYear: 2020 });
    const [out, into] = carry(kr(1));
    expect(refusalOf(applyMovement(years(), [out, { ...into, grantId: 'app-2' }]))).toMatchObject({
      code: 'unbalanced_movement',
    });
    const withSek = must(openFrame(years(), newFrame({ id: 'se-2021', year: 2021, currency: 'SEK' })));
    expect(refusalOf(applyMovement(withSek, carry(kr(1), { toFrameId: 'se-2021' })))).toMatchObject({
      code: 'currency_mismatch',
    });
  });
});

describe('sub-frames (delrammer)', () => {
  const family = () =>
    ledgerWith([
      { id: 'bio', allocate: kr(23_200_000) },
      { id: 'bio1', parentId: 'bio' },
      { id: 'bio2', parentId: 'bio' },
    ]);
  const fund = (state: LedgerState, to: string, amount: number, from = 'bio') =>
    applyMovement(
      state,
      reallocationEntries({ ...movementMeta, fromFrameId: from, toFrameId: to, amount, currency: 'NOK' }),
    );

  it('are funded out of the parent, so together they never hold more than it was given', () => {
    let state = must(fund(family(), 'bio1', kr(13_200_000)));
    state = must(fund(state, 'bio2', kr(10_000_000)));
    expect(refusalOf(fund(state, 'bio2', 1))).toMatchObject({
      code: 'frame_exhausted',
      frameId: 'bio',
      available: 0,
    });
    expect(familyBalancesOf(state, 'bio')).toEqual({
      allocated: kr(23_200_000),
      committed: 0,
      disbursed: 0,
      available: kr(23_200_000),
    });
    state = apply(state, commitment('bio1', 'app-1', kr(13_200_000)));
    expect(refusalOf(applyEntry(state, commitment('bio1', 'app-2', 1)))).toMatchObject({
      code: 'frame_exhausted',
    });
    // Money moves between siblings and back to the parent the same way.
    state = must(fund(state, 'bio1', kr(1_000_000), 'bio2'));
    expect(familyBalancesOf(state, 'bio')?.available).toBe(kr(10_000_000));
    expect(checkInvariants(state)).toEqual([]);
  });

  it('take no allocation or top-up of their own', () => {
    expect(refusalOf(applyEntry(family(), allocation('bio1', 1)))).toEqual({
      code: 'sub_frame_funded_by_parent',
      frameId: 'bio1',
      parentId: 'bio',
    });
    expect(refusalOf(applyEntry(family(), topUp('bio1', 1)))).toMatchObject({
      code: 'sub_frame_funded_by_parent',
    });
  });

  it.each([
    [{ parentId: 'nowhere' }, 'there is no such frame'],
    [{ parentId: 'bio1' }, 'sub-frames are one level deep'],
    [{ parentId: 'bio', currency: 'SEK' }, 'the currencies differ'],
    [{ parentId: 'bio', year: 2021 }, 'a sub-frame has its parent’s scheme, county and year'],
  ])('refuse a bad parent: %p', (overrides, detail) => {
    expect(refusalOf(openFrame(family(), newFrame({ id: 'x', ...overrides })))).toMatchObject({
      code: 'invalid_parent',
      detail,
    });
  });
});

describe('frames', () => {
  it.each(['nok', 'NO', 'NOKK', ''])('refuse currency %p', (currency) => {
    expect(refusalOf(openFrame(emptyLedger(), newFrame({ id: 'f', currency })))).toEqual({
      code: 'invalid_currency',
      currency,
    });
  });

  it('refuse a second frame with the same id, an empty id and a fractional year', () => {
    expect(refusalOf(openFrame(bio(), newFrame({ id: 'bio-2020' })))).toEqual({
      code: 'frame_exists',
      frameId: 'bio-2020',
    });
    expect(refusalOf(openFrame(bio(), newFrame({ id: ' ' })))).toMatchObject({ code: 'invalid_frame' });
    expect(refusalOf(openFrame(bio(), newFrame({ id: 'f', year: 2020.5 })))).toMatchObject({
      code: 'invalid_frame',
    });
  });

  it('refuse entries for a frame that does not exist, even one named like an Object property', () => {
    for (const frameId of ['nowhere', 'constructor', '__proto__', 'toString']) {
      expect(refusalOf(applyEntry(bio(), allocation(frameId, 1)))).toEqual({
        code: 'unknown_frame',
        frameId,
      });
    }
    expect(refusalOf(setFrameStatus(bio(), 'constructor', 'closed'))).toMatchObject({
      code: 'unknown_frame',
    });
    expect(balancesOf(bio(), 'constructor')).toBeUndefined();
  });

  it('accept any id as a key, including one named like an Object property', () => {
    const state = ledgerWith([{ id: '__proto__', allocate: kr(1) }]);
    expect(balancesOf(state, '__proto__')).toMatchObject({ allocated: kr(1) });
    expect(checkInvariants(state)).toEqual([]);
  });
});

describe('rebuildBalances', () => {
  it('folds the entries to the running totals, and a missing entry shows', () => {
    const entries: LedgerEntry[] = [
      topUp('bio-2020', kr(5)),
      commitment('bio-2020', 'app-1', kr(300)),
      disbursement('bio-2020', 'app-1', kr(120)),
      repayment('bio-2020', 'app-1', kr(20)),
      release('bio-2020', 'app-1', kr(30)),
    ];
    const state = apply(bio(), ...entries);
    const log = [allocation('bio-2020', kr(1_000_000)), ...entries];
    expect(rebuildBalances(log)).toEqual(ledgerBalances(state));
    expect(rebuildBalances(log.filter((e) => e.kind !== 'repayment'))).not.toEqual(ledgerBalances(state));
  });

  it('lists frames without entries when asked, with zero balances', () => {
    expect(rebuildBalances([], ['empty']).frames).toEqual(
      new Map([['empty', { allocated: 0, committed: 0, disbursed: 0, available: 0 }]]),
    );
  });
});

describe('checkInvariants', () => {
  it('finds each kind of corruption in a state', () => {
    const good = apply(
      bio(),
      commitment('bio-2020', 'app-1', kr(100)),
      disbursement('bio-2020', 'app-1', kr(40)),
    );
    const key = positionKey('bio-2020', 'app-1');
    const frame = good.frames.get('bio-2020')!;
    const position = good.positions.get(key)!;
    const corrupt = (
      frames: Partial<typeof frame>,
      positions: Partial<typeof position> = {},
    ): LedgerState => ({
      frames: new Map(good.frames).set('bio-2020', { ...frame, ...frames }),
      positions: new Map(good.positions).set(key, { ...position, ...positions }),
    });
    const codes = (state: LedgerState) => checkInvariants(state).map((v) => v.invariant);

    expect(codes(good)).toEqual([]);
    expect(codes(corrupt({ allocated: kr(99) }))).toEqual(['available_negative']);
    expect(codes(corrupt({ committed: kr(61) }))).toEqual(['frame_committed_mismatch']);
    expect(codes(corrupt({ disbursed: kr(39) }))).toEqual(['frame_disbursed_mismatch']);
    expect(codes(corrupt({ committed: kr(-60) }, { released: kr(120) }))).toEqual([
      'outstanding_negative',
      'negative_total',
    ]);
    expect(codes(corrupt({ disbursed: kr(-10) }, { repaid: kr(50) }))).toEqual([
      'repaid_exceeds_disbursed',
      'negative_total',
    ]);
    expect(codes(corrupt({ allocated: 0.5 }))).toContain('not_safe_integer');
    expect(codes({ ...good, frames: new Map() })).toEqual(['orphan_position']);

    const family = ledgerWith([
      { id: 'bio', allocate: kr(10) },
      { id: 'bio1', parentId: 'bio' },
    ]);
    const overdrawn: LedgerState = {
      ...family,
      frames: new Map([
        ['bio', { ...family.frames.get('bio')!, allocated: -1 }],
        ['bio1', { ...family.frames.get('bio1')!, allocated: kr(10) + 1 }],
      ]),
    };
    expect(codes(overdrawn)).toEqual(['negative_total', 'available_negative', 'sub_frames_exceed_parent']);
    const orphanChild: LedgerState = { ...family, frames: new Map([['bio1', family.frames.get('bio1')!]]) };
    expect(codes(orphanChild)).toEqual(['invalid_sub_frame']);
  });
});

describe('refusal codes', () => {
  it('are listed once each', () => {
    expect(new Set(REFUSAL_CODES).size).toBe(REFUSAL_CODES.length);
  });
});
