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

/** The linter in process, with documents, settings and publishing the test controls. */
function setUp(settings: () => Promise<BallastSettings> = () => Promise.resolve(normalizeSettings({}))) {
  const documents = new Map<string, TextDocument>();
  const errors: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  const linter = new DocumentLinter({
    documents,
    settings: { forDocument: settings },
    logger: { log: () => undefined, error: (message) => errors.push(message) },
    targetOf: (document) => classifyFile(document.uri, { languageId: document.languageId }),
    lint: (request: LintRequest) => lintWithRules(request, { dockerfile: [brokenRule] }),
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
