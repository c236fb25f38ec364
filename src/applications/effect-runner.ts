import { Injectable } from '@nestjs/common';
import { EFFECT_KINDS, type Effect, type EffectKind } from '@lib/engine';
import type { EntityManager } from 'typeorm';
import type { Application } from './application.entity';
import { OutboxMessage } from './outbox-message.entity';

/** Where an effect is being carried out: inside the transition's transaction. */
export interface EffectContext {
  readonly tx: EntityManager;
  readonly application: Application;
  readonly auditRecordId: string;
  readonly actorUserId: string | null;
  readonly at: Date;
}

/** Carries out one kind of effect inside the transition's transaction; throwing rolls it all back. */
export type EffectHandler<K extends EffectKind = EffectKind> = (
  effect: Extract<Effect, { kind: K }>,
  context: EffectContext,
) => Promise<void>;

/** What a transition did, for capabilities that act on transitions rather than on one effect. */
export interface TransitionDone extends EffectContext {
  readonly event: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
}

export type TransitionObserver = (done: TransitionDone) => Promise<void>;

/**
 * Writes the effect to the transactional outbox, for a dispatcher to act on after commit. The
 * default for every kind until a capability registers its own handler (the ledger takes the money
 * effects, the deadline service the deadline effects).
 */
export const toOutbox: EffectHandler = async (effect, { tx, application, auditRecordId }) => {
  await tx.insert(OutboxMessage, {
    applicationId: application.id,
    auditRecordId,
    kind: effect.kind,
    payload: { ...effect },
  });
};

/**
 * The engine names effects; this runs them, in order, with the handler registered for each kind.
 * Every kind of the catalogue has exactly one handler, checked when the service starts.
 */
@Injectable()
export class EffectRunner {
  private readonly handlers = new Map<EffectKind, EffectHandler>(
    EFFECT_KINDS.map((kind) => [kind, toOutbox]),
  );

  /** A capability takes over a kind of effect (e.g. the ledger: `commitFunds`). */
  register<K extends EffectKind>(kind: K, handler: EffectHandler<K>): void {
    this.handlers.set(kind, handler as unknown as EffectHandler);
  }

  private readonly observers: TransitionObserver[] = [];

  /** Called after every transition's effects, in its transaction (e.g. the preliminary-reply deadline). */
  observe(observer: TransitionObserver): void {
    this.observers.push(observer);
  }

  async transitioned(done: TransitionDone): Promise<void> {
    for (const observer of this.observers) await observer(done);
  }

  /**
   * Runs the effects in the engine's order, except that money moves last: the frame row is the one
   * every decision on a frame contends for, so it is locked as late, and held as briefly, as possible.
   */
  async run(effects: readonly Effect[], context: EffectContext): Promise<void> {
    const money = (e: Effect) => e.kind === 'commitFunds' || e.kind === 'releaseFunds';
    for (const effect of [...effects.filter((e) => !money(e)), ...effects.filter(money)]) {
      const handler = this.handlers.get(effect.kind);
      if (!handler) throw new Error(`No handler for effect ${effect.kind}`);
      await handler(effect, context);
    }
  }
}
