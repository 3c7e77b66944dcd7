import type { ApiRow } from './row.js';
import type { CanIUseParams, CanIUseResult } from '../types/framework.js';

export const canIUse: ApiRow<CanIUseParams, CanIUseResult> = {
  params: { name: 'S' },
};
