import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const CONTAINER = (path: string, written = '0') =>
  `${path} is ${written}: the container's processes run in the root group and can use every file whose group is root. Use a non-zero group ID.`;
const POD = (path: string, written = '0') =>
  `${path} is ${written}: containers that set no group of their own run in the root group and can use every file whose group is root. Use a non-zero group ID.`;
const FS_GROUP = (path: string, written = '0') =>
  `${path} is ${written}: the pod's volumes are handed to the root group and every container runs in it. Use a non-zero group ID.`;
const SUPPLEMENTAL = (path: string) =>
  `${path} is 0: every container of the pod runs in the root group as well and can use every file whose group is root. Remove it.`;
const FIX = 'Use group 10001 instead of root';
const REMOVE = 'Remove group 0 from supplementalGroups';

testRule('helm/root-group', 'helm-values', {
  valid: [
    { name: 'non-root groups', code: 'podSecurityContext:\n  runAsGroup: 1001\n  fsGroup: 1001\n  supplementalGroups: [1001, 2000]\n', chart },
    {
      name: 'bitnami: a disabled volumePermissions section',
      code: 'volumePermissions:\n  enabled: false\n  containerSecurityContext:\n    runAsUser: 0\n    runAsGroup: 0\n',
      chart,
    },
    {
      name: 'bitnami: a context switched off by its own enabled: false',
      code: 'podSecurityContext:\n  enabled: false\n  fsGroup: 0\n  supplementalGroups: [0]\n',
      chart,
    },
    { name: 'UID 0 is another rule', code: 'securityContext:\n  runAsUser: 0\n  runAsGroup: 1001\n', chart },
    { name: 'a quoted group that is not 0', code: 'podSecurityContext:\n  fsGroup: "1001"\n' },
    {
      name: 'suppressed',
      code: 'podSecurityContext:\n  # ballast-ignore helm/root-group -- OpenShift arbitrary UIDs use group 0\n  fsGroup: 0\n',
      chart,
    },
  ],
  invalid: [
    {
      name: 'helm create style: pod and container level, comment kept',
      code: 'podSecurityContext:\n  runAsGroup: 0 # root group\n  fsGroup: 0\n\nsecurityContext:\n  runAsGroup: 0\n  capabilities:\n    drop: [ALL]\n',
      chart,
      findings: [
        {
          message: POD('podSecurityContext.runAsGroup'),
          range: [1, 14, 1, 15],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'podSecurityContext:\n  runAsGroup: 10001 # root group\n  fsGroup: 0\n\nsecurityContext:\n  runAsGroup: 0\n  capabilities:\n    drop: [ALL]\n',
            },
          ],
        },
        {
          message: FS_GROUP('podSecurityContext.fsGroup'),
          range: [2, 11, 2, 12],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'podSecurityContext:\n  runAsGroup: 0 # root group\n  fsGroup: 10001\n\nsecurityContext:\n  runAsGroup: 0\n  capabilities:\n    drop: [ALL]\n',
            },
          ],
        },
        {
          message: CONTAINER('securityContext.runAsGroup'),
          range: [5, 14, 5, 15],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'podSecurityContext:\n  runAsGroup: 0 # root group\n  fsGroup: 0\n\nsecurityContext:\n  runAsGroup: 10001\n  capabilities:\n    drop: [ALL]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a bitnami component section at depth',
      code: 'primary:\n  podSecurityContext:\n    enabled: true\n    fsGroup: 0\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    runAsGroup: 0\n',
      chart,
      findings: [
        {
          message: FS_GROUP('primary.podSecurityContext.fsGroup'),
          range: [3, 13, 3, 14],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'primary:\n  podSecurityContext:\n    enabled: true\n    fsGroup: 10001\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    runAsGroup: 0\n',
            },
          ],
        },
        {
          message: CONTAINER('primary.containerSecurityContext.runAsGroup'),
          range: [7, 16, 7, 17],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'primary:\n  podSecurityContext:\n    enabled: true\n    fsGroup: 0\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    runAsGroup: 10001\n',
            },
          ],
        },
      ],
    },
    {
      name: 'flow style, supplementalGroups item removed',
      code: 'master: {podSecurityContext: {fsGroup: 1001, supplementalGroups: [2000, 0, 3000]}}\n',
      findings: [
        {
          message: SUPPLEMENTAL('master.podSecurityContext.supplementalGroups[1]'),
          range: [0, 72, 0, 73],
          fixes: [{ title: REMOVE, kind: 'suggestion', output: 'master: {podSecurityContext: {fsGroup: 1001, supplementalGroups: [2000, 3000]}}\n' }],
        },
      ],
    },
    {
      name: 'a block supplementalGroups list with only 0 becomes []',
      code: 'podSecurityContext:\n  supplementalGroups: # extra groups\n    - 0\n  fsGroup: 1001\n',
      findings: [
        {
          message: SUPPLEMENTAL('podSecurityContext.supplementalGroups[0]'),
          range: [2, 6, 2, 7],
          fixes: [{ title: REMOVE, kind: 'suggestion', output: 'podSecurityContext:\n  supplementalGroups: [] # extra groups\n  fsGroup: 1001\n' }],
        },
      ],
    },
    {
      name: 'a list item',
      code: 'initContainers:\n  - name: chown\n    securityContext:\n      runAsGroup: 0\n',
      chart,
      findings: [
        {
          message: CONTAINER('initContainers[0].securityContext.runAsGroup'),
          range: [3, 18, 3, 19],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'initContainers:\n  - name: chown\n    securityContext:\n      runAsGroup: 10001\n' }],
        },
      ],
    },
    {
      name: 'CRLF line endings, a quoted "0" and a block list item',
      code: 'podSecurityContext:\r\n  fsGroup: "0"\r\n  supplementalGroups:\r\n    - 1001\r\n    - 0\r\n',
      chart,
      findings: [
        {
          message: FS_GROUP('podSecurityContext.fsGroup', '"0"'),
          range: [1, 11, 1, 14],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'podSecurityContext:\r\n  fsGroup: 10001\r\n  supplementalGroups:\r\n    - 1001\r\n    - 0\r\n' }],
        },
        {
          message: SUPPLEMENTAL('podSecurityContext.supplementalGroups[1]'),
          range: [4, 6, 4, 7],
          fixes: [{ title: REMOVE, kind: 'suggestion', output: 'podSecurityContext:\r\n  fsGroup: "0"\r\n  supplementalGroups:\r\n    - 1001\r\n' }],
        },
      ],
    },
  ],
});
