/** Every API's default answer, assembled from one file per docs group. */
import type { DefaultHandlers } from '../types.js';
import { deviceHandlers } from './device.js';
import { essentialHandlers } from './essential.js';
import { fileHandlers } from './file.js';
import { frameworkHandlers } from './framework.js';
import { locationHandlers } from './location.js';
import { mediaHandlers } from './media.js';
import { networkHandlers } from './network.js';
import { storageHandlers } from './storage.js';
import { uiHandlers } from './ui.js';
import { undocumentedHandlers } from './undocumented.js';

/** Typed against the table: a row without a default handler fails the type check. */
export const DEFAULT_HANDLERS: DefaultHandlers = {
  ...essentialHandlers,
  ...uiHandlers,
  ...mediaHandlers,
  ...storageHandlers,
  ...fileHandlers,
  ...locationHandlers,
  ...networkHandlers,
  ...deviceHandlers,
  ...frameworkHandlers,
  ...undocumentedHandlers,
};
