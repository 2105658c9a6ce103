import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, type YAMLMap } from 'yaml';
import { applyEdits } from '../../../engine';
import { parseKubernetes, type Container } from '../../../engine/kubernetes/model';
import { YamlEditor } from '../../../engine/kubernetes/yamlEdits';
import { parseHelmValues } from '../../../engine/helm/values';

/** Edits the first container of the first object, returns the new text, and checks it parses. */
function editContainer(text: string, change: (editor: YamlEditor, container: Container) => ReturnType<YamlEditor['set']>): string {
  const model = parseKubernetes(text);
  const container = model.objects.find((o) => o.podSpecs.length > 0)!.podSpecs[0]!.containers[0]!;
  const edit = change(new YamlEditor(model, container.podSpec.object.yaml), container);
  assert.ok(edit, 'an edit is produced');
  const result = applyEdits(text, [edit]);
  for (const chunk of result.split(/^---$/m)) assert.deepEqual(parseDocument(chunk).errors, [], `parses:\n${result}`);
  return result;
}

const deployment = (containerBody: string, eol = '\n') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app # the main one',
    ...containerBody.split('\n'),
    '      volumes: []',
    '',
  ].join(eol);

describe('YAML edits', () => {
  it('creates a missing mapping under a container, after its last key, in its indentation', () => {
    const text = deployment('          image: nginx:1.27');
    const result = editContainer(text, (e, c) => e.set(c.node, ['securityContext', 'allowPrivilegeEscalation'], 'false'));
    assert.equal(result, deployment('          image: nginx:1.27\n          securityContext:\n            allowPrivilegeEscalation: false'));
  });

  it('adds to an existing mapping and keeps its comments and key order', () => {
    const text = deployment('          securityContext: # hardened below\n            runAsNonRoot: true # required\n          image: nginx:1.27');
    const result = editContainer(text, (e, c) => e.set(c.node, ['securityContext', 'readOnlyRootFilesystem'], 'true'));
    assert.equal(result, deployment('          securityContext: # hardened below\n            runAsNonRoot: true # required\n            readOnlyRootFilesystem: true\n          image: nginx:1.27'));
  });

  it('replaces an existing value only', () => {
    const text = deployment("          securityContext: {privileged: true, runAsUser: 0}\n          image: 'nginx:1.27'");
    const result = editContainer(text, (e, c) => e.set(c.node, ['securityContext', 'privileged'], 'false'));
    assert.equal(result, deployment("          securityContext: {privileged: false, runAsUser: 0}\n          image: 'nginx:1.27'"));
  });

  it('adds to a flow mapping in flow style, also an empty one', () => {
    const flow = deployment('          securityContext: {runAsNonRoot: true}');
    assert.equal(
      editContainer(flow, (e, c) => e.set(c.node, ['securityContext', 'capabilities', 'drop'], '[ALL]')),
      deployment('          securityContext: {runAsNonRoot: true, capabilities: {drop: [ALL]}}'),
    );
    const empty = deployment('          securityContext: {}');
    assert.equal(editContainer(empty, (e, c) => e.set(c.node, ['securityContext', 'runAsNonRoot'], 'true')), deployment('          securityContext: {runAsNonRoot: true}'));
  });

  it('nests under a key that has no value yet', () => {
    const text = deployment('          image: nginx:1.27\n          securityContext:');
    assert.equal(
      editContainer(text, (e, c) => e.set(c.node, ['securityContext', 'runAsNonRoot'], 'true')),
      deployment('          image: nginx:1.27\n          securityContext:\n            runAsNonRoot: true'),
    );
  });

  it('keeps CRLF line breaks', () => {
    const text = deployment('          image: nginx:1.27', '\r\n');
    assert.equal(
      editContainer(text, (e, c) => e.set(c.node, ['imagePullPolicy'], 'Always')),
      deployment('          image: nginx:1.27\n          imagePullPolicy: Always', '\r\n'),
    );
  });

  it('appends to block and flow sequences in their style', () => {
    const block = deployment('          securityContext:\n            capabilities:\n              drop:\n                - NET_RAW');
    const model = parseKubernetes(block);
    const c = model.objects[0]!.podSpecs[0]!.containers[0]!;
    const drop = ((c.node.get('securityContext') as YAMLMap).get('capabilities') as YAMLMap).get('drop');
    const blockResult = applyEdits(block, [new YamlEditor(model, c.podSpec.object.yaml).append(drop as never, 'ALL')]);
    assert.equal(blockResult, deployment('          securityContext:\n            capabilities:\n              drop:\n                - NET_RAW\n                - ALL'));

    const flow = deployment('          securityContext: {capabilities: {drop: [NET_RAW]}}');
    const flowModel = parseKubernetes(flow);
    const fc = flowModel.objects[0]!.podSpecs[0]!.containers[0]!;
    const flowDrop = ((fc.node.get('securityContext') as YAMLMap).get('capabilities') as YAMLMap).get('drop');
    assert.equal(
      applyEdits(flow, [new YamlEditor(flowModel, fc.podSpec.object.yaml).append(flowDrop as never, 'ALL')]),
      deployment('          securityContext: {capabilities: {drop: [NET_RAW, ALL]}}'),
    );
  });

  it('removes a key with its value and line, but not the first key of a sequence item', () => {
    const text = deployment('          ports:\n            - containerPort: 80\n              hostPort: 0 # unused\n          image: nginx:1.27');
    const model = parseKubernetes(text);
    const c = model.objects[0]!.podSpecs[0]!.containers[0]!;
    const editor = new YamlEditor(model, c.podSpec.object.yaml);
    const port = (c.node.get('ports') as { items: YAMLMap[] }).items[0]!;
    assert.equal(applyEdits(text, [editor.remove(port, 'hostPort')!]), deployment('          ports:\n            - containerPort: 80\n          image: nginx:1.27'));
    assert.equal(editor.remove(port, 'containerPort'), undefined);
    assert.equal(applyEdits(text, [editor.remove(c.node, 'ports')!]), deployment('          image: nginx:1.27'));
  });

  it('removes the first key of a sequence item by pulling the next key up', () => {
    const text = deployment('          ports:\n            - hostPort: 8080 # on the node\n              containerPort: 80\n          image: nginx:1.27', '\r\n');
    const model = parseKubernetes(text);
    const c = model.objects[0]!.podSpecs[0]!.containers[0]!;
    const editor = new YamlEditor(model, c.podSpec.object.yaml);
    const port = (c.node.get('ports') as { items: YAMLMap[] }).items[0]!;
    assert.equal(applyEdits(text, [editor.removeLeadingKey(port, 'hostPort')!]), deployment('          ports:\n            - containerPort: 80\n          image: nginx:1.27', '\r\n'));
    assert.equal(editor.removeLeadingKey(port, 'containerPort'), undefined);

    const only = deployment('          ports:\n            - hostPort: 8080\n          image: nginx:1.27');
    const onlyModel = parseKubernetes(only);
    const onlyContainer = onlyModel.objects[0]!.podSpecs[0]!.containers[0]!;
    const onlyPort = (onlyContainer.node.get('ports') as { items: YAMLMap[] }).items[0]!;
    assert.equal(new YamlEditor(onlyModel, onlyContainer.podSpec.object.yaml).removeLeadingKey(onlyPort, 'hostPort'), undefined);
  });

  /** Removes item `index` of `securityContext.capabilities.add` and returns the text. */
  function removeAddedCapability(text: string, index: number): string {
    const model = parseKubernetes(text);
    const c = model.objects[0]!.podSpecs[0]!.containers[0]!;
    const capabilities = (c.node.get('securityContext') as YAMLMap).get('capabilities') as YAMLMap;
    const edit = new YamlEditor(model, c.podSpec.object.yaml).removeItem(capabilities, 'add', index);
    assert.ok(edit, 'an edit is produced');
    const result = applyEdits(text, [edit]);
    assert.deepEqual(parseDocument(result).errors, [], `parses:\n${result}`);
    return result;
  }

  it('removes a block sequence item with its line and comment; the last one leaves []', () => {
    const caps = (items: string) => deployment(`          securityContext:\n            capabilities:\n              add: # for the VPN${items}\n          image: nginx:1.27`);
    const three = caps('\n                - NET_ADMIN # tun device\n                - SYS_TIME\n                - CHOWN');
    assert.equal(removeAddedCapability(three, 0), caps('\n                - SYS_TIME\n                - CHOWN'));
    assert.equal(removeAddedCapability(three, 1), caps('\n                - NET_ADMIN # tun device\n                - CHOWN'));
    assert.equal(removeAddedCapability(three, 2), caps('\n                - NET_ADMIN # tun device\n                - SYS_TIME'));
    assert.equal(removeAddedCapability(caps('\n                - NET_ADMIN # tun device'), 0), deployment('          securityContext:\n            capabilities:\n              add: [] # for the VPN\n          image: nginx:1.27'));

    const indentless = deployment('          securityContext:\n            capabilities:\n              add:\n              - NET_ADMIN\n              drop: [ALL]', '\r\n');
    assert.equal(removeAddedCapability(indentless, 0), deployment('          securityContext:\n            capabilities:\n              add: []\n              drop: [ALL]', '\r\n'));
  });

  it('removes a flow sequence item with its comma', () => {
    const caps = (items: string) => deployment(`          securityContext: {capabilities: {add: [${items}], drop: [ALL]}}`);
    assert.equal(removeAddedCapability(caps('NET_ADMIN, SYS_TIME, CHOWN'), 0), caps('SYS_TIME, CHOWN'));
    assert.equal(removeAddedCapability(caps('NET_ADMIN, SYS_TIME, CHOWN'), 1), caps('NET_ADMIN, CHOWN'));
    assert.equal(removeAddedCapability(caps('NET_ADMIN, SYS_TIME, CHOWN'), 2), caps('NET_ADMIN, SYS_TIME'));
    assert.equal(removeAddedCapability(caps('NET_ADMIN'), 0), caps(''));
  });

  it('does not remove items of a sequence that is an alias', () => {
    const text = deployment('          securityContext:\n            capabilities:\n              add: *caps\n          image: nginx:1.27').replace('kind: Deployment', 'kind: Deployment\nx: &caps [NET_ADMIN]');
    const model = parseKubernetes(text);
    const c = model.objects[0]!.podSpecs[0]!.containers[0]!;
    const capabilities = (c.node.get('securityContext') as YAMLMap).get('capabilities') as YAMLMap;
    assert.equal(new YamlEditor(model, c.podSpec.object.yaml).removeItem(capabilities, 'add', 0), undefined);
  });

  describe('setAll', () => {
    const resources: [string[], string][] = [
      [['resources', 'requests', 'cpu'], '100m'],
      [['resources', 'requests', 'memory'], '128Mi'],
      [['resources', 'limits', 'memory'], '256Mi'],
    ];
    /** Applies setAll on the first container; the text must parse afterwards. */
    const setAll = (text: string) => {
      const model = parseKubernetes(text);
      const container = model.objects[0]!.podSpecs[0]!.containers[0]!;
      const edits = new YamlEditor(model, container.podSpec.object.yaml).setAll(container.node, resources);
      if (!edits) return undefined;
      const result = applyEdits(text, edits);
      assert.deepEqual(parseDocument(result).errors, [], `parses:\n${result}`);
      return result;
    };

    it('creates shared mappings once, as a block in the container', () => {
      assert.equal(
        setAll(deployment('          image: nginx:1.27')),
        deployment('          image: nginx:1.27\n          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi'),
      );
    });

    it('merges into existing mappings, also where a nested one ends with its parent', () => {
      const text = deployment('          resources:\n            requests:\n              cpu: 250m # measured\n          image: nginx:1.27');
      assert.equal(
        setAll(text),
        deployment('          resources:\n            requests:\n              cpu: 100m # measured\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n          image: nginx:1.27'),
      );
    });

    it('writes flow style into a flow mapping and nests under a key without a value', () => {
      assert.equal(setAll(deployment('          resources: {}')), deployment('          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}'));
      assert.equal(
        setAll(deployment('          resources: {limits: {cpu: "1"}}')),
        deployment('          resources: {limits: {cpu: "1", memory: 256Mi}, requests: {cpu: 100m, memory: 128Mi}}'),
      );
      assert.equal(
        setAll(deployment('          resources:\n          image: nginx:1.27', '\r\n')),
        deployment('          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n          image: nginx:1.27', '\r\n'),
      );
    });

    it('offers nothing through an alias', () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      resources: &r\n        requests: {cpu: 1}\n    - name: b\n      resources: *r\n';
      const model = parseKubernetes(text);
      const second = model.objects[0]!.podSpecs[0]!.containers[1]!;
      assert.equal(new YamlEditor(model, second.podSpec.object.yaml).setAll(second.node, resources), undefined);
    });
  });

  it('edits the right document of a multi-document file', () => {
    const second = deployment('          image: nginx:1.27');
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n${second}`;
    const result = editContainer(text, (e, c) => e.set(c.node, ['imagePullPolicy'], 'Always'));
    assert.equal(result, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n${deployment('          image: nginx:1.27\n          imagePullPolicy: Always')}`);
  });

  describe('fillEmptyMapping', () => {
    const fill = (text: string) => {
      const model = parseHelmValues(text, undefined);
      const yaml = model.documents[0]!;
      const root = yaml.document.contents as YAMLMap;
      const pair = root.items.find((item) => (item.key as { value: unknown }).value === 'securityContext')!;
      const edits = new YamlEditor(model, yaml).fillEmptyMapping(pair, [
        [['runAsNonRoot'], 'true'],
        [['seccompProfile', 'type'], 'RuntimeDefault'],
      ]);
      if (!edits) return undefined;
      const result = applyEdits(text, edits);
      assert.deepEqual(parseDocument(result).errors, [], `parses:\n${result}`);
      return result;
    };

    it('writes a block below the key and keeps the commented-out example lines below it', () => {
      assert.equal(
        fill('securityContext: {}\n  # capabilities:\n  #   drop:\n  #   - ALL\n\nservice:\n  type: ClusterIP\n'),
        'securityContext:\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n  # capabilities:\n  #   drop:\n  #   - ALL\n\nservice:\n  type: ClusterIP\n',
      );
    });

    it('keeps a comment after {} on the key line, and CRLF', () => {
      assert.equal(
        fill('securityContext: {} # pod level\r\nreplicas: 1\r\n'),
        'securityContext: # pod level\r\n  runAsNonRoot: true\r\n  seccompProfile:\r\n    type: RuntimeDefault\r\nreplicas: 1\r\n',
      );
    });

    it('fills nothing that is not an empty flow mapping', () => {
      assert.equal(fill('securityContext: {runAsUser: 1000}\n'), undefined);
      assert.equal(fill('securityContext:\n  runAsUser: 1000\n'), undefined);
      assert.equal(fill('securityContext:\n'), undefined);
    });
  });
});
