'use strict';
// The extension's suite: runs with a copy of example/glossary as the workspace (see package.json's
// test:vscode script).
const { runTestsIn } = require('../suite/index.js');

module.exports = { run: () => runTestsIn(__dirname) };
