/**
 * The transition runtime's public face: what features use to run transitions (the runner, with their
 * event preparers) and to take part in them (effect handlers, outbox kinds). Nothing here
 * imports a feature.
 */
export {
  EFFECT_PLACEMENT,
  EffectRunner,
  missingEffectHandlers,
  type EffectContext,
  type EffectHandler,
  type EffectPlacement,
} from './effect-runner';
export type { LifecycleCase } from './lifecycle-case';
export { OutboxDispatcher, type OutboxHandler, type OutboxRow } from './outbox-dispatcher';
export { OutboxMessage } from './outbox-message.entity';
export { OutboxModule } from './outbox.module';
export {
  engineActorFor,
  fromBody,
  TransitionRunner,
  type TransitionDone,
  type CommandBody,
  type EventCommand,
  type EventPreparer,
  type EventPreparers,
} from './transition-runner';
export { TransitionRuntimeModule } from './transition-runtime.module';
