import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Verdict = 'pass' | 'FAIL' | 'info';

/** One line of the table: a figure of ours, the baseline measured in the same run, and the target. */
export interface ResultRow {
  section: string;
  what: string;
  ours: number | null;
  baseline: number | null;
  unit: string;
  /** ours / baseline, when both exist. */
  ratio: number | null;
  target: string;
  verdict: Verdict;
  note?: string;
}

export interface Target {
  text: string;
  /** Whether the row meets it (given ours, baseline and their ratio). */
  met(row: { ours: number | null; baseline: number | null; ratio: number | null }): boolean;
}

/** ours / baseline ≥ share (throughput: higher is better). */
export const ratioAtLeast = (share: number): Target => ({
  text: `≥ ${Math.round(share * 100)} % of baseline`,
  met: ({ ratio }) => ratio !== null && ratio >= share,
});

/** ours / baseline ≤ factor (time, memory: lower is better). */
export const ratioAtMost = (factor: number): Target => ({
  text: `≤ ${factor}× baseline`,
  met: ({ ratio }) => ratio !== null && ratio <= factor,
});

export const atMost = (limit: number, unit: string): Target => ({
  text: `≤ ${limit} ${unit}`,
  met: ({ ours }) => ours !== null && ours <= limit,
});

export const below = (limit: number, unit: string): Target => ({
  text: `< ${limit} ${unit}`,
  met: ({ ours }) => ours !== null && ours < limit,
});

export const exactly = (value: number, unit = ''): Target => ({
  text: `= ${value}${unit ? ` ${unit}` : ''}`,
  met: ({ ours }) => ours === value,
});

export const both = (a: Target, b: Target): Target => ({
  text: `${a.text} and ${b.text}`,
  met: (row) => a.met(row) && b.met(row),
});

/** Collects the rows of a run, prints them and writes them as JSON. */
export class Report {
  readonly rows: ResultRow[] = [];
  readonly details: Record<string, unknown> = {};
  readonly problems: string[] = [];

  add(
    section: string,
    what: string,
    figures: { ours: number | null; baseline?: number | null; unit: string; note?: string },
    target?: Target,
  ): ResultRow {
    const baseline = figures.baseline ?? null;
    const ours = figures.ours;
    const ratio =
      ours !== null &&
      baseline !== null &&
      baseline !== 0 &&
      Number.isFinite(ours) &&
      Number.isFinite(baseline)
        ? ours / baseline
        : null;
    const row: ResultRow = {
      section,
      what,
      ours: roundFigure(ours),
      baseline: roundFigure(baseline),
      unit: figures.unit,
      ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
      target: target?.text ?? '',
      verdict: target ? (target.met({ ours, baseline, ratio }) ? 'pass' : 'FAIL') : 'info',
      ...(figures.note ? { note: figures.note } : {}),
    };
    this.rows.push(row);
    process.stdout.write(`  ${formatRowInline(row)}\n`);
    return row;
  }

  detail(key: string, value: unknown): void {
    this.details[key] = value;
  }

  /** A section that could not run: recorded, and the run goes on. */
  problem(section: string, error: unknown): void {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.problems.push(`${section}: ${message}`);
    this.rows.push({
      section,
      what: 'section failed to run',
      ours: null,
      baseline: null,
      unit: '',
      ratio: null,
      target: 'runs',
      verdict: 'FAIL',
      note: (error instanceof Error ? error.message : String(error)).slice(0, 300),
    });
  }

  table(): string {
    const header = ['#', 'what', 'ours', 'baseline', 'ratio', 'target', 'verdict'];
    const lines = this.rows.map((r) => [
      r.section,
      r.what,
      formatValue(r.ours, r.unit),
      formatValue(r.baseline, r.unit),
      r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
      r.target,
      r.verdict,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' │ ');
    const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
    return [fmt(header), rule, ...lines.map(fmt)].join('\n');
  }

  /** The Markdown form of the table, for docs/performance.md. */
  markdown(): string {
    const esc = (s: string) => s.replace(/\|/g, '\\|');
    const lines = this.rows.map(
      (r) =>
        `| ${r.section} | ${esc(r.what)} | ${formatValue(r.ours, r.unit)} | ${formatValue(r.baseline, r.unit)} | ${
          r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`
        } | ${esc(r.target)} | ${r.verdict} |`,
    );
    return [
      '| # | what | ours | baseline | ratio | target | verdict |',
      '| - | ---- | ---: | -------: | ----: | ------ | ------- |',
      ...lines,
    ].join('\n');
  }

  /**
   * Writes the run as JSON (and the table as Markdown): `latest.json` and `latest.md` for a complete
   * full-size run, `latest-partial.*` for a smoke run or a subset, and a timestamped copy either way.
   */
  write(dir: string, meta: Record<string, unknown>, complete: boolean): string[] {
    mkdirSync(dir, { recursive: true });
    const body = JSON.stringify(
      { ...meta, rows: this.rows, details: this.details, problems: this.problems },
      null,
      2,
    );
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const latest = complete ? 'latest' : 'latest-partial';
    const files = [join(dir, `${latest}.json`), join(dir, `run-${stamp}.json`)];
    for (const file of files) writeFileSync(file, `${body}\n`);
    writeFileSync(join(dir, `${latest}.md`), `${this.markdown()}\n`);
    return files;
  }
}

function roundFigure(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return value === null ? null : value;
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '–';
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const text = Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : abs >= 10_000
      ? Math.round(value).toLocaleString('en-US')
      : abs >= 100
        ? value.toFixed(0)
        : abs >= 10
          ? value.toFixed(1)
          : abs >= 1
            ? value.toFixed(2)
            : value.toFixed(3);
  return unit ? `${text} ${unit}` : text;
}

function formatRowInline(r: ResultRow): string {
  const base = r.baseline === null ? '' : ` vs ${formatValue(r.baseline, r.unit)}`;
  const ratio = r.ratio === null ? '' : ` (${r.ratio.toFixed(2)}×)`;
  const target = r.target ? ` [${r.target}: ${r.verdict}]` : '';
  return `${r.section} ${r.what}: ${formatValue(r.ours, r.unit)}${base}${ratio}${target}${r.note ? ` — ${r.note}` : ''}`;
}
