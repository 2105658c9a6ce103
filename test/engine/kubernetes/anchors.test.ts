import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node, YAMLMap } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../../engine/kubernetes/anchors';
import { parseKubernetes } from '../../../engine/kubernetes/model';

const text = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: web}',
  'spec:',
  '  containers:',
  '    - name: app',
  '      securityContext: &shared',
  '        capabilities: {add: [NET_ADMIN]}',
  '      ports: &lonely [{containerPort: 80}]',
  '    - name: sidecar',
  '      securityContext: *shared',
  '',
].join('\n');

describe('anchors and aliases', () => {
  const model = parseKubernetes(text);
  const document = model.objects[0]!.yaml.document;
  const [app, sidecar] = model.objects[0]!.podSpecs[0]!.containers;
  const securityContext = app!.node.get('securityContext') as YAMLMap;
  const capabilities = securityContext.get('capabilities') as YAMLMap;

  it('knows what lies inside an anchor that an alias repeats', () => {
    assert.equal(isRepeatedByAlias(document, securityContext), true);
    assert.equal(isRepeatedByAlias(document, capabilities.get('add') as Node), true);
  });

  it('leaves alone what no alias repeats, anchored or not', () => {
    assert.equal(isRepeatedByAlias(document, app!.node.get('ports') as Node), false);
    assert.equal(isRepeatedByAlias(document, app!.nameNode), false);
    assert.equal(isRepeatedByAlias(document, undefined), false);
  });

  it('finds the first alias on a path, and none on a path written out', () => {
    assert.equal(aliasOnPath(sidecar!.node, ['securityContext', 'capabilities', 'add'])?.source, 'shared');
    assert.equal(aliasOnPath(app!.node, ['securityContext', 'capabilities', 'add']), undefined);
    assert.equal(aliasOnPath(app!.node, ['securityContext', 'missing', 'add']), undefined);
  });
});
