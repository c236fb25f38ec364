import type { components } from './schema';

/** An RFC 9457 problem, as every error of the API is. */
export type Problem = components['schemas']['Problem'];

/** A refused or failed request, carrying the API's problem for the screen to explain. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
  ) {
    super(problem.title ?? `HTTP ${status}`);
    this.name = 'ProblemError';
  }
}
