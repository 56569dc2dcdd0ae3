/**
 * Driving the real VS Code UI (1.100, served by code-server 4.100.3) in headless Debian Chromium
 * with playwright-core, for end-to-end tests of what a writer sees (../shared/docs/E2E.md).
 *
 *   import { openWorkbench } from './workbench.mjs';
 *   const wb = await openWorkbench({ workspace: 'test/fixtures/smoke', vsix: 'pandoc-glossary-0.1.0.vsix' });
 *   try {
 *     await wb.openFile('Smoke-Test.md');
 *     const hover = await wb.hover('#Other-Entry');     // moves the mouse there, retries until a hover shows
 *     await wb.screenshot('hover');                     // out/e2e-results/<name>/01-hover.png
 *   } finally {
 *     await wb.close();
 *   }
 *
 * Plain ESM (no build step; tsc does not compile it, and `node --test out/test/` does not see it).
 * Setup (code-server, Chromium) comes from scripts/e2e/setup.sh, which runs by itself when
 * code-server is missing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lib from '../../scripts/e2e/lib/code-server.js';

const ACTIVE_EDITOR = '.part.editor .editor-group-container.active .monaco-editor';
const HOVER_CONTENT = '.monaco-hover:not(.hidden) .monaco-hover-content';
const QUICK_INPUT = '.quick-input-widget';

/**
 * Starts code-server on a copy of `workspace` (or the folder itself with copyWorkspace: false),
 * installs `vsix` if given (or loads `extensionDevelopmentPath` unpackaged), opens the workbench in
 * Chromium and waits until the explorer shows the folder. Returns a Workbench.
 *
 * Options: workspace (folder), vsix, extensionDevelopmentPath, settings (added to the user
 * settings), locale ('de'), name (results sub-folder, default 'workbench'), resultsDir,
 * copyWorkspace (default true), viewport, startupTimeoutMs.
 */
export async function openWorkbench(options = {}) {
  const {
    workspace,
    vsix,
    extensionDevelopmentPath,
    settings = {},
    locale,
    name = 'workbench',
    copyWorkspace = true,
    viewport,
    startupTimeoutMs = 60000,
  } = options;
  const resultsDir = path.resolve(options.resultsDir ?? path.join(lib.REPO_ROOT, 'out', 'e2e-results', name));
  fs.mkdirSync(resultsDir, { recursive: true });
  // Screenshots of an earlier run would mix with this run's numbering.
  for (const f of fs.readdirSync(resultsDir)) if (f.endsWith('.png')) fs.rmSync(path.join(resultsDir, f));
  const codeServerDir = lib.ensureCodeServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `glossary-e2e-${name}-`));
  // Off from the start, so that no test meets the extension's offer to turn it off (builtInMarkdown.test.mjs tests that).
  const profile = lib.makeProfile(tmp, { 'markdown.suggest.paths.enabled': false, ...settings }, { locale });
  let folder;
  if (workspace) {
    folder = path.resolve(workspace);
    if (copyWorkspace) {
      const copy = path.join(tmp, 'workspace', path.basename(folder));
      fs.cpSync(folder, copy, { recursive: true });
      folder = copy;
    }
  }
  if (vsix) lib.installExtension(codeServerDir, profile, vsix);

  const wb = new Workbench({ tmp, resultsDir, folder });
  try {
    wb.server = await lib.startCodeServer({ codeServerDir, profile, logFile: path.join(tmp, 'code-server.log'), locale });
    const { context, page } = await lib.launchChromium({ profileDir: path.join(tmp, 'chromium'), viewport, locale });
    wb.context = context;
    wb.page = page;
    const consoleLog = fs.createWriteStream(path.join(resultsDir, 'browser-console.log'));
    wb.consoleLog = consoleLog;
    page.on('console', (msg) => consoleLog.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => consoleLog.write(`[pageerror] ${err.message}\n`));
    const url = lib.workbenchUrl(wb.server.origin, {
      folder,
      extensionDevelopmentPaths: extensionDevelopmentPath ? [extensionDevelopmentPath] : [],
    });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: startupTimeoutMs });
    await page.locator('.monaco-workbench').waitFor({ timeout: startupTimeoutMs });
    await page.locator('#workbench\\.parts\\.statusbar').waitFor({ timeout: startupTimeoutMs });
    if (folder) {
      await page
        .locator('.explorer-folders-view .monaco-list-row')
        .first()
        .waitFor({ timeout: startupTimeoutMs });
    }
  } catch (err) {
    await wb.screenshot('startup-failed').catch(() => {});
    await wb.close();
    throw new Error(`the workbench did not start: ${err.message} (results in ${resultsDir})`);
  }
  return wb;
}

