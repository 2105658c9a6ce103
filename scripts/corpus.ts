/**
 * `npm run corpus`: lints a body of real files that Ballast's authors did not write, the
 * Dockerfiles, manifests and Helm charts inside the npm packages pinned in
 * test/corpus/packages.json, and fails on any crash or on any YAML syntax error that an
 * independent parser does not confirm. Tarballs are downloaded once into .cache/corpus.
 *
 * `npm run corpus -- <list.json>` runs another list.
 */
import * as path from 'node:path';
import { readPackageList } from './corpus/packageList';
import { formatCorpusReport } from './corpus/report';
import { runCorpus } from './corpus/run';

const ROOT = path.join(__dirname, '..');
const listFile = path.resolve(process.argv[2] ?? path.join(ROOT, 'test', 'corpus', 'packages.json'));
const report = runCorpus({ list: readPackageList(listFile), cacheDir: path.join(ROOT, '.cache', 'corpus'), root: ROOT });
process.stdout.write(formatCorpusReport(report));
process.exitCode = report.ok ? 0 : 1;
