import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Scalar } from 'yaml';
import { parseKubernetes } from '../../../engine/kubernetes/model';
import { rangeInScalar, scalarRange } from '../../../engine/kubernetes/scalarRanges';
import { scalarAt } from '../../../engine/kubernetes/yamlNodes';
import type { Range } from '../../../engine/types';

/** The `value` scalar of the first object of `text`, and two functions over it. */
function valueOf(text: string) {
  const model = parseKubernetes(text);
  const object = model.objects[0]!;
  const node = scalarAt(object.node, 'value', object.yaml.document) as Scalar;
  const at = (range: Range) => [range.start.line, range.start.character, range.end.line, range.end.character];
  return {
    whole: () => at(scalarRange(model, object.yaml, node)),
    find: (needle: string, from = 0) => {
      const start = String(node.value).indexOf(needle, from);
      return at(rangeInScalar(model, object.yaml, node, start, start + needle.length));
    },
  };
}

const head = 'apiVersion: v1\nkind: X\n';

describe('ranges inside scalars', () => {
  it('ends a block scalar at its last character, not on the next line', () => {
    assert.deepEqual(valueOf(`${head}value: |\n  a\n  b\n\nnext: 1\n`).whole(), [2, 7, 4, 3]);
  });

  it('finds a part of a literal block on its own line, the second occurrence as the second', () => {
    const value = valueOf(`${head}value: |\n  pw=x\n  pw=x\n`);
    assert.deepEqual(value.find('pw=x'), [3, 2, 3, 6]);
    assert.deepEqual(value.find('pw=x', 1), [4, 2, 4, 6]);
  });

  it('falls back to the whole scalar when folding or escapes make the source differ', () => {
    // Folded: the value holds "a b" where the source has a line break.
    assert.deepEqual(valueOf(`${head}value: >\n  a\n  b\n`).find('a b'), [2, 7, 4, 3]);
    // An escape spells the text differently in the source.
    assert.deepEqual(valueOf(`${head}value: "p\\x77=1"\n`).find('pw=1'), [2, 7, 2, 16]);
  });
});
