import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { policyRules } from '../../engine/kubernetes/rbac';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/rbac-privilege-escalation-verbs',
  target: 'kubernetes',
  title: 'Role allows escalate, bind or impersonate',
  defaultSeverity: 'warning',
  description: `Kubernetes stops a subject from granting permissions it does not hold, except through three
verbs made to get around exactly that:
- \`escalate\` on roles or clusterroles: write a role with any permission, cluster-admin's included;
- \`bind\` on roles or clusterroles: bind any role, cluster-admin included, to anyone, oneself included;
- \`impersonate\` on users, groups, serviceaccounts (or uids, userextras): act as another identity
  and get all of its permissions, \`system:masters\` included.

Ballast reports each of these verbs in a Role or ClusterRole, on the verb. A \`*\` verb includes them
and is reported by \`kubernetes/rbac-wildcard\`. Tools that manage RBAC or authenticate on behalf of
users (a GitOps controller, an auth proxy) may need one; limit it with \`resourceNames\` and say why
with \`# ballast-ignore kubernetes/rbac-privilege-escalation-verbs -- reason\`. There is no automatic
fix.

Bad:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: team-admin
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "rolebindings"]
    verbs: ["get", "list", "create", "update", "bind", "escalate"]
\`\`\`

Good:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: team-admin
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["rolebindings"]
    verbs: ["get", "list", "create", "update"]
\`\`\``,
  references: [
    { title: 'Kubernetes docs: RBAC, privilege escalation prevention and bootstrapping', url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping' },
    { title: 'CIS Kubernetes Benchmark 5.1.8: Limit use of the Bind, Impersonate and Escalate permissions', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes docs: User impersonation', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0043'],
    checkov: ['CKV_K8S_157', 'CKV_K8S_158', 'CKV2_K8S_3'],
  },
};

const WHAT_IT_ALLOWS: Record<string, string> = {
  escalate: 'write roles with permissions they do not hold themselves, cluster-admin included',
  bind: 'bind any role, cluster-admin included, to anyone, themselves included',
  impersonate: 'act as other users, groups or service accounts, with all their permissions',
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const rule of policyRules(object) ?? []) {
      for (const verb of rule.verbs) {
        const allows = WHAT_IT_ALLOWS[verb.value];
        if (!allows) continue;
        report({
          message: `${describeObject(object)} allows ${verb.value}: its subjects can ${allows}. Remove it unless this role manages RBAC or authentication, and then limit it with resourceNames.`,
          range: rangeOfNode(model, object.yaml, verb.node)!,
          object: objectRef(object),
        });
      }
    }
  }
}
