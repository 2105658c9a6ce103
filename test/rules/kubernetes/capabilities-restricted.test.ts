import { testRule } from '../../helpers/ruleTester';

const pod = (containerLines: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', ...(containerLines ? containerLines.split('\n') : []), ''].join(eol);

const ADVICE = 'Add ALL to securityContext.capabilities.drop, then add back only NET_BIND_SERVICE if it needs a port below 1024.';
const noDrop = (name: string) => `Container ${name} does not drop ALL capabilities, so it keeps the runtime's default set (CHOWN, DAC_OVERRIDE, SETUID, …). ${ADVICE}`;
const partialDrop = (name: string) => `Container ${name} drops some capabilities but not ALL, so it keeps the rest of the runtime's default set (CHOWN, DAC_OVERRIDE, SETUID, …). ${ADVICE}`;
const misspelt = (name: string, written: string) =>
  `Container ${name} drops ${written}, but capability names are compared exactly and the restricted Pod Security Standard only accepts ALL. Write it as ALL.`;
const addsBack = (name: string, capability: string) =>
  `Container ${name} adds back ${capability}, but the restricted Pod Security Standard lets containers add back only NET_BIND_SERVICE. Remove it from securityContext.capabilities.add.`;

const ADD_ALL = 'Add ALL to capabilities.drop';
const HARDEN = 'Harden this container (restricted profile)';
const HARDENED_REST = '        allowPrivilegeEscalation: false\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault';

const cronJob = (initSecurityContext: string) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers: [{name: init, image: busybox:1.36, securityContext: {${initSecurityContext}}}]\n          containers: [{name: job, image: busybox:1.36, securityContext: {capabilities: {drop: [ALL]}}}]\n`;

testRule('kubernetes/capabilities-restricted', 'kubernetes', {
  valid: [
    { name: 'drops ALL', code: pod('      securityContext:\n        capabilities:\n          drop: [ALL]') },
    { name: 'drops ALL and adds back NET_BIND_SERVICE', code: pod('      securityContext:\n        capabilities:\n          drop:\n            - ALL\n          add:\n            - NET_BIND_SERVICE') },
    { name: 'adding a capability beyond the default set is for kubernetes/capabilities-baseline', code: pod('      securityContext:\n        capabilities: {drop: [ALL], add: [SYS_ADMIN, NET_RAW, chown]}') },
    { name: 'a Windows pod is exempt', code: pod('').replace('spec:\n', 'spec:\n  os: {name: windows}\n') },
    { name: 'suppressed above the container', code: pod('').replace('    - name: app', '    # ballast-ignore kubernetes/capabilities-restricted\n    - name: app') },
  ],
  invalid: [
    {
      name: 'nothing dropped: drop: [ALL] is created',
      code: pod(''),
      findings: [
        {
          message: noDrop('app'),
          range: [6, 12, 6, 15],
          fixes: [
            { title: ADD_ALL, kind: 'suggestion', output: pod('      securityContext:\n        capabilities:\n          drop: [ALL]') },
            { title: HARDEN, kind: 'suggestion', output: pod(`      securityContext:\n${HARDENED_REST}\n        capabilities:\n          drop: [ALL]`) },
          ],
        },
      ],
    },
    {
      name: 'a default-set capability added back, and all in lower case',
      code: pod('      securityContext:\n        capabilities:\n          add:\n            - CHOWN # for the volume\n            - NET_BIND_SERVICE\n          drop: [all]'),
      findings: [
        {
          message: addsBack('app', 'CHOWN'),
          range: [11, 14, 11, 19],
          fixes: [{ title: 'Remove CHOWN from capabilities.add', kind: 'suggestion', output: pod('      securityContext:\n        capabilities:\n          add:\n            - NET_BIND_SERVICE\n          drop: [all]') }],
        },
        {
          message: misspelt('app', 'all'),
          range: [13, 17, 13, 20],
          fixes: [
            { title: 'Write ALL', kind: 'suggestion', output: pod('      securityContext:\n        capabilities:\n          add:\n            - CHOWN # for the volume\n            - NET_BIND_SERVICE\n          drop: [ALL]') },
            {
              title: HARDEN,
              kind: 'suggestion',
              output: pod(`      securityContext:\n        capabilities:\n          add:\n            - CHOWN # for the volume\n            - NET_BIND_SERVICE\n          drop: [ALL]\n${HARDENED_REST}`),
            },
          ],
        },
      ],
    },
    {
      name: 'a block list without ALL, at the key’s indentation, CRLF: extended in its style',
      code: pod('      securityContext:\n        capabilities:\n          drop:\n          - NET_RAW # no raw sockets', '\r\n'),
      findings: [
        {
          message: partialDrop('app'),
          range: [10, 10, 10, 14],
          fixes: [
            { title: ADD_ALL, kind: 'suggestion', output: pod('      securityContext:\n        capabilities:\n          drop:\n          - NET_RAW # no raw sockets\n          - ALL', '\r\n') },
            {
              title: HARDEN,
              kind: 'suggestion',
              output: pod(`      securityContext:\n        capabilities:\n          drop:\n          - NET_RAW # no raw sockets\n          - ALL\n${HARDENED_REST}`, '\r\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'an empty flow list in a CronJob init container',
      code: cronJob('capabilities: {drop: []}'),
      findings: [
        {
          message: noDrop('init'),
          range: [8, 34, 8, 38],
          fixes: [
            { title: ADD_ALL, kind: 'suggestion', output: cronJob('capabilities: {drop: [ALL]}') },
            { title: HARDEN, kind: 'suggestion', output: cronJob('capabilities: {drop: [ALL]}, allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}') },
          ],
        },
      ],
    },
    {
      name: 'an ephemeral container in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: web}\n    spec:\n      containers: []\n      ephemeralContainers:\n        - name: debug\n          image: busybox:1.36\n          securityContext:\n            allowPrivilegeEscalation: false\n',
      findings: [
        {
          message: noDrop('debug'),
          range: [9, 16, 9, 21],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output:
                'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: web}\n    spec:\n      containers: []\n      ephemeralContainers:\n        - name: debug\n          image: busybox:1.36\n          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop: [ALL]\n',
            },
            {
              title: HARDEN,
              kind: 'suggestion',
              output:
                'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: web}\n    spec:\n      containers: []\n      ephemeralContainers:\n        - name: debug\n          image: busybox:1.36\n          securityContext:\n            allowPrivilegeEscalation: false\n            runAsNonRoot: true\n            seccompProfile:\n              type: RuntimeDefault\n            capabilities:\n              drop: [ALL]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a drop list shared through an alias: found at the alias, not fixed',
      code: pod('      securityContext:\n        capabilities:\n          drop: *minimal').replace('kind: Pod\n', 'kind: Pod\nx-lists: {minimal: &minimal [NET_RAW]}\n'),
      findings: [{ message: partialDrop('app'), range: [11, 16, 11, 24] }],
    },
  ],
});
