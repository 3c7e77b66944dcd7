// @vitest-environment node
/** The README's notification receiver is the example file a test runs against the sandbox (notify-example.test.ts), not a copy that can drift. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

it("README's node:http notification receiver is examples/merchant-backend/notify-receiver.mjs, less its two comment lines", () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('### Payment notifications (the merchant side)'));
  const snippet = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  const file = read('examples/merchant-backend/notify-receiver.mjs').split('\n').slice(2).join('\n');
  expect(snippet).toBe(file);
});
