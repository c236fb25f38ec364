import type { LifecycleContext } from './context';
import type { LifecycleEventType, MachineEvent } from './events';
import type { Ore } from '@lib/common';

/** When the final report (sluttrapport) falls due once the grant is accepted. */
export interface FinalReportDue {
  /** Count from the project's end (given at SUBMIT) or from the acceptance. */
  readonly from: 'project_end' | 'acceptance';
  /** Whole days after that point; 0 = on the day itself. */
  readonly days: number;
}

/**
 * An extra guard a scheme adds to one event. It returns reasons (empty = allowed), never a bare
 * boolean, so that a refusal can say why. It must be pure: anything that needs the database belongs
 * in the caller or in an effect.
 */
export type VariationRule<T extends LifecycleEventType> = (args: {
  readonly context: LifecycleContext;
  readonly event: MachineEvent<T>;
}) => readonly string[];

export type VariationRules = { readonly [K in LifecycleEventType]?: VariationRule<K> };

/** The knobs a scheme may turn on the common lifecycle, with their defaults filled in. */
export interface LifecycleOptions {
  /** Days the applicant has to accept a grant before it lapses. */
  readonly acceptanceDays: number;
  readonly finalReportDue: FinalReportDue;
  /** A grant above this many øre needs a committee case reference in the decision; null = never. */
  readonly requireCommitteeAbove: Ore | null;
  readonly rules: VariationRules;
}

export const DEFAULT_LIFECYCLE_OPTIONS: LifecycleOptions = {
  acceptanceDays: 21,
  finalReportDue: { from: 'project_end', days: 0 },
  requireCommitteeAbove: null,
  rules: {},
};
