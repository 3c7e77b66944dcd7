/**
 * `ui: 'auto'`: no UI; every question is answered at once with the documented default, so CI and
 * unit tests never wait for a click. The defaults are listed in docs/emulator.md.
 */
import type { EmulatorUi } from './contract.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Formats `date` in one of datePicker's formats. */
export function formatDate(date: Date, format: string): string {
  const y = String(date.getFullYear());
  const M = pad(date.getMonth() + 1);
  const d = pad(date.getDate());
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  switch (format) {
    case 'HH:mm':
      return hm;
    case 'yyyy-MM-dd HH:mm':
      return `${y}-${M}-${d} ${hm}`;
    case 'yyyy-MM':
      return `${y}-${M}`;
    case 'yyyy':
      return y;
    default:
      return `${y}-${M}-${d}`;
  }
}

/** Makes the auto UI. */
export function createAutoUi(): EmulatorUi {
  return {
    kind: 'auto',
    alert: async () => {},
    confirm: async () => true,
    prompt: async () => '',
    actionSheet: async () => 0,
    showToast: async () => {},
    hideToast: () => {},
    showLoading: () => {},
    hideLoading: () => {},
    // The picker opens on `current` (today when the page gives none) and the user confirms it.
    datePicker: async (o) => o.current,
    multiLevelSelect: async (o) => {
      const path: string[] = [];
      for (let level: readonly { name: string; subList?: readonly unknown[] }[] | undefined = o.list; level?.[0]; level = level[0].subList as typeof level) path.push(level[0].name);
      return path;
    },
    choosePhoneContact: async (contacts) => contacts[0] ?? null,
    addPhoneContact: async () => true,
    makePhoneCall: async () => {},
    consent: async () => true,
    cashier: async () => 'pay',
    signing: async () => 'sign',
    share: async () => true,
    previewImage: async () => {},
    openDocument: async () => {},
    openLocation: async () => {},
    chooseLocation: async (places) => places[0] ?? null,
    scan: async (o) => o.fixture,
    pickFiles: async (o) => (o.fixtures.length ? [...o.fixtures].slice(0, o.multiple ? undefined : 1) : null),
    setTitleBar: () => {},
    destroy: () => {},
  };
}
