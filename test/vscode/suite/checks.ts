// The end-to-end scenarios, checked through the VS Code API inside a desktop VS Code's extension
// host: diagnostics, hover, quick fixes, fix-all and settings. Each waits for the editor's events.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const TIMEOUT_MS = 30_000;

export interface Check {
  name: string;
  run(): Promise<void>;
}

function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('VS Code was started without the fixture workspace');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

async function open(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(document);
}

function ballastDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Ballast');
}

function ruleId(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Resolves with the Ballast diagnostics of `uri` once they satisfy `accept`, waiting for changes. */
async function diagnosticsWhen(uri: vscode.Uri, description: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const now = ballastDiagnostics(uri);
  if (accept(now)) return now;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for ${description}; last: ${JSON.stringify(ballastDiagnostics(uri).map(ruleId))}`));
    }, TIMEOUT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = ballastDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

function hasRule(id: string) {
  return (diagnostics: vscode.Diagnostic[]) => diagnostics.some((diagnostic) => ruleId(diagnostic) === id);
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
}

export const checks: Check[] = [
  {
    name: 'FROM node:latest and USER root are reported on their tokens with source Ballast and the rule ids',
    async run() {
      const { document } = await open('diagnostics/Dockerfile');
      const diagnostics = await diagnosticsWhen(document.uri, 'both findings', (found) => hasRule('dockerfile/image-tag-latest')(found) && hasRule('dockerfile/no-root-user')(found));
      const byRule = new Map(diagnostics.map((diagnostic) => [ruleId(diagnostic), diagnostic]));
      assert.equal(document.getText(byRule.get('dockerfile/image-tag-latest')?.range), 'latest');
      assert.equal(document.getText(byRule.get('dockerfile/no-root-user')?.range), 'root');
      assert.equal(byRule.get('dockerfile/no-root-user')?.severity, vscode.DiagnosticSeverity.Warning);
    },
  },
  {
    name: 'the hover on a finding names and explains the rule',
    async run() {
      const { document } = await open('diagnostics/Dockerfile');
      await diagnosticsWhen(document.uri, 'the latest finding', hasRule('dockerfile/image-tag-latest'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 12));
      const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      assert.match(text, /\*\*Base image is untagged or uses latest\*\* `dockerfile\/image-tag-latest`/);
    },
  },
  {
    name: 'the quick fix replaces ADD with COPY and the finding goes',
    async run() {
      const { document } = await open('quick-fix/Dockerfile');
      const diagnostics = await diagnosticsWhen(document.uri, 'the prefer-copy finding', hasRule('dockerfile/prefer-copy'));
      const finding = diagnostics.find((diagnostic) => ruleId(diagnostic) === 'dockerfile/prefer-copy');
      assert.ok(finding);
      const actions = await quickFixes(document.uri, finding.range);
      assert.deepEqual(
        actions.map((action) => action.title),
        ['Replace ADD with COPY', 'Disable dockerfile/prefer-copy for this line', 'Disable dockerfile/prefer-copy for this file', 'Show documentation for dockerfile/prefer-copy'],
      );
      const fix = actions[0]?.edit;
      assert.ok(fix);
      assert.ok(await vscode.workspace.applyEdit(fix));
      assert.equal(document.getText(), 'FROM node:22-slim\nCOPY app.py /app/\nUSER root\n');
      await diagnosticsWhen(document.uri, 'the prefer-copy finding to go', (found) => !hasRule('dockerfile/prefer-copy')(found));
    },
  },
  {
    name: 'Ballast: Fix all auto-fixable problems applies the safe fixes only',
    async run() {
      const { document } = await open('fix-all/Dockerfile');
      await diagnosticsWhen(document.uri, 'the prefer-copy findings', hasRule('dockerfile/prefer-copy'));
      const changed = new Promise<void>((resolve) => {
        const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
          if (event.document !== document) return;
          subscription.dispose();
          resolve();
        });
      });
      await vscode.commands.executeCommand('ballast.fixAll');
      await changed;
      assert.equal(document.getText(), 'FROM node:22-slim\nCOPY app.py /app/\nCOPY package.json /app/\nUSER root\n');
    },
  },
  {
    name: 'turning a rule off in ballast.rules removes its findings from the open document',
    async run() {
      const { document } = await open('settings/Dockerfile');
      await diagnosticsWhen(document.uri, 'the latest finding', hasRule('dockerfile/image-tag-latest'));
      const ballast = vscode.workspace.getConfiguration('ballast', document.uri);
      await ballast.update('rules', { 'dockerfile/image-tag-latest': 'off' }, vscode.ConfigurationTarget.Workspace);
      try {
        const after = await diagnosticsWhen(document.uri, 'the latest finding to go', (found) => !hasRule('dockerfile/image-tag-latest')(found));
        assert.ok(hasRule('dockerfile/no-root-user')(after), 'other rules still report');
      } finally {
        await ballast.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
    },
  },
];
