// Stands in for the `vscode` module, which exists only inside the editor: every property is a
// function that can be called or extended and whose properties are the same, so loading a bundle
// that reads `vscode.*` at its top level works.
function stub() {
  return new Proxy(function vscode() {}, {
    get: (target, key) => (key === 'prototype' ? target.prototype : key === Symbol.toPrimitive ? () => '' : stub()),
    apply: () => stub(),
    construct: () => stub(),
  });
}
module.exports = stub();
