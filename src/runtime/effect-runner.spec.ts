import type { ModuleRef } from '@nestjs/core';
import { EFFECT_KINDS, type EffectKind } from '@lib/engine';
import type { AppConfig, AppRole } from '../config/app-config';
import type { OutboxDispatcher } from './outbox-dispatcher';
import {
  EFFECT_PLACEMENT,
  EffectRunner,
  missingEffectHandlers,
  type EffectContext,
  type EffectHandler,
} from './effect-runner';

const noop: EffectHandler = async () => undefined;

function runner(role: AppRole = 'all', dispatcher?: Pick<OutboxDispatcher, 'handles'>): EffectRunner {
  const moduleRef = {
    get: () => {
      if (!dispatcher) throw new Error('not in this process');
      return dispatcher;
    },
  } as unknown as ModuleRef;
  return new EffectRunner({ role } as AppConfig, moduleRef);
}

const registerAll = (r: EffectRunner, except: EffectKind[] = []) => {
  for (const kind of EFFECT_KINDS) if (!except.includes(kind)) r.register(kind, noop);
};

describe('EffectRunner', () => {
  it('runs each effect with the handler registered for its kind, money last', async () => {
    const r = runner();
    const ran: string[] = [];
    for (const kind of EFFECT_KINDS) r.register(kind, async (effect) => void ran.push(effect.kind));
    await r.run(
      [
        { kind: 'commitFunds', amount: 100 },
        { kind: 'notify', template: 'grant_decided', recipients: ['applicant'] },
      ],
      {} as EffectContext,
    );
    expect(ran).toEqual(['notify', 'commitFunds']);
  });

  it('refuses a second handler for a kind instead of overwriting the first', () => {
    const r = runner();
    r.register('commitFunds', noop);
    expect(() => r.register('commitFunds', noop)).toThrow('Effect commitFunds has two handlers');
  });

  it('replaces only a handler that exists', () => {
    const r = runner();
    expect(() => r.replace('notify', noop)).toThrow('Effect notify has no handler to replace');
    r.register('notify', noop);
    expect(() => r.replace('notify', noop)).not.toThrow();
  });

  it('starts when every kind of the catalogue has its handler', () => {
    const r = runner();
    registerAll(r);
    expect(() => r.onApplicationBootstrap()).not.toThrow();
  });

  it('refuses to start, naming each kind without a handler', () => {
    const r = runner('api');
    registerAll(r, ['commitFunds', 'releaseFunds']);
    expect(() => r.onApplicationBootstrap()).toThrow(
      'Role api has no handler for effect commitFunds, releaseFunds',
    );
  });

  it('runs every kind of the catalogue inline today, so every role needs every handler', () => {
    for (const role of ['api', 'worker', 'all'] as const) {
      expect(missingEffectHandlers(role, new Set(), new Set())).toEqual([...EFFECT_KINDS]);
    }
    expect(Object.values(EFFECT_PLACEMENT).every((p) => p === 'inline')).toBe(true);
  });
});

describe('missingEffectHandlers, for a kind carried out via the outbox', () => {
  const placement = { ...EFFECT_PLACEMENT, notify: 'outbox' } as const;
  const inline = new Set<EffectKind>(EFFECT_KINDS.filter((k) => k !== 'notify'));

  it('asks nothing of an API-only process, which only writes the outbox row', () => {
    expect(missingEffectHandlers('api', inline, new Set(), placement)).toEqual([]);
  });

  it("needs the dispatcher's handler in a process that dispatches", () => {
    expect(missingEffectHandlers('worker', inline, new Set(), placement)).toEqual(['notify']);
    expect(missingEffectHandlers('all', inline, new Set(), placement)).toEqual(['notify']);
    expect(missingEffectHandlers('worker', inline, new Set(['notify']), placement)).toEqual([]);
  });

  it('does not accept an inline handler in place of the outbox one', () => {
    const all = new Set<EffectKind>(EFFECT_KINDS);
    expect(missingEffectHandlers('all', all, new Set(), placement)).toEqual(['notify']);
  });
});
