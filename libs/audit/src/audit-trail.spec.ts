import type { EntityManager } from 'typeorm';
import { auditHash } from './audit-chain';
import { AuditTrail } from './audit-trail';

class NoteRecord {
  id!: string;
  noteId!: string;
  seq!: number;
  action!: string;
  changes!: Record<string, unknown>;
  occurredAt!: Date;
  prevHash!: string | null;
  hash!: string;
}

interface NoteContent {
  readonly noteId: string;
  readonly seq: number;
  readonly action: string;
  readonly changes: Record<string, unknown>;
  readonly occurredAt: string;
}

/** Just enough of an EntityManager over one table, storing jsonb the way PostgreSQL gives it back. */
function fakeTable() {
  const rows: NoteRecord[] = [];
  const inStream = (where: Partial<NoteRecord>) => rows.filter((r) => r.noteId === where.noteId);
  const tx = {
    findOne: (_: unknown, { where }: { where: Partial<NoteRecord> }) =>
      Promise.resolve(inStream(where).sort((a, b) => b.seq - a.seq)[0] ?? null),
    find: (_: unknown, { where }: { where: Partial<NoteRecord> }) =>
      Promise.resolve(inStream(where).sort((a, b) => a.seq - b.seq)),
    create: (_: unknown, data: Partial<NoteRecord>) => Object.assign(new NoteRecord(), data),
    save: (row: NoteRecord) => {
      const stored = Object.assign(new NoteRecord(), row, {
        id: String(rows.length + 1),
        changes: JSON.parse(JSON.stringify(row.changes)) as Record<string, unknown>,
      });
      rows.push(stored);
      return Promise.resolve(stored);
    },
  } as unknown as EntityManager;
  return { rows, tx };
}

const trail = new AuditTrail<NoteRecord, NoteContent>({
  entity: NoteRecord,
  stream: 'noteId',
  fields: { noteId: true, action: true, changes: true },
});

describe('AuditTrail', () => {
  it('numbers and chains each stream on its own, and verifies what it stored', async () => {
    const { rows, tx } = fakeTable();
    const at = '2026-12-03T10:00:00.123456Z';
    await trail.append(tx, { noteId: 'n1', action: 'created', changes: { b: 1, a: 2 }, occurredAt: at });
    await trail.append(tx, { noteId: 'n2', action: 'created', changes: {}, occurredAt: at });
    const second = await trail.append(tx, { noteId: 'n1', action: 'edited', changes: {}, occurredAt: at });

    expect(rows.map((r) => [r.noteId, r.seq])).toEqual([
      ['n1', 1],
      ['n2', 1],
      ['n1', 2],
    ]);
    expect(second.prevHash).toBe(rows[0].hash);
    expect(rows[1].prevHash).toBeNull();
    const first: NoteContent = {
      noteId: 'n1',
      seq: 1,
      action: 'created',
      changes: { a: 2, b: 1 },
      occurredAt: '2026-12-03T10:00:00.123Z',
    };
    expect(rows[0].hash).toBe(auditHash(null, first));
    expect(await trail.verify(tx, 'n1')).toEqual({ valid: true, records: 2, lastHash: second.hash });
    expect(await trail.verify(tx, 'n3')).toEqual({ valid: true, records: 0, lastHash: null });
  });

  it('hashes what the database gives back: undefined dropped, dates as text, only the listed fields', async () => {
    const { tx } = fakeTable();
    const content = {
      noteId: 'n1',
      action: 'created',
      changes: { gone: undefined, when: new Date('2026-12-03T10:00:00Z') },
      occurredAt: '2026-12-03T10:00:00.000Z',
      extra: 'not a column',
    };
    await trail.append(tx, content);
    expect(await trail.verify(tx, 'n1')).toMatchObject({ valid: true, records: 1 });
  });

  it('finds a record changed after it was written', async () => {
    const { rows, tx } = fakeTable();
    for (const action of ['created', 'edited', 'published'])
      await trail.append(tx, { noteId: 'n1', action, changes: {}, occurredAt: '2026-12-03T10:00:00.000Z' });
    rows[1].changes = { sneaky: true };
    expect(await trail.verify(tx, 'n1')).toMatchObject({
      valid: false,
      brokenAt: 2,
      problem: 'content does not match its hash',
    });
  });
});
