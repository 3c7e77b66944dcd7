// @vitest-environment node
/** The sandbox guide's notification receiver (docs/sandbox.md) is the example file a test runs against the sandbox (notify-example.test.ts), not a copy that can drift. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

it("docs/sandbox.md's node:http notification receiver is examples/merchant-backend/notify-receiver.mjs, less its two comment lines", () => {
  const guide = read('docs/sandbox.md');
  expect(guide).toContain('## Payment notifications (the merchant side)');
  const section = guide.slice(guide.indexOf('## Payment notifications (the merchant side)'));
  const snippet = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  const file = read('examples/merchant-backend/notify-receiver.mjs').split('\n').slice(2).join('\n');
  expect(snippet).toBe(file);
});
