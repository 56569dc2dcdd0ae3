// Loaded with `node --require` before the server or the command line: every call that would open a
// network connection, listen, resolve a host name, start a process or a worker thread is written
// to the file named by GLOSSARY_GUARD_LOG (and then goes ahead, so that the program under test
// behaves as without the guard). test/noEscape.test.ts asserts that the file stays empty.
// `import x = require(...)`: the modules themselves are patched, not copies of their exports.
import childProcess = require('node:child_process');
import dgram = require('node:dgram');
import dns = require('node:dns');
import fs = require('node:fs');
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import workerThreads = require('node:worker_threads');

const log = process.env.GLOSSARY_GUARD_LOG;
// Each process the guard watches says so, so that a test can tell it was loaded at all.
if (process.env.GLOSSARY_GUARD_LOADED !== undefined) fs.appendFileSync(process.env.GLOSSARY_GUARD_LOADED, `${process.argv.slice(2).join(' ')}\n`);

function record(what: string): void {
  if (log !== undefined) fs.appendFileSync(log, `${what}\n${new Error().stack?.split('\n').slice(2, 6).join('\n')}\n`);
}

/** Replaces `target[name]` by a function that records the call and then makes it. */
function watch(target: object, name: string, what: string): void {
  const holder = target as Record<string, unknown>;
  const original = holder[name];
  if (typeof original !== 'function') return;
  const watched = function (this: unknown, ...args: unknown[]): unknown {
    record(what);
    return new.target ? Reflect.construct(original, args) : (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  Object.defineProperty(holder, name, { value: watched, writable: true, configurable: true });
}

watch(net.Socket.prototype, 'connect', 'net.Socket#connect');
watch(net.Server.prototype, 'listen', 'net.Server#listen');
watch(dgram, 'createSocket', 'dgram.createSocket');
for (const name of ['request', 'get']) {
  watch(http, name, `http.${name}`);
  watch(https, name, `https.${name}`);
}
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) watch(dns, name, `dns.${name}`);
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) watch(childProcess, name, `child_process.${name}`);
watch(workerThreads, 'Worker', 'worker_threads.Worker');
