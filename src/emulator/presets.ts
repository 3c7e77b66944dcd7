/** Named scenarios: each is a set of overrides a test or the playground switches on in one word. */
import { ownValue } from '../core/own.js';
import { HOST_TABLE as TABLE, API_NAMES, type ApiName } from '../table/index.js';
import { SILENT_SCOPES } from '../table/scopes.js';
import type { HostRow } from '../table/row.js';
import { useLoose, type LooseHandler } from './loose.js';
import type { Emulator, HandlerContext, LooseAnswer, PresetName } from './types.js';

const rows = TABLE as unknown as Record<string, HostRow>;
type Answerer = LooseHandler;

/** How each API says "the user cancelled" when its page documents no cancel code (a success payload). */
export const CANCEL_ANSWERS: Readonly<Partial<Record<ApiName, LooseAnswer>>> = {
  confirm: { confirm: false },
  prompt: { ok: false },
  showActionSheet: { index: -1 },
  multiLevelSelect: { success: false },
  tradePay: { resultCode: '6001' },
  qicardShareAppMessage: { shareResult: false },
};

const NETWORK_APIS = ['request', 'httpRequest', 'downloadFile', 'uploadFile'];

/** getAuthCode scopes that are all silent (no consent page). */
const onlySilent = (scopes: unknown): boolean =>
  Array.isArray(scopes) && scopes.length > 0 && scopes.every((s) => (SILENT_SCOPES as readonly unknown[]).includes(s));

const each = (emulator: Emulator, answers: Record<string, Answerer>) => {
  for (const api of Object.keys(answers)) useLoose(emulator, api, answers[api]!);
};

/** What each preset does. */
export const PRESETS: Readonly<Record<PresetName, (emulator: Emulator) => void>> = {
  /** Every API with a documented way to cancel answers it: cancel codes, `confirm: false`, index -1, 6001… */
  'user-cancels': (emulator) => {
    const answers: Record<string, Answerer> = {};
    for (const api of API_NAMES) {
      const code = ownValue<readonly (string | number)[]>(rows[api], 'cancel')?.[0];
      if (code !== undefined) answers[api] = (ctx) => ctx.fail(code);
      const byResult = ownValue<LooseAnswer>(CANCEL_ANSWERS, api);
      if (byResult) answers[api] = () => byResult;
    }
    // Silent scopes show the user nothing, so there is nothing to cancel: those calls go through.
    const cancelAuth = answers['getAuthCode']!;
    answers['getAuthCode'] = (ctx) => (onlySilent(ctx.params['scopes']) ? ctx.next() : cancelAuth(ctx));
    each(emulator, answers);
  },
  /** No network: getNetworkType says NOTREACHABLE, network and location APIs fail with 12, payment with 6002. */
  offline: (emulator) => {
    const answers: Record<string, Answerer> = {
      getNetworkType: () => ({ networkAvailable: false, networkType: 'NOTREACHABLE' }),
      tradePay: () => ({ resultCode: '6002' }),
      qicardSignContract: (ctx) => ctx.fail('6002'),
      getAuthCode: (ctx) => ctx.fail(1002),
    };
    for (const api of [...NETWORK_APIS, 'getLocation', 'chooseLocation', 'openLocation']) answers[api] = (ctx) => ctx.fail(12);
    each(emulator, answers);
  },
  /** Network APIs, auth and payment answer after 3 s. */
  'slow-network': (emulator) => {
    const answers: Record<string, Answerer> = {};
    for (const api of [...NETWORK_APIS, 'getAuthCode', 'tradePay', 'qicardSignContract']) {
      answers[api] = async (ctx) => {
        await ctx.delay(3000);
        return ctx.next();
      };
    }
    each(emulator, answers);
  },
  /** The cashier declines: tradePay answers 4000. */
  'payment-declined': (emulator) => each(emulator, { tradePay: () => ({ resultCode: '4000' }) }),
  /** The payment stays processing: tradePay answers 8000. */
  'payment-pending': (emulator) => each(emulator, { tradePay: () => ({ resultCode: '8000' }) }),
  /**
   * The user denied device permissions: location 11, contacts 10, camera 14, album 15 (saveImage's 15 is
   * "iOS only": 17, other saving errors, under the Android profile), storage 17.
   */
  'permission-denied': (emulator) =>
    each(emulator, {
      getLocation: (ctx) => ctx.fail(11),
      chooseLocation: (ctx) => ctx.fail(11),
      choosePhoneContact: (ctx) => ctx.fail(10),
      chooseVideo: (ctx) => ctx.fail(14),
      saveImage: (ctx) => ctx.fail(ctx.profile.device.platform === 'iOS' ? 15 : 17),
      chooseFileFromDisk: (ctx) => ctx.fail(17),
    }),
};

/** Applies a preset; unknown names throw a TypeError naming the valid ones. */
export function applyPreset(emulator: Emulator, name: PresetName): void {
  const preset = ownValue<(emulator: Emulator) => void>(PRESETS, name);
  if (!preset) throw new TypeError(`emulator.preset: unknown preset "${String(name)}"; use one of ${Object.keys(PRESETS).join(', ')}`);
  preset(emulator);
}
