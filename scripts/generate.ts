// Writes the files derived from rule metadata and settings (see generated.ts).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT, generatedFiles } from './generated';

const files = generatedFiles();
for (const [path, content] of files) {
  mkdirSync(dirname(join(ROOT, path)), { recursive: true });
  writeFileSync(join(ROOT, path), content);
}
// Docs of rules that no longer exist would mislead: remove them.
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const file of walk(join(ROOT, 'docs', 'rules'))) {
  const path = relative(ROOT, file).split('\\').join('/');
  if (!files.has(path)) rmSync(file);
}
console.log(`Wrote ${files.size} files.`);
