// @vitest-environment node
/**
 * What a page does not import stays out of its bundle: built from src/ with esbuild (which, unlike
 * rollup, keeps what it cannot prove unused), a page importing one wrapper carries no deep-link code
 * and none of the APIs the docs omit.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function bundle(source: string): Promise<string> {
  const out = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    platform: 'browser',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

describe('tree-shaking (esbuild, from src/)', () => {
  it('import { alert }: no deep links', async () => {
    const code = await bundle(`import { alert } from './src/index.ts'; alert({ content: 'x' });`);
    expect(code).toContain('alert');
    expect(code).not.toContain('qicardwallet');
    expect(code).not.toContain('deeplink.qi.iq');
    for (const name of ['hideKeyboard', 'setKeepScreenOn', 'getSetting', 'openSetting', 'openInBrowser', 'beehiveGetPOI', 'getFacePhotoData']) {
      expect(code, name).not.toContain(name);
    }
  });

  it('import { openInBrowser }: that one of the APIs the docs omit, not the others', async () => {
    const code = await bundle(`import { openInBrowser } from './src/index.ts'; openInBrowser({ url: 'https://qi.iq' });`);
    expect(code).toContain('openInBrowser');
    for (const name of ['hideKeyboard', 'beehiveGetPOI', 'getFacePhotoData']) expect(code, name).not.toContain(name);
  });

  it('import { miniappDeepLink }: the deep links, and no call path', async () => {
    const code = await bundle(`import { miniappDeepLink } from './src/index.ts'; console.log(miniappDeepLink({ appId: '1' }));`);
    expect(code).toContain('qicardwallet://qicard/deeplink.htm');
    expect(code).not.toContain('AlipayJSBridge');
  });

  it('import { alert }: none of the documentation (no error wording, no doc pages, no aliases)', async () => {
    const code = await bundle(`import { alert } from './src/index.ts'; alert({ content: 'x' });`);
    for (const text of ['ERROR_CODE_USER_CANCEL', 'Payment successful', '10-alert', 'setAPDataStorage', 'essential']) expect(code, text).not.toContain(text);
  });

  it("the emulator carries the docs' wording and aliases, not the docs' groups and pages", async () => {
    const code = await bundle(`import { install } from './src/emulator/index.ts'; install();`);
    expect(code).toContain('ERROR_CODE_USER_CANCEL');
    expect(code).toContain('setAPDataStorage');
    for (const page of ['02-getAuthCode', '10-alert', '50-vibrate']) expect(code, page).not.toContain(page);
  });

  it('import { TABLE }: rows with their pages and wording', async () => {
    const code = await bundle(`import { TABLE } from './src/index.ts'; console.log(TABLE);`);
    for (const text of ['02-getAuthCode', 'ERROR_CODE_USER_CANCEL', 'setAPDataStorage', '1.24.6']) expect(code, text).toContain(text);
  });
});
