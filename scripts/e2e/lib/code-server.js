'use strict';
/**
 * Starting VS Code 1.100 (code-server 4.100.3) and Debian's Chromium for tests, as
 * ../shared/docs/E2E.md describes. Shared by scripts/e2e/code-server-host (the extension-host
 * suite under @vscode/test-electron) and test/e2e/workbench.mjs (driving the real UI).
 *
 * Plain CommonJS without dependencies except playwright-core (from the project's node_modules),
 * so that it runs without a build step.
 */
const cp = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const CODE_SERVER_VERSION = '4.100.3';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SETUP_SCRIPT = path.join(REPO_ROOT, 'scripts', 'e2e', 'setup.sh');

/** Chromium flags that keep Debian's Chromium quiet, offline and headless-safe (E2E.md). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings that keep dialogs, walkthroughs and notifications off the editor. */
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** The cache folder that scripts/e2e/setup.sh installs into. */
function cacheDir() {
  return process.env.GLOSSARY_E2E_CACHE || path.join(os.homedir(), '.cache', 'pandoc-glossary-e2e');
}

/** The code-server package folder, or undefined when it is not installed (yet). */
function findCodeServer() {
  const candidates = [
    process.env.GLOSSARY_CODE_SERVER_DIR,
    path.join(cacheDir(), 'code-server', 'node_modules', 'code-server'),
  ].filter(Boolean);
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, 'out', 'node', 'entry.js'))) {
      return dir;
    }
  }
  return undefined;
}

/**
 * The code-server package folder; runs scripts/e2e/setup.sh first when it is missing and
 * `install` is true (the setup is cached, so this costs nothing the second time).
 */
function ensureCodeServer({ install = true, log = console.error } = {}) {
  let dir = findCodeServer();
  if (!dir && install) {
    log(`[e2e] code-server not found; running ${path.relative(process.cwd(), SETUP_SCRIPT) || SETUP_SCRIPT}`);
    const r = cp.spawnSync('bash', [SETUP_SCRIPT], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      throw new Error(`scripts/e2e/setup.sh failed with exit code ${r.status}`);
    }
    dir = findCodeServer();
  }
  if (!dir) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} not found in ${path.join(cacheDir(), 'code-server')}: run scripts/e2e/setup.sh`,
    );
  }
  return dir;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function httpGetStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/**
 * Writes a fresh profile: `<root>/user-data/User/settings.json`, an empty extensions folder and
 * an empty code-server config file. With a `locale` other than English it also registers an empty
 * language pack for it (see stubLanguagePack). Returns the paths.
 */
function makeProfile(root, settings = {}, { locale } = {}) {
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const configFile = path.join(root, 'code-server.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(configFile, '');
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2) + '\n',
  );
  if (locale && !/^en\b/i.test(locale)) stubLanguagePack(userDataDir, locale);
  return { userDataDir, extensionsDir, configFile };
}

/**
 * Makes VS Code run in `locale` without its language pack (which only the marketplace has): an
 * empty translation file registered in `<user-data>/languagepacks.json`, where code-server looks
 * for language packs. Then `vscode.env.language` is the locale and extensions use their
 * `package.nls.<locale>.json` and `l10n/bundle.l10n.<locale>.json`, while VS Code's own UI stays
 * in English.
 */
function stubLanguagePack(userDataDir, locale) {
  const lang = locale.toLowerCase();
  const translations = path.join(userDataDir, 'stub-language-pack', `${lang}.i18n.json`);
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = {
    [lang]: {
      hash: `stub-${lang}`,
      label: lang,
      extensions: [{ extensionIdentifier: { id: `pandoc-glossary-test.stub-language-pack-${lang}` }, version: '0.0.0' }],
      translations: { vscode: translations },
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

/** Common code-server arguments for a profile. */
function profileArgs({ userDataDir, extensionsDir, configFile }) {
  return [
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
}

/**
 * Installs a packaged extension (.vsix) into a profile with code-server's CLI (about a second).
 */
function installExtension(codeServerDir, profile, vsix) {
  const r = cp.spawnSync(
    process.execPath,
    [path.join(codeServerDir, 'out', 'node', 'entry.js'), ...profileArgs(profile), '--force', '--install-extension', path.resolve(vsix)],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/**
 * Starts code-server on a free 127.0.0.1 port with the given profile and waits until /healthz
 * answers. Its output goes to `logFile`. Returns { port, origin, process, stop() }.
 */
async function startCodeServer({ codeServerDir, profile, logFile, locale, env = {}, startupTimeoutMs = 60000 }) {
  const port = await freePort();
  const args = [
    path.join(codeServerDir, 'out', 'node', 'entry.js'),
    ...profileArgs(profile),
    '--bind-addr', `127.0.0.1:${port}`,
    ...(locale ? ['--locale', locale] : []),
  ];
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  // VS Code's IPC sockets go into TMPDIR; a private one goes away with the profile.
  const tmpDir = path.join(path.dirname(profile.userDataDir), 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  const out = fs.openSync(logFile, 'a');
  // Its own process group, so that stop() ends code-server and the extension host it forks.
  const child = cp.spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', out, out],
    // An empty gallery: no extension marketplace queries leave the machine.
    env: { EXTENSIONS_GALLERY: '{}', ...process.env, TMPDIR: tmpDir, ...env },
  });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  const deadline = Date.now() + startupTimeoutMs;
  for (;;) {
    if (exited) {
      throw new Error(`code-server exited during start-up (${JSON.stringify(exited)}); see ${logFile}`);
    }
    if ((await httpGetStatus(`${origin}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${origin}/healthz within ${startupTimeoutMs} ms; see ${logFile}`);
    }
    await sleep(200);
  }
  return { port, origin, process: child, stop, logFile };
}

/**
 * The workbench URL for a folder (or .code-workspace file), with a `payload` carrying
 * extension-development and extension-tests locations as vscode-remote URIs.
 */
function workbenchUrl(origin, { folder, extensionDevelopmentPaths = [], extensionTestsPath, extraPayload = [] } = {}) {
  const authority = new URL(origin).host;
  const remote = (p) => `vscode-remote://${authority}${encodeURI(path.resolve(p).split(path.sep).join('/'))}`;
  const params = new URLSearchParams();
  if (folder) {
    const abs = path.resolve(folder);
    params.set(abs.endsWith('.code-workspace') ? 'workspace' : 'folder', abs);
  }
  const payload = [
    ...extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...(extensionTestsPath ? [['extensionTestsPath', remote(extensionTestsPath)]] : []),
    ...extraPayload,
  ];
  if (payload.length) params.set('payload', JSON.stringify(payload));
  const q = params.toString();
  return `${origin}/${q ? `?${q}` : ''}`;
}

