/**
 * APIs outside the table that the tests script (a host newer than the docs, as a project would add
 * them): registered the way the README shows, by declaration merging into `Register`. The emulator
 * tests install with `extraApis: EXTRA_APIS` so `use()` accepts them at run time.
 */
declare module '../../src/index.js' {
  interface Register {
    apis: {
      startApp: { params: { url?: string; appId?: string }; result: { opened: unknown } };
      'x-fail': { result: never };
      echo: { result: { params: Record<string, unknown> } };
    };
  }
}

/** The names above, for `install({ extraApis })`. */
export const EXTRA_APIS = ['startApp', 'x-fail', 'echo'] as const;
