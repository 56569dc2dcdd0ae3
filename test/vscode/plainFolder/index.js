'use strict';
// A folder of Markdown that is no glossary (no entry): runs with a copy of test/fixtures/plain (see
// package.json's test:vscode script).
const { runTestsIn } = require('../suite/index.js');

module.exports = { run: () => runTestsIn(__dirname) };
