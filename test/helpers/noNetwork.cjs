/**
 * Loaded into every process of the test run (`--require`, passed on through NODE_OPTIONS): any
 * attempt to reach the network — a TCP or UDP socket, a DNS lookup, fetch — throws, and is written
 * to the file named by BALLAST_NETWORK_LOG, so that an attempt whose error was swallowed still
 * fails the run (test/run.mjs checks the file at the end). Sockets on a path (pipes, the IPC
 * channel VS Code uses to talk to the server) are local and allowed.
 */
'use strict';
const net = require('node:net');
const dns = require('node:dns');
const dgram = require('node:dgram');
const fs = require('node:fs');

function refuse(what) {
  const message = `Network access attempted during the tests: ${what} (process ${process.pid}: ${process.argv.slice(1).join(' ')})`;
  const log = process.env.BALLAST_NETWORK_LOG;
  if (log) fs.appendFileSync(log, `${message}\n`);
  throw new Error(message);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : first;
  const local = typeof options === 'string' || (options !== null && typeof options === 'object' && typeof options.path === 'string');
  if (!local) refuse(`connect to ${options && typeof options === 'object' ? `${options.host ?? 'localhost'}:${options.port}` : String(options)}`);
  return connect.apply(this, args);
};

for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']) {
  if (typeof dns[name] === 'function') dns[name] = () => refuse(`dns.${name}`);
  if (dns.promises && typeof dns.promises[name] === 'function') dns.promises[name] = () => refuse(`dns.promises.${name}`);
}
dgram.createSocket = () => refuse('dgram.createSocket');
globalThis.fetch = () => refuse('fetch');
