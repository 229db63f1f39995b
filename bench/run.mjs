// Runs every benchmark under bench/ (files named *.bench.mjs), in name order, against the BUILT package.
//   node bench/run.mjs            full sizes (slow; writes tables to bench/results/)
//   node bench/run.mjs --dry      tiny sizes: checks that every benchmark still runs (CI)
//   node bench/run.mjs ingest     only benchmarks whose file name contains "ingest"
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, '..', 'dist', 'index.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}
const args = process.argv.slice(2);
const dry = args.includes('--dry');
const filters = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('bench: no benchmark matched');
  process.exit(1);
}
let failed = 0;
for (const f of files) {
  console.log(`\n--- ${f}${dry ? ' (dry run)' : ''} ---`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, f), ...(dry ? ['--dry'] : [])], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error(`bench: ${f} failed (exit ${r.status})`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
