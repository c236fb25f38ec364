import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The baseline of a grant decision: the statements the service sends for DECIDE_GRANT (captured from
 * TypeORM's query log, see `statementShape`), written by hand for the `pg` driver and sent in one
 * transaction, in the same order, with the values the service computed for a probe decision. What it
 * leaves out is exactly what "ours" adds: Nest, TypeORM's entity handling, the engine, the rules,
 * the audit hash chain's canonical JSON, the notification templates.
 */
export interface RawDecisionValues {
  status: string;
  state: string;
  snapshot: string;
  grantedAmount: string;
  approverId: string;
  actorRole: string;
  fromState: string;
  toState: string;
  payload: string;
  effects: string;
  machineId: string;
  machineVersion: number;
  occurredAt: Date;
  deadlineKind: string;
  deadlineDueAt: Date;
  notifications: Array<{ template: string; locale: string; subject: string; body: string }>;
  /** The probe's reference, replaced by each application's own in the texts. */
  probeReference: string;
}

/** Reads what the service wrote for a decided probe application: the values the baseline reuses. */
export async function rawValuesFrom(dataSource: DataSource, probeId: string): Promise<RawDecisionValues> {
  const [app] = await dataSource.query<Array<Record<string, string>>>(
    `SELECT status, state, snapshot::text AS snapshot, granted_amount, reference FROM application WHERE id = $1`,
    [probeId],
  );
  const [audit] = await dataSource.query<Array<Record<string, unknown>>>(
    `SELECT actor_user_id, actor_role, from_state, to_state, payload::text AS payload, effects::text AS effects,
            machine_id, machine_version, occurred_at
       FROM audit_record WHERE application_id = $1 AND event = 'DECIDE_GRANT'`,
    [probeId],
  );
  const [deadline] = await dataSource.query<Array<{ kind: string; due_at: Date }>>(
    `SELECT kind, due_at FROM deadline WHERE application_id = $1 AND kind = 'acceptance'`,
    [probeId],
  );
  const notifications = await dataSource.query<RawDecisionValues['notifications']>(
    `SELECT template, locale, subject, body FROM notification WHERE application_id = $1 AND template = 'grant_decided' ORDER BY created_at, id`,
    [probeId],
  );
  return {
    status: app.status,
    state: app.state,
    snapshot: app.snapshot,
    grantedAmount: app.granted_amount,
    approverId: String(audit.actor_user_id),
    actorRole: String(audit.actor_role),
    fromState: String(audit.from_state),
    toState: String(audit.to_state),
    payload: String(audit.payload),
    effects: String(audit.effects),
    machineId: String(audit.machine_id),
    machineVersion: Number(audit.machine_version),
    occurredAt: audit.occurred_at as Date,
    deadlineKind: deadline.kind,
    deadlineDueAt: deadline.due_at,
    notifications,
    probeReference: app.reference,
  };
}

const APPLICATION_COLUMNS = `id, reference, county_id, organisation_id, call_id, scheme_id, status, state, machine_id,
  machine_version, snapshot, content, content_version, requested_amount, maximum_amount, granted_amount,
  recommended_amount, frame_id, case_officer_id, created_by, submitted_at, created_at, updated_at`;

/**
 * One decision by raw `pg`, in the service's order (money last). `frameLast` moves the frame's
 * conditional update after the rest of the money block too (a what-if, measured).
 */
export async function rawDecision(
  client: PoolClient,
  applicationId: string,
  v: RawDecisionValues,
  frameLast = false,
): Promise<void> {
  await client.query('BEGIN');
  try {
    const {
      rows: [app],
    } = await client.query<Record<string, string>>(
      `SELECT ${APPLICATION_COLUMNS} FROM application WHERE id = $1 LIMIT 1 FOR UPDATE`,
      [applicationId],
    );
    if (!app || app.state !== v.fromState)
      throw new Error(`application ${applicationId} is not ${v.fromState}`);
    // TypeORM's save() reloads the row before its UPDATE; the baseline sends the same read.
    await client.query(`SELECT ${APPLICATION_COLUMNS} FROM application WHERE id = $1`, [applicationId]);
    await client.query(
      `UPDATE application SET status = $1, state = $2, snapshot = $3, granted_amount = $4, recommended_amount = NULL,
              updated_at = CURRENT_TIMESTAMP
        WHERE id = $5 RETURNING updated_at`,
      [v.status, v.state, v.snapshot, v.grantedAmount, applicationId],
    );
    const {
      rows: [last],
    } = await client.query<{ seq: number; hash: string }>(
      `SELECT id, application_id, seq, actor_user_id, actor_role, event, from_state, to_state, payload, effects,
              machine_id, machine_version, occurred_at, prev_hash, hash
         FROM audit_record WHERE application_id = $1 ORDER BY seq DESC LIMIT 1`,
      [applicationId],
    );
    const hash = createHash('sha256')
      .update(`${last?.hash ?? ''}|${applicationId}|${v.payload}|${v.effects}`)
      .digest('hex');
    const {
      rows: [audit],
    } = await client.query<{ id: string }>(
      `INSERT INTO audit_record (application_id, seq, actor_user_id, actor_role, event, from_state, to_state, payload,
              effects, machine_id, machine_version, occurred_at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, 'DECIDE_GRANT', $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        applicationId,
        (last?.seq ?? 0) + 1,
        v.approverId,
        v.actorRole,
        v.fromState,
        v.toState,
        v.payload,
        v.effects,
        v.machineId,
        v.machineVersion,
        v.occurredAt,
        last?.hash ?? null,
        hash,
      ],
    );
    // assignFrame: the grant is charged to its call's frame before the other effects.
    const {
      rows: [call],
    } = await client.query<{ frame_id: string }>(
      `SELECT id, county_id, scheme_id, year, title, status, opens_at, closes_at, parameters, frame_id,
            published_at, version, created_at, updated_at
         FROM funding_call WHERE id = $1 LIMIT 1`,
      [app.call_id],
    );
    await client.query(`UPDATE application SET frame_id = $1, updated_at = CURRENT_TIMESTAMP WHERE id = $2`, [
      call.frame_id,
      applicationId,
    ]);
    // The money moves last, as the service's effect runner orders it (the hot frame row is held briefly).
    const moveMoney = async () => {
      const commitFrame = async () => {
        const updated = await client.query(
          `UPDATE budget_frame SET committed = committed + $2, updated_at = now()
            WHERE id = $1 AND status = 'open' AND allocated - committed - disbursed >= $2
            RETURNING id, currency, status, allocated, committed, disbursed`,
          [call.frame_id, v.grantedAmount],
        );
        if (!updated.rowCount) throw new Error('frame_exhausted');
      };
      if (!frameLast) await commitFrame();
      await client.query(
        `INSERT INTO grant_position (frame_id, grant_key, application_id, recipient, committed) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (frame_id, grant_key) DO UPDATE SET committed = grant_position.committed + EXCLUDED.committed`,
        [call.frame_id, applicationId, applicationId, null, v.grantedAmount],
      );
      await client.query(
        `INSERT INTO ledger_entry (frame_id, kind, direction, amount, currency, movement_id, grant_key, application_id,
                case_reference, reason, actor_user_id)
         VALUES ($1, 'commitment', NULL, $2, 'NOK', gen_random_uuid(), $3, $4, NULL, $5, $6) RETURNING id, created_at`,
        [
          call.frame_id,
          v.grantedAmount,
          applicationId,
          applicationId,
          `Grant decision ${app.reference}`,
          v.approverId,
        ],
      );
      if (frameLast) await commitFrame();
    };
    // The service reads the open deadlines, matches their typed kinds in code, and cancels only those.
    await client.query(`SELECT id, kind FROM deadline WHERE application_id = $1 AND status = 'scheduled'`, [
      applicationId,
    ]);
    const {
      rows: [deadline],
    } = await client.query<{ id: string }>(
      `INSERT INTO deadline (application_id, kind, due_at, status) VALUES ($1, $2, $3, 'scheduled')
       RETURNING id, status, attempts, created_at`,
      [applicationId, v.deadlineKind, v.deadlineDueAt],
    );
    await client.query(
      `INSERT INTO outbox_message (application_id, audit_record_id, kind, payload) VALUES ($1, $2, 'deadline.arm', $3)
       RETURNING id, created_at`,
      [
        applicationId,
        audit.id,
        JSON.stringify({ deadlineId: deadline.id, dueAt: v.deadlineDueAt.toISOString() }),
      ],
    );
    const applicants = await client.query<{ id: string; email: string }>(
      `SELECT u.id, u.email FROM user_account u JOIN organisation_member m ON m.user_id = u.id
        WHERE m.organisation_id = $1 AND u.active`,
      [app.organisation_id],
    );
    const officers = await client.query<{ id: string; email: string }>(
      `SELECT id, email FROM user_account WHERE id = $1 AND active`,
      [app.case_officer_id],
    );
    await client.query(
      `SELECT id, organisation_number, name, form, municipality_number, industry_code, employee_count, county_id,
              version, created_at, updated_at FROM organisation WHERE id = $1 LIMIT 1`,
      [app.organisation_id],
    );
    const recipients = [...applicants.rows, ...officers.rows];
    for (const [i, recipient] of recipients.entries()) {
      const text = v.notifications[Math.min(i, v.notifications.length - 1)];
      const {
        rows: [notification],
      } = await client.query<{ id: string }>(
        `INSERT INTO notification (application_id, audit_record_id, template, recipient_user_id, recipient_email, locale,
                subject, body, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued') RETURNING id, status, attempts, created_at`,
        [
          applicationId,
          audit.id,
          text.template,
          recipient.id,
          recipient.email,
          text.locale,
          text.subject.replace(v.probeReference, app.reference),
          text.body.replace(v.probeReference, app.reference),
        ],
      );
      await client.query(
        `INSERT INTO outbox_message (application_id, audit_record_id, kind, payload) VALUES ($1, $2, 'notification.send', $3)
         RETURNING id, created_at`,
        [applicationId, audit.id, JSON.stringify({ notificationId: notification.id })],
      );
    }
    await moveMoney();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** "VERB table" of a statement, to compare the service's statement sequence with the baseline's. */
export function statementShape(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const verb = text.split(' ')[0].toUpperCase();
  const table =
    /^(?:SELECT .*? FROM|INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?/i.exec(text)?.[1] ??
    (/^(START|BEGIN|COMMIT|ROLLBACK)/i.test(text) ? '' : '?');
  const normalisedVerb = verb === 'START' ? 'BEGIN' : verb;
  const lock = /FOR UPDATE/i.test(text) ? ' FOR UPDATE' : '';
  return `${normalisedVerb}${table ? ` ${table}` : ''}${lock}`;
}