/** A VS Code workbench in a browser page, with the helpers end-to-end tests need. */
export class Workbench {
  constructor({ tmp, resultsDir, folder }) {
    /** Temporary folder: profile, workspace copy, logs. */
    this.tmp = tmp;
    /** Where screenshots and logs go. */
    this.resultsDir = resultsDir;
    /** The workspace folder code-server opened (the copy, by default). */
    this.folder = folder;
    /** Playwright page, context and the code-server handle. */
    this.page = undefined;
    this.context = undefined;
    this.server = undefined;
    this.shots = 0;
  }

  /** Opens a file of the workspace by name with Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(name, { timeout = 15000 } = {}) {
    const page = this.page;
    await this.closeQuickInput();
    await page.keyboard.press('Control+P');
    const input = page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(name);
    const base = path.basename(name);
    // Wait until the file search has put it first (the list shows the previous filter's rows, for
    // example the recently opened files, for a moment), then take it.
    await this.waitFor(
      () =>
        page.evaluate(
          ({ sel, base, dir }) => {
            const rows = [...document.querySelectorAll(`${sel} .quick-input-list .monaco-list-row`)];
            const first = rows.find((r) => r.getAttribute('data-index') === '0');
            const label = first?.querySelector('.label-name')?.textContent.trim();
            const description = first?.querySelector('.label-description')?.textContent.trim() ?? '';
            return label === base && (dir === '.' || description.replace(/\\/g, '/').includes(dir));
          },
          { sel: QUICK_INPUT, base, dir: path.dirname(name).replace(/\\/g, '/') },
        ),
      { timeout, interval: 100, what: `${base} first in Quick Open` },
    );
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab.active[data-resource-name="${base}"]`).waitFor({ timeout });
    await page.locator(`${ACTIVE_EDITOR} .view-lines`).waitFor({ timeout });
  }

  /** The text of the active editor's visible lines. */
  async visibleText() {
    return this.page.evaluate((sel) => {
      const lines = [...document.querySelectorAll(`${sel} .view-lines .view-line`)];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
    }, ACTIVE_EDITOR);
  }

  /**
   * Screen coordinates of a character of `text` in the active editor (its middle by default, or
   * `at` characters into it). Reveals the text with the find widget when it is not on screen.
   */
  async locateText(text, { at, nth = 0 } = {}) {
    let point = await this.#pointOf(text, at, nth);
    if (!point) {
      await this.revealText(text);
      point = await this.#pointOf(text, at, nth);
    }
    if (!point) throw new Error(`text not found in the active editor: ${JSON.stringify(text)}`);
    return point;
  }

  /** Moves the cursor to the first occurrence of `text` with the find widget (Ctrl+F). */
  async revealText(text) {
    const page = this.page;
    await page.locator(`${ACTIVE_EDITOR} textarea`).first().focus();
    await page.keyboard.press('Control+F');
    const find = page.locator(`${ACTIVE_EDITOR} .find-widget.visible textarea, ${ACTIVE_EDITOR} .find-widget.visible input`).first();
    await find.waitFor({ timeout: 5000 });
    await find.fill(text);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
  }

  /**
   * Moves the cursor of the active editor to a 1-based `line` and `column` with Go to Line
   * (Ctrl+G) and waits until the status bar shows it there. Unlike a click, it does not depend on
   * where the text is drawn.
   */
  async goTo(line, column = 1, { timeout = 10000 } = {}) {
    const page = this.page;
    await this.closeQuickInput();
    await page.keyboard.press('Control+G');
    const input = page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await this.waitFor(
      async () => {
        const p = await this.cursorPosition();
        return p.line === line && p.column === column;
      },
      { timeout, what: `the cursor at Ln ${line}, Col ${column}` },
    );
  }

