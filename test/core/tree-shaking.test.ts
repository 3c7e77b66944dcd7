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
});
