import { DomainError, ManualClock, type Actor } from '@lib/common';
import {
  defineLifecycle,
  EVENT_TYPES,
  initialSnapshot,
  type LifecycleEventType,
  type SchemeDefinition,
} from '@lib/engine';
import type { EntityManager } from 'typeorm';
import type { AuditRepository } from '../audit/audit.repository';
import type { EffectRunner } from './effect-runner';
import type { LifecycleCase } from './lifecycle-case';
import { fromBody, TransitionRunner, type EventPreparer, type EventPreparers } from './transition-runner';

const lifecycle = defineLifecycle({ id: 'runtime', version: 1 });
const scheme = { lifecycle } as SchemeDefinition;
const NOW = '2026-03-02T09:00:00.000Z';
const applicant: Actor = {
  kind: 'applicant',
  userId: 'user-1',
  email: 'a@example.org',
  organisationIds: ['org-1'],
};

function draft(): LifecycleCase {
  const snapshot = initialSnapshot(lifecycle, { createdAt: '2026-03-01T09:00:00.000Z' });
  return {
    id: 'case-1',
    reference: 'RT-2026-000001',
    caseNumber: null,
    schemeId: 'runtime',
    callId: 'call-1',
    organisationId: 'org-1',
    countyId: 'county-1',
    snapshot,
    status: 'draft',
    state: 'draft',
    machineId: snapshot.machineId,
    machineVersion: snapshot.version,
    maximumAmount: null,
    grantedAmount: null,
    recommendedAmount: null,
    caseOfficerId: null,
    submittedAt: null,
    frameId: null,
  };
}

function harness(prepareSubmit: EventPreparer<LifecycleCase, 'SUBMIT'>) {
  const calls: string[] = [];
  const tx = { save: jest.fn(async () => calls.push('save')) } as unknown as EntityManager;
  const audit = {
    append: jest.fn(async () => {
      calls.push('audit');
      return { id: '41' };
    }),
  };
  const effects = {
    run: jest.fn(async () => void calls.push('effects')),
  };
  const runner = new TransitionRunner(
    audit as unknown as AuditRepository,
    effects as unknown as EffectRunner,
    new ManualClock(new Date(NOW)),
  );
  const preparers = Object.fromEntries(
    EVENT_TYPES.map((type) => [type, fromBody]),
  ) as unknown as EventPreparers<LifecycleCase>;
  const send = (application: LifecycleCase, type: LifecycleEventType) =>
    runner.run(
      tx,
      { actor: applicant, application, scheme, type, body: {} },
      { ...preparers, SUBMIT: prepareSubmit },
    );
  return { send, calls, audit, effects };
}

const submitted: EventPreparer<LifecycleCase, 'SUBMIT'> = async ({ type, at }) => ({
  type,
  at,
  maximumAmount: 50_000_000,
  projectEndsAt: '2026-12-31T23:00:00.000Z',
  ineligibilityReasons: [],
});

describe('TransitionRunner', () => {
  it('stores the columns, then the audit record, then runs the effects, in that order', async () => {
    const { send, calls, audit, effects } = harness(submitted);
    const application = draft();
    const done = await send(application, 'SUBMIT');

    expect(calls).toEqual(['save', 'audit', 'effects']);
    expect(application).toMatchObject({
      status: 'applied',
      maximumAmount: 50_000_000,
      submittedAt: new Date(NOW),
    });
    expect(application.snapshot.state.context.submittedAt).toBe(NOW);
    expect(audit.append).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        applicationId: 'case-1',
        actorUserId: 'user-1',
        actorRole: 'applicant',
        event: 'SUBMIT',
        fromState: 'draft',
        payload: expect.not.objectContaining({ type: expect.anything() }),
        occurredAt: NOW,
      }),
    );
    const [ran, context] = effects.run.mock.calls[0] as unknown as [unknown[], { auditRecordId: string }];
    expect(context.auditRecordId).toBe('41');
    expect(done).toMatchObject({
      event: 'SUBMIT',
      fromStatus: 'draft',
      toStatus: 'applied',
      auditRecordId: '41',
    });
    expect(done.at).toEqual(new Date(NOW));
    expect(ran.length).toBeGreaterThan(0);
  });

  it('refuses an event the state does not accept before its preparer runs, and changes nothing', async () => {
    const prepare = jest.fn(submitted);
    const { send, calls } = harness(prepare);
    const application = draft();
    await send(application, 'SUBMIT');
    calls.length = 0;

    const refused = await send(application, 'SUBMIT').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ kind: 'conflict', code: 'event_not_accepted' });
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([]);
  });

  it('lets a preparer refuse, with nothing stored', async () => {
    const { send, calls } = harness(async () => {
      throw new DomainError('unprocessable', 'not_eligible', 'no');
    });
    const application = draft();
    await expect(send(application, 'SUBMIT')).rejects.toMatchObject({ code: 'not_eligible' });
    expect(calls).toEqual([]);
    expect(application.status).toBe('draft');
  });
});
