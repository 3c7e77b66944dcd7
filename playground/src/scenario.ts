/**
 * The scenario panel: scripts what the host does. Presets, per-API outcome overrides, latency, the
 * user's role and language (Arabic turns the frame right-to-left), the host version and the APIs it
 * lacks, and a button per host event. Reset restores the emulator's install options.
 */
import { PRESETS, type Emulator, type HostProfile, type PresetName } from '../../src/emulator/index.js';
import type { ApiName, HostEventName } from '../../src/index.js';
import { button, h } from './dom.js';
import { createApiPicker } from './api-picker.js';
import { describeOutcome, outcomesFor, type Outcome } from './outcomes.js';
import { isApiName, SORTED_NAMES } from './table-info.js';

/** The host events the panel can fire. */
export const PANEL_EVENTS: readonly HostEventName[] = ['back', 'resume', 'pause', 'titleClick', 'optionMenu'];

interface Active {
  readonly id: number;
  readonly api: ApiName;
  readonly outcome: Outcome;
  readonly once: boolean;
  readonly remove: () => void;
  /** The emulator has it (always, for the emulator in this page). */
  applied: boolean;
}

/**
 * The host the panel steers: the emulator in this page, or (devtools) the emulator in the device's
 * app through the link. `emit` says whether the page let the event's default happen.
 */
export type ScenarioHost = Pick<Emulator, 'profile' | 'preset' | 'reset' | 'setLatency' | 'setProfile'> & {
  readonly options: { readonly latency?: number };
  readonly ui?: unknown;
  emit(event: HostEventName, data?: unknown): boolean | Promise<boolean>;
};

/** Installs an outcome override for `api`; returns the function that removes it; `onUse` hears each call it answers. */
/**
 * Applies an outcome; returns how to remove it. When the emulator is elsewhere (the devtools' app),
 * `applied` resolves once the app has it: the list marks the item `data-applied` then (at once otherwise).
 */
export type OutcomeApplier = (api: ApiName, outcome: Outcome, once: boolean, onUse: () => void) => (() => void) & { applied?: Promise<unknown> };

export interface Scenario {
  /** Points the override form at `api` (follows the menu). */
  focus(api: ApiName): void;
  /** Whether an override makes `api` never answer. */
  neverAnswers(api: ApiName): boolean;
}

/** Whether the UI can switch language live (the DOM UI can; auto has no labels). */
const withLanguage = (ui: unknown): ui is { setLanguage(l: 'en' | 'ar'): void } =>
  typeof (ui as { setLanguage?: unknown } | undefined)?.setLanguage === 'function';

