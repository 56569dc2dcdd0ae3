'use strict';
/**
 * Finds the glossary language server that an editor started, so that a test can make it crash as
 * a bug would. Reads /proc (Linux), as the CI machine may have no `ps`. Plain CommonJS, for the
 * extension-host suites and the UI tests alike.
 */
const fs = require('node:fs');

/** The parent pid of a process, or undefined when it has ended. */
function parentOf(pid) {
  try {
    // The fields after the command (in parentheses, which may hold spaces): state, then the parent pid.
    return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
  } catch {
    return undefined;
  }
}

function isGlossaryServer(pid) {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.some((arg) => arg.endsWith('glossary.js')) && args.includes('lsp');
  } catch {
    return false;
  }
}

/** The pids of the glossary servers (`glossary.js lsp`) that `ancestor` started, itself or through its children. */
function glossaryServersUnder(ancestor) {
  const servers = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || !isGlossaryServer(entry)) continue;
    for (let pid = parentOf(entry); pid !== undefined && pid > 1; pid = parentOf(pid)) {
      if (pid === ancestor) {
        servers.push(Number(entry));
        break;
      }
    }
  }
  return servers;
}

/** The pid of a glossary server that `ancestor` started; undefined when none runs. */
function glossaryServerUnder(ancestor) {
  return glossaryServersUnder(ancestor)[0];
}

module.exports = { glossaryServerUnder, glossaryServersUnder };
