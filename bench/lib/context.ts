import type { BenchEnvironment } from './bench-env';
import type { Report } from './report';
import type { Scale } from './scale';

/** What every section gets: the run's database and Redis prefix, its sizes, and the report. */
export interface SuiteContext {
  env: BenchEnvironment;
  scale: Scale;
  report: Report;
  log(message: string): void;
}
