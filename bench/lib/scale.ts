/**
 * Sizes of a bench run. `BENCH_SCALE=full` (the default) is the sizes and takes about
 * 12–15 minutes on a 2-core machine; `BENCH_SCALE=small` is a smoke run of two to three minutes. Single
 * sizes can be overridden by environment variables (documented in docs/performance.md).
 */
export interface Scale {
  name: 'full' | 'small';
  decisions: {
    /** Seconds each cell runs at 1, 10 and 50 concurrent approvers. */
    seconds: Record<1 | 10 | 50, number>;
    /** Applications prepared per cell: an upper bound of the decisions a cell can make. */
    perCell: Record<1 | 10 | 50, number>;
    /** Frames the "spread" cells decide against. */
    spreadFrames: number;
  };
  race: { attempts: number; fits: number; processes: number; connectionsPerProcess: number };
  deadlines: {
    count: number;
    perSecond: number;
    /** Seconds from the start of scheduling to the first due time. */
    leadSeconds: number;
    /** Seconds of firing measured from the first due time. */
    windowSeconds: number;
    /** Worker processes (src/worker.ts) that fire them. */
    workers: number;
  };
  lists: { applications: number; samples: number };
  drills: { workerDeadlines: number; apiDecisions: number };
  /** Visits of each page timed in the browser. */
  pages: { samples: number };
}

const FULL: Scale = {
  name: 'full',
  decisions: { seconds: { 1: 3, 10: 4, 50: 4 }, perCell: { 1: 600, 10: 2000, 50: 2000 }, spreadFrames: 100 },
  race: { attempts: 10_000, fits: 5_000, processes: 2, connectionsPerProcess: 25 },
  deadlines: { count: 100_000, perSecond: 500, leadSeconds: 120, windowSeconds: 30, workers: 1 },
  lists: { applications: 1_000_000, samples: 200 },
  drills: { workerDeadlines: 600, apiDecisions: 300 },
  pages: { samples: 40 },
};

const SMALL: Scale = {
  name: 'small',
  decisions: { seconds: { 1: 1, 10: 1, 50: 1 }, perCell: { 1: 200, 10: 500, 50: 500 }, spreadFrames: 100 },
  race: { attempts: 400, fits: 200, processes: 2, connectionsPerProcess: 25 },
  deadlines: { count: 2_000, perSecond: 500, leadSeconds: 8, windowSeconds: 4, workers: 1 },
  lists: { applications: 20_000, samples: 60 },
  drills: { workerDeadlines: 100, apiDecisions: 60 },
  pages: { samples: 10 },
};

function int(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}

export function scaleFromEnv(): Scale {
  const name = process.env.BENCH_SCALE ?? 'full';
  if (name !== 'full' && name !== 'small')
    throw new Error(`BENCH_SCALE must be full or small (got "${name}")`);
  const base = structuredClone(name === 'full' ? FULL : SMALL);
  const seconds = int('BENCH_DECISION_SECONDS');
  if (seconds) {
    base.decisions.seconds = { 1: seconds, 10: seconds, 50: seconds };
    base.decisions.perCell = { 1: seconds * 200, 10: seconds * 500, 50: seconds * 500 };
  }
  const attempts = int('BENCH_RACE_ATTEMPTS');
  if (attempts) base.race = { ...base.race, attempts, fits: Math.floor(attempts / 2) };
  base.deadlines.count = int('BENCH_DEADLINES') ?? base.deadlines.count;
  base.deadlines.perSecond = int('BENCH_DEADLINES_PER_SECOND') ?? base.deadlines.perSecond;
  base.deadlines.workers = int('BENCH_DEADLINE_WORKERS') ?? base.deadlines.workers;
  base.deadlines.leadSeconds = int('BENCH_DEADLINE_LEAD_SECONDS') ?? base.deadlines.leadSeconds;
  base.deadlines.windowSeconds = int('BENCH_DEADLINE_WINDOW_SECONDS') ?? base.deadlines.windowSeconds;
  base.lists.applications = int('BENCH_APPLICATIONS') ?? base.lists.applications;
  return base;
}

export const SECTIONS = ['decisions', 'race', 'deadlines', 'lists', 'drills', 'pages'] as const;
export type Section = (typeof SECTIONS)[number];

/** `BENCH_ONLY=decisions,lists` runs a subset. */
export function sectionsFromEnv(): Section[] {
  const only = process.env.BENCH_ONLY;
  if (!only) return [...SECTIONS];
  const wanted = only.split(',').map((s) => s.trim());
  const unknown = wanted.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length)
    throw new Error(`BENCH_ONLY: unknown sections ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
  return SECTIONS.filter((s) => wanted.includes(s));
}
