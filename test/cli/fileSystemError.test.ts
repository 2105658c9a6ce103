import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';
import { describeFileSystemError } from '../../cli/fileSystemError';

it('describes a file-system error by its code and reason, without the path Node adds', () => {
  let error: unknown;
  try {
    readFileSync(path.join(tmpdir(), 'ballast-no-such-file', 'Dockerfile'));
  } catch (caught) {
    error = caught;
  }
  assert.equal(describeFileSystemError(error), 'ENOENT: no such file or directory');
  assert.equal(describeFileSystemError(new Error('something else')), 'something else');
});
