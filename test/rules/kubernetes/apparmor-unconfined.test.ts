import { testRule } from '../../helpers/ruleTester';

const pod = (podLines: string, containerLines = '', eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...(podLines ? podLines.split('\n') : []), '  containers:', '    - name: app', '      image: nginx:1.27', ...(containerLines ? containerLines.split('\n') : []), ''].join(eol);

const deployment = (annotationLines: string) =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    metadata:', '      annotations:', ...annotationLines.split('\n'), '    spec:', '      containers:', '        - name: app', '          image: nginx:1.27', '        - name: proxy', '          image: envoyproxy/envoy:v1.31', ''].join('\n');

const UNCONFINED = 'nothing then stops root in it from writing to /proc and /sys or mounting filesystems.';
const SET_TYPE = 'Set type: RuntimeDefault, or Localhost with a profile of your own.';
const SET_ANNOTATION = 'Set the annotation to runtime/default, or better, securityContext.appArmorProfile.type: RuntimeDefault.';
const KEY = 'container.apparmor.security.beta.kubernetes.io';

testRule('kubernetes/apparmor-unconfined', 'kubernetes', {
  valid: [
    { name: 'no AppArmor settings', code: pod('') },
    { name: 'RuntimeDefault on the pod, Localhost on the container', code: pod('  securityContext:\n    appArmorProfile: {type: RuntimeDefault}', '      securityContext:\n        appArmorProfile:\n          type: Localhost\n          localhostProfile: k8s-nginx') },
    { name: 'appArmorProfile: null sets nothing', code: pod('', '      securityContext:\n        appArmorProfile:') },
    { name: 'allowed annotation values', code: deployment(`        ${KEY}/app: runtime/default\n        ${KEY}/proxy: localhost/k8s-envoy`) },
    { name: 'an empty annotation value', code: deployment(`        ${KEY}/app: ""`) },
    { name: 'other annotations', code: deployment('        seccomp.security.alpha.kubernetes.io/pod: runtime/default\n        example.com/apparmor: unconfined') },
    { name: 'suppressed by a Trivy comment', code: deployment(`        # trivy:ignore:KSV-0002\n        ${KEY}/app: unconfined`) },
  ],
  invalid: [
    {
      name: 'Unconfined on a container, comment kept',
      code: pod('', '      securityContext:\n        appArmorProfile:\n          type: Unconfined # for the debugger'),
      findings: [
        {
          message: `Container app runs without AppArmor confinement (appArmorProfile.type: Unconfined): ${UNCONFINED} ${SET_TYPE}`,
          range: [10, 16, 10, 26],
          fixes: [
            {
              title: 'Set appArmorProfile type: RuntimeDefault',
              kind: 'suggestion',
              output: pod('', '      securityContext:\n        appArmorProfile:\n          type: RuntimeDefault # for the debugger'),
            },
          ],
        },
      ],
    },
    {
      name: 'on the pod in flow style, CRLF, and a profile without a type on an init container',
      code: pod('  securityContext: {appArmorProfile: {type: Unconfined}}\n  initContainers: [{name: init, image: busybox:1.36, securityContext: {appArmorProfile: {}}}]', '', '\r\n'),
      findings: [
        {
          message: `Pod web runs without AppArmor confinement (appArmorProfile.type: Unconfined): ${UNCONFINED} ${SET_TYPE}`,
          range: [5, 44, 5, 54],
          fixes: [
            {
              title: 'Set appArmorProfile type: RuntimeDefault',
              kind: 'suggestion',
              output: pod('  securityContext: {appArmorProfile: {type: RuntimeDefault}}\n  initContainers: [{name: init, image: busybox:1.36, securityContext: {appArmorProfile: {}}}]', '', '\r\n'),
            },
          ],
        },
        {
          message: `Container init sets an appArmorProfile without a type, which Kubernetes rejects. ${SET_TYPE}`,
          range: [6, 71, 6, 86],
          fixes: [
            {
              title: 'Set appArmorProfile type: RuntimeDefault',
              kind: 'suggestion',
              output: pod('  securityContext: {appArmorProfile: {type: Unconfined}}\n  initContainers: [{name: init, image: busybox:1.36, securityContext: {appArmorProfile: {type: RuntimeDefault}}}]', '', '\r\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'annotations on a pod template: unconfined and an unknown profile',
      code: deployment(`        ${KEY}/app: unconfined\n        ${KEY}/proxy: "docker-default" # old name`),
      findings: [
        {
          message: `Container app runs without AppArmor confinement (annotation ${KEY}/app: unconfined): ${UNCONFINED} ${SET_ANNOTATION}`,
          range: [8, 60, 8, 70],
          fixes: [
            {
              title: 'Set the annotation to runtime/default',
              kind: 'suggestion',
              output: deployment(`        ${KEY}/app: runtime/default\n        ${KEY}/proxy: "docker-default" # old name`),
            },
          ],
        },
        {
          message: `Container proxy asks for the AppArmor profile docker-default (annotation ${KEY}/proxy), which the Pod Security Standards reject: only runtime/default and localhost/<profile> are allowed. ${SET_ANNOTATION}`,
          range: [9, 62, 9, 78],
          fixes: [
            {
              title: 'Set the annotation to runtime/default',
              kind: 'suggestion',
              output: deployment(`        ${KEY}/app: unconfined\n        ${KEY}/proxy: runtime/default # old name`),
            },
          ],
        },
      ],
    },
    {
      name: 'a type that is neither allowed value, on an ephemeral container of a CronJob',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: report, image: example/report:1.0}]\n          ephemeralContainers: [{name: debug, securityContext: {appArmorProfile: {type: runtime/default}}}]\n',
      findings: [
        {
          message: `Container debug sets appArmorProfile.type: runtime/default, which the Pod Security Standards reject: only RuntimeDefault and Localhost are allowed. ${SET_TYPE}`,
          range: [9, 88, 9, 103],
          fixes: [
            {
              title: 'Set appArmorProfile type: RuntimeDefault',
              kind: 'suggestion',
              output: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: report, image: example/report:1.0}]\n          ephemeralContainers: [{name: debug, securityContext: {appArmorProfile: {type: RuntimeDefault}}}]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a profile shared through an anchor: each container at its own text, no fix',
      code: pod('', '      securityContext: {appArmorProfile: &open {type: Unconfined}}\n    - name: sidecar\n      image: example/sidecar:1.0\n      securityContext: {appArmorProfile: *open}'),
      findings: [
        { message: `Container app runs without AppArmor confinement (appArmorProfile.type: Unconfined): ${UNCONFINED} ${SET_TYPE}`, range: [8, 54, 8, 64] },
        { message: `Container sidecar runs without AppArmor confinement (appArmorProfile.type: Unconfined): ${UNCONFINED} ${SET_TYPE}`, range: [11, 41, 11, 46] },
      ],
    },
  ],
});
