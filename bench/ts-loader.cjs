/**
 * A webpack loader for the script-tag size figures (bench/bundlers.mjs): TypeScript → JavaScript with
 * esbuild's transform (types stripped, nothing else), so webpack bundles src/ as it is.
 */
const { transform } = require('esbuild');

module.exports = function tsLoader(source) {
  const done = this.async();
  transform(source, { loader: 'ts', target: 'es2020', format: 'esm' }).then(
    (r) => done(null, r.code),
    (e) => done(e),
  );
};
