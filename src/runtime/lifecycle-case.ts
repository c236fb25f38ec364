import type { StoredLifecycle } from '@lib/engine';

/**
 * The row a lifecycle runs on, as the runtime and the effect handlers see it: an application (søknad)
 * today. The runtime keeps the columns it writes in step with the snapshot; the rest identify the case
 * and where its money and people are. A feature's entity satisfies it by shape, so the runtime needs
 * no feature's entity.
 */
export interface LifecycleCase {
  readonly id: string;
  /** The application's reference from its creation, e.g. BIO-2026-000042 (its address). */
  readonly reference: string;
  /** The case number (saksnummer), e.g. 2026/BIO/0042, from submission on; null before. */
  readonly caseNumber: string | null;
  readonly schemeId: string;
  readonly callId: string;
  readonly organisationId: string;
  readonly countyId: string;

  /** Written by every transition from the engine's result. */
  /** The engine's stored lifecycle, possibly from an older definition: read it through the engine. */
  snapshot: StoredLifecycle;
  status: string;
  state: string;
  machineId: string;
  machineVersion: number;
  maximumAmount: number | null;
  grantedAmount: number | null;
  /** A grant recommendation's amount while it waits for the approver (the frame's pipeline). */
  recommendedAmount: number | null;
  caseOfficerId: string | null;
  submittedAt: Date | null;

  /** The budget frame the grant is charged to, set by the money effect that commits it. */
  frameId: string | null;
}
