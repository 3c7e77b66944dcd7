/**
 * The playground's pure parts: every docs example passes the editor's check against its row, the
 * check reports what the library would refuse, and the snippets' literals are the params themselves.
 */
import { describe, expect, it } from 'vitest';
import { API_NAMES } from '../../src/table/index.js';
import { exampleFor } from '../../playground/src/examples.js';
import { jsLiteral, snippets } from '../../playground/src/snippets.js';
import { groups } from '../../playground/src/table-info.js';
import { checkParams } from '../../playground/src/validate.js';
import { outcomesFor, failureAnswer } from '../../playground/src/outcomes.js';

const ctx = { base: 'http://127.0.0.1:5173/' };

describe('playground examples', () => {
  it.each(API_NAMES)('%s: the docs example is valid for its row (no error, no unknown key)', (api) => {
    const params = exampleFor(api, ctx);
    const checked = checkParams(api, JSON.stringify(params));
    expect(checked.errors).toEqual([]);
    expect(checked.warnings).toEqual([]);
  });

  it('network examples point at the local echo endpoint only', () => {
    for (const api of ['request', 'httpRequest', 'downloadFile', 'uploadFile'] as const) {
      expect(String(exampleFor(api, ctx)['url'])).toMatch(/^http:\/\/127\.0\.0\.1:5173\/echo/);
    }
  });
});

describe('playground editor check', () => {
  it('reports every problem: missing required, wrong types, callbacks, unknown keys, bad JSON', () => {
    const c = checkParams('uploadFile', JSON.stringify({ url: 1, fileName: 'f', fileType: 'image', filePath: 'p', timeout: '5', success: 'x', extra: true }));
    expect(c.errors.map((e) => e.param)).toEqual(['url', 'timeout', 'success']);
    expect(c.warnings.map((w) => w.param)).toEqual(['extra']);
    expect(checkParams('alert', '[1]').errors[0]?.message).toBe('Parameters must be a JSON object, got array');
    expect(checkParams('alert', '{"title": }').params).toBeUndefined();
    expect(checkParams('getSystemInfo', '').errors).toEqual([]);
    expect(checkParams('scan', '{"type": "barcode"}').warnings[0]?.message).toBe('type is not one of the documented values: "qr", "bar"');
    expect(checkParams('scan', '{"type": "bar"}').warnings).toEqual([]);
  });
});

describe('playground snippets', () => {
  it('jsLiteral gives JavaScript that evaluates to the same value', () => {
    const value = { a: "it's", 'b-c': [1, true, null, { d: 'x\ny' }], e: '\u2028' };
    expect(new Function(`return (${jsLiteral(value)});`)()).toEqual(value);
  });

  it('the bridge form appears only where the docs use AlipayJSBridge.call, with the native name', () => {
    expect(snippets('alert', {}).map((s) => s.id)).toEqual(['esm', 'my']);
    expect(snippets('qicardSignContract', { authUrl: 'u' }).map((s) => s.id)).toEqual(['esm', 'my', 'bridge']);
    expect(snippets('chooseFileFromDisk', {}).find((s) => s.id === 'bridge')?.code).toContain("AlipayJSBridge.call('chooseFileFromDisk', {}");
  });
});

describe('playground menu and outcomes', () => {
  it('groups every API once, in the docs order of groups', () => {
    const g = groups();
    expect(g.flatMap((x) => x.apis).sort()).toEqual([...API_NAMES].sort());
    expect(g.map((x) => x.group)).toEqual(['essential', 'ui', 'media', 'storage', 'file', 'location', 'network', 'device', 'framework', 'undocumented']);
    expect(g[1]?.apis.indexOf('showLoading')).toBeLessThan(g[1]?.apis.indexOf('hideLoading') ?? -1);
  });

  it('offers cancel and every documented code, answered in the field the API uses', () => {
    expect(outcomesFor('datePicker').map((o) => o.value)).toEqual(['success', 'cancel', 'error:11', 'delay', 'never']);
    expect(outcomesFor('vibrate').map((o) => o.value)).toEqual(['success', 'delay', 'never']);
    expect(failureAnswer('tradePay', 4000)).toEqual({ resultCode: '4000' });
    expect(failureAnswer('qicardSignContract', 6002)).toEqual({ errorCode: '6002', errorMessage: 'Network exception prevented signing.' });
    expect(failureAnswer('getLocation', 12)).toEqual({ error: 12, errorMessage: 'Network abnormity, try again later.' });
  });
});
