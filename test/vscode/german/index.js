'use strict';
// The extension in German: runs with --locale=de and a copy of example/glossary (see package.json's
// test:vscode script).
const { runTestsIn } = require('../suite/index.js');

module.exports = { run: () => runTestsIn(__dirname) };
