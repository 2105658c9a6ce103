import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { fingerprintFindings } from '../../cli/fingerprint';
import { FINGERPRINT_KEY, toSarifLog } from '../../cli/format/sarif';
import type { ScanResult } from '../../cli/scan';
import { listRules, type Finding, type RuleMeta } from '../../engine';
import { version } from '../../package.json';
import { REFERENCE_RULES, ROOT, ROOT_RULE, TAG_RULE, buildCli, copyFixtureProject, removeDirectory, runCli } from './cliHarness';

/** The OASIS SARIF 2.1.0 schema (errata 01), a draft-04 JSON schema. */
const schema = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function assertValidSarif(log: unknown): asserts log is Sarif.Log {
  const valid = validateSarif(log);
  assert.ok(valid, JSON.stringify(validateSarif.errors, null, 2));
}

/** What GitHub code scanning needs to turn a result into an alert with a rule page. */
function assertGitHubReady(log: Sarif.Log): void {
  const run = log.runs[0]!;
  assert.equal(run.tool.driver.name, 'Ballast');
  const rules = run.tool.driver.rules ?? [];
  for (const rule of rules) {
    assert.ok(rule.id, 'rule id');
    assert.ok(rule.shortDescription?.text, `${rule.id} shortDescription`);
    assert.ok(rule.fullDescription?.text, `${rule.id} fullDescription`);
    assert.ok(rule.help?.markdown && rule.help.text, `${rule.id} help`);
    assert.match(String(rule.properties?.['security-severity']), /^\d+\.\d$/, `${rule.id} security-severity`);
  }
  for (const result of run.results ?? []) {
    assert.ok(result.message.text, 'message.text');
    assert.equal(rules[result.ruleIndex!]?.id, result.ruleId, 'ruleIndex points at the rule');
    const location = result.locations?.[0]?.physicalLocation;
    assert.ok(location?.artifactLocation?.uri, 'artifactLocation.uri');
    assert.ok(location?.region?.startLine, 'region.startLine');
    assert.ok(result.partialFingerprints?.[FINGERPRINT_KEY], 'partialFingerprints');
  }
}

function scanSarif(cwd: string, ...args: string[]): Sarif.Log {
  const run = runCli(['scan', '--format', 'sarif', ...args], cwd);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout) as Sarif.Log;
}

function lineHash(ruleId: string, lineText: string, occurrence: number): string {
  return `${createHash('sha256').update(`${ruleId}\u0000${lineText}`).digest('hex').slice(0, 32)}:${occurrence}`;
}

