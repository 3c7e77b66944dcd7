/**
 * The per-call comparison both overhead benches make: blocks of `n` sequential raw calls and `n`
 * wrapped calls, alternating which goes first, over `rounds` rounds. Blocks grow from `block` until a
 * raw block takes `minMs` (less timer and scheduling noise per block). Returns the median per-round
 * ratio wrapped ÷ raw, the median ns per call of each, the range of the ratios and the block size.
 * Both runs are warmed up before the blocks are sized: sized on cold code (first calls, JIT not done),
 * a block came out 50–100× too small for the warm rounds (2,000 calls of ~150 ns: 0.3 ms blocks, ratios
 * from 0.4× to 37× in one run).
 *
 * Self-contained (no imports, no outer names): overhead-chromium.mjs hands its source to the page.
 * `now()` is the clock in ms (`performance.now` in a page; Node passes process.hrtime).
 */
export async function alternate(rawRun, wrapRun, { block, rounds, minMs, now }) {
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  // Warm-up: both runs, alternately, each for at least 3 × minMs and 20 blocks in all.
  for (const run of [rawRun, wrapRun, rawRun, wrapRun]) {
    const t = now();
    for (let k = 0; k < 10 || now() - t < 1.5 * minMs; k++) await run(block);
  }
  let n = block;
  for (;;) {
    const t = now();
    await rawRun(n);
    if (now() - t >= minMs || n >= 4_000_000) break;
    n *= 2;
  }
  const time = async (run) => {
    const t = now();
    await run(n);
    return ((now() - t) * 1e6) / n;
  };
  const ratios = [];
  const raw = [];
  const wrapped = [];
  for (let round = 0; round < rounds; round++) {
    let r, w;
    if (round % 2) {
      w = await time(wrapRun);
      r = await time(rawRun);
    } else {
      r = await time(rawRun);
      w = await time(wrapRun);
    }
    ratios.push(w / r);
    raw.push(r);
    wrapped.push(w);
  }
  return { ratio: median(ratios), raw: median(raw), wrapped: median(wrapped), range: [Math.min(...ratios), Math.max(...ratios)], block: n };
}
