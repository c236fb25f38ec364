import { Session } from 'node:inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** Where a CPU sample's time goes: the package or part of this repository that owns the frame. */
function category(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)' || functionName === '(program)') return functionName;
    // The inspector session's own work (starting and stopping the profiler), not the program's.
    if (functionName === 'dispatch') return '(profiler)';
    if (/^write(v|Buffer|Utf8String|Latin1String)?$/.test(functionName)) return 'socket writes (syscalls)';
    return 'node internals';
  }
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) {
    const name = modules[1];
    if (name === 'typeorm') return 'typeorm';
    if (name === 'pg' || name.startsWith('pg-')) return 'pg driver';
    if (name === 'xstate') return 'xstate';
    if (name.startsWith('@nestjs')) return 'nest';
    if (name === 'class-validator' || name === 'class-transformer') return 'class-validator/transformer';
    if (name === 'pino' || name === 'pino-http' || name === 'nestjs-pino') return 'logging (pino)';
    if (name === 'express' || name === 'body-parser' || name === 'helmet' || name === 'router')
      return 'express';
    if (name === 'ts-node' || name === 'typescript' || name === 'source-map-support') return 'ts-node';
    return `other packages (${name})`;
  }
  if (url.startsWith('node:')) return 'node internals';
  const repo = /\/(libs\/[^/]+|src\/[^/]+|bench)\//.exec(url);
  if (repo) return repo[1];
  return 'other';
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time per category, largest first, in ms and as a share of the non-idle time. */
  categories: Array<{ category: string; ms: number; share: number }>;
  /** The functions with the most self time. */
  functions: Array<{ fn: string; ms: number }>;
}

/** Samples this process's CPU while `operation` runs (the V8 profiler through node:inspector). */
export async function profile<T>(
  operation: () => Promise<T>,
): Promise<{ result: T; summary: ProfileSummary }> {
  const session = new Session();
  session.connect();
  const post = <R>(method: string, params?: object) =>
    new Promise<R>((resolve, reject) =>
      session.post(method, params ?? {}, (error, value) => (error ? reject(error) : resolve(value as R))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  let result: T;
  let cpu: CpuProfile;
  try {
    result = await operation();
  } finally {
    cpu = (await post<{ profile: CpuProfile }>('Profiler.stop')).profile;
    session.disconnect();
  }
  return { result, summary: summariseProfile(cpu) };
}

/** Not the program's CPU: waiting, V8's bookkeeping, and the profiler itself. */
const IDLE = new Set(['(idle)', '(program)', '(profiler)']);

function summariseProfile(cpu: CpuProfile): ProfileSummary {
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = cpu.samples ?? [];
  const deltas = cpu.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++)
    self.set(samples[i], (self.get(samples[i]) ?? 0) + (deltas[i] ?? 0) / 1000);
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const cat = category(node.callFrame.url, node.callFrame.functionName);
    categories.set(cat, (categories.get(cat) ?? 0) + ms);
    if (!IDLE.has(cat)) busy += ms;
    const where = node.callFrame.url.replace(/^.*\/(node_modules\/|work\/main\/)/, '');
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    totalMs: round((cpu.endTime - cpu.startTime) / 1000),
    categories: [...categories]
      .sort((a, b) => b[1] - a[1])
      .map(([c, ms]) => ({ category: c, ms: round(ms), share: IDLE.has(c) ? 0 : round((ms / busy) * 100) })),
    functions: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([fn, ms]) => ({ fn, ms: round(ms) })),
  };
}
