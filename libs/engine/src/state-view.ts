import type { StateValue } from 'xstate';
import { statusOf, type LifecycleStatus } from './tags';

/** A state value as JSON: a leaf name, or `{ parent: child }` for nested states. */
export type JsonStateValue = string | { readonly [key: string]: JsonStateValue };

/** Where a case stands, in the terms callers store and show. */
export interface LifecycleStateView {
  /** The single top-level status (from the `status:*` tag): the indexed `status` column. */
  readonly status: LifecycleStatus;
  /** The active leaf as a dotted path, e.g. `assessment.in_review`: for an audit row or a `state` column. */
  readonly state: string;
  readonly value: JsonStateValue;
  /** Every active tag, sorted. */
  readonly tags: readonly string[];
}

/** `{ assessment: 'in_review' }` → `assessment.in_review`. The lifecycle has no parallel states. */
export function stateKeyOf(value: StateValue): string {
  if (typeof value === 'string') return value;
  const entries = Object.entries(value);
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined)
    throw new Error(`unexpected state value ${JSON.stringify(value)}`);
  const [key, child] = entry;
  return child === undefined ? key : `${key}.${stateKeyOf(child)}`;
}

export function viewOf(snapshot: {
  readonly value: StateValue;
  readonly tags: Set<string>;
}): LifecycleStateView {
  return {
    status: statusOf(snapshot),
    state: stateKeyOf(snapshot.value),
    value: JSON.parse(JSON.stringify(snapshot.value)) as JsonStateValue,
    tags: [...snapshot.tags].sort(),
  };
}
