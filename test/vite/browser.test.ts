// @vitest-environment node
/**
 * The plugin in Chromium (Vite 8, dist/vite.mjs): the app's first script and first module find the
 * emulator installed, and the module's getSystemInfo on load is answered by it with the plugin's
 * language; the devtools at /__superqi/ show that app inside the device, linked to its emulator.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { loadPlugin, startVite, type DevServer } from './vite-servers.js';

/** Polls wait this long: the machine is shared, and the app's first calls in the device wait for the devtools. */
const SOON = { timeout: 15000 };

describe('superqi-bridge/vite in Chromium', () => {
  let browser: Browser;
  let server: DevServer;
  let url: string;

  beforeAll(async () => {
    const { superqi } = await loadPlugin();
    ({ server, url } = await startVite(8, superqi({ language: 'ar', emulator: { appId: 'vite-fixture', profile: { appName: 'Fixture shop' } } })));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path: string): Promise<{ page: Page; errors: string[] }> => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(new URL(path, url).href);
    return { page, errors };
  };

  it("installs the emulator before the app's first script and module; it answers the module's call on load", async () => {
    const { page, errors } = await open('/');
    await expect.poll(() => page.locator('#info').textContent(), SOON).not.toBe('');
    expect(JSON.parse((await page.locator('#info').textContent())!)).toEqual({ language: expect.stringMatching(/^ar/), platform: expect.any(String) });
    expect(await page.evaluate(() => (window as unknown as { bridgeAtFirstScript: string }).bridgeAtFirstScript)).toBe('object');
    expect(await page.evaluate(() => document.body.dataset['bridgeAtFirstModule'])).toBe('object');
    // the emulator's own phone frame, outside the devtools
    expect(await page.locator('superqi-emulator').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the app inside the device of the devtools at /__superqi/, linked to its emulator', async () => {
    const { page, errors } = await open('/__superqi/');
    await page.locator('#device-note').waitFor({ state: 'hidden', ...SOON });
    const frame = page.frame({ name: 'superqi-devtools' });
    expect(frame?.url()).toBe(url);
    await expect.poll(() => frame!.locator('#info').textContent(), SOON).toMatch(/"language":"ar/);
    expect(await frame!.locator('#hello').textContent()).toBe('Vite fixture');
    // the device's title bar shows the app's name from the plugin's options: the devtools read the emulator
    await expect.poll(() => page.locator('#device-title').textContent(), SOON).toBe('Fixture shop');
    expect(errors).toEqual([]);
    await page.close();
  });
});
