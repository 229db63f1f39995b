import { defineConfig, type Options } from 'tsup';

const common: Options = {
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  splitting: false,
  // the two configs below build in parallel, so `clean` would race: the build script runs `rm -rf dist` first
  clean: false,
  // tsup 8 strips `node:` from built-in imports by default; keep it
  removeNodeProtocol: false,
  // .d.ts for the ESM config, .d.cts for the CJS config; the CLI has no public types
  dts: { entry: { index: 'src/index.ts' } },
};

export default defineConfig([
  // ESM library + CLI (bin); dependencies stay external
  // the worker scripts sit next to the bundles (dist/workers/), found from `import.meta.url`
  {
    ...common,
    entry: { index: 'src/index.ts', cli: 'src/cli.ts', 'workers/community-nulls': 'src/workers/community-nulls.ts' },
    format: ['esm'],
  },
  // CJS library: inline the ESM-only d3-array (and its dep internmap) so that require() works
  // where require(esm) is unavailable (Jest's module runtime, Node < 20.19)
  // (`shims` gives it `import.meta.url`, from which the ESM worker scripts are found)
  {
    ...common,
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    noExternal: ['d3-array', 'internmap'],
    shims: true,
  },
]);
