import { randomBytes } from 'node:crypto';
import { createEmptyDatabase, dropDatabase } from '@lib/testing';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { CaseNumbers1796327000000 } from '../../migrations/1796327000000-CaseNumbers';
import type { Application } from '../../src/applications/application.entity';
import { assignCaseNumber } from '../../src/applications/case-number';
import { createDataSource, dataSourceOptions } from '../../src/database/data-source';
import { seedDemoDataIfEmpty } from '../../src/seed/demo-data';

describe('the migration that gives case numbers', () => {
  it('numbers the submitted applications in submission order per county, scheme and year, and the counters go on from there', async () => {
    const name = `grants_test_case_numbers_${randomBytes(4).toString('hex')}`;
    const url = await createEmptyDatabase(name);
    const before = new DataSource({
      ...dataSourceOptions({ url, poolSize: 1 }),
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(CaseNumbers1796327000000)),
    });
    let after: DataSource | null = null;
    try {
      await before.initialize();
      await before.runMigrations({ transaction: 'each' });
      await seedDemoDataIfEmpty(before.manager);
      const call = async (scheme: string, county: string) =>
        (
          await before.query<Array<{ id: string; county_id: string }>>(
            `SELECT c.id, c.county_id FROM funding_call c JOIN county k ON k.id = c.county_id
              WHERE c.scheme_id = $1 AND k.code = $2 ORDER BY c.created_at LIMIT 1`,
            [scheme, county],
          )
        )[0];
      const bio = await call('bio', '50');
      const coronaTrondelag = await call('corona', '50');
      const coronaRogaland = await call('corona', '11');
      const [{ id: org }] = await before.query<Array<{ id: string }>>(`SELECT id FROM organisation LIMIT 1`);
      const [{ id: user }] = await before.query<Array<{ id: string }>>(
        `SELECT id FROM user_account WHERE kind = 'applicant' LIMIT 1`,
      );
      // As the service wrote them then: a reference from the global sequence, created in this order.
      const rows: Array<[string, string, { id: string; county_id: string }, string, string | null]> = [
        ['b1', 'BIO-2026-000001', bio, 'bio', '2026-03-02T10:00:00Z'],
        ['b2', 'BIO-2026-000002', bio, 'bio', '2026-03-01T10:00:00Z'],
        ['b3', 'BIO-2026-000003', bio, 'bio', null],
        ['b4', 'BIO-2026-000004', bio, 'bio', '2026-03-03T10:00:00Z'],
        // New Year's Eve in UTC, already 2027 in Norway.
        ['b5', 'BIO-2026-000005', bio, 'bio', '2026-12-31T23:30:00Z'],
        ['k1', 'KORONA-2026-000006', coronaTrondelag, 'corona', '2026-11-23T09:00:00Z'],
        ['k2', 'KORONA-2026-000007', coronaRogaland, 'corona', '2026-11-23T08:00:00Z'],
      ];
      for (const [, reference, { id, county_id }, scheme, submittedAt] of rows) {
        await before.query(
          `INSERT INTO application (reference, county_id, organisation_id, call_id, scheme_id, status, state,
              machine_id, machine_version, snapshot, content, content_version, created_by, submitted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $6, $5, 1, '{}', '{}', 1, $7, $8)`,
          [reference, county_id, org, id, scheme, submittedAt ? 'applied' : 'draft', user, submittedAt],
        );
      }
      await before.destroy();

      after = await createDataSource({ url, poolSize: 1 }).initialize();
      await after.runMigrations({ transaction: 'each' });
      const numbers = await after.query<Array<{ reference: string; case_number: string | null }>>(
        `SELECT reference, case_number FROM application ORDER BY reference`,
      );
      expect(numbers).toEqual([
        { reference: 'BIO-2026-000001', case_number: '2026/BIO/0002' },
        { reference: 'BIO-2026-000002', case_number: '2026/BIO/0001' },
        { reference: 'BIO-2026-000003', case_number: null },
        { reference: 'BIO-2026-000004', case_number: '2026/BIO/0003' },
        { reference: 'BIO-2026-000005', case_number: '2027/BIO/0001' },
        { reference: 'KORONA-2026-000006', case_number: '2026/KORONA/0001' },
        { reference: 'KORONA-2026-000007', case_number: '2026/KORONA/0001' },
      ]);

      // The next submission in Trøndelag's BIO 2026 takes the number after the last one given.
      const [draft] = await after.query<Application[]>(
        `SELECT id, county_id AS "countyId", scheme_id AS "schemeId", case_number AS "caseNumber"
           FROM application WHERE reference = 'BIO-2026-000003'`,
      );
      await after.transaction((tx) =>
        assignCaseNumber(tx, draft, 'BIO', new Date('2026-06-01T10:00:00+02:00')),
      );
      expect(draft).toMatchObject({ caseNumber: '2026/BIO/0004', caseYear: 2026, caseSequence: 4 });
      // The database refuses a second case with a number already given.
      await expect(
        after.query(
          `UPDATE application SET case_year = 2026, case_sequence = 1, case_number = '2026/BIO/0001'
            WHERE reference = 'BIO-2026-000003'`,
        ),
      ).rejects.toThrow(/application_case_number_key/);
    } finally {
      if (before.isInitialized) await before.destroy();
      if (after?.isInitialized) await after.destroy();
      await dropDatabase(name);
    }
  });
});
