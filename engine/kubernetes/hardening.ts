import type { Fix, TextEdit } from '../types';
import { isRepeatedByAlias } from './anchors';
import type { Container, KubernetesModel } from './model';
import { addedCapabilities, containerSecurityContext, dropsAllCapabilities, privilegeEscalation, runAsNonRoot, seccompProfile, type DropAll, type Requirement } from './restricted';
import { joinInsertions, YamlEditor } from './yamlEdits';
import { scalarAt } from './yamlNodes';

export const HARDEN_TITLE = 'Harden this container (restricted profile)';

/**
 * One suggestion that brings a container's own `securityContext` up to the restricted Pod Security
 * Standard: `allowPrivilegeEscalation: false`, `runAsNonRoot: true`, `seccompProfile.type:
 * RuntimeDefault` and ALL in `capabilities.drop`, each only where the container does not already
 * meet it (a `runAsNonRoot: true` inherited from the pod counts). Missing keys are inserted in one
 * block, present ones replaced, an existing `drop` list extended in its style. It also turns
 * `privileged: true` off, which the API server would not accept next to
 * `allowPrivilegeEscalation: false`.
 *
 * Undefined when there is nothing to do, for Windows pods (the API rejects these Linux fields
 * there), when the container adds CAP_SYS_ADMIN (the API rejects it next to
 * `allowPrivilegeEscalation: false`, and which capabilities it needs is the author's call), and
 * when an edit would go through an alias or into an anchor that aliases repeat elsewhere: the fix
 * is for this container alone.
 */
export function hardenContainer(model: KubernetesModel, container: Container): Fix | undefined {
  const document = container.podSpec.object.yaml.document;
  if (addsCapSysAdmin(container) || !ownsSecurityContext(container)) return undefined;
  const securityContext = containerSecurityContext(container);
  const drop = dropsAllCapabilities(container);
  if (drop.state === 'exempt') return undefined;

  const editor = new YamlEditor(model, container.podSpec.object.yaml);
  const edits: TextEdit[] = [];
  const settings: [string[], string][] = [];
  if (scalarAt(securityContext, 'privileged', document)?.value === true) settings.push([['securityContext', 'privileged'], 'false']);
  if (unmet(privilegeEscalation(container))) settings.push([['securityContext', 'allowPrivilegeEscalation'], 'false']);
  if (unmet(runAsNonRoot(container))) settings.push([['securityContext', 'runAsNonRoot'], 'true']);
  if (unmet(seccompProfile(container))) settings.push([['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault']);
  if (drop.state === 'missing') {
    const change = dropAllChange(editor, container, drop);
    if (!change) return undefined;
    // The list's own edit goes first: it is the deepest, so it comes first where insertions meet.
    if ('edit' in change) edits.push(change.edit);
    else settings.push(change.set);
  }
  if (settings.length > 0) {
    const setEdits = editor.setAll(container.node, settings);
    if (!setEdits) return undefined;
    edits.push(...setEdits);
  }
  if (edits.length === 0) return undefined;
  return { title: HARDEN_TITLE, kind: 'suggestion', edits: joinInsertions(edits) };
}

/** How ALL gets into a drop list: one edit of the written list, or `drop: [ALL]` set below the container. */
export type DropAllChange = { edit: TextEdit } | { set: [string[], string] };

/**
 * The misspelt `all` corrected, or ALL appended to a non-empty list in its style; otherwise
 * `drop: [ALL]`, created with whatever mappings are missing. Undefined when the written list is
 * an anchor that aliases repeat elsewhere.
 */
export function dropAllChange(editor: YamlEditor, container: Container, drop: Extract<DropAll, { state: 'missing' }>): DropAllChange | undefined {
  const document = container.podSpec.object.yaml.document;
  if (drop.drop && isRepeatedByAlias(document, drop.drop)) return undefined;
  if (drop.misspelt && !isRepeatedByAlias(document, drop.misspelt)) return { edit: editor.replace(drop.misspelt, 'ALL') };
  if (drop.drop && drop.drop.items.length > 0) return { edit: editor.append(drop.drop, 'ALL') };
  return { set: [['securityContext', 'capabilities', 'drop'], '[ALL]'] };
}

/**
 * Whether edits to the container's `securityContext` change this container alone: neither it nor
 * the container is an anchor that aliases repeat elsewhere.
 */
export function ownsSecurityContext(container: Container): boolean {
  const document = container.podSpec.object.yaml.document;
  return !isRepeatedByAlias(document, container.node) && !isRepeatedByAlias(document, containerSecurityContext(container));
}

/**
 * The API server rejects `allowPrivilegeEscalation: false` next to `privileged: true` or an added
 * CAP_SYS_ADMIN: a fix that sets it alone would leave a manifest that cannot be applied.
 */
export function privilegeEscalationForced(container: Container): boolean {
  const document = container.podSpec.object.yaml.document;
  return scalarAt(containerSecurityContext(container), 'privileged', document)?.value === true || addsCapSysAdmin(container);
}

function addsCapSysAdmin(container: Container): boolean {
  return addedCapabilities(container).some((capability) => capability.value === 'CAP_SYS_ADMIN');
}

function unmet(requirement: Requirement): boolean {
  return requirement.state === 'missing' || requirement.state === 'wrong';
}
