import type { ApiRow } from './row.js';
import type { CanIUseParams, CanIUseResult } from '../types/framework.js';

export const canIUse: ApiRow<CanIUseParams, CanIUseResult> = {
  group: 'framework',
  // No page of its own: `my.canIUse` appears in the addPhoneContact page's sample.
  doc: '47-addPhoneContact',
  params: { name: 'S' },
};
