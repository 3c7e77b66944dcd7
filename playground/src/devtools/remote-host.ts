/**
 * The emulator in the device's app, as the playground's panels see an emulator: the scenario panel
 * steers it, the inspectors read mirrors of its calls, storage and saved files. The scenario lives
 * here, in the devtools page, and is sent again every time the app (re)loads, so a reload keeps it.
 */
import type { CallRecord, HostProfile, PresetName, StorageBackend } from '../../../src/emulator/index.js';
import type { StoredFile } from '../../../src/emulator/files.js';
import type { DevtoolsSnapshot, OutcomeData } from '../../../src/emulator/devtools-protocol.js';
import type { HostEventName } from '../../../src/index.js';
import { DEFAULT_PROFILE } from '../../../src/emulator/index.js';
import type { InspectedFiles, InspectedHost } from '../inspectors.js';
import { outcomeData } from '../outcomes.js';
import type { OutcomeApplier, ScenarioHost } from '../scenario.js';
import type { Link } from './remote.js';

interface SceneOutcome {
  readonly id: number;
  readonly api: string;
  readonly outcome: OutcomeData;
  readonly once: boolean;
  /** The `use` request's id: polls asked before it cannot know the override yet. */
  sentAt: number;
  readonly onUse: () => void;
}

/** What the devtools keeps and replays. */
interface Scene {
  presets: PresetName[];
  outcomes: SceneOutcome[];
  latency: number | undefined;
  profile: Partial<HostProfile>;
}

export interface RemoteHost {
  /** The presets of the scenario, in order. */
  readonly presets: readonly PresetName[];
  readonly scenario: ScenarioHost;
  readonly apply: OutcomeApplier;
  readonly inspected: InspectedHost;
  readonly files: InspectedFiles;
  /** The profile changes the devtools itself makes (device, language), kept with the scenario. */
  setProfile(changes: Partial<HostProfile>): void;
  /** The app (re)loaded: replays the scenario. */
  hello(first: DevtoolsSnapshot): Promise<void>;
  /** A poll's answer: updates the mirrors; true when storage or files changed. */
  snapshot(snap: DevtoolsSnapshot, askedAt: number): boolean;
}

/** A host over `link`; `onProfile` hears every profile the app reports or the panels set. */
export function createRemoteHost(link: Link, onProfile: (profile: HostProfile) => void): RemoteHost {
  const scene: Scene = { presets: [], outcomes: [], latency: undefined, profile: {} };
  let profile: HostProfile = { ...DEFAULT_PROFILE };
  let appId = 'emulated-miniapp';
  let seq = 0;
  const calls: CallRecord[] = [];
  const store = new Map<string, string>();
  let files: readonly StoredFile[] = [];
  let shown = '';

  const send = (p: Promise<unknown>) => p.catch((e: unknown) => console.warn(`[superqi devtools] ${(e as Error).message}`));
  /** Sends an outcome to the app; resolves once the app has it (rejects if it refused or did not answer). */
  const use = (o: SceneOutcome) => {
    o.sentAt = link.sent + 1;
    return link.request('use', { id: o.id, api: o.api, outcome: o.outcome, once: o.once });
  };
  const changeProfile = (changes: Partial<HostProfile>) => {
    Object.assign(scene.profile, changes);
    profile = { ...profile, ...changes, device: { ...profile.device, ...changes.device } };
    onProfile(profile);
    if (link.linked) void send(link.request('setProfile', [changes]));
  };

  const storage: StorageBackend = {
    getItem: (k) => store.get(k) ?? null,
    setItem(k, v) {
      store.set(k, String(v));
      void send(link.request('storage', { key: k, value: String(v) }));
    },
    removeItem(k) {
      store.delete(k);
      void send(link.request('storage', { key: k, value: null }));
    },
    key: (i) => [...store.keys()][i] ?? null,
    get length() {
      return store.size;
    },
  };

  const scenario: ScenarioHost = {
    get profile() {
      return profile;
    },
    options: {
      get latency() {
        return scene.latency;
      },
    },
    preset(name) {
      scene.presets.push(name);
      void send(link.request('preset', [name]));
    },
    reset() {
      scene.presets = [];
      scene.outcomes = [];
      scene.latency = undefined;
      // The device stays the one shown; the rest of the profile goes back to the app's install options.
      const device = scene.profile.device;
      scene.profile = device ? { device } : {};
      profile = { ...DEFAULT_PROFILE, ...scene.profile };
      onProfile(profile);
      void send(link.request('reset', []).then(() => scene.profile.device && link.request('setProfile', [{ device: scene.profile.device }])));
    },
    setLatency(ms) {
      scene.latency = ms;
      void send(link.request('setLatency', [ms]));
    },
    setProfile: changeProfile,
    emit: (name: HostEventName, data?: unknown) => link.request('emit', [name, data]),
  };

  const apply: OutcomeApplier = (api, outcome, once, onUse) => {
    const o: SceneOutcome = { id: ++seq, api, outcome: outcomeData(api, outcome), once, sentAt: Infinity, onUse };
    scene.outcomes.push(o);
    const applied = use(o);
    void send(applied);
    return Object.assign(
      () => {
        scene.outcomes = scene.outcomes.filter((x) => x !== o);
        void send(link.request('unuse', o.id));
      },
      { applied },
    );
  };

  const inspected: InspectedHost = {
    get appId() {
      return appId;
    },
    storage,
    calls,
    clearCalls() {
      calls.length = 0;
      void send(link.request('clearCalls', []));
    },
  };

  const filesView: InspectedFiles = {
    savedFiles: async () => [...files],
    async removeSaved(path) {
      files = files.filter((f) => f.path !== path);
      return link.request('unsave', path);
    },
  };

  return {
    get presets() {
      return scene.presets;
    },
    scenario,
    apply,
    inspected,
    files: filesView,
    setProfile: changeProfile,
    async hello(first) {
      appId = first.appId;
      calls.length = 0;
      // A freshly loaded app (one hello per load): the scenario in the order it was made, on top of
      // whatever the app's own code scripted (no reset: that would undo the app's own overrides).
      for (const p of scene.presets) await link.request('preset', [p]);
      for (const o of scene.outcomes) await send(use(o));
      if (scene.latency !== undefined) await link.request('setLatency', [scene.latency]);
      if (Object.keys(scene.profile).length) await link.request('setProfile', [scene.profile]);
      // the calls the app made on load go on now, under the scenario
      await send(link.request('ready', null));
      profile = { ...first.profile, ...scene.profile, device: { ...first.profile.device, ...scene.profile.device } };
      onProfile(profile);
    },
    snapshot(snap, askedAt) {
      for (const c of snap.calls) {
        const i = calls.findIndex((x) => x.id === c.id);
        if (i >= 0) calls[i] = c;
        else calls.push(c);
      }
      // A `once` override gone from the app has answered its call.
      for (const o of scene.outcomes) {
        if (o.once && askedAt > o.sentAt && !snap.active.includes(o.id)) {
          scene.outcomes = scene.outcomes.filter((x) => x !== o);
          o.onUse();
        }
      }
      if (snap.storage) {
        store.clear();
        for (const [k, v] of snap.storage) store.set(k, v);
      }
      if (snap.files) files = snap.files;
      const now = JSON.stringify([snap.storage ?? null, (snap.files ?? []).map((f) => f.path)]);
      const changed = now !== shown;
      shown = now;
      return changed;
    },
  };
}
