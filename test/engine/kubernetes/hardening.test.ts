import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { applyEdits, lint } from '../../../engine';
import { hardenContainer } from '../../../engine/kubernetes/hardening';
import { parseKubernetes } from '../../../engine/kubernetes/model';

const pod = (podLines: string, containerLines: string) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...(podLines ? podLines.split('\n') : []), '  containers:', '    - name: app', '      image: nginx:1.27', ...(containerLines ? containerLines.split('\n') : []), ''].join('\n');

/** The rules whose container findings the hardening fix must clear. */
const RESTRICTED_CONTAINER_RULES = ['kubernetes/allow-privilege-escalation', 'kubernetes/run-as-non-root', 'kubernetes/seccomp-profile-missing', 'kubernetes/capabilities-restricted', 'kubernetes/privileged-container'];

/** Hardens the first container and returns the text, checking that it parses. */
function harden(text: string): string | undefined {
  const model = parseKubernetes(text);
  const container = model.objects[0]!.podSpecs[0]!.containers[0]!;
  const fix = hardenContainer(model, container);
  if (!fix) return undefined;
  assert.equal(fix.kind, 'suggestion');
  const result = applyEdits(text, fix.edits);
  assert.deepEqual(parseDocument(result).errors, [], `parses:\n${result}`);
  return result;
}

function restrictedFindings(text: string): string[] {
  return lint({ text, kind: 'kubernetes' })
    .findings.filter((f) => RESTRICTED_CONTAINER_RULES.includes(f.ruleId))
    .map((f) => f.ruleId);
}

describe('hardening a container to the restricted profile', () => {
  it('writes a whole securityContext in one insertion and leaves nothing for the restricted rules', () => {
    const result = harden(pod('', ''))!;
    assert.equal(
      result,
      pod('', '      securityContext:\n        allowPrivilegeEscalation: false\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault\n        capabilities:\n          drop: [ALL]'),
    );
    assert.deepEqual(restrictedFindings(result), []);
  });

  it('replaces wrong values, turns privileged off and keeps what is right and every comment', () => {
    const text = pod(
      '',
      '      securityContext: # hardened by hand\n        privileged: true # was needed for ping\n        runAsNonRoot: false\n        seccompProfile: {type: Unconfined}\n        readOnlyRootFilesystem: true\n        capabilities:\n          add: [NET_BIND_SERVICE]',
    );
    const result = harden(text)!;
    assert.equal(
      result,
      pod(
        '',
        '      securityContext: # hardened by hand\n        privileged: false # was needed for ping\n        runAsNonRoot: true\n        seccompProfile: {type: RuntimeDefault}\n        readOnlyRootFilesystem: true\n        capabilities:\n          add: [NET_BIND_SERVICE]\n          drop: [ALL]\n        allowPrivilegeEscalation: false',
      ),
    );
    assert.deepEqual(restrictedFindings(result), []);
  });

  it('relies on what the pod sets for every container, and on a user namespace', () => {
    const inherited = pod('  hostUsers: false\n  securityContext:\n    seccompProfile: {type: RuntimeDefault}', '      securityContext: {allowPrivilegeEscalation: false}');
    const result = harden(inherited)!;
    assert.equal(result, pod('  hostUsers: false\n  securityContext:\n    seccompProfile: {type: RuntimeDefault}', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}'));
    assert.deepEqual(restrictedFindings(result), []);
  });

  it('has nothing to offer a hardened container, a Windows pod, or one adding CAP_SYS_ADMIN', () => {
    const hardened = pod('  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}', '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}');
    assert.deepEqual(restrictedFindings(hardened), []);
    assert.equal(harden(hardened), undefined);
    assert.equal(harden(pod('  os: {name: windows}', '')), undefined);
    assert.equal(harden(pod('', '      securityContext:\n        capabilities: {add: [CAP_SYS_ADMIN]}')), undefined);
  });

  it('edits no anchor that an alias repeats', () => {
    const shared = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext: &sc {runAsNonRoot: true}\n    - name: side\n      image: envoy:1.31\n      securityContext: *sc\n';
    assert.equal(harden(shared), undefined);
  });
});
