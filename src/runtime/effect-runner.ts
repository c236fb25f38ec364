import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EFFECT_KINDS, type Effect, type EffectKind, type LifecycleEventType } from '@lib/engine';
import type { EntityManager } from 'typeorm';
import { AppConfig, InjectConfig, type AppRole } from '../config/app-config';
import type { LifecycleCase } from './lifecycle-case';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxMessage } from './outbox-message.entity';

/** Where an effect is being carried out: inside the transition's transaction. */
export interface EffectContext {
  readonly tx: EntityManager;
  readonly application: LifecycleCase;
  readonly auditRecordId: string;
  readonly actorUserId: string | null;
  /** The role the actor sent the event in, as the transition's audit record names it. */
  readonly actorRole: string;
  readonly at: Date;
  /**
   * Asks for a system event to be sent to the same case once this transition's effects are done,
   * in the same transaction (a settlement found complete closes the case at once). Absent where no
   * transition runs the effects.
   */
  readonly followUp?: (type: LifecycleEventType, body: Record<string, unknown>) => void;
}

/** Carries out one kind of effect inside the transition's transaction; throwing rolls it all back. */
export type EffectHandler<K extends EffectKind = EffectKind> = (
  effect: Extract<Effect, { kind: K }>,
  context: EffectContext,
) => Promise<void>;

/**
 * Where each kind of the engine's catalogue is carried out, declared once so that start-up can check
 * the process has what its role needs:
 * - `inline`: by a handler inside the transition's transaction (a refusal rolls the transition back).
 *   Every role runs transitions (the API on commands, the worker on deadlines), so every process must
 *   have the handler.
 * - `outbox`: written to the outbox in the transaction and carried out after commit by the worker's
 *   dispatcher. An API-only process only writes the row; a process that dispatches (`worker`, `all`)
 *   must have the dispatcher's handler for the kind.
 */
export type EffectPlacement = 'inline' | 'outbox';
export const EFFECT_PLACEMENT: Readonly<Record<EffectKind, EffectPlacement>> = {
  // Money is checked and moved under the transaction: a grant that does not fit is refused.
  assignFrame: 'inline',
  commitFunds: 'inline',
  releaseFunds: 'inline',
  // The settlement releases money and may raise a repayment claim, under the transaction.
  settleFunds: 'inline',
  // A cancellation (heving) likewise releases the unpaid rest and may raise a claim.
  cancelFunds: 'inline',
  // The deadline row and its arm/disarm outbox row are written with the transition.
  scheduleDeadline: 'inline',
  cancelDeadline: 'inline',
  cancelAllDeadlines: 'inline',
  scheduleNotice: 'inline',
  // The notification rows are written with the transition; sending them is the worker's outbox kind.
  notify: 'inline',
  // The letter is drawn and kept with the decision, before money locks the frame.
  issueLetter: 'inline',
};

/** Writes an `outbox` effect as it is, for the worker's dispatcher to act on after commit. */
const toOutbox: EffectHandler = async (effect, { tx, application, auditRecordId }) => {
  await tx.insert(OutboxMessage, {
    applicationId: application.id,
    auditRecordId,
    kind: effect.kind,
    payload: { ...effect },
  });
};

/** What a process in `role` lacks: inline kinds without a handler, and outbox kinds it would not dispatch. */
export function missingEffectHandlers(
  role: AppRole,
  inline: ReadonlySet<EffectKind>,
  dispatched: ReadonlySet<string>,
  placement: Readonly<Record<EffectKind, EffectPlacement>> = EFFECT_PLACEMENT,
): EffectKind[] {
  return EFFECT_KINDS.filter((kind) =>
    placement[kind] === 'inline' ? !inline.has(kind) : role !== 'api' && !dispatched.has(kind),
  );
}

/**
 * The engine names effects; this runs them, in order, with the one handler each kind has. A process
 * refuses to start when a kind of the catalogue has no handler in its role (see `EFFECT_PLACEMENT`),
 * so a role composed without, say, the budget module cannot decide a grant and leave the ledger as it was.
 */
@Injectable()
export class EffectRunner implements OnApplicationBootstrap {
  private readonly handlers = new Map<EffectKind, EffectHandler>();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** A capability takes on an inline kind of effect (e.g. the ledger: `commitFunds`); once per kind. */
  register<K extends EffectKind>(kind: K, handler: EffectHandler<K>): void {
    if (EFFECT_PLACEMENT[kind] !== 'inline') {
      throw new Error(`Effect ${kind} runs via the outbox; register its handler with the outbox dispatcher`);
    }
    if (this.handlers.has(kind)) throw new Error(`Effect ${kind} has two handlers`);
    this.handlers.set(kind, handler as unknown as EffectHandler);
  }

  /**
   * Swaps the handler a kind already has (a test proving its harness catches a wrong handler); it
   * cannot stand in for a missing one.
   */
  replace<K extends EffectKind>(kind: K, handler: EffectHandler<K>): void {
    if (!this.handlers.has(kind)) throw new Error(`Effect ${kind} has no handler to replace`);
    this.handlers.set(kind, handler as unknown as EffectHandler);
  }

  /** Refuses to start a process whose role leaves a kind of the catalogue without its handler. */
  onApplicationBootstrap(): void {
    const missing = missingEffectHandlers(
      this.config.role,
      new Set(this.handlers.keys()),
      new Set(EFFECT_KINDS.filter((kind) => this.dispatcher()?.handles(kind))),
    );
    if (missing.length > 0) {
      throw new Error(
        `Role ${this.config.role} has no handler for effect ${missing.join(', ')}: ` +
          'a module that carries it out is missing from the composition',
      );
    }
  }

  /**
   * Runs the effects in the engine's order, except that money moves last: the frame row is the one
   * every decision on a frame contends for, so it is locked as late, and held as briefly, as possible.
   */
  async run(effects: readonly Effect[], context: EffectContext): Promise<void> {
    // Money last; a letter is drawn before it too (rendering a PDF takes tens of milliseconds).
    const money = (e: Effect) =>
      e.kind === 'commitFunds' || e.kind === 'releaseFunds' || e.kind === 'settleFunds';
    for (const effect of [...effects.filter((e) => !money(e)), ...effects.filter(money)]) {
      const handler = EFFECT_PLACEMENT[effect.kind] === 'outbox' ? toOutbox : this.handlers.get(effect.kind);
      if (!handler) throw new Error(`No handler for effect ${effect.kind}`);
      await handler(effect, context);
    }
  }

  /** The worker's outbox dispatcher, when this process has one. */
  private dispatcher(): OutboxDispatcher | undefined {
    try {
      return this.moduleRef.get(OutboxDispatcher, { strict: false });
    } catch {
      return undefined;
    }
  }
}
