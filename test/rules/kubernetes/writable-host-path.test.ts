import { testRule } from '../../helpers/ruleTester';

/** A Pod with a hostPath volume `logs` (/var/log) and container `reader` mounting it as written. */
const pod = (mount: string, eol = '\n') =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: log-reader',
    'spec:',
    '  containers:',
    '    - name: reader',
    '      image: example/log-reader:1.0.3',
    '      volumeMounts:',
    ...mount.split('\n'),
    '  volumes:',
    '    - name: logs',
    '      hostPath:',
    '        path: /var/log',
    '    - name: scratch',
    '      emptyDir: {}',
    '',
  ].join(eol);

const message = (container: string, object = 'Pod log-reader', volume = 'logs', path = '/var/log') =>
  `Container ${container} (${object}) mounts hostPath volume ${volume} (the node's ${path}) writable: what it writes lands on the node, for the node and other pods to read. Add readOnly: true unless it must write there.`;

testRule('kubernetes/writable-host-path', 'kubernetes', {
  valid: [
    { name: 'mounted read-only', code: pod('        - name: logs\n          mountPath: /host/logs\n          readOnly: true') },
    { name: 'YAML 1.1 yes is true, as Kubernetes reads it', code: pod('        - {name: logs, mountPath: /host/logs, readOnly: yes}') },
    { name: 'other volumes may be writable', code: pod('        - name: scratch\n          mountPath: /tmp') },
    { name: 'a hostPath volume nobody mounts', code: pod('        - name: scratch\n          mountPath: /tmp\n          readOnly: false') },
    {
      name: 'suppressed above the mount',
      code: pod('        # ballast-ignore kubernetes/writable-host-path -- keeps its read position there\n        - name: logs\n          mountPath: /host/logs'),
    },
  ],
  invalid: [
    {
      name: 'no readOnly: reported on the mount name, the suggestion adds it',
      code: pod('        - name: logs\n          mountPath: /host/logs # tailed'),
      findings: [
        {
          message: message('reader'),
          range: [9, 16, 9, 20],
          fixes: [{ title: 'Mount /var/log read-only', kind: 'suggestion', output: pod('        - name: logs\n          mountPath: /host/logs # tailed\n          readOnly: true') }],
        },
      ],
    },
    {
      name: 'readOnly: false: reported on it and replaced, comment kept, CRLF',
      code: pod('        - name: logs\n          readOnly: false # for now\n          mountPath: /host/logs', '\r\n'),
      findings: [
        {
          message: message('reader'),
          range: [10, 20, 10, 25],
          fixes: [{ title: 'Mount /var/log read-only', kind: 'suggestion', output: pod('        - name: logs\n          readOnly: true # for now\n          mountPath: /host/logs', '\r\n') }],
        },
      ],
    },
    {
      name: 'flow style, init and ephemeral containers of a Deployment',
      code: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: agent}',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers: [{name: setup, volumeMounts: [{name: state, mountPath: /state}]}]',
        '      containers: [{name: agent}]',
        '      ephemeralContainers: [{name: debug, volumeMounts: [{name: state, mountPath: /s, readOnly: true}]}]',
        '      volumes: [{name: state, hostPath: {path: /var/lib/agent, type: DirectoryOrCreate}}]',
        '',
      ].join('\n'),
      findings: [
        {
          message: message('setup', 'Deployment agent', 'state', '/var/lib/agent'),
          range: [6, 59, 6, 64],
          fixes: [
            {
              title: 'Mount /var/lib/agent read-only',
              kind: 'suggestion',
              output: [
                'apiVersion: apps/v1',
                'kind: Deployment',
                'metadata: {name: agent}',
                'spec:',
                '  template:',
                '    spec:',
                '      initContainers: [{name: setup, volumeMounts: [{name: state, mountPath: /state, readOnly: true}]}]',
                '      containers: [{name: agent}]',
                '      ephemeralContainers: [{name: debug, volumeMounts: [{name: state, mountPath: /s, readOnly: true}]}]',
                '      volumes: [{name: state, hostPath: {path: /var/lib/agent, type: DirectoryOrCreate}}]',
                '',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'a mount shared through an anchor: one edit makes both read-only',
      code: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  containers:',
        '    - name: a',
        '      volumeMounts: [&logs {name: logs, mountPath: /logs}]',
        '    - name: b',
        '      volumeMounts: [*logs]',
        '  volumes: [{name: logs, hostPath: {path: /var/log}}]',
        '',
      ].join('\n'),
      findings: ['a', 'b'].map((container) => ({
        message: message(container, 'Pod p'),
        range: [6, 34, 6, 38] as [number, number, number, number],
        fixes: [
          {
            title: 'Mount /var/log read-only',
            kind: 'suggestion' as const,
            output: [
              'apiVersion: v1',
              'kind: Pod',
              'metadata: {name: p}',
              'spec:',
              '  containers:',
              '    - name: a',
              '      volumeMounts: [&logs {name: logs, mountPath: /logs, readOnly: true}]',
              '    - name: b',
              '      volumeMounts: [*logs]',
              '  volumes: [{name: logs, hostPath: {path: /var/log}}]',
              '',
            ].join('\n'),
          },
        ],
      })),
    },
  ],
});
