import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call } from './call';

describe('Sprig encoding functions', () => {
  it('encodes and decodes base64 of the UTF-8 bytes', () => {
    assert.equal(call('b64enc', 'coffee'), 'Y29mZmVl');
    assert.equal(call('b64enc', 'héllo'), 'aMOpbGxv');
    assert.equal(call('b64dec', 'Y29mZmVl'), 'coffee');
    assert.equal(call('b64dec', 'aMOpbGxv'), 'héllo');
    assert.equal(call('b64dec', 'YQ=='), 'a');
    assert.equal(call('b64dec', 'YWI='), 'ab');
    assert.equal(call('b64dec', 'Y29m\r\nZmVl\n'), 'coffee');
    assert.equal(call('b64dec', ''), '');
  });

  it('gives Go’s error text for invalid base64, as Sprig returns it', () => {
    const cases: [string, number][] = [
      ['abc', 0],
      ['Y29m!mVl', 4],
      ['YQ=', 3],
      ['Y===', 1],
      ['YQ==YQ==', 4],
      ['YQ=x', 2],
    ];
    for (const [input, offset] of cases) assert.equal(call('b64dec', input), `illegal base64 data at input byte ${offset}`, input);
  });

  it('encodes and decodes base32', () => {
    assert.equal(call('b32enc', 'coffee'), 'MNXWMZTFMU======');
    assert.equal(call('b32enc', 'foo'), 'MZXW6===');
    assert.equal(call('b32enc', 'Hello, world'), 'JBSWY3DPFQQHO33SNRSA====');
    assert.equal(call('b32dec', 'MNXWMZTFMU======'), 'coffee');
    assert.equal(call('b32dec', 'MZXW6===\n'), 'foo');
    assert.equal(call('b32dec', 'MZXW6'), 'illegal base32 data at input byte 0');
    assert.equal(call('b32dec', 'MZ!W6==='), 'illegal base32 data at input byte 2');
    assert.equal(call('b32dec', 'MZXW6=X='), 'illegal base32 data at input byte 5');
  });
});

describe('Sprig checksums', () => {
  it('hashes the UTF-8 bytes', () => {
    assert.equal(call('sha1sum', 'abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
    assert.equal(call('sha256sum', 'abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(call('sha256sum', 'héllo'), '3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179');
    assert.equal(
      call('sha512sum', 'abc'),
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    );
    assert.equal(call('adler32sum', 'abc'), '38600999');
    assert.equal(call('adler32sum', 'héllo'), '192152348');
  });
});
