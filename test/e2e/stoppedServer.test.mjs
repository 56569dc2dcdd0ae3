// A glossary server that crashes on every start, in the real VS Code UI: the client gives up after
// five crashes, the status bar says the server stopped, New Entry says at once that the server is
// not running and offers a restart, and the restart brings the glossary back.
//
//   node --test test/e2e/stoppedServer.test.mjs     (screenshots in out/e2e-results/stopped-server/)
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openWorkbench } from './workbench.mjs';
import processes from '../../scripts/e2e/lib/glossaryServer.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

test('a server stopped for good: the status bar says so, New Entry says that it is not running, and its Restart Server brings the glossary back', { timeout: 180000 }, async () => {
  const wb = await openWorkbench({ name: 'stopped-server', workspace: path.join(REPO_ROOT, 'example', 'glossary'), extensionDevelopmentPath: REPO_ROOT });
  const serverPid = () => processes.glossaryServerUnder(wb.server.process.pid);
  try {
    await wb.openFile('Attention.md');
    await wb.waitFor(async () => /7 entries · 1 broken link/.test(await wb.statusBarText()), { timeout: 60000, what: 'the glossary in the status bar' });

    // Five crashes of a running server, as a bug on reading the glossary would cause. Each server
    // is given time to answer initialize first: the client library may not count a crash while it
    // still waits for that answer as one (and restarts once more), which made this test flaky.
    let pid = await wb.waitFor(serverPid, { what: 'the server process' });
    for (let crash = 1; crash <= 5; crash++) {
      await wb.page.waitForTimeout(3000);
      process.kill(pid, 'SIGKILL');
      if (crash === 5) break;
      const crashed = pid;
      pid = await wb.waitFor(() => {
        const next = serverPid();
        return next !== crashed && next;
      }, { what: `the server restarted after crash ${crash}` });
    }
    await wb.waitFor(async () => /Glossary server stopped/.test(await wb.statusBarText()), { what: 'the status bar to say that the server stopped' });
    await wb.screenshot('stopped');

    // A command that needs the server says at once that it is not running, rather than asking for a term first.
    await wb.runCommand('Glossary: New Entry…');
    const failure = wb.page.locator('.notification-toast').filter({ hasText: 'The glossary command did not complete: the glossary server is not running.' });
    await failure.waitFor({ state: 'visible', timeout: 15000 });
    await wb.screenshot('new-entry-failed');
    assert.equal(await wb.page.locator('.quick-input-widget input').isVisible(), false, 'no input box for the term');
    await failure.getByRole('button', { name: 'Restart Server' }).click();

    await wb.waitFor(async () => /7 entries · 1 broken link/.test(await wb.statusBarText()), { timeout: 30000, what: 'the restarted server in the status bar' });
    assert.ok(serverPid() !== undefined, 'a server runs again');
  } finally {
    await wb.close();
  }
});
