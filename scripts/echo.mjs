// The playground's echo endpoint: a small local server the network APIs (request, httpRequest,
// downloadFile, uploadFile) and the media/file APIs (getImageInfo, previewImage, openDocument) can be
// tried against, so no request leaves the machine.
//
//   /echo              any method: answers { method, path, query, headers, body, json?, form? } as JSON
//   /echo/slow?ms=3000 the same, after `ms` (at most 30000)
//   /echo/status/<code> the same, with that HTTP status (e.g. 404, 500: request's error 19)
//   /echo/image.png    a small PNG (64×48)
//   /echo/doc.pdf      a tiny valid one-page PDF
//   /echo/probe.json   { "served": "server" }; the static build has a file there saying "page", so the
//                      static copy knows to answer the echo itself (without a failing request)
//
// Every answer carries permissive CORS headers; OPTIONS preflights answer 204.
import { deflateSync } from 'node:zlib';
import { echoAnswer } from './echo-answer.mjs';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 64×48 RGB PNG: a teal-to-gold gradient with a white diagonal, made here so the repo has no binaries. */
export function pngBytes(width = 64, height = 48) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 3;
      const t = x / (width - 1);
      const line = Math.abs(x * (height / width) - y) < 1.5;
      raw[i] = line ? 255 : Math.round(0 + t * 240);
      raw[i + 1] = line ? 255 : Math.round(128 + t * 60);
      raw[i + 2] = line ? 255 : Math.round(128 - t * 100);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a line of text, with a correct cross-reference table. */
export function pdfBytes(text = 'Super Qi playground: echo PDF') {
  const safe = text.replace(/[\\()]/g, (c) => '\\' + c);
  const stream = `BT /F1 18 Tf 40 100 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Who answers the echo: this server, or (the static build's file at the same path) the page itself. */
export const ECHO_PROBE = { path: 'probe.json', server: { served: 'server' }, staticCopy: { served: 'page' } };

/** The static assets of the echo endpoint, by path under `/echo/` (also written into the static build). */
export const ECHO_ASSETS = {
  'image.png': { type: 'image/png', bytes: pngBytes() },
  'doc.pdf': { type: 'application/pdf', bytes: pdfBytes() },
};

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': '*',
};

const MAX_BODY = 10 * 1024 * 1024;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const parts = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** What /echo answers about a request. */
function describe(req, url, body) {
  const type = String(req.headers['content-type'] ?? '');
  return echoAnswer({ method: req.method, url, headers: req.headers, type, bytes: body.length, text: body.toString('utf8') });
}

/**
 * Handles `/echo` and everything under it; returns false for other paths (so a server can fall
 * through to its files).
 */
export function handleEcho(req, res) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  if (path !== '/echo' && !path.startsWith('/echo/')) return false;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS).end();
    return true;
  }
  if (path === `/echo/${ECHO_PROBE.path}`) {
    res.writeHead(200, { ...CORS, 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(ECHO_PROBE.server));
    return true;
  }
  const asset = ECHO_ASSETS[path.slice('/echo/'.length)];
  if (asset) {
    res.writeHead(200, { ...CORS, 'content-type': asset.type, 'content-length': asset.bytes.length, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : asset.bytes);
    return true;
  }
  const status = /^\/echo\/status\/(\d{3})$/.exec(path);
  const slow = path === '/echo/slow';
  if (path !== '/echo' && !status && !slow) {
    res.writeHead(404, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify({ error: 'no such echo path', path }));
    return true;
  }
  readBody(req).then(
    (body) => {
      const send = () => {
        if (res.destroyed) return;
        const code = status ? Math.min(599, Math.max(200, Number(status[1]))) : 200;
        res.writeHead(code, { ...CORS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(describe(req, url, body)));
      };
      if (slow) {
        const ms = Math.min(30000, Math.max(0, Number(url.searchParams.get('ms') ?? 3000) || 0));
        const t = setTimeout(send, ms);
        res.on('close', () => clearTimeout(t));
      } else send();
    },
    (e) => {
      if (!res.headersSent) res.writeHead(413, { ...CORS, 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(e.message) }));
    },
  );
  return true;
}
