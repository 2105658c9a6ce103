// `node requireBundle.cjs <bundle> [args…]`: loads the bundle with `vscode` resolved to the stub and
// the rest of the arguments in process.argv, as they would be when it runs, and prints how long
// `require` took, in milliseconds, on stderr (a language server's stdout is its protocol). Exits at
// once: a server would otherwise wait for its client.
const Module = require('node:module');
const path = require('node:path');

const [bundle, ...args] = process.argv.slice(2);
process.argv.splice(2, process.argv.length, ...args);
const stub = path.join(__dirname, 'vscodeStub.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? stub : resolve.call(this, request, ...rest);
};
const start = performance.now();
require(path.resolve(bundle));
process.stderr.write(`require-ms ${performance.now() - start}\n`);
process.exit(0);
