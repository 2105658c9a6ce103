import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { INTERNAL_ERROR_ID, classifyFile, lintWithRules, normalizeSettings, type BallastSettings, type LintRequest } from '../../engine';
import type { DockerfileRule } from '../../engine/rule';
import { DocumentLinter } from '../../server/linting';

/** A rule with a bug, to see how the server reports rules that throw. */
const brokenRule: DockerfileRule = {
  meta: { id: 'dockerfile/test-broken', target: 'dockerfile', title: 'Broken', defaultSeverity: 'warning', description: '', references: [], fix: 'none', equivalents: {} },
  check() {
    throw new Error('boom');
  },
};

/** A rule that takes 30 ms on a file containing `slow`, as a rule might on a pathological input. */
const slowRule: DockerfileRule = {
  meta: { id: 'dockerfile/test-slow', target: 'dockerfile', title: 'Slow', defaultSeverity: 'warning', description: '', references: [], fix: 'none', equivalents: {} },
  check({ model, report }) {
    if (!model.text.includes('slow')) return;
    const start = performance.now();
    while (performance.now() - start < 30) {
      // busy
    }
    report({ message: 'found slowly', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } });
  },
};

/** The linter in process, with documents, settings and publishing the test controls. */
function setUp(settings: () => Promise<BallastSettings> = () => Promise.resolve(normalizeSettings({})), rules: DockerfileRule[] = [brokenRule]) {
  const documents = new Map<string, TextDocument>();
  const errors: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  const linter = new DocumentLinter({
    documents,
    settings: { forDocument: settings },
    logger: { log: () => undefined, error: (message) => errors.push(message) },
    targetOf: (document) => classifyFile(document.uri, { languageId: document.languageId }),
    lint: (request: LintRequest) => lintWithRules({ ...request, ruleTimeBudgetMs: 10 }, { dockerfile: rules }),
    publish: (params) => {
      published.push(params);
      for (const waiter of waiters.filter((w) => w.uri === params.uri)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    },
  });
  const nextPublish = (uri: string) => new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, resolve }));
  const open = (uri: string, text: string) => {
    documents.set(uri, TextDocument.create(uri, 'dockerfile', 1, text));
    linter.request(uri, 'open');
    return nextPublish(uri);
  };
  return { documents, errors, published, linter, nextPublish, open };
}

describe('document linter', () => {
  it('logs a failing rule once per server, while every lint still publishes the internal diagnostic', async () => {
    const { errors, open } = setUp();
    const first = await open('file:///a/Dockerfile', 'FROM node:22\n');
    const second = await open('file:///b/Dockerfile', 'FROM node:20\n');
    for (const params of [first, second]) {
      assert.deepEqual(
        params.diagnostics.map((d) => [d.code, d.message, d.codeDescription]),
        [[INTERNAL_ERROR_ID, 'Ballast rule dockerfile/test-broken failed on this file and was skipped: boom. The other rules ran normally.', undefined]],
      );
    }
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^Ballast: rule dockerfile\/test-broken failed and was skipped: Error: boom\n\s+at /);
  });

  it('pauses a rule that ran over its budget on a document until the document is reopened, and logs it once', async () => {
    const { documents, errors, linter, nextPublish, open } = setUp(undefined, [slowRule]);
    const uri = 'file:///slow/Dockerfile';
    const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((d) => [d.code, String(d.message).replace(/took [\d,]+ ms/, 'took N ms')]);
    assert.deepEqual(codes(await open(uri, 'FROM slow\n')), [
      [INTERNAL_ERROR_ID, 'Ballast rule dockerfile/test-slow took N ms on this file, over its budget of 10 ms. Its findings are shown; the other rules ran normally.'],
      ['dockerfile/test-slow', 'found slowly'],
    ]);
    TextDocument.update(documents.get(uri)!, [{ text: 'FROM slower\n' }], 2);
    linter.request(uri, 'change');
    assert.deepEqual(codes(await nextPublish(uri)), [
      [INTERNAL_ERROR_ID, 'Ballast rule dockerfile/test-slow is paused on this file: it took N ms here, over its budget of 10 ms. Reopen the file to run it again.'],
    ]);
    // Another document still runs the rule; reopening this one runs it again.
    assert.deepEqual(codes(await open('file:///other/Dockerfile', 'FROM fine\n')), []);
    const cleared = nextPublish(uri);
    linter.forget(uri);
    assert.deepEqual((await cleared).diagnostics, []);
    assert.equal(codes(await open(uri, 'FROM slow\n')).length, 2);
    assert.deepEqual(errors.map((e) => e.replace(/took [\d,]+ ms/, 'took N ms')), [
      'Ballast: rule dockerfile/test-slow took N ms on file:///slow/Dockerfile, over its budget of 10 ms; it is paused on that file until the file is reopened.',
    ]);
  });

  it('lints only the latest version when the document changed before its turn', async () => {
    const { documents, linter, published, nextPublish } = setUp();
    const uri = 'file:///c/Dockerfile';
    documents.set(uri, TextDocument.create(uri, 'dockerfile', 1, 'FROM a\n'));
    linter.request(uri, 'open');
    const document = documents.get(uri)!;
    TextDocument.update(document, [{ text: 'FROM b\n' }], 2);
    linter.request(uri, 'change');
    TextDocument.update(document, [{ text: 'FROM c\n' }], 3);
    linter.request(uri, 'change');
    assert.equal((await nextPublish(uri)).version, 3);
    await barrier(linter, documents, nextPublish);
    assert.deepEqual(published.filter((p) => p.uri === uri).map((p) => p.version), [3]);
  });

  it('drops a lint whose settings were fetched before they changed, and lints again with the new ones', async () => {
    let answer: ((settings: BallastSettings) => void) | undefined;
    const { documents, linter, published, nextPublish } = setUp(() => new Promise((resolve) => (answer = resolve)));
    const uri = 'file:///d/Dockerfile';
    documents.set(uri, TextDocument.create(uri, 'dockerfile', 1, 'FROM a\n'));
    linter.request(uri, 'open');
    await waitUntil(() => answer !== undefined);
    const stale = answer!;
    answer = undefined;
    linter.relintAll([uri]);
    stale(normalizeSettings({ enable: true }));
    await waitUntil(() => answer !== undefined);
    assert.deepEqual(published, [], 'nothing was published with the settings from before the change');
    const fresh = nextPublish(uri);
    answer!(normalizeSettings({ enable: true }));
    assert.equal((await fresh).version, 1);
    assert.equal(published.length, 1);
  });
});

/** Queues another document; the linter handles documents in order, so its publish means the earlier ones are done. */
function barrier(linter: DocumentLinter, documents: Map<string, TextDocument>, nextPublish: (uri: string) => Promise<PublishDiagnosticsParams>) {
  const uri = `file:///barrier/${documents.size}/Dockerfile`;
  documents.set(uri, TextDocument.create(uri, 'dockerfile', 1, 'FROM scratch\n'));
  const published = nextPublish(uri);
  linter.request(uri, 'open');
  return published;
}

/** Yields to the event loop until the linter has asked for settings; no timers involved. */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
