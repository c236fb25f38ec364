/**
 * Tags are the contract between a lifecycle machine and the rest of the system: lists, reports, the UI
 * and the ledger read tags, never state names, so a scheme may reshape states below the top level
 * without breaking them.
 */
export const STATUSES = [
  'draft',
  'applied',
  'assessment',
  'granted',
  'reported',
  'closed',
  'rejected',
  'withdrawn',
  'lapsed',
  /** Hevet: an accepted grant cancelled by a decision. */
  'cancelled',
] as const;
export type LifecycleStatus = (typeof STATUSES)[number];

export const STATUS_TAG_PREFIX = 'status:';
export type StatusTag = `status:${LifecycleStatus}`;
export const statusTag = <S extends LifecycleStatus>(status: S): `status:${S}` => `status:${status}`;

/** Shared tags besides the status; each state carries those that hold while it is active. */
export const TAGS = {
  /** The applicant may change the application's form data. */
  editableByApplicant: 'editable_by_applicant',
  /** Finance may pay out committed money (the ledger still caps payments at the commitment). */
  payable: 'payable',
  /**
   * The final report is approved, or the grant cancelled, and it is being settled (oppgjør): the case
   * closes once nothing is committed to it and no repayment claim is open.
   */
  settling: 'settling',
  /** The decision can be appealed (klage). */
  appealable: 'appealable',
  /** Nothing more will happen in the common lifecycle. */
  terminal: 'terminal',
  /** Whose move it is: work queues filter on these. */
  awaitingApplicant: 'awaiting:applicant',
  awaitingCaseOfficer: 'awaiting:case_officer',
  awaitingApprover: 'awaiting:approver',
} as const;
export type SharedTag = (typeof TAGS)[keyof typeof TAGS];

export type LifecycleTag = StatusTag | SharedTag;

export const isStatus = (value: unknown): value is LifecycleStatus =>
  typeof value === 'string' && (STATUSES as readonly string[]).includes(value);

/**
 * The single top-level status of a snapshot, read from its `status:*` tag. Accepts an XState snapshot
 * (`tags` is a Set) or a state view from this engine (`tags` is an array). Throws when there is not
 * exactly one status tag, which `defineLifecycle` already rules out for every state.
 */
export function statusOf(snapshot: { readonly tags: Iterable<string> }): LifecycleStatus {
  const statuses = [...snapshot.tags]
    .filter((tag) => tag.startsWith(STATUS_TAG_PREFIX))
    .map((tag) => tag.slice(STATUS_TAG_PREFIX.length));
  const [status] = statuses;
  if (statuses.length !== 1 || !isStatus(status)) {
    throw new Error(`expected exactly one known status tag, found [${statuses.join(', ')}]`);
  }
  return status;
}
