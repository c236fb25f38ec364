/**
 * The scheme kit: pure pieces several schemes share, so that a scheme declares its own figures
 * and rules and copies no arithmetic. Rule results, the least of several caps, the advance-and-final
 * payment plan, GBER art. 31 training-aid intensity by enterprise size, and the cost summary,
 * maximum grant, settlement and form pieces of cost-based training aid.
 */
export * from './rule-results';
export * from './least-cap';
export * from './call-eligibility';
export * from './payment-plan';
export * from './gber-training-aid';
export * from './training-costs';
export * from './training-forms';
export * from './training-form-layout';
