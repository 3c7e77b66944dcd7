// What the echo endpoint answers about a request, shared by the dev server (scripts/echo.mjs, Node)
// and the static copy of the playground (playground/src/static-echo.ts, in the page): both give the
// same shape, so the examples read the same answer wherever they run.

/**
 * The echo's answer: method, path, query, headers, the body's size and text (up to 256 KB), and the
 * body parsed by its content type (json, form fields, or multipart part names).
 */
export function echoAnswer({ method, url, headers, type, bytes, text }) {
  const answer = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers, bodyBytes: bytes };
  if (bytes && bytes <= 256 * 1024) answer.body = text;
  if (/json/i.test(type) && text) {
    try {
      answer.json = JSON.parse(text);
    } catch {
      // not JSON after all: body has the text
    }
  } else if (/x-www-form-urlencoded/i.test(type)) {
    answer.form = Object.fromEntries(new URLSearchParams(text));
  } else if (/multipart\/form-data/i.test(type)) {
    // Field names and file names of the parts, enough to see what uploadFile sent.
    answer.parts = [...text.matchAll(/content-disposition:[^\r\n]*?name="([^"]*)"(?:; filename="([^"]*)")?/gi)].map((m) =>
      m[2] !== undefined ? { name: m[1], filename: m[2] } : { name: m[1] },
    );
  }
  return answer;
}
