/**
 * Mentor- og traineeordning for innvandrere: the mentor and trainee scheme for immigrants. The pure
 * parts of the scheme: call parameters, application and final-report DTOs, rules and grant
 * arithmetic. Test factories live in `mentor-testing.ts` and are deliberately not exported here.
 */
export * from './mentor-application.dto';
export * from './mentor-call-parameters.dto';
export * from './mentor-grant';
export * from './mentor-vocabulary';
export * from './mentor.rules';
export * from './mentor.scheme';
export * from './mentor.plugin';
