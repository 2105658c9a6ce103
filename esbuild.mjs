// Bundles the extension client, the language server (and its scan worker) and the CLI. One script, four entry points.
import { chmodSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.js' },
  // The workspace scan's worker threads: the server starts them from dist/scanWorker.js.
  { ...common, entryPoints: ['server/scanWorker.ts'], outfile: 'dist/scanWorker.js' },
  { ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const build of builds) await (await esbuild.context(build)).watch();
} else {
  await Promise.all(builds.map((build) => esbuild.build(build)));
  // `bin.ballast` points at the CLI bundle: it must be executable for `npx ballast` to run it.
  chmodSync('dist/cli.js', 0o755);
}
