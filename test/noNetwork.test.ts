// The guard test/run.mjs loads into every process of the run: proof that it is active here, and
// that it catches each way of reaching the network, from a child process that logs elsewhere.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const GUARD = path.join(__dirname, 'helpers', 'noNetwork.cjs');

function attempt(script: string): { status: number | null; stderr: string; log: string } {
  const folder = mkdtempSync(path.join(tmpdir(), 'ballast-guard-'));
  const log = path.join(folder, 'attempts.log');
  try {
    const run = spawnSync(process.execPath, ['--require', GUARD, '-e', script], { env: { ...process.env, NODE_OPTIONS: '', BALLAST_NETWORK_LOG: log }, encoding: 'utf8' });
    let logged = '';
    try {
      logged = readFileSync(log, 'utf8');
    } catch {
      // nothing logged
    }
    return { status: run.status, stderr: run.stderr, log: logged };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('no network during the tests', () => {
  it('is enforced in this very process', () => {
    assert.ok(process.env.NODE_OPTIONS?.includes('noNetwork.cjs'), 'test/run.mjs passes the guard on to every process');
    // This attempt is deliberate: it is logged away from the run's log, which must stay empty.
    const runLog = process.env.BALLAST_NETWORK_LOG;
    const folder = mkdtempSync(path.join(tmpdir(), 'ballast-guard-'));
    process.env.BALLAST_NETWORK_LOG = path.join(folder, 'attempts.log');
    try {
      assert.throws(() => require('node:net').connect(443, 'registry.npmjs.org'), /Network access attempted during the tests: connect to registry\.npmjs\.org:443/);
      assert.match(readFileSync(process.env.BALLAST_NETWORK_LOG, 'utf8'), /connect to registry\.npmjs\.org:443/);
    } finally {
      process.env.BALLAST_NETWORK_LOG = runLog;
      rmSync(folder, { recursive: true, force: true });
    }
  });

  for (const [what, script, expected] of [
    ['a TCP connection', "require('node:net').connect({ host: '127.0.0.1', port: 9 })", 'connect to 127.0.0.1:9'],
    ['an HTTPS request', "require('node:https').get('https://example.com/')", 'connect to example.com:443'],
    ['an HTTP request to an address', "require('node:http').get('http://10.0.0.1/')", 'connect to 10.0.0.1:80'],
    ['fetch', "fetch('https://example.com/')", 'fetch'],
    ['a DNS lookup', "require('node:dns').lookup('example.com', () => {})", 'dns.lookup'],
    ['a UDP socket', "require('node:dgram').createSocket('udp4')", 'dgram.createSocket'],
  ] as const) {
    it(`refuses ${what} and logs it even when the error is swallowed`, () => {
      const run = attempt(`try { ${script} } catch {}`);
      assert.match(run.log, new RegExp(`^Network access attempted during the tests: ${expected.replace(/\./g, '\\.')} `));
    });
  }

  it('allows a local socket on a path, as the editor uses to reach the server', () => {
    const socket = path.join(tmpdir(), `ballast-guard-${process.pid}.sock`);
    const run = attempt(`const net = require('node:net'); const server = net.createServer((c) => c.end()).listen(${JSON.stringify(socket)}, () => { net.connect(${JSON.stringify(socket)}).on('close', () => server.close()); });`);
    assert.equal(run.log, '');
    assert.equal(run.status, 0, run.stderr);
  });
});
