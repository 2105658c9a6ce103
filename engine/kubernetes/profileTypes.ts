import { isScalar, type Node } from 'yaml';
import type { KubernetesRuleContext } from '../rule';
import { aliasOnPath, isRepeatedByAlias } from './anchors';
import { objectRef, rangeOfNode } from './model';
import { scopeLabel, securityContextScopes } from './podSecurity';
import { YamlEditor } from './yamlEdits';
import { mapAt, pairOf, resolve } from './yamlNodes';

/** The profile types pod-security-admission allows for seccomp and AppArmor alike. */
const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

/**
 * Reports a `seccompProfile` or `appArmorProfile` on the pod's or a container's security context
 * whose `type` is missing or not RuntimeDefault / Localhost, with a suggestion setting
 * RuntimeDefault. `describe` says what the written type (undefined when missing) means.
 */
export function checkProfileTypes({ model, report }: KubernetesRuleContext, field: 'seccompProfile' | 'appArmorProfile', describe: (type: string | undefined) => string): void {
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const scope of securityContextScopes(spec)) {
        const profilePair = pairOf(scope.securityContext, field);
        const profile = mapAt(scope.securityContext, field, document);
        // `<field>: null` sets nothing; a profile without a type is as forbidden as a wrong one.
        if (!profilePair || !profile) continue;
        const typePair = pairOf(profile, 'type');
        const type = resolve(typePair?.value, document);
        const value = isScalar(type) && type.value !== null ? String(type.value) : undefined;
        if (value !== undefined && ALLOWED_TYPES.has(value)) continue;
        const via = aliasOnPath(scope.owner, ['securityContext', field, 'type']);
        const at = via ?? ((typePair?.value as Node | undefined) ?? (profilePair.key as Node));
        const edit = via || isRepeatedByAlias(document, profile) ? undefined : new YamlEditor(model, object.yaml).set(profile, ['type'], 'RuntimeDefault');
        report({
          message: `${scopeLabel(scope)} ${describe(value)} Set type: RuntimeDefault, or Localhost with a profile of your own.`,
          range: rangeOfNode(model, object.yaml, at)!,
          fixes: edit ? [{ title: `Set ${field} type: RuntimeDefault`, kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object, scope.container),
        });
      }
    }
  }
}
