/**
 * The devtools page (bundled to dist/devtools/devtools.js): the developer's miniapp in a device
 * (title bar, status bar, back, option menu), beside the playground's panels steering the emulator
 * the app loads — through the link, not a proxy. `config.json` (served with the page) names the app.
 */
import { DEFAULT_FIXTURES, type HostProfile } from '../../../src/emulator/index.js';
import { browserNetwork, readBrowserBattery } from '../../../src/emulator/handlers/device-browser.js';
import { byId, h, pretty, wireTabs } from '../dom.js';
import { createInspectors } from '../inspectors.js';
import { createScenario } from '../scenario.js';
import { createDevice, DEVICE_PROFILES } from './device.js';
import { createConsolePanel, createNetworkPanel } from './log-panels.js';
import { linkFrame } from './remote.js';
import { createRemoteHost } from './remote-host.js';
import { createWalletPanel } from './wallet.js';

/** What the devtools server says about the app. */
export interface DevtoolsConfig {
  /** The miniapp's URL. */
  readonly app: string;
  /** A sandbox wallet's URL (its admin API is reached through the devtools server's /sandbox-api/). */
  readonly sandbox?: string;
}

/** How long the app may load before the device says why nothing answers. */
const SILENCE_MS = 3000;

async function start(): Promise<void> {
  const config = (await (await fetch('config.json', { cache: 'no-store' })).json()) as DevtoolsConfig;
  const appUrl = new URL(config.app, location.href);
  byId('app-url').textContent = appUrl.href;

  const events = byId('event-log');
  const logEvent = (text: string) => {
    events.prepend(h('li', {}, `${new Date().toTimeString().slice(0, 8)} ${text}`));
    while (events.children.length > 50) events.lastElementChild?.remove();
  };
  const describeEvent = (name: string, data: unknown, allowed: boolean) =>
    logEvent(
      `${name}${data === undefined ? '' : ` ${pretty(data)}`}: ` +
        (name === 'back' ? (allowed ? 'not prevented — the host goes back (closes the page).' : 'the page called preventDefault(): the user stays.') : 'delivered.'),
    );

  let battery = DEFAULT_FIXTURES.battery;
  const status = () => device.setStatus(remote.presets.includes('offline') ? 'NOTREACHABLE' : browserNetwork().networkType, battery);
  const device = createDevice(appUrl.href, (name) =>
    Promise.resolve(remote.scenario.emit(name)).then(
      (allowed) => describeEvent(name, undefined, allowed),
      (e: unknown) => logEvent(`${name}: not delivered (${(e as Error).message})`),
    ),
  );
  byId('device-slot').append(device.el);

  // No answer for a while: say what the app needs (the emulator, in development, allowing this origin).
  let silence: ReturnType<typeof setTimeout> | undefined;
  /** How many times the app has linked (an entry's id is per load). */
  let loads = 0;
  const link = linkFrame(device.frame, appUrl.origin, {
    onLoading() {
      device.setNote('Loading the app…');
      clearTimeout(silence);
      silence = setTimeout(
        () =>
          device.setNote(
            `No emulator answered from ${appUrl.origin}. The app must load the superqi-bridge emulator in development ` +
              `(the script tag, or install() from superqi-bridge/emulator), and allow this devtools: loopback origins are allowed by default, ` +
              `others with install({ devtools: '${location.origin}' }).`,
          ),
        SILENCE_MS,
      );
    },
    async onHello(first) {
      clearTimeout(silence);
      await remote.hello(first);
      device.setNote(undefined);
      device.setTitleBar(first.bar, first.profile.appName);
      logEvent(`linked to the emulator of “${first.appId}”`);
      // How many times the app has linked (tests wait for a reload's link).
      byId('device').dataset['links'] = String(++loads);
    },
    onSnapshot(snap, asked) {
      device.setTitleBar(snap.bar, snap.profile.appName);
      status();
      if (remote.snapshot(snap, asked)) inspectors.refresh();
      if (snap.log?.length) for (const p of [consolePanel, networkPanel]) p.update(snap.log, loads);
    },
  });
  const remote = createRemoteHost(link, (p: HostProfile) => {
    device.setLanguage(p.language);
    status();
  });

  // ── device profiles ──
  const picker = byId<HTMLSelectElement>('device-profile');
  const orientation = byId<HTMLSelectElement>('device-orientation');
  const zoom = byId<HTMLSelectElement>('device-zoom');
  picker.replaceChildren(...DEVICE_PROFILES.map((p) => h('option', { value: p.id }, p.label)));
  const pick = () => {
    const p = DEVICE_PROFILES.find((d) => d.id === picker.value) ?? DEVICE_PROFILES[0]!;
    device.setProfile(p, orientation.value === 'landscape' ? 'landscape' : 'portrait');
    remote.setProfile({ device: p.device });
  };
  picker.addEventListener('change', pick);
  orientation.addEventListener('change', pick);
  zoom.addEventListener('change', () => device.setZoom(zoom.value === 'actual' ? 'actual' : 'fit'));
  pick();
  byId('app-reload').addEventListener('click', () => {
    device.frame.src = appUrl.href;
  });

  // ── panels ──
  const inspectors = createInspectors(remote.inspected, remote.files);
  createScenario(byId('scenario'), remote.scenario, remote.apply, describeEvent, { pageListeners: false });
  wireTabs((panel) => {
    link.want = { storage: panel === 'storage-view', files: panel === 'files-view' };
    inspectors.refresh();
  });
  createWalletPanel(byId('wallet-view'), config.sandbox);
  // Only what the panel saw of the app's current load goes (entries on their way stay).
  const clearLog = (kind: 'console' | 'network') => (upTo: number, load: number) =>
    void (load === loads && link.request('clearLog', { kind, upTo }).catch(() => {}));
  const consolePanel = createConsolePanel(byId('console-view'), clearLog('console'));
  const networkPanel = createNetworkPanel(byId('network-view'), clearLog('network'));

  status();
  const readBattery = async () => {
    battery = (await readBrowserBattery()) ?? DEFAULT_FIXTURES.battery;
    status();
  };
  void readBattery();
  setInterval(readBattery, 30_000);
  window.addEventListener('online', status);
  window.addEventListener('offline', status);
  document.documentElement.dataset['ready'] = 'true';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start(), { once: true });
else void start();
