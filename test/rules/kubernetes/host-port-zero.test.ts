import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll } from '../../../engine';
import { testRule } from '../../helpers/ruleTester';

const deployment = (portLines: string, eol = '\n') =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', '          image: nginx:1.27', '          ports:', ...portLines.split('\n'), ''].join(eol);

const MESSAGE = 'Container web writes out hostPort: 0, which means no host port at all. Remove it, so no one reads it as one.';

testRule('kubernetes/host-port-zero', 'kubernetes', {
  valid: [
    { name: 'no hostPort', code: deployment('            - containerPort: 80') },
    { name: 'a real host port is the host-port rule\'s business', code: deployment('            - containerPort: 80\n              hostPort: 8080') },
    { name: 'the string "0" is not written by Kubernetes tools', code: deployment('            - containerPort: 80\n              hostPort: "0"') },
  ],
  invalid: [
    {
      name: 'after the container port, with its comment',
      code: deployment('            - containerPort: 80\n              hostPort: 0 # none\n              protocol: TCP'),
      findings: [{ message: MESSAGE, range: [12, 14, 12, 22], fixes: [{ title: 'Remove hostPort: 0', kind: 'safe', output: deployment('            - containerPort: 80\n              protocol: TCP') }] }],
    },
    {
      name: 'as the first key of the item, CRLF',
      code: deployment('            - hostPort: 0\n              containerPort: 80', '\r\n'),
      findings: [{ message: MESSAGE, range: [11, 14, 11, 22], fixes: [{ title: 'Remove hostPort: 0', kind: 'safe', output: deployment('            - containerPort: 80', '\r\n') }] }],
    },
    {
      name: 'flow style',
      code: deployment('            - {containerPort: 80, hostPort: 0}\n            - {hostPort: 0, containerPort: 443}'),
      findings: [
        { message: MESSAGE, range: [11, 34, 11, 42], fixes: [{ title: 'Remove hostPort: 0', kind: 'safe', output: deployment('            - {containerPort: 80}\n            - {hostPort: 0, containerPort: 443}') }] },
        { message: MESSAGE, range: [12, 15, 12, 23], fixes: [{ title: 'Remove hostPort: 0', kind: 'safe', output: deployment('            - {containerPort: 80, hostPort: 0}\n            - {containerPort: 443}') }] },
      ],
    },
  ],
});

describe('kubernetes/host-port-zero with fix-all', () => {
  it('removes every hostPort: 0 at once and leaves real host ports alone', () => {
    const text = deployment('            - containerPort: 80\n              hostPort: 0\n            - hostPort: 0\n              containerPort: 443\n            - {containerPort: 8080, hostPort: 8080}');
    assert.equal(fixAll({ text, kind: 'kubernetes' }).text, deployment('            - containerPort: 80\n            - containerPort: 443\n            - {containerPort: 8080, hostPort: 8080}'));
  });
});