  /** Clicks on `text` in the active editor, which puts the cursor there. */
  async clickText(text, options = {}) {
    const { x, y } = await this.locateText(text, options);
    await this.page.mouse.click(x, y);
  }

  /**
   * Drags the file `name` from the Explorer (its row must be in view) onto `text` in the active
   * editor (see locateText for options) and drops it there with Shift held, which drops a file into
   * the text rather than opening it.
   */
  async dropFileOnText(name, text, options = {}) {
    const page = this.page;
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
    await row.waitFor({ timeout: 5000 });
    const from = await row.boundingBox();
    const to = await this.locateText(text, options);
    await page.mouse.move(from.x + 30, from.y + from.height / 2);
    await page.mouse.down();
    // A few moves with the button held start the drag; Shift is pressed over the editor, before the drop.
    await page.mouse.move(from.x + 60, from.y + from.height / 2 + 5, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 20 });
    await page.keyboard.down('Shift');
    await page.mouse.move(to.x + 1, to.y, { steps: 3 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
  }

  /** Moves the mouse onto `text` in the active editor (see locateText for options). */
  async hoverAt(text, options = {}) {
    const { x, y } = await this.locateText(text, options);
    await this.page.mouse.move(x, y, { steps: 2 });
  }

  /** The text of the hover that is showing, or undefined when none shows within `timeout` ms. */
  async readHover({ timeout = 2000 } = {}) {
    const hover = this.page.locator(HOVER_CONTENT).first();
    try {
      await hover.waitFor({ state: 'visible', timeout });
    } catch {
      return undefined;
    }
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ').trim();
    return text === '' || /^Loading/.test(text) ? undefined : text;
  }

  /**
   * Hovers over `text` until a hover with content shows (the language server may still be
   * starting) and returns its text; throws after `timeout` ms. `match` (RegExp) waits for a hover
   * whose text matches (other hovers, such as VS Code's own link hover, may come first).
   */
  async hover(text, { timeout = 15000, match, ...options } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      await this.page.mouse.move(1, 1);
      await this.page.waitForTimeout(150);
      await this.hoverAt(text, options);
      last = await this.readHover({ timeout: 2500 });
      if (last !== undefined && (!match || match.test(last))) return last;
      await this.page.waitForTimeout(500);
    }
    throw new Error(`no hover${match ? ` matching ${match}` : ''} over ${JSON.stringify(text)} within ${timeout} ms (last: ${JSON.stringify(last)})`);
  }