describe('ballast scan --format sarif', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
  });
  after(() => removeDirectory(project));

  it('is valid SARIF 2.1.0 with everything GitHub code scanning reads, with every rule on', () => {
    const log = scanSarif(project);
    assertValidSarif(log);
    assertGitHubReady(log);
  });

  it('describes the run: tool, every rule, column unit and source root', () => {
    const log = scanSarif(project, ...REFERENCE_RULES);
    assert.equal(log.$schema, 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.version, version);
    assert.equal(run.tool.driver.semanticVersion, version);
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(project).href}/` } });
    assert.deepEqual(
      run.tool.driver.rules?.map((rule) => rule.id),
      listRules().map((rule) => rule.id),
      'every rule, also those turned off, so rule indexes are stable',
    );
  });

  it('gives each rule its descriptions, help, default level and GitHub properties', () => {
    const rules = scanSarif(project).runs[0]!.tool.driver.rules!;
    const levels = { error: 'error', warning: 'warning', info: 'note' } as const;
    const scores = { error: '8.0', warning: '5.0', info: '2.0' } as const;
    for (const [index, meta] of listRules().entries()) {
      const rule = rules[index]!;
      assert.equal(rule.shortDescription?.text, meta.title);
      assert.ok(rule.help?.markdown?.startsWith(meta.description.trim()), `${meta.id} help starts with the description`);
      for (const reference of meta.references) assert.ok(rule.help?.markdown?.includes(`[${reference.title}](${reference.url})`), reference.url);
      assert.deepEqual(rule.defaultConfiguration, { enabled: meta.enabledByDefault !== false, level: levels[meta.defaultSeverity] });
      assert.deepEqual(rule.properties, { tags: ['security', meta.target], 'security-severity': scores[meta.defaultSeverity], precision: 'high' });
    }
    const rootUser = rules.find((rule) => rule.id === ROOT_RULE)!;
    assert.equal(rootUser.name, 'DockerfileNoRootUser');
    assert.equal(
      rootUser.fullDescription?.text,
      'A container whose final stage has no `USER`, or whose last `USER` is `root` or UID 0, runs its process as root. ' +
        'Anyone who breaks into that process is root inside the container, one kernel bug or one mounted socket away from root on the node. ' +
        'Builder stages may run as root: only the final stage decides who the container runs as. ' +
        'Images built `FROM scratch` have no user database and are exempt from the "no USER" half of this rule.\n\n' +
        "Use a numeric UID (Kubernetes' `runAsNonRoot` can only verify numbers), created in the image if the program needs a home directory.",
    );
    assert.ok(rootUser.help?.markdown?.includes('Equivalent checks: hadolint DL3002; trivy DS-0002; checkov CKV_DOCKER_3, CKV_DOCKER_8.'));
  });

  it('reports each finding with its rule, level, message, 1-based region and fingerprint', () => {
    const log = scanSarif(project, ...REFERENCE_RULES);
    const ruleIndex = (id: string) => listRules().findIndex((rule) => rule.id === id);
    const location = (uri: string, region: Sarif.Region) => [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }];
    assert.deepEqual(log.runs[0]!.results, [
      {
        ruleId: TAG_RULE,
        ruleIndex: ruleIndex(TAG_RULE),
        level: 'warning',
        message: { text: 'Base image node:latest uses the latest tag. Pin a version tag.' },
        locations: location('Dockerfile', { startLine: 1, startColumn: 11, endLine: 1, endColumn: 17 }),
        partialFingerprints: { [FINGERPRINT_KEY]: lineHash(TAG_RULE, 'FROM node:latest', 1) },
      },
      {
        ruleId: ROOT_RULE,
        ruleIndex: ruleIndex(ROOT_RULE),
        level: 'warning',
        message: { text: 'The final stage runs as root (USER root). Switch to a non-root user.' },
        locations: location('Dockerfile', { startLine: 4, startColumn: 6, endLine: 4, endColumn: 10 }),
        partialFingerprints: { [FINGERPRINT_KEY]: lineHash(ROOT_RULE, 'USER root', 1) },
      },
      {
        ruleId: TAG_RULE,
        ruleIndex: ruleIndex(TAG_RULE),
        level: 'warning',
        message: { text: 'Base image python has no tag, so it means latest. Pin a version tag.' },
        locations: location('services/api/Dockerfile', { startLine: 1, startColumn: 6, endLine: 1, endColumn: 12 }),
        partialFingerprints: { [FINGERPRINT_KEY]: lineHash(TAG_RULE, 'FROM python', 1) },
      },
    ]);
    assert.equal(log.runs[0]!.invocations?.[0]?.executionSuccessful, true);
    assert.equal(log.runs[0]!.invocations?.[0]?.toolExecutionNotifications, undefined);
  });

  it('keeps fingerprints when lines move, and tells identical lines apart by occurrence', () => {
    const directory = path.join(project, 'moving');
    mkdirSync(directory);
    const file = path.join(directory, 'Dockerfile');
    const fingerprints = () =>
      scanSarif(project, 'moving', ...REFERENCE_RULES, '--rule', `${ROOT_RULE}=off`).runs[0]!.results!.map((result) => result.partialFingerprints?.[FINGERPRINT_KEY]);

    writeFileSync(file, 'FROM node:latest AS build\nFROM node:latest AS build\nFROM python:latest\n');
    const before = fingerprints();
    assert.deepEqual(before, [
      lineHash(TAG_RULE, 'FROM node:latest AS build', 1),
      lineHash(TAG_RULE, 'FROM node:latest AS build', 2),
      lineHash(TAG_RULE, 'FROM python:latest', 1),
    ]);

    writeFileSync(file, '# syntax=docker/dockerfile:1\n\nFROM node:latest AS build\n\n  FROM node:latest AS build\nFROM python:latest\n');
    assert.deepEqual(fingerprints(), before);
  });

  it('encodes artifact URIs and records --rule overrides on the invocation', () => {
    mkdirSync(path.join(project, 'my app'));
    writeFileSync(path.join(project, 'my app', 'Dockerfile'), 'FROM node:latest\nUSER 10001\n');
    const log = scanSarif(project, 'my app', ...REFERENCE_RULES, '--rule', `${TAG_RULE}=error`);
    assertValidSarif(log);
    const run = log.runs[0]!;
    assert.equal(run.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'my%20app/Dockerfile');
    assert.equal(run.results?.[0]?.level, 'error');
    const overrides = run.invocations?.[0]?.ruleConfigurationOverrides ?? [];
    assert.deepEqual(
      overrides.find((override) => override.descriptor.id === TAG_RULE),
      { descriptor: { id: TAG_RULE, index: listRules().findIndex((rule) => rule.id === TAG_RULE) }, configuration: { enabled: true, level: 'error' } },
    );
    assert.deepEqual(
      overrides.find((override) => override.descriptor.id === ROOT_RULE),
      undefined,
      'rules left at their default are not overrides',
    );
    assert.equal(overrides.length, REFERENCE_RULES.length / 2 + 1, 'one override per --rule');
  });

  it('reports a file it could not analyse as a tool notification, not a result', () => {
    mkdirSync(path.join(project, 'binary'));
    writeFileSync(path.join(project, 'binary', 'Dockerfile'), Buffer.from([0x46, 0x00, 0x0a]));
    const log = scanSarif(project, 'binary');
    assertValidSarif(log);
    const run = log.runs[0]!;
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            descriptor: { id: 'ballast/file-error' },
            message: { text: 'This file looks binary (it contains NUL or other control characters), so Ballast did not analyse it.' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'binary/Dockerfile', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });
});

describe('SARIF formatter', () => {
  const rule: RuleMeta = {
    id: 'dockerfile/example-rule',
    target: 'dockerfile',
    title: 'Example rule',
    defaultSeverity: 'info',
    description: 'Why it matters.\n\nBad:\n```dockerfile\nFROM a\n```\n\nGood:\n```dockerfile\nFROM b\n```',
    references: [{ title: 'Example reference', url: 'https://example.com/reference' }],
    fix: 'safe',
    equivalents: {},
  };
  const finding = (overrides: Partial<Finding>): Finding => ({
    ruleId: rule.id,
    severity: 'info',
    message: 'Example message.',
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
    fixes: [],
    ...overrides,
  });
  const scan = (findings: Finding[]): ScanResult => ({
    files: [{ path: 'Dockerfile', kind: 'dockerfile', findings, fingerprints: fingerprintFindings('FROM a\nADD x /x\n', findings) }],
    walkErrors: [],
  });
  const options = { toolVersion: '1.2.3', rules: [rule], ruleOverrides: {}, cwd: '/work/project' };

  it('carries safe fixes as replacements, and leaves suggestions out', () => {
    const log = toSarifLog(
      scan([
        finding({
          fixes: [
            { title: 'Use COPY', kind: 'safe', edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, newText: 'COPY' }] },
            { title: 'Remove the source', kind: 'safe', edits: [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } }, newText: '' }] },
            { title: 'Change behaviour', kind: 'suggestion', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'X' }] },
          ],
        }),
      ]),
      options,
    );
    assertValidSarif(log);
    const artifactLocation = { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' };
    assert.deepEqual(log.runs[0]!.results![0]!.fixes, [
      {
        description: { text: 'Use COPY' },
        artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 4 }, insertedContent: { text: 'COPY' } }] }],
      },
      {
        description: { text: 'Remove the source' },
        artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 7 } }] }],
      },
    ]);
    assert.deepEqual(log.runs[0]!.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/project/' } });
  });

  it('turns findings of ids that are not rules (Ballast reporting on itself) into notifications', () => {
    const log = toSarifLog(
      scan([
        finding({}),
        finding({ ruleId: 'ballast/unknown-rule', severity: 'warning', message: 'No rule is called dockerfile/no-rot-user.', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } } }),
      ]),
      options,
    );
    assertValidSarif(log);
    const run = log.runs[0]!;
    assert.deepEqual(
      run.results?.map((result) => [result.ruleId, result.level]),
      [[rule.id, 'note']],
    );
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            descriptor: { id: 'ballast/unknown-rule' },
            message: { text: 'No rule is called dockerfile/no-rot-user.' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 1, startColumn: 3, endLine: 1, endColumn: 6 },
                },
              },
            ],
          },
        ],
      },
    ]);
  });

  it('builds help from the description, equivalents and references', () => {
    const descriptor = toSarifLog(scan([]), options).runs[0]!.tool.driver.rules![0]!;
    assert.deepEqual(descriptor, {
      id: 'dockerfile/example-rule',
      name: 'DockerfileExampleRule',
      shortDescription: { text: 'Example rule' },
      fullDescription: { text: 'Why it matters.' },
      help: {
        text: `${rule.description}\n\nReferences:\n- Example reference: https://example.com/reference`,
        markdown: `${rule.description}\n\nReferences:\n- [Example reference](https://example.com/reference)`,
      },
      defaultConfiguration: { enabled: true, level: 'note' },
      properties: { tags: ['security', 'dockerfile'], 'security-severity': '2.0', precision: 'high' },
    });
  });
});