export function createScenario(
  root: HTMLElement,
  emulator: ScenarioHost,
  applyOutcome: OutcomeApplier,
  onEvent: (name: HostEventName, data: unknown, allowed: boolean) => void,
  { pageListeners = true }: { /** The page has its own listeners (the playground): offer "preventDefault() on back". */ pageListeners?: boolean } = {},
): Scenario {
  let active: Active[] = [];
  let seq = 0;
  const presetsApplied: PresetName[] = [];

  // ── presets & reset ────────────────────────────────────────────────────────────────────────────
  const presetList = h('ul', { class: 'inline-list', id: 'presets-active' });
  const presetButtons = (Object.keys(PRESETS) as PresetName[]).map((name) =>
    button(name, { class: 'chip', 'data-preset': name }, () => {
      emulator.preset(name);
      presetsApplied.push(name);
      renderPresets();
    }),
  );
  const renderPresets = () => presetList.replaceChildren(...presetsApplied.map((p) => h('li', { class: 'chip on' }, p)));

  const reset = button('Reset scenario', { id: 'scenario-reset', class: 'danger', 'data-i18n': true }, () => {
    emulator.reset();
    active = [];
    presetsApplied.length = 0;
    renderPresets();
    renderActive();
    syncProfile();
    latency.value = String(emulator.options.latency ?? 0);
  });

  // ── per-API override ───────────────────────────────────────────────────────────────────────────
  const apiSelect = h('select', { id: 'override-api', 'aria-label': 'API to override' }, ...SORTED_NAMES.map((a) => h('option', { value: a }, a)));
  const outcomeSelect = h('select', { id: 'override-outcome', 'aria-label': 'Outcome' });
  const delay = h('input', { id: 'override-delay', type: 'number', min: 0, step: 100, value: 2000, 'aria-label': 'Delay in ms' });
  const delayLabel = h('label', { class: 'inline' }, 'ms ', delay);
  const once = h('input', { id: 'override-once', type: 'checkbox' });
  const apply = button('Apply', { id: 'override-apply', 'data-i18n': true }, () => {
    const api = apiSelect.value;
    if (!isApiName(api)) return;
    const choice = outcomesFor(api).find((o) => o.value === outcomeSelect.value);
    if (!choice) return;
    const outcome: Outcome = choice.outcome.kind === 'delay' ? { kind: 'delay', ms: Math.max(0, Number(delay.value) || 0) } : choice.outcome;
    const id = ++seq;
    const isOnce = once.checked;
    // A `once` override removes itself when it answers: the list follows.
    const used = () => {
      if (!isOnce) return;
      active = active.filter((x) => x.id !== id);
      renderActive();
    };
    const remove = applyOutcome(api, outcome, isOnce, used);
    const entry = { id, api, outcome, once: isOnce, remove, applied: !remove.applied };
    active.unshift(entry);
    renderActive();
    // refused or unanswered: the item stays unmarked (the devtools log the reason)
    remove.applied?.then(
      () => {
        entry.applied = true;
        renderActive();
      },
      () => {},
    );
  });
  const activeList = h('ul', { id: 'overrides', class: 'overrides' });

  const renderOutcomes = () => {
    const api = apiSelect.value;
    if (!isApiName(api)) return;
    outcomeSelect.replaceChildren(...outcomesFor(api).map((o) => h('option', { value: o.value }, o.label)));
    delayLabel.hidden = outcomeSelect.value !== 'delay';
  };
  apiSelect.addEventListener('change', renderOutcomes);
  outcomeSelect.addEventListener('change', () => (delayLabel.hidden = outcomeSelect.value !== 'delay'));

  const renderActive = () =>
    activeList.replaceChildren(
      ...(active.length
        ? active.map((a) =>
            h(
              'li',
              { 'data-override': a.api, ...(a.applied ? { 'data-applied': '' } : {}) },
              h('code', {}, a.api),
              ` → ${describeOutcome(a.api, a.outcome)}${a.once ? ' (once)' : ''} `,
              button('remove', { class: 'small' }, () => {
                a.remove();
                active = active.filter((x) => x.id !== a.id);
                renderActive();
              }),
            ),
          )
        : [h('li', { class: 'muted', 'data-i18n': true }, 'No override: every API answers as the host would.')]),
    );

  // ── host profile ───────────────────────────────────────────────────────────────────────────────
  const latency = h('input', { id: 'latency', type: 'number', min: 0, step: 50, value: emulator.options.latency ?? 0, 'aria-label': 'Latency in ms' });
  latency.addEventListener('change', () => emulator.setLatency(Math.max(0, Number(latency.value) || 0)));

  const role = h('select', { id: 'role' }, h('option', { value: 'customer' }, 'customer'), h('option', { value: 'business' }, 'business'));
  role.addEventListener('change', () => emulator.setProfile({ role: role.value as HostProfile['role'] }));

  const language = h('select', { id: 'language' }, h('option', { value: 'en' }, 'English (en)'), h('option', { value: 'ar' }, 'العربية (ar, right-to-left)'));
  const setLanguage = (l: 'en' | 'ar') => {
    emulator.setProfile({ language: l });
    if (withLanguage(emulator.ui)) emulator.ui.setLanguage(l);
  };
  language.addEventListener('change', () => setLanguage(language.value === 'ar' ? 'ar' : 'en'));

  const version = h('input', { id: 'host-version', type: 'text', pattern: '\\d+(\\.\\d+)*', 'aria-label': 'Host version' });
  version.addEventListener('change', () => {
    const v = version.value.trim();
    if (/^\d+(\.\d+)*$/.test(v)) emulator.setProfile({ version: v });
    version.setAttribute('aria-invalid', String(!/^\d+(\.\d+)*$/.test(v)));
  });

  const unsupported = createApiPicker('unsupported', SORTED_NAMES, 'Unsupported APIs', (picked) => emulator.setProfile({ unsupported: picked }));

  const syncProfile = () => {
    const p = emulator.profile;
    role.value = p.role;
    language.value = p.language;
    version.value = p.version;
    version.removeAttribute('aria-invalid');
    unsupported.set(p.unsupported);
    if (withLanguage(emulator.ui)) emulator.ui.setLanguage(p.language);
  };

  // ── host events ────────────────────────────────────────────────────────────────────────────────
  const keepOnBack = h('input', { id: 'keep-on-back', type: 'checkbox' });
  const eventData = h('input', { id: 'event-data', type: 'text', placeholder: '{"from":"closed page"}', 'aria-label': 'Event data (JSON)' });
  const eventButtons = PANEL_EVENTS.map((name) =>
    button(name, { class: 'chip', 'data-event': name }, async () => {
      let data: unknown;
      const text = eventData.value.trim();
      if (text) {
        try {
          data = JSON.parse(text);
          eventData.removeAttribute('aria-invalid');
        } catch {
          eventData.setAttribute('aria-invalid', 'true');
          return;
        }
      }
      const allowed = await emulator.emit(name, data);
      onEvent(name, data, allowed);
    }),
  );

  const field = (label: string, control: HTMLElement, hint?: string) =>
    h('label', { class: 'field' }, h('span', { 'data-i18n': true }, label), control, hint ? h('small', { class: 'muted', 'data-i18n': true }, hint) : null);

  root.replaceChildren(
    h('div', { class: 'scenario-row' }, h('h3', { 'data-i18n': true }, 'Presets'), h('div', { class: 'chips' }, ...presetButtons), presetList, reset),
    h(
      'div',
      { class: 'scenario-row' },
      h('h3', { 'data-i18n': true }, 'Outcome of one API'),
      h('div', { class: 'override-form' }, apiSelect, outcomeSelect, delayLabel, h('label', { class: 'inline' }, once, ' ', h('span', { 'data-i18n': true }, 'once')), apply),
      activeList,
    ),
    h(
      'div',
      { class: 'scenario-grid' },
      field('Latency (ms)', latency, 'every answer waits this long'),
      field('Role', role, 'getDeviceInfo, scope set of getAuthCode'),
      field('Language', language, 'labels; Arabic is right-to-left'),
      field('Host version', version, 'APIs newer than it answer error 1'),
    ),
    h('div', { class: 'scenario-row' }, unsupported.el, h('small', { class: 'muted', 'data-i18n': true }, 'this host answers error 1 for them')),
    h('div', { class: 'scenario-row' }, h('h3', { 'data-i18n': true }, 'Host events'), h('div', { class: 'chips' }, ...eventButtons),
      pageListeners ? h('label', { class: 'inline' }, keepOnBack, ' the page calls ', h('code', {}, 'preventDefault()'), ' on ', h('code', {}, 'back')) : null,
      field('Event data (JSON)', eventData),
    ),
  );
  renderOutcomes();
  renderActive();
  syncProfile();

  return {
    focus(api) {
      apiSelect.value = api;
      renderOutcomes();
    },
    neverAnswers(api) {
      return active.some((a) => a.api === api && a.outcome.kind === 'never');
    },
  };
}
