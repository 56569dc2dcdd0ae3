'use strict';
// The extension on a copy of the real glossary (../shared/corpus/ki-glossar/src/de, see
// package.json's test:vscode script).
const { runTestsIn } = require('../suite/index.js');

module.exports = { run: () => runTestsIn(__dirname) };
