import { testRule } from '../../helpers/ruleTester';

const pod = (securityContextLines: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: cache', 'spec:', '  securityContext:', ...securityContextLines.split('\n'), '  containers:', '    - name: cache', '      image: redis:7.4', ''].join(eol);

const message = (owner: string, name: string) =>
  `${owner} sets the sysctl ${name}, which is outside the safe set: it may change the kernel for every pod on the node or weaken its protections, and the kubelet refuses it unless the node allows it. Remove it.`;

testRule('kubernetes/unsafe-sysctls', 'kubernetes', {
  valid: [
    { name: 'no sysctls', code: pod('    runAsNonRoot: true') },
    {
      name: 'every safe sysctl',
      code: pod(
        [
          'kernel.shm_rmid_forced',
          'net.ipv4.ip_local_port_range',
          'net.ipv4.tcp_syncookies',
          'net.ipv4.ping_group_range',
          'net.ipv4.ip_unprivileged_port_start',
          'net.ipv4.ip_local_reserved_ports',
          'net.ipv4.tcp_keepalive_time',
          'net.ipv4.tcp_fin_timeout',
          'net.ipv4.tcp_keepalive_intvl',
          'net.ipv4.tcp_keepalive_probes',
          'net.ipv4.tcp_rmem',
          'net.ipv4.tcp_wmem',
        ]
          .map((name) => `      - {name: ${name}, value: "1"}`)
          .join('\n')
          .replace(/^/, '    sysctls:\n'),
      ),
    },
    { name: 'sysctls on a container are not where Kubernetes reads them', code: pod('    runAsNonRoot: true').replace('      image: redis:7.4', '      image: redis:7.4\n      securityContext: {sysctls: [{name: kernel.msgmax, value: "1"}]}') },
    { name: 'suppressed above the item', code: pod('    sysctls:\n      # ballast-ignore kubernetes/unsafe-sysctls -- dedicated node pool\n      - name: vm.max_map_count\n        value: "262144"') },
  ],
  invalid: [
    {
      name: 'an unsafe sysctl among safe ones, removed with its lines',
      code: pod('    sysctls:\n      - name: net.ipv4.tcp_syncookies\n        value: "1"\n      - name: kernel.msgmax # queues\n        value: "65536"\n      - name: net.ipv4.ip_local_port_range\n        value: "1024 65535"'),
      findings: [
        {
          message: message('Pod cache', 'kernel.msgmax'),
          range: [9, 14, 9, 27],
          fixes: [
            {
              title: 'Remove the sysctl kernel.msgmax',
              kind: 'suggestion',
              output: pod('    sysctls:\n      - name: net.ipv4.tcp_syncookies\n        value: "1"\n      - name: net.ipv4.ip_local_port_range\n        value: "1024 65535"'),
            },
          ],
        },
      ],
    },
    {
      name: 'flow style in a Deployment template, CRLF: the list becomes []',
      code: 'apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata: {name: search}\r\nspec:\r\n  template:\r\n    spec:\r\n      securityContext: {sysctls: [{name: vm.max_map_count, value: "262144"}]}\r\n      containers: [{name: es, image: elasticsearch:8.15.0}]\r\n',
      findings: [
        {
          message: message('Deployment search', 'vm.max_map_count'),
          range: [6, 41, 6, 57],
          fixes: [
            {
              title: 'Remove the sysctl vm.max_map_count',
              kind: 'suggestion',
              output: 'apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata: {name: search}\r\nspec:\r\n  template:\r\n    spec:\r\n      securityContext: {sysctls: []}\r\n      containers: [{name: es, image: elasticsearch:8.15.0}]\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'two pods of a List sharing one list through an anchor: each told where it names the list, no fix',
      code: [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: v1',
        '    kind: Pod',
        '    metadata: {name: a}',
        '    spec:',
        '      securityContext:',
        '        sysctls: &tuned',
        '          - {name: net.ipv4.tcp_slow_start_after_idle, value: "0"}',
        '      containers: [{name: a, image: redis:7.4}]',
        '  - apiVersion: v1',
        '    kind: Pod',
        '    metadata: {name: b}',
        '    spec:',
        '      securityContext: {sysctls: *tuned}',
        '      containers: [{name: b, image: redis:7.4}]',
        '',
      ].join('\n'),
      findings: [
        { message: message('Pod a', 'net.ipv4.tcp_slow_start_after_idle'), range: [9, 19, 9, 53] },
        { message: message('Pod b', 'net.ipv4.tcp_slow_start_after_idle'), range: [15, 33, 15, 39] },
      ],
    },
  ],
});
