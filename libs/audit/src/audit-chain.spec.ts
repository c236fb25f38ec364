import { chainRecord, verifyChain, type AuditContent, type ChainedRecord } from './audit-chain';
import { canonicalJson } from './canonical-json';

const content = (seq: number, overrides: Partial<AuditContent> = {}): AuditContent => ({
  applicationId: 'a1',
  seq,
  actorUserId: 'u1',
  actorRole: 'applicant',
  event: `E${seq}`,
  fromState: seq === 1 ? null : `s${seq - 1}`,
  toState: `s${seq}`,
  payload: { amount: 100 * seq, nested: { b: 1, a: 2 } },
  effects: [{ kind: 'notify', template: 'x', recipients: ['applicant'] }],
  machineId: 'lifecycle',
  machineVersion: 1,
  occurredAt: `2026-01-0${seq}T10:00:00.000Z`,
  ...overrides,
});

function chain(n: number): ChainedRecord[] {
  const records: ChainedRecord[] = [];
  for (let seq = 1; seq <= n; seq++)
    records.push(chainRecord(records[records.length - 1] ?? null, content(seq)));
  return records;
}

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    const records = chain(4);
    expect(verifyChain(records)).toEqual({ valid: true, records: 4, lastHash: records[3].hash });
    expect(verifyChain([])).toEqual({ valid: true, records: 0, lastHash: null });
  });

  it('does not depend on key order (jsonb returns keys in its own order)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    const [first] = chain(1);
    const reordered = { ...first, payload: { nested: { a: 2, b: 1 }, amount: 100 } };
    expect(verifyChain([reordered]).valid).toBe(true);
  });

  it('finds a changed amount in the middle', () => {
    const records = chain(4);
    records[2] = { ...records[2], payload: { amount: 999_999, nested: { a: 2, b: 1 } } };
    expect(verifyChain(records)).toMatchObject({
      valid: false,
      brokenAt: 3,
      problem: 'content does not match its hash',
    });
  });

  it('finds a rehashed record, because the next one no longer links to it', () => {
    const records = chain(4);
    records[1] = chainRecord(records[0], content(2, { actorUserId: 'someone-else' }));
    expect(verifyChain(records)).toMatchObject({
      valid: false,
      brokenAt: 3,
      problem: 'does not link to the record before it',
    });
  });

  it('finds a removed record', () => {
    const records = chain(4);
    records.splice(1, 1);
    expect(verifyChain(records)).toMatchObject({ valid: false, brokenAt: 3 });
  });
});