/**
 * Debian's Chromium through playwright-core with a fresh profile. Returns { context, page }.
 */
async function launchChromium({ profileDir, viewport = { width: 1400, height: 900 }, locale } = {}) {
  const { chromium } = require(require.resolve('playwright-core', { paths: [REPO_ROOT, process.cwd()] }));
  const executablePath = process.env.GLOSSARY_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: run scripts/e2e/setup.sh (installs Debian's chromium)`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale,
    // Debian's /usr/bin/chromium is a shell wrapper; give it a moment on a busy 2-core machine.
    timeout: 60000,
  });
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

/** Workbench log lines that say nothing about the test run (shown only in verbose mode). */
const WORKBENCH_NOISE = [
  /^Resolv(?:ing|ed) connection token/,
  /^Creating a socket/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
];

/**
 * Reads a browser console message of the workbench. The workbench's log service writes
 * `console.log('%c INFO', 'color: ...', format, ...args)`; when an extension-host test run was
 * started from the command line, the extension host's console output (mocha's reporter) arrives
 * that way too. Returns { level, text, fromLogService, noise }: level is TRACE, DEBUG, INFO, WARN
 * or ERR for log-service lines and the console type otherwise; text is formatted like Node's
 * console.log would.
 */
async function readConsoleMessage(msg) {
  const util = require('node:util');
  let args;
  try {
    args = await Promise.all(msg.args().map((a) => a.jsonValue()));
  } catch {
    args = [];
  }
  const m = typeof args[0] === 'string' ? /^%c\s*(TRACE|DEBUG|INFO|WARN|ERR)\s*$/.exec(args[0]) : null;
  if (m && typeof args[1] === 'string') {
    const rest = args.slice(2);
    const text = rest.length ? util.format(...rest) : '';
    return { level: m[1], text, fromLogService: true, noise: WORKBENCH_NOISE.some((re) => re.test(text)) };
  }
  return { level: msg.type(), text: args.length ? util.format(...args) : msg.text(), fromLogService: false, noise: true };
}

module.exports = {
  CODE_SERVER_VERSION,
  CHROMIUM_ARGS,
  DEFAULT_SETTINGS,
  REPO_ROOT,
  cacheDir,
  findCodeServer,
  ensureCodeServer,
  freePort,
  makeProfile,
  installExtension,
  startCodeServer,
  workbenchUrl,
  launchChromium,
  WORKBENCH_NOISE,
  readConsoleMessage,
  sleep,
};
