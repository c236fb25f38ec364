// The first load's JavaScript, gzipped: the entry chunk and every chunk it imports statically (what
// the browser fetches before the first page shows), from the build's manifest. Fails over the budget.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for the first load: 300 kB of gzipped JavaScript. */
export const FIRST_LOAD_BUDGET_BYTES = 300_000;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export function firstLoadJavaScript(webDist: string): { files: string[]; gzipBytes: number; bytes: number } {
  const manifestPath = join(webDist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build the web app first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .forEach(([key]) => visit(key));
  const files = [...seen].filter((file) => file.endsWith('.js')).sort();
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(webDist, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, gzipBytes, bytes };
}

if (require.main === module) {
  const { files, gzipBytes, bytes } = firstLoadJavaScript(join(__dirname, '..', 'dist', 'web'));
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  process.stdout.write(
    `First load JavaScript: ${kb(gzipBytes)} gzipped (${kb(bytes)} minified) in ${files.length} file(s); ` +
      `budget ${kb(FIRST_LOAD_BUDGET_BYTES)}\n`,
  );
  if (gzipBytes > FIRST_LOAD_BUDGET_BYTES) {
    process.stderr.write('The first load is over its budget: split a route out with a lazy import.\n');
    process.exit(1);
  }
}
