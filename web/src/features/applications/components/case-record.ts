import type { Application } from '../../../api/types';

/*
 * The case record (`case`) as the applicant's page reads it. The API types it as an open object (its
 * shape is the lifecycle's), so each part is read with a check rather than a cast.
 */

export interface InformationRequest {
  message: string;
  dueAt: string;
}

export type Decision =
  | {
      kind: 'grant';
      amount: number;
      at: string;
      grounds: string | null;
      conditions: string[];
    }
  | { kind: 'rejection'; at: string; grounds: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

export function informationRequest(application: Application): InformationRequest | null {
  const request = application.case.informationRequest;
  if (!isObject(request)) return null;
  const message = text(request.message);
  const dueAt = text(request.dueAt);
  return message && dueAt ? { message, dueAt } : null;
}

export function decision(application: Application): Decision | null {
  const found = application.case.decision;
  if (!isObject(found)) return null;
  const at = text(found.at);
  if (!at) return null;
  if (found.kind === 'grant' && typeof found.amount === 'number') {
    const conditions = Array.isArray(found.conditions)
      ? found.conditions.map(text).filter((c): c is string => c !== null)
      : [];
    return { kind: 'grant', amount: found.amount, at, grounds: text(found.grounds), conditions };
  }
  const grounds = text(found.grounds);
  return found.kind === 'rejection' && grounds ? { kind: 'rejection', at, grounds } : null;
}

/** When the grant must be accepted by; null when no grant waits for an answer. */
export const acceptanceDueAt = (application: Application): string | null =>
  text(application.case.acceptanceDueAt);
