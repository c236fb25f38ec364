import * as transitionModule from '../../libs/engine/src/transition';

/**
 * Times the engine's work inside real decisions: the service calls `checkEvent`, `transition`,
 * `describeState` and `allowedEvents` of `@lib/engine` (each restores the stored snapshot with
 * XState's `resolveState`; `transition` runs XState's pure transition and round-trips the new
 * snapshot through JSON). The module's exports are wrapped for the duration of a measurement
 * (CommonJS: the index re-exports them through getters, so callers see the wrappers).
 */
export class MachineTimer {
  totalMs = 0;
  calls = 0;
  private readonly originals = new Map<string, unknown>();

  install(): void {
    const exportsObject = transitionModule as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of ['checkEvent', 'transition', 'describeState', 'allowedEvents']) {
      const original = exportsObject[name];
      if (typeof original !== 'function') throw new Error(`@lib/engine has no ${name}`);
      this.originals.set(name, original);
      exportsObject[name] = (...args: unknown[]) => {
        const t = process.hrtime.bigint();
        try {
          return original(...args);
        } finally {
          this.totalMs += Number(process.hrtime.bigint() - t) / 1e6;
          this.calls++;
        }
      };
    }
  }

  uninstall(): void {
    const exportsObject = transitionModule as unknown as Record<string, unknown>;
    for (const [name, original] of this.originals) exportsObject[name] = original;
    this.originals.clear();
  }

  reset(): void {
    this.totalMs = 0;
    this.calls = 0;
  }
}

/** JSON (de)serialisation of a stored snapshot as the driver and TypeORM do it, per call, in ms. */
export function snapshotJsonCostMs(
  snapshotText: string,
  iterations = 2000,
): { parse: number; stringify: number } {
  let parsed: unknown = null;
  for (let i = 0; i < 200; i++) parsed = JSON.parse(snapshotText);
  let t = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) parsed = JSON.parse(snapshotText);
  const parse = Number(process.hrtime.bigint() - t) / 1e6 / iterations;
  let length = 0;
  t = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) length += JSON.stringify(parsed).length;
  const stringify = Number(process.hrtime.bigint() - t) / 1e6 / iterations;
  if (length === 0) throw new Error('unreachable');
  return { parse, stringify };
}
