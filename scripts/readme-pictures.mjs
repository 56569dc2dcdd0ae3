// Takes the README's pictures of the extension (hover, completion, quick fix, status bar) in the
// real VS Code UI: installs the packaged .vsix (run `npm run package` first) in code-server, opens
// a copy of example/glossary and saves the screenshots as images/readme-*.png.
//
//   npm run package && node scripts/readme-pictures.mjs
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench } from '../test/e2e/workbench.mjs';

const packageJson = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const vsix = `${packageJson.name}-${packageJson.version}.vsix`;
if (!fs.existsSync(vsix)) {
  console.error(`${vsix} is missing: run npm run package first`);
  process.exit(1);
}

const wb = await openWorkbench({
  name: 'readme-pictures',
  workspace: 'example/glossary',
  vsix,
  viewport: { width: 1100, height: 640 },
  settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'files.autoSave': 'off' },
});
const save = async (name) => {
  const shot = await wb.screenshot(name);
  fs.copyFileSync(shot, path.join('images', `readme-${name}.png`));
  console.log(`images/readme-${name}.png`);
};
try {
  await wb.openFile('Transformer.md');
  await wb.hover('#Attention', { match: /Looking at every word/ });
  await save('hover');

  await wb.page.mouse.move(1, 1);
  await wb.clickText('parallel.');
  await wb.pressKey('End');
  await wb.type(' See also [tokens](#Tok');
  await wb.suggestions();
  await save('completion');
  await wb.pressKey('Escape');
  await wb.runCommand('File: Revert File');

  await wb.clickText('(#Tokeniser)', { at: 4 });
  await wb.waitFor(async () => (await wb.statusBarText()).includes('7 entries · 1 broken link'), { what: 'the status bar counts the reverted file' });
  await wb.pressKey('Control+.');
  await wb.page.locator('.action-widget').first().waitFor({ state: 'visible', timeout: 10000 });
  await save('quick-fix');
} finally {
  await wb.close();
}
