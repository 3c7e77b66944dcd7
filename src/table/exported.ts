/**
 * `TABLE` as the package exports it: exporting it from here also makes it where errors find the
 * documented meaning of a code the host sent without text (`withMeanings`, a pure call — a bundle that
 * does not use `TABLE` drops it, and the error wording with it). The emulator reads the table module
 * directly and needs no meanings.
 */
import { withMeanings } from '../core/meanings.js';
import { TABLE as rows } from './index.js';

/** Every API row, keyed by documented name, in the order of the doc pages. */
export const TABLE = /* @__PURE__ */ withMeanings(rows);
