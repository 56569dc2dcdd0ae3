'use strict';
// An empty window (no workspace folder) in which the writer opens one entry of a copy of
// example/glossary (see package.json's test:vscode script).
const { runTestsIn } = require('../suite/index.js');

module.exports = { run: () => runTestsIn(__dirname) };
