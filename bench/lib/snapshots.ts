import { DAY_MS } from '@lib/common';
import {
  describeState,
  initialSnapshot,
  transition,
  type EngineActor,
  type LifecycleEvent,
  type SchemeDefinition,
  type StoredLifecycle,
} from '@lib/engine';

/** One stored lifecycle per state a list shows, as the engine's transitions leave it. */
export interface StateShape {
  status: string;
  state: string;
  snapshot: StoredLifecycle;
  /** The decision's amount where the state has one. */
  granted: boolean;
}

export interface ShapeActors {
  applicant: string;
  officer: string;
  approver: string;
}

/**
 * Walks a scheme's lifecycle with the engine's `transition` (the function the service calls, whose
 * snapshot it stores verbatim) through every status a case list shows: draft, applied, assessment
 * (in review, recommended), granted (awaiting acceptance, active), reported, closed, rejected,
 * withdrawn and lapsed. States a scheme's rules do not reach this way are left out.
 */
export function stateShapes(scheme: SchemeDefinition, who: ShapeActors, amount: number): StateShape[] {
  const def = scheme.lifecycle;
  const applicant: EngineActor = { userId: who.applicant, roles: ['applicant'] };
  const officer: EngineActor = { userId: who.officer, roles: ['case_officer'] };
  const approver: EngineActor = { userId: who.approver, roles: ['approver'] };
  const system: EngineActor = { userId: null, roles: ['system'] };
  const t0 = Date.parse('2026-02-02T08:00:00.000Z');
  const at = (days: number) => new Date(t0 + days * DAY_MS).toISOString();
  const shapes: StateShape[] = [];
  const keep = (stored: StoredLifecycle, granted = false) => {
    const view = describeState(def, stored);
    if (!shapes.some((s) => s.state === view.state))
      shapes.push({ status: view.status, state: view.state, snapshot: stored, granted });
  };
  const step = (
    stored: StoredLifecycle,
    event: LifecycleEvent,
    actor: EngineActor,
  ): StoredLifecycle | null => {
    const result = transition(def, stored, event, actor);
    return result.ok ? result.snapshot : null;
  };
  const draft = initialSnapshot(def, { createdAt: at(0) });
  keep(draft);
  const applied = step(
    draft,
    {
      type: 'SUBMIT',
      at: at(1),
      maximumAmount: amount * 2,
      projectEndsAt: at(300),
      ineligibilityReasons: [],
      delegationLimit: null,
      acceptanceDays: 21,
    },
    applicant,
  );
  if (!applied) return shapes;
  keep(applied);
  const withdrawn = step(applied, { type: 'WITHDRAW', at: at(2), reason: 'Changed plans' }, applicant);
  if (withdrawn) keep(withdrawn);
  const review = step(applied, { type: 'ASSIGN', at: at(3), caseOfficerId: who.officer }, officer);
  if (!review) return shapes;
  keep(review);
  const rejectionProposed = step(
    review,
    { type: 'RECOMMEND_REJECTION', at: at(10), grounds: 'Outside the call' },
    officer,
  );
  const rejected =
    rejectionProposed &&
    step(rejectionProposed, { type: 'DECIDE_REJECTION', at: at(12), grounds: 'Outside the call' }, approver);
  if (rejected) keep(rejected);
  const recommended = step(
    review,
    { type: 'RECOMMEND_GRANT', at: at(10), amount, notes: 'Solid plan' },
    officer,
  );
  if (!recommended) return shapes;
  keep(recommended);
  const granted = step(recommended, { type: 'DECIDE_GRANT', at: at(12) }, approver);
  if (!granted) return shapes;
  keep(granted, true);
  const lapsed = step(granted, { type: 'ACCEPTANCE_DEADLINE_PASSED', at: at(40) }, system);
  if (lapsed) keep(lapsed, true);
  const active = step(granted, { type: 'ACCEPT', at: at(14) }, applicant);
  if (!active) return shapes;
  keep(active, true);
  const reported = step(
    active,
    { type: 'SUBMIT_REPORT', at: at(310), reportId: '00000000-0000-4000-8000-000000000001' },
    applicant,
  );
  if (!reported) return shapes;
  keep(reported, true);
  const closed = step(reported, { type: 'APPROVE_REPORT', at: at(320), finalPayableAmount: amount }, officer);
  if (closed) keep(closed, true);
  return shapes;
}