  /**
   * Opens the quick fixes at the cursor (Ctrl+.) until `label` is among them (the diagnostics and
   * the server may lag behind a change), selects it with the arrow keys and applies it with Enter.
   */
  async chooseQuickFix(label, { timeout = 20000 } = {}) {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    await this.waitFor(
      async () => {
        if (await rows.first().isVisible()) await this.pressKey('Escape');
        await this.pressKey('Control+.');
        try {
          await rows.first().waitFor({ state: 'visible', timeout: 3000 });
        } catch {
          return false;
        }
        return (await rows.filter({ hasText: label }).count()) > 0;
      },
      { timeout, interval: 500, what: `the quick fix ${label}` },
    );
    await this.screenshot('quick-fix');
    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      if ((await focused.getAttribute('aria-label').catch(() => null)) === label) break;
      await this.pressKey('ArrowDown');
    }
    assert.equal(await focused.getAttribute('aria-label'), label);
    await this.pressKey('Enter');
  }

  /** Presses a key or chord in the page (Playwright names: 'F12', 'Control+Shift+M', 'Escape'). */
  async pressKey(key) {
    await this.page.keyboard.press(key);
  }

  /** Types text at the cursor, as a writer would. */
  async type(text, { delay = 20 } = {}) {
    await this.page.keyboard.type(text, { delay });
  }

  /**
   * The labels in the suggest widget, waiting up to `timeout` ms for it to show (trigger it by
   * typing, or with Control+Space). Returns [] when none shows.
   */
  async suggestions({ timeout = 5000 } = {}) {
    const rows = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    try {
      await rows.first().waitFor({ state: 'visible', timeout });
    } catch {
      return [];
    }
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.editor-widget.suggest-widget.visible .monaco-list-row')]
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        .map((row) => (row.querySelector('.label-name') ?? row).textContent.replace(/\u00a0/g, ' ').trim()),
    );
  }

  /** Accepts the suggestion whose label is `label`: selects it with the arrow keys, then Enter. */
  async acceptSuggestion(label, { timeout = 5000 } = {}) {
    const labels = await this.suggestions({ timeout });
    const index = labels.indexOf(label);
    if (index < 0) throw new Error(`no suggestion ${JSON.stringify(label)} among ${JSON.stringify(labels)}`);
    const focused = await this.page.evaluate(() => {
      const row = document.querySelector('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
      return row ? Number(row.getAttribute('data-index')) : 0;
    });
    for (let i = focused; i < index; i++) await this.page.keyboard.press('ArrowDown');
    for (let i = focused; i > index; i--) await this.page.keyboard.press('ArrowUp');
    await this.page.keyboard.press('Enter');
  }

  /** The text of the line the cursor is on, read from the model through the status bar line number. */
  async cursorLineText() {
    const { line } = await this.cursorPosition();
    return this.page.evaluate(
      ({ sel, line }) => {
        const lines = [...document.querySelectorAll(`${sel} .margin-view-overlays .line-numbers`)];
        const number = lines.find((n) => n.textContent.trim() === String(line));
        if (!number) return undefined;
        const top = number.parentElement.style.top;
        const view = [...document.querySelectorAll(`${sel} .view-lines .view-line`)].find((l) => l.style.top === top);
        return view?.textContent.replace(/\u00a0/g, ' ');
      },
      { sel: ACTIVE_EDITOR, line },
    );
  }

  /** Runs a command from the command palette by its label ("Glossary: New Entry…"). */
  async runCommand(label, { timeout = 10000 } = {}) {
    await this.openPalette(label, timeout);
    await this.page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`, { hasText: label }).first().waitFor({ timeout });
    await this.page.keyboard.press('Enter');
  }

  /**
   * The labels of the commands the command palette lists for `filter` (an empty list once the
   * palette says that none match); the palette is closed again.
   */
  async paletteCommands(filter, { timeout = 10000 } = {}) {
    await this.openPalette(filter, timeout);
    const labels = await this.waitFor(
      () =>
        this.page.evaluate((sel) => {
          const widget = document.querySelector(sel);
          const rows = [...widget.querySelectorAll('.quick-input-list .monaco-list-row .label-name')].map((label) => label.textContent);
          // With no command to list, the palette lists this message instead.
          if (rows.length === 1 && rows[0] === 'No matching commands') return [];
          return rows.length > 0 ? rows : undefined;
        }, QUICK_INPUT),
      { timeout, what: `the command palette's answer to ${JSON.stringify(filter)}` },
    );
    await this.closeQuickInput();
    return labels;
  }

  /** Opens the command palette (F1) with `filter` typed. */
  async openPalette(filter, timeout) {
    await this.closeQuickInput();
    await this.page.keyboard.press('F1');
    const input = this.page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(`>${filter}`);
  }

  /** Closes Quick Open / the command palette if it is showing. */
  async closeQuickInput() {
    if (await this.page.locator(`${QUICK_INPUT}:visible`).count()) await this.page.keyboard.press('Escape');
  }

  /** Saves a screenshot of the whole window as NN-name.png in the results folder; returns its path. */
  async screenshot(name) {
    this.shots += 1;
    const file = path.join(this.resultsDir, `${String(this.shots).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** The status bar items: [{ id, text, ariaLabel }] in screen order (left, then right). */
  async statusBarItems() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('#workbench\\.parts\\.statusbar .statusbar-item')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({
          id: e.id,
          text: e.innerText.trim(),
          ariaLabel: e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? e.getAttribute('aria-label') ?? '',
        })),
    );
  }

  /** The text of the whole status bar, items separated by " | ". */
  async statusBarText() {
    return (await this.statusBarItems())
      .map((i) => i.text)
      .filter(Boolean)
      .join(' | ');
  }

  /**
   * The cursor position from the status bar ("Ln 3, Col 5"): { line, column }, 1-based. The status
   * bar follows the cursor with a short delay: poll (waitFor) after moving the cursor.
   */
  async cursorPosition() {
    const text = await this.page.locator('[id="status.editor.selection"]').innerText();
    const m = /(\d+)\D+(\d+)/.exec(text);
    if (!m) throw new Error(`unexpected cursor position text: ${text}`);
    return { line: Number(m[1]), column: Number(m[2]) };
  }

  /** The title of the active editor tab (the file name), in the active editor group when there are several. */
  async activeTab() {
    // A group may open between two reads (a link opening a file beside a webview): the active group's tab, else the one tab.
    const inActiveGroup = this.page.locator('.editor-group-container.active .tabs-container .tab.active');
    const tab = (await inActiveGroup.count()) === 1 ? inActiveGroup : this.page.locator('.tabs-container .tab.active').first();
    return tab.getAttribute('data-resource-name');
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M) and returns its rows in order:
   * [{ kind: 'file' | 'problem', text, ariaLabel }] (rows of problems carry the message,
   * source, code and position in text/ariaLabel). Only rows the tree has rendered are returned.
   */
  async problems({ open = true, settleMs = 300 } = {}) {
    const page = this.page;
    if (open && !(await page.locator('.markers-panel:visible').count())) {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 5000 });
    }
    await page.waitForTimeout(settleMs);
    return page.evaluate(() =>
      [...document.querySelectorAll('.markers-panel .monaco-list-row')]
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        .map((row) => ({
          kind: row.querySelector('.marker-icon, .codicon-error, .codicon-warning, .codicon-info') ? 'problem' : 'file',
          text: row.innerText.replace(/\s+/g, ' ').trim(),
          ariaLabel: row.getAttribute('aria-label') ?? '',
        })),
    );
  }

  /** Polls `fn` until it returns a truthy value; returns it, or throws after `timeout` ms. */
  async waitFor(fn, { timeout = 15000, interval = 250, what = 'condition' } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      last = await fn();
      if (last) return last;
      await this.page.waitForTimeout(interval);
    }
    throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
  }

  /** Stops Chromium and code-server and removes the temporary folder (GLOSSARY_E2E_KEEP=1 keeps it). */
  async close() {
    if (this.context) await this.context.close().catch(() => {});
    if (this.server) {
      await this.server.stop();
      fs.copyFileSync(this.server.logFile, path.join(this.resultsDir, 'code-server.log'));
    }
    this.consoleLog?.end();
    if (process.env.GLOSSARY_E2E_KEEP === '1') console.error(`[workbench] kept ${this.tmp}`);
    else fs.rmSync(this.tmp, { recursive: true, force: true });
  }

  async #pointOf(text, at, nth) {
    return this.page.evaluate(
      ({ sel, text, at, nth }) => {
        const lines = [...document.querySelectorAll(`${sel} .view-lines .view-line`)];
        lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
        let seen = 0;
        for (const line of lines) {
          const nodes = [];
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let whole = '';
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            nodes.push({ node: n, start: whole.length });
            whole += n.data;
          }
          const plain = whole.replace(/\u00a0/g, ' ');
          let idx = plain.indexOf(text);
          while (idx >= 0 && seen < nth) {
            seen += 1;
            idx = plain.indexOf(text, idx + 1);
          }
          if (idx < 0) continue;
          const offset = idx + (at ?? Math.floor(text.length / 2));
          const hit = nodes.filter((n) => n.start <= offset).pop();
          const range = document.createRange();
          const inNode = Math.min(offset - hit.start, hit.node.data.length - 1);
          range.setStart(hit.node, inNode);
          range.setEnd(hit.node, inNode + 1);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        return null;
      },
      { sel: ACTIVE_EDITOR, text, at, nth },
    );
  }
}
