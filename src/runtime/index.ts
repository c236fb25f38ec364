/**
 * The transition runtime's public face: what features use to take part in transitions (register
 * effect handlers and outbox kinds). Nothing here imports a feature.
 */
export {
  EFFECT_PLACEMENT,
  EffectRunner,
  missingEffectHandlers,
  type EffectContext,
  type EffectHandler,
  type EffectPlacement,
  type TransitionDone,
  type TransitionObserver,
} from './effect-runner';
export type { LifecycleCase } from './lifecycle-case';
export { OutboxDispatcher, type OutboxHandler, type OutboxRow } from './outbox-dispatcher';
export { OutboxMessage } from './outbox-message.entity';
export { OutboxModule } from './outbox.module';
export { TransitionRuntimeModule } from './transition-runtime.module';
