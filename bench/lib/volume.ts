import type { DataSource } from 'typeorm';
import { PLUGINS } from '../../src/schemes/scheme-registry';
import type { People } from './fixtures';
import { stateShapes } from './snapshots';

/** Counties beside the two seeded ones (Trøndelag 50, Rogaland 11), weighted by population. */
const COUNTIES: ReadonlyArray<[code: string, name: string, weight: number]> = [
  ['03', 'Oslo kommune', 13],
  ['31', 'Østfold fylkeskommune', 6],
  ['32', 'Akershus fylkeskommune', 13],
  ['33', 'Buskerud fylkeskommune', 5],
  ['34', 'Innlandet fylkeskommune', 7],
  ['39', 'Vestfold fylkeskommune', 5],
  ['40', 'Telemark fylkeskommune', 3],
  ['42', 'Agder fylkeskommune', 6],
  ['46', 'Vestland fylkeskommune', 12],
  ['15', 'Møre og Romsdal fylkeskommune', 5],
  ['18', 'Nordland fylkeskommune', 4],
  ['55', 'Troms fylkeskommune', 3],
  ['56', 'Finnmark fylkeskommune', 1],
];
const SEEDED_WEIGHTS: Record<string, number> = { '50': 9, '11': 9 };

/** Scheme shares of all applications (BIO dominates); unknown schemes share what is left. */
const SCHEME_WEIGHTS: Record<string, number> = {
  bio: 50,
  jobbsjansen: 15,
  mentor: 10,
  corona: 18,
  etablerer: 7,
};

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
const YEAR_WEIGHTS = [8, 12, 12, 14, 16, 18, 20];

/**
 * Where an application of a given age stands: this year's are still moving, older ones are mostly
 * settled. Shares per state, in the order of `STATES`.
 */
const STATES = [
  'draft',
  'applied',
  'assessment.in_review',
  'assessment.recommended',
  'granted.awaiting_acceptance',
  'granted.active',
  'reported.report_review',
  'closed',
  'rejected',
  'withdrawn',
  'lapsed',
];
const STATE_WEIGHTS: Record<'current' | 'last' | 'older', number[]> = {
  current: [10, 15, 15, 5, 5, 25, 5, 3, 10, 5, 2],
  last: [0, 1, 2, 1, 1, 30, 10, 30, 17, 4, 4],
  older: [0, 0, 0, 0, 0, 2, 1, 62, 22, 7, 6],
};

const cumulative = (weights: readonly number[]) => {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w) / total).slice(0, -1);
};
const sqlArray = (values: readonly number[]) =>
  `(ARRAY[${values.map((v) => v.toFixed(6)).join(',')}]::float8[])`;
const sqlText = (values: readonly string[]) => `(ARRAY[${values.map((v) => `'${v}'`).join(',')}]::text[])`;

export interface Volume {
  applications: number;
  organisations: number;
  counties: number;
  calls: number;
  seconds: number;
  sizeBytes: number;
}

/**
 * Seeds `count` applications across every registered scheme, 15 counties and the years 2020–2026,
 * with realistic shapes: a few organisations apply often and most rarely, this year's cases spread
 * over the whole lifecycle and older ones mostly closed or rejected, and requested amounts
 * log-normal (many small grants, a few large ones). Each row's snapshot is the engine's own for its
 * scheme and state, its form the scheme's sample application. Rows are inserted in one statement
 * with the table's secondary indexes and foreign-key triggers set aside, then restored as the
 * migrations define them, and analysed.
 */
