import { testRule } from '../../helpers/ruleTester';

const pod = (containerBody: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', ...(containerBody ? containerBody.split('\n') : []), ''].join(eol);

const missing = (name: string) =>
  `Container ${name} does not set allowPrivilegeEscalation: false, so setuid binaries in it can gain privileges its process never had. Set securityContext.allowPrivilegeEscalation: false.`;
const allows = (name: string, written: string) =>
  `Container ${name} allows privilege escalation (allowPrivilegeEscalation: ${written}), so setuid binaries in it can gain privileges its process never had. Set it to false.`;

const SET = 'Set allowPrivilegeEscalation: false';
const HARDEN = 'Harden this container (restricted profile)';

const cronJob = (initSecurityContext: string) =>
  [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata: {name: nightly}',
    'spec:',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
    `          initContainers: [{name: init, image: busybox:1.36, securityContext: {${initSecurityContext}}}]`,
    '          containers:',
    '            - name: job',
    '              image: busybox:1.36',
    '              securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}',
    '',
  ].join('\r\n');

testRule('kubernetes/allow-privilege-escalation', 'kubernetes', {
  valid: [
    { name: 'set to false', code: pod('      securityContext:\n        allowPrivilegeEscalation: false') },
    { name: 'YAML 1.1 no, as Kubernetes reads it', code: pod('      securityContext:\n        allowPrivilegeEscalation: no') },
    { name: 'a Windows pod, where the field does not exist', code: pod('').replace('spec:\n', 'spec:\n  os: {name: windows}\n') },
    { name: 'not a manifest', code: 'containers:\n  - name: app\n' },
    { name: 'suppressed above the container', code: pod('').replace('    - name: app', '    # ballast-ignore kubernetes/allow-privilege-escalation -- setuid ping\n    - name: app') },
  ],
  invalid: [
    {
      name: 'missing: set below a new securityContext, or harden the whole container',
      code: pod(''),
      findings: [
        {
          message: missing('app'),
          range: [6, 12, 6, 15],
          fixes: [
            { title: SET, kind: 'suggestion', output: pod('      securityContext:\n        allowPrivilegeEscalation: false') },
            {
              title: HARDEN,
              kind: 'suggestion',
              output: pod(
                '      securityContext:\n        allowPrivilegeEscalation: false\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault\n        capabilities:\n          drop: [ALL]',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'YAML 1.1 yes with a comment; harden appends ALL to the block drop list before the new keys',
      code: pod('      securityContext:\n        allowPrivilegeEscalation: yes # for ping\n        capabilities:\n          drop:\n            - NET_RAW'),
      findings: [
        {
          message: allows('app', 'yes'),
          range: [9, 34, 9, 37],
          fixes: [
            { title: SET, kind: 'suggestion', output: pod('      securityContext:\n        allowPrivilegeEscalation: false # for ping\n        capabilities:\n          drop:\n            - NET_RAW') },
            {
              title: HARDEN,
              kind: 'suggestion',
              output: pod(
                '      securityContext:\n        allowPrivilegeEscalation: false # for ping\n        capabilities:\n          drop:\n            - NET_RAW\n            - ALL\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a string is not a boolean; an existing pod-level runAsNonRoot and seccomp profile are inherited, not repeated',
      code: pod('      securityContext: {allowPrivilegeEscalation: "false"}').replace('spec:\n', 'spec:\n  securityContext: {runAsNonRoot: true, seccompProfile: {type: Localhost, localhostProfile: app.json}}\n'),
      findings: [
        {
          message: allows('app', '"false"'),
          range: [9, 50, 9, 57],
          fixes: [
            {
              title: SET,
              kind: 'suggestion',
              output: pod('      securityContext: {allowPrivilegeEscalation: false}').replace('spec:\n', 'spec:\n  securityContext: {runAsNonRoot: true, seccompProfile: {type: Localhost, localhostProfile: app.json}}\n'),
            },
            {
              title: HARDEN,
              kind: 'suggestion',
              output: pod('      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}').replace(
                'spec:\n',
                'spec:\n  securityContext: {runAsNonRoot: true, seccompProfile: {type: Localhost, localhostProfile: app.json}}\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'flow style and CRLF in a CronJob init container; the job container is fine',
      code: cronJob('allowPrivilegeEscalation: true'),
      findings: [
        {
          message: allows('init', 'true'),
          range: [9, 105, 9, 109],
          fixes: [
            { title: SET, kind: 'suggestion', output: cronJob('allowPrivilegeEscalation: false') },
            { title: HARDEN, kind: 'suggestion', output: cronJob('allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}') },
          ],
        },
      ],
    },
    {
      name: 'a privileged container: only hardening, which turns privileged off too (the API rejects one without the other)',
      code: pod('      securityContext:\n        privileged: true\n        capabilities: {drop: [ALL]}'),
      findings: [
        {
          message: missing('app'),
          range: [6, 12, 6, 15],
          fixes: [
            {
              title: HARDEN,
              kind: 'suggestion',
              output: pod(
                '      securityContext:\n        privileged: false\n        capabilities: {drop: [ALL]}\n        allowPrivilegeEscalation: false\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a container adding CAP_SYS_ADMIN gets no fix',
      code: pod('      securityContext:\n        capabilities:\n          add: [CAP_SYS_ADMIN]'),
      findings: [{ message: missing('app'), range: [6, 12, 6, 15] }],
    },
    {
      name: 'ephemeral containers, in the second document of a List',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: debug}\n    spec:\n      hostUsers: false\n      containers: [{name: app, image: nginx:1.27, securityContext: {allowPrivilegeEscalation: false, seccompProfile: {type: RuntimeDefault}, capabilities: {drop: [ALL]}}}]\n      ephemeralContainers:\n        - name: shell\n          image: busybox:1.36\n',
      findings: [
        {
          message: missing('shell'),
          range: [14, 16, 14, 21],
          fixes: [
            {
              title: SET,
              kind: 'suggestion',
              output:
                'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: debug}\n    spec:\n      hostUsers: false\n      containers: [{name: app, image: nginx:1.27, securityContext: {allowPrivilegeEscalation: false, seccompProfile: {type: RuntimeDefault}, capabilities: {drop: [ALL]}}}]\n      ephemeralContainers:\n        - name: shell\n          image: busybox:1.36\n          securityContext:\n            allowPrivilegeEscalation: false\n',
            },
            {
              title: HARDEN,
              kind: 'suggestion',
              output:
                'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: debug}\n    spec:\n      hostUsers: false\n      containers: [{name: app, image: nginx:1.27, securityContext: {allowPrivilegeEscalation: false, seccompProfile: {type: RuntimeDefault}, capabilities: {drop: [ALL]}}}]\n      ephemeralContainers:\n        - name: shell\n          image: busybox:1.36\n          securityContext:\n            allowPrivilegeEscalation: false\n            seccompProfile:\n              type: RuntimeDefault\n            capabilities:\n              drop: [ALL]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a securityContext shared through an anchor: found in both containers, at the alias in the second, fixed in neither',
      code: pod('      securityContext: &locked {allowPrivilegeEscalation: true}\n    - name: sidecar\n      image: envoy:1.31\n      securityContext: *locked'),
      findings: [
        { message: allows('app', 'true'), range: [8, 58, 8, 62] },
        { message: allows('sidecar', 'true'), range: [11, 23, 11, 30] },
      ],
    },
  ],
});
