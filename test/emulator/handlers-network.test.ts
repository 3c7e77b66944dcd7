/**
 * The emulator's network APIs against a real HTTP server on 127.0.0.1: request/httpRequest encoding,
 * decoding and every error, downloadFile into the file store, uploadFile as multipart/form-data.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile, getFileInfo, getImageInfo, httpRequest, openDocument, request, uploadFile } from '../../src/index.js';
import { filesOf, newFileId } from '../../src/emulator/files.js';
import { toQueryString } from '../../src/emulator/handlers/network.js';
import { encodePng } from '../support/media-encoders.js';
import type { Emulator } from '../../src/emulator/types.js';
import { hostRejection as failure, rawCall, setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';
import { watchPageConsole } from '../support/page-console.js';
import { closedPort, nodeDigest, startLoopbackServer, type LoopbackServer, type Received } from '../support/loopback-server.js';

const PNG = encodePng(20, 10, () => [1, 2, 3]);
const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
const BYTES = Uint8Array.from({ length: 300 }, (_, i) => (i * 13) & 0xff);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

const echo = (r: Received) => ({
  headers: { 'content-type': 'application/json; charset=utf-8', 'X-Echo': 'yes' },
  body: JSON.stringify({ method: r.method, url: r.url, headers: r.headers, body: new TextDecoder().decode(r.body) }),
});

const pageConsole = watchPageConsole();
let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({
    '/echo': echo,
    '/slow': () => ({ delay: 1500, body: '{"late":true}' }),
    '/bad-json': () => ({ headers: { 'content-type': 'application/json' }, body: '{"unterminated": ' }),
    '/text': () => ({ headers: { 'content-type': 'text/plain' }, body: 'plain text ✓' }),
    '/invalid-utf8': () => ({ headers: { 'content-type': 'text/plain' }, body: Uint8Array.of(0x61, 0xff, 0xfe, 0x62) }),
    '/latin1': () => ({ headers: { 'content-type': 'text/plain; charset=iso-8859-1' }, body: Uint8Array.of(0x63, 0x61, 0x66, 0xe9) }),
    '/bytes': () => ({ headers: { 'content-type': 'application/octet-stream' }, body: BYTES }),
    '/empty': () => ({ status: 204 }),
    '/not-found': () => ({ status: 404, headers: { 'content-type': 'application/json' }, body: '{"message":"no such order"}' }),
    '/server-error': () => ({ status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>Oops</h1>' }),
    '/image.png': () => ({ headers: { 'content-type': 'image/png' }, body: PNG }),
    '/files/Invoice%202024.pdf': () => ({ headers: { 'content-type': 'application/pdf' }, body: PDF }),
    '/upload': (r) => ({
      status: 201,
      headers: { 'content-type': 'application/json', 'X-Upload-Id': 'u-1' },
      body: JSON.stringify({ contentType: r.headers['content-type'], length: r.body.length }),
    }),
    '/upload-fails': () => ({ status: 500, body: 'storage down' }),
    '/slow-upload': () => ({ delay: 1500, body: 'late' }),
  });
});
afterAll(() => server.close());
afterEach(teardownEmulator);

const unique = () => `net-test-${Math.random().toString(36).slice(2)}`;
const last = () => server.received.at(-1)!;
type Echo = { method: string; url: string; headers: Record<string, string>; body: string };

describe('request', () => {
  it('GET (default) answers { data, status, headers } with parsed JSON, a number status and lower-case header names', async () => {
    setupAutoEmulator();
    const res = await request<Echo>({ url: `${server.base}/echo` });
    expect(Object.keys(res).sort()).toEqual(['data', 'headers', 'status']);
    expect(res.status).toBe(200);
    expect(res.data.method).toBe('GET');
    expect(res.headers['x-echo']).toBe('yes');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(res.headers).every((k) => k === k.toLowerCase())).toBe(true);
    // a GET has no body, so no content-type is sent
    expect(res.data.headers['content-type']).toBeUndefined();
  });

  it('GET data becomes encodeURIComponent(k)=encodeURIComponent(v) pairs, appended to an existing query, before the fragment', async () => {
    setupAutoEmulator();
    const data = { q: 'a b&c', 'ك': 'بغداد', n: 5, ok: true, nil: null, obj: { x: [1] } };
    const res = await request<Echo>({ url: `${server.base}/echo?page=1#top`, data });
    const expected = `q=a%20b%26c&${encodeURIComponent('ك')}=${encodeURIComponent('بغداد')}&n=5&ok=true&nil=null&obj=${encodeURIComponent('{"x":[1]}')}`;
    expect(res.data.url).toBe(`/echo?page=1&${expected}`);
    expect(toQueryString(data)).toBe(expected);
    await request({ url: `${server.base}/echo`, data: 'raw=1&b=2' });
    expect(last().url).toBe('/echo?raw=1&b=2');
  });

  it('POST sends JSON by default with content-type application/json', async () => {
    setupAutoEmulator();
    const res = await request<Echo>({ url: `${server.base}/echo`, method: 'POST', data: { from: 'Mini Program', n: [1, 2] } });
    expect(res.data.method).toBe('POST');
    expect(res.data.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.data.body)).toEqual({ from: 'Mini Program', n: [1, 2] });
  });

  it('POST with x-www-form-urlencoded sends a query-string body', async () => {
    setupAutoEmulator();
    const res = await request<Echo>({
      url: `${server.base}/echo`,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      data: { name: 'Ali Hassan', city: 'Najaf & Karbala' },
    });
    expect(res.data.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(res.data.body).toBe('name=Ali%20Hassan&city=Najaf%20%26%20Karbala');
  });

  it('POST string data goes as is; custom headers are sent and keep the default content-type', async () => {
    setupAutoEmulator();
    const res = await request<Echo>({ url: `${server.base}/echo`, method: 'POST', headers: { 'X-Token': 't-1' }, data: '<xml/>' });
    expect(res.data.body).toBe('<xml/>');
    expect(res.data.headers['x-token']).toBe('t-1');
    expect(res.data.headers['content-type']).toBe('application/json');
  });

  it("dataType 'text' answers the string; 'base64' the bytes in base64; a charset is honoured", async () => {
    setupAutoEmulator();
    expect((await request({ url: `${server.base}/text`, dataType: 'text' })).data).toBe('plain text ✓');
    const b64 = (await request({ url: `${server.base}/bytes`, dataType: 'base64' })).data as string;
    const decoded = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(BYTES);
    expect(await nodeDigest('md5', decoded)).toBe(await nodeDigest('md5', BYTES));
    expect((await request({ url: `${server.base}/latin1`, dataType: 'text' })).data).toBe('café');
    // text that is JSON stays text
    expect((await request({ url: `${server.base}/echo`, dataType: 'text' })).data).toMatch(/^\{"method":"GET"/);
  });

  it('an empty body is data: ""', async () => {
    setupAutoEmulator();
    expect(await request({ url: `${server.base}/empty` })).toMatchObject({ data: '', status: 204 });
  });

  it('a body that is not JSON is 14 with dataType json; bytes that are not text are 14 with text', async () => {
    setupAutoEmulator();
    const e = await failure(request({ url: `${server.base}/bad-json` }));
    expect(e.code).toBe(14);
    expect(e.errorMessage).toMatch(/Decoding failure/);
    expect((await failure(request({ url: `${server.base}/text` }))).code).toBe(14);
    expect((await failure(request({ url: `${server.base}/invalid-utf8`, dataType: 'text' }))).code).toBe(14);
    // base64 decodes anything
    expect((await request({ url: `${server.base}/invalid-utf8`, dataType: 'base64' })).data).toBe('Yf/+Yg==');
  });

  it('no answer within timeout is 13', async () => {
    setupAutoEmulator();
    const started = Date.now();
    const e = await failure(request({ url: `${server.base}/slow`, timeout: 200 }));
    expect(e.code).toBe(13);
    expect(Date.now() - started).toBeLessThan(1400);
    pageConsole.expectLines(/socket hang up/); // happy-dom's fetch, aborted at the timeout
  });

  it('a network failure (nothing listening) is 12', async () => {
    setupAutoEmulator();
    const e = await failure(request({ url: `http://127.0.0.1:${await closedPort()}/x` }));
    expect(e.code).toBe(12);
    expect(e.errorMessage).toMatch(/Network error/);
    pageConsole.expectLines(/ECONNREFUSED/);
  });

  it('HTTP 4xx/5xx is 19 with status, headers and data in the failure', async () => {
    setupAutoEmulator();
    const notFound = await failure(request({ url: `${server.base}/not-found` }));
    expect(notFound.code).toBe(19);
    expect(notFound.raw).toMatchObject({ error: 19, status: 404, data: { message: 'no such order' } });
    expect((notFound.raw['headers'] as Record<string, string>)['content-type']).toBe('application/json');
    const serverError = await failure(request({ url: `${server.base}/server-error`, method: 'POST', data: {} }));
    expect(serverError.raw).toMatchObject({ error: 19, status: 500, data: '<h1>Oops</h1>' });
    pageConsole.expectLines(/^GET \S+\/not-found 404/, /^POST \S+\/server-error 500/);
  });

  it.each([
    [{}],
    [{ url: '' }],
    [{ url: '/api/data' }],
    [{ url: 'ftp://example.com/file' }],
    [{ url: 'https://example.com', method: 'PUT' }],
    [{ url: 'https://example.com', dataType: 'xml' }],
    [{ url: 'https://example.com', headers: 'content-type: json' }],
    [{ url: 'https://example.com', timeout: -1 }],
  ])('invalid %j is 2 (nothing is sent)', async (params) => {
    setupAutoEmulator();
    const before = server.received.length;
    const r = await rawCall(undefined, 'request', params);
    expect(r['error']).toBe(2);
    expect(server.received.length).toBe(before);
  });

  it('a lower-case method works', async () => {
    setupAutoEmulator();
    expect((await rawCall(undefined, 'request', { url: `${server.base}/echo`, method: 'post', data: { a: 1 } }))['status']).toBe(200);
    expect(last().method).toBe('POST');
  });
});

describe('RequestTask.abort() reaches the emulator', () => {
  it('aborts its fetch at once and frees the task: the log marks the call aborted and answered', async () => {
    const em = setupAutoEmulator();
    const task = request({ url: `${server.base}/slow` });
    await new Promise((r) => setTimeout(r, 50)); // the fetch is under way
    const started = performance.now();
    task.abort();
    await expect(task).rejects.toMatchObject({ name: 'AbortedError', api: 'request' });
    const record = em.calls.find((c) => c.api === 'request')!;
    for (let i = 0; i < 100 && record.answeredAt === undefined; i++) await new Promise((r) => setTimeout(r, 5));
    expect(record.aborted).toBe(true);
    expect(record.answeredAt).toBeDefined();
    expect(performance.now() - started).toBeLessThan(1000); // the server answers after 1500 ms
    expect(record.answer).toMatchObject({ error: 12, errorMessage: expect.stringContaining('aborted') });
  });

  it('an AbortSignal reaches downloadFile the same way; an answered call ignores a late abort', async () => {
    const em = setupAutoEmulator();
    const controller = new AbortController();
    const p = downloadFile({ url: `${server.base}/slow` }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortedError' });
    for (let i = 0; i < 100 && em.calls[0]!.answeredAt === undefined; i++) await new Promise((r) => setTimeout(r, 5));
    expect(em.calls[0]).toMatchObject({ aborted: true, ok: false });
    const done = request({ url: `${server.base}/echo` });
    await done;
    done.abort();
    expect(em.calls[1]!.aborted).toBeUndefined();
    // happy-dom reports the aborted fetch's socket, once or twice and when its timing says.
    const lines: string[] = [];
    for (let i = 0; i < 100 && !lines.length; i++) lines.push(...pageConsole.take(), ...(await new Promise<string[]>((r) => setTimeout(() => r([]), 5))));
    await new Promise((r) => setTimeout(r, 50));
    lines.push(...pageConsole.take());
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/socket hang up/);
  });
});

describe('httpRequest', () => {
  it('behaves as request', async () => {
    setupAutoEmulator();
    const res = await httpRequest<Echo>({ url: `${server.base}/echo`, method: 'POST', data: { a: 1 } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.data.body)).toEqual({ a: 1 });
    expect((await failure(httpRequest({ url: `${server.base}/bad-json` }))).code).toBe(14);
  });

  it('takes the classic responseType for dataType', async () => {
    setupAutoEmulator();
    expect(await rawCall(undefined, 'httpRequest', { url: `${server.base}/text`, responseType: 'text' })).toMatchObject({ data: 'plain text ✓', status: 200 });
  });
});

describe('downloadFile', () => {
  it('downloads to a temporary file: { apFilePath } usable by getImageInfo and getFileInfo', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const res = await downloadFile({ url: `${server.base}/image.png` });
    expect(Object.keys(res)).toEqual(['apFilePath']);
    expect(res.apFilePath).toMatch(/^blob:.+#apml[0-9a-f]{32}\.image$/);
    const file = await filesOf(em).find(res.apFilePath);
    expect(file?.name).toBe('image.png');
    expect(new Uint8Array(await file!.blob.arrayBuffer())).toEqual(PNG);
    expect(await getImageInfo({ src: res.apFilePath })).toMatchObject({ width: 20, height: 10, type: 'png', path: res.apFilePath });
    expect(await getFileInfo({ apFilePath: res.apFilePath })).toEqual({ size: PNG.length, digest: await nodeDigest('md5', PNG) });
  });

  it('a downloaded PDF opens with openDocument (the docs’ sample)', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const { apFilePath } = await downloadFile({ url: `${server.base}/files/Invoice%202024.pdf` });
    expect(apFilePath).toMatch(/\.pdf$/);
    expect((await filesOf(em).find(apFilePath))?.name).toBe('Invoice 2024.pdf');
    await expect(openDocument({ filePath: apFilePath, fileType: 'pdf' })).resolves.toEqual({});
  });

  it('sends the header parameter', async () => {
    setupAutoEmulator({ appId: unique() });
    await downloadFile({ url: `${server.base}/echo`, header: { Authorization: 'Bearer abc' } });
    expect(last().headers['authorization']).toBe('Bearer abc');
  });

  it('network failures and HTTP errors are 12', async () => {
    setupAutoEmulator({ appId: unique() });
    expect((await failure(downloadFile({ url: `http://127.0.0.1:${await closedPort()}/a.png` }))).code).toBe(12);
    const e = await failure(downloadFile({ url: `${server.base}/not-found` }));
    expect(e.code).toBe(12);
    expect(e.errorMessage).toMatch(/404/);
    pageConsole.expectLines(/ECONNREFUSED/, /^GET \S+\/not-found 404/);
  });

  it('a missing or non-http url is 2', async () => {
    setupAutoEmulator({ appId: unique() });
    expect((await rawCall(undefined, 'downloadFile', {}))['error']).toBe(2);
    expect((await rawCall(undefined, 'downloadFile', { url: 'file:///etc/passwd' }))['error']).toBe(2);
  });
});

describe('uploadFile', () => {
  /** The parts of a multipart/form-data body (latin1), by field name. */
  function parts(r: Received): Record<string, { headers: string; body: string }> {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(r.headers['content-type'] ?? '');
    expect(boundary).not.toBeNull();
    const out: Record<string, { headers: string; body: string }> = {};
    for (const part of r.text.split(`--${boundary![1] ?? boundary![2]}`).slice(1, -1)) {
      const split = part.indexOf('\r\n\r\n');
      const headers = part.slice(2, split);
      const name = /name="([^"]*)"/.exec(headers)![1]!;
      out[name] = { headers, body: part.slice(split + 4, -2) };
    }
    return out;
  }

  const pngFile = (em: Emulator) => filesOf(em).addTemp(new File([PNG], 'avatar.png', { type: 'image/png' })).path;

  it('sends multipart/form-data: formData fields and the file under fileName; answers { data, statusCode (string), header }', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const res = await uploadFile({
      url: `${server.base}/upload`,
      filePath: pngFile(em),
      fileName: 'file',
      fileType: 'image',
      header: { 'X-User': 'user-123', 'Content-Type': 'multipart/form-data' },
      formData: { userId: 'user-123', count: 3, meta: { a: 1 } },
    });
    expect(Object.keys(res).sort()).toEqual(['data', 'header', 'statusCode']);
    expect(res.statusCode).toBe('201');
    expect(typeof res.data).toBe('string');
    expect(JSON.parse(res.data)).toMatchObject({ contentType: expect.stringMatching(/^multipart\/form-data; boundary=/) });
    expect(res.header['x-upload-id']).toBe('u-1');

    const received = last();
    expect(received.method).toBe('POST');
    expect(received.headers['x-user']).toBe('user-123');
    const p = parts(received);
    expect(Object.keys(p)).toEqual(['userId', 'count', 'meta', 'file']);
    expect(p['userId']!.body).toBe('user-123');
    expect(p['count']!.body).toBe('3');
    expect(p['meta']!.body).toBe('{"a":1}');
    expect(p['file']!.headers).toMatch(/filename="avatar\.png"/);
    expect(p['file']!.headers).toMatch(/Content-Type: image\/png/i);
    expect(latin1(p['file']!.body)).toEqual(PNG);
  });

  it('uploads a chosen file with the minimal parameters; any HTTP status is a success with its statusCode', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const path = filesOf(em).addTemp(new File(['report'], 'r.txt', { type: 'text/plain' })).path;
    const res = await uploadFile({ url: `${server.base}/upload-fails`, filePath: path, fileName: 'doc', fileType: 'PDF' });
    expect(res).toMatchObject({ data: 'storage down', statusCode: '500' });
    expect(parts(last())['doc']!.body).toBe('report');
    pageConsole.expectLines(/^POST \S+\/upload-fails 500/);
  });

  it('a file that does not exist is 11', async () => {
    setupAutoEmulator({ appId: unique() });
    const e = await failure(uploadFile({ url: `${server.base}/upload`, filePath: `https://resource/${newFileId()}.image`, fileName: 'file', fileType: 'image' }));
    expect(e.code).toBe(11);
    expect((await failure(uploadFile({ url: `${server.base}/upload`, filePath: '/sdcard/a.png', fileName: 'file', fileType: 'image' }))).code).toBe(11);
  });

  it('a network failure or timeout is 12', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const path = pngFile(em);
    expect((await failure(uploadFile({ url: `http://127.0.0.1:${await closedPort()}/u`, filePath: path, fileName: 'f', fileType: 'image' }))).code).toBe(12);
    const started = Date.now();
    const e = await failure(uploadFile({ url: `${server.base}/slow-upload`, filePath: path, fileName: 'f', fileType: 'image', timeout: 200 }));
    expect(e.code).toBe(12);
    expect(e.errorMessage).toMatch(/200 ms/);
    pageConsole.expectLines(/ECONNREFUSED/, /socket hang up/);
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it.each(['url', 'filePath', 'fileName', 'fileType'])('without %s it is 2', async (missing) => {
    const em = setupAutoEmulator({ appId: unique() });
    const params: Record<string, unknown> = { url: `${server.base}/upload`, filePath: pngFile(em), fileName: 'f', fileType: 'image' };
    delete params[missing];
    const before = server.received.length;
    expect((await rawCall(undefined, 'uploadFile', params))['error']).toBe(2);
    expect(server.received.length).toBe(before);
  });

  it('a non-http url or a non-object formData is 2', async () => {
    const em = setupAutoEmulator({ appId: unique() });
    const base = { filePath: pngFile(em), fileName: 'f', fileType: 'image' };
    expect((await rawCall(undefined, 'uploadFile', { ...base, url: 'upload' }))['error']).toBe(2);
    expect((await rawCall(undefined, 'uploadFile', { ...base, url: `${server.base}/upload`, formData: ['a'] }))['error']).toBe(2);
  });
});