export async function seedVolume(dataSource: DataSource, people: People, count: number): Promise<Volume> {
  const started = Date.now();
  const schemes = PLUGINS.map((p) => p.scheme.id);

  // Counties (with weights), and the organisations that apply: about one per 25 applications.
  for (const [code, name] of COUNTIES)
    await dataSource.query(`INSERT INTO county (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [
      code,
      name,
    ]);
  const weights = Object.fromEntries([
    ...COUNTIES.map(([c, , w]) => [c, w]),
    ...Object.entries(SEEDED_WEIGHTS),
  ]);
  const counties = await dataSource.query<Array<{ id: string; code: string }>>(
    `SELECT id, code FROM county ORDER BY code`,
  );
  await dataSource.query(
    `CREATE TABLE bench_county (ord int PRIMARY KEY, id uuid NOT NULL, code text NOT NULL, weight float8 NOT NULL, orgs int NOT NULL)`,
  );
  const organisations = Math.max(500, Math.round(count / 25));
  const totalWeight = counties.reduce((s, c) => s + (weights[c.code] ?? 1), 0);
  for (const [i, c] of counties.entries()) {
    const w = (weights[c.code] ?? 1) / totalWeight;
    await dataSource.query(`INSERT INTO bench_county VALUES ($1, $2, $3, $4, $5)`, [
      i + 1,
      c.id,
      c.code,
      w,
      Math.max(20, Math.round(organisations * w)),
    ]);
  }
  await dataSource.query(`
    CREATE TABLE bench_org AS
    SELECT c.id AS county_id, c.ord AS county_ord, g AS idx, gen_random_uuid() AS id,
           lpad((c.ord * 1000000 + g)::text, 9, '0') AS number
      FROM bench_county c, generate_series(0, c.orgs - 1) g`);
  await dataSource.query(`CREATE UNIQUE INDEX ON bench_org (county_ord, idx)`);
  await dataSource.query(`
    INSERT INTO organisation (id, organisation_number, name, form, municipality_number, industry_code, employee_count, county_id, version)
    SELECT o.id, o.number, 'Bedrift ' || o.number || ' AS', CASE WHEN o.idx % 40 = 0 THEN 'KOMM' ELSE 'AS' END,
           c.code || lpad((o.idx % 90 + 1)::text, 2, '0'), '25.110', 5 + (o.idx * 37) % 400, o.county_id, 1
      FROM bench_org o JOIN bench_county c ON c.id = o.county_id`);

  // A frame and a call per county, scheme and year (corona only 2020–2022).
  await dataSource.query(
    `CREATE TABLE bench_call (county_id uuid, scheme_id text, year int, call_id uuid, frame_id uuid, PRIMARY KEY (county_id, scheme_id, year))`,
  );
  for (const plugin of PLUGINS) {
    const parameters = JSON.stringify(plugin.demoCalls[0]?.parameters ?? {});
    await dataSource.query(
      `WITH combos AS (
         SELECT c.id AS county_id, y AS year, gen_random_uuid() AS frame_id, gen_random_uuid() AS call_id
           FROM bench_county c, unnest($2::int[]) y),
       frames AS (
         INSERT INTO budget_frame (id, county_id, scheme_id, year, name, allocated)
         SELECT frame_id, county_id, $1, year, $1 || ' ' || year, 5000000000000 FROM combos RETURNING id),
       calls AS (
         INSERT INTO funding_call (id, county_id, scheme_id, year, title, status, opens_at, closes_at, parameters, published_at, version, frame_id)
         SELECT call_id, county_id, $1, year, $1 || ' ' || year, CASE WHEN year = 2026 THEN 'published' ELSE 'closed' END,
                make_timestamptz(year, 1, 1, 0, 0, 0, 'UTC'), make_timestamptz(year, 12, 31, 0, 0, 0, 'UTC'), $3::jsonb,
                make_timestamptz(year, 1, 1, 0, 0, 0, 'UTC'), 1, frame_id
           FROM combos WHERE (SELECT count(*) FROM frames) >= 0 RETURNING id)
       INSERT INTO bench_call SELECT county_id, $1, year, call_id, frame_id FROM combos WHERE (SELECT count(*) FROM calls) >= 0`,
      [plugin.scheme.id, plugin.scheme.id === 'corona' ? [2020, 2021, 2022] : YEARS, parameters],
    );
    await dataSource.query(
      `INSERT INTO ledger_entry (frame_id, kind, amount, currency, movement_id, reason)
      SELECT frame_id, 'allocation', 5000000000000, 'NOK', gen_random_uuid(), 'bench' FROM bench_call WHERE scheme_id = $1`,
      [plugin.scheme.id],
    );
  }

  // One snapshot per scheme and state, as the engine writes it, and the scheme's sample form.
  await dataSource.query(`CREATE TABLE bench_shape (scheme_id text, state_ord int, status text, state text, machine_id text,
    machine_version int, snapshot jsonb, content jsonb, granted boolean, PRIMARY KEY (scheme_id, state_ord))`);
  for (const plugin of PLUGINS) {
    const shapes = stateShapes(
      plugin.scheme,
      {
        applicant: people.applicant.userId,
        officer: people.officer.userId,
        approver: people.approver.userId,
      },
      25_000_000,
    );
    for (const shape of shapes) {
      const ord = STATES.indexOf(shape.state);
      if (ord < 0) continue;
      await dataSource.query(`INSERT INTO bench_shape VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
        plugin.scheme.id,
        ord + 1,
        shape.status,
        shape.state,
        shape.snapshot.machineId,
        shape.snapshot.version,
        JSON.stringify(shape.snapshot),
        JSON.stringify(plugin.sampleApplication),
        shape.granted,
      ]);
    }
  }

  const schemeWeights = schemes.map((s) => SCHEME_WEIGHTS[s] ?? 5);
  const countyCumulative = (
    await dataSource.query<Array<{ weight: number }>>(`SELECT weight FROM bench_county ORDER BY ord`)
  ).map((r) => r.weight);
  // Bulk load: secondary indexes and foreign-key triggers aside, restored right after.
  const indexes = await dataSource.query<Array<{ indexname: string; indexdef: string }>>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'application' AND indexname <> 'application_pkey'`,
  );
  for (const { indexname } of indexes) await dataSource.query(`DROP INDEX "${indexname}"`);
  await dataSource.query(`ALTER TABLE application DISABLE TRIGGER ALL`);
  try {
    await dataSource.query(
      `
      INSERT INTO application (id, reference, county_id, organisation_id, call_id, scheme_id, status, state, machine_id,
        machine_version, snapshot, content, content_version, requested_amount, maximum_amount, granted_amount, frame_id,
        recommended_amount, case_officer_id, created_by, submitted_at, created_at, updated_at)
      SELECT gen_random_uuid(), upper(left(d.scheme_id, 6)) || '-' || d.year || '-' || lpad(d.n::text, 7, '0'),
             d.county_id, o.id, bc.call_id, d.scheme_id, sh.status, sh.state, sh.machine_id, sh.machine_version,
             sh.snapshot, sh.content, 1, d.requested, d.requested * 2,
             CASE WHEN sh.granted THEN (d.requested * (0.6 + 0.4 * d.r_grant))::bigint END,
             CASE WHEN sh.granted THEN bc.frame_id END,
             CASE WHEN sh.state = 'assessment.recommended'
                  THEN (sh.snapshot #>> '{state,context,recommendation,amount}')::bigint END,
             CASE WHEN sh.state NOT IN ('draft', 'applied', 'withdrawn') AND d.county_id = $1 THEN $2::uuid END,
             $3::uuid,
             CASE WHEN sh.state <> 'draft' THEN d.created_at + interval '2 days' END,
             d.created_at, d.created_at + interval '30 days'
        FROM (
          SELECT s.*, c.id AS county_id,
                 ${sqlText(schemes)}[width_bucket(s.r_scheme, ${sqlArray(cumulative(schemeWeights))}) + 1] AS scheme_id,
                 c.ord AS county_ord, c.orgs
            FROM (
              SELECT g AS n, random() AS r_scheme, random() AS r_year, random() AS r_county, random() AS r_org,
                     random() AS r_state, random() AS r_grant, greatest(random(), 1e-9) AS u1, random() AS u2, random() AS r_day
                FROM generate_series(1, $4::int) g) s
            JOIN bench_county c ON c.ord = width_bucket(s.r_county, ${sqlArray(cumulative(countyCumulative))}) + 1
        ) d0
        CROSS JOIN LATERAL (
          SELECT d0.*,
                 CASE WHEN d0.scheme_id = 'corona' THEN 2020 + floor(d0.r_year * 3)::int
                      ELSE ${sqlArray(YEARS)}[width_bucket(d0.r_year, ${sqlArray(cumulative(YEAR_WEIGHTS))}) + 1]::int END AS year,
                 -- log-normal: median 150 000 NOK, many small grants and a long tail up to 5 MNOK (øre)
                 least(500000000, greatest(2000000,
                   (exp(ln(15000000) + 0.9 * sqrt(-2 * ln(d0.u1)) * cos(2 * pi() * d0.u2)) / 10000)::bigint * 10000)) AS requested
        ) d1
        CROSS JOIN LATERAL (
          SELECT d1.*, make_timestamptz(d1.year, 1, 1, 0, 0, 0, 'UTC') + d1.r_day * interval '360 days' AS created_at,
                 width_bucket(d1.r_state, CASE WHEN d1.year = 2026 THEN ${sqlArray(cumulative(STATE_WEIGHTS.current))}
                                               WHEN d1.year = 2025 THEN ${sqlArray(cumulative(STATE_WEIGHTS.last))}
                                               ELSE ${sqlArray(cumulative(STATE_WEIGHTS.older))} END) + 1 AS state_ord
        ) d
        JOIN bench_org o ON o.county_ord = d.county_ord AND o.idx = floor(d.orgs * power(d.r_org, 3))::int
        JOIN bench_call bc ON bc.county_id = d.county_id AND bc.scheme_id = d.scheme_id AND bc.year = d.year
        JOIN bench_shape sh ON sh.scheme_id = d.scheme_id AND sh.state_ord = d.state_ord`,
      [people.countyId, people.officer.userId, people.applicant.userId, count],
    );
  } finally {
    await dataSource.query(`ALTER TABLE application ENABLE TRIGGER ALL`);
    for (const { indexdef } of indexes) await dataSource.query(indexdef);
  }
  await dataSource.query(`ANALYZE application`);
  await dataSource.query(`ANALYZE organisation; ANALYZE funding_call; ANALYZE budget_frame`);
  const [{ n, bytes }] = await dataSource.query<Array<{ n: number; bytes: string }>>(
    `SELECT count(*)::int AS n, pg_total_relation_size('application') AS bytes FROM application`,
  );
  const [{ calls }] = await dataSource.query<Array<{ calls: number }>>(
    `SELECT count(*)::int AS calls FROM bench_call`,
  );
  return {
    applications: n,
    organisations,
    counties: counties.length,
    calls,
    seconds: Math.round((Date.now() - started) / 1000),
    sizeBytes: Number(bytes),
  };
}
