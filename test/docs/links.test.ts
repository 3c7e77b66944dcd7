// @vitest-environment node
/**
 * The README stays short (≤ 250 lines: the guides in docs/ hold the detail), and every relative link
 * in README.md and docs/*.md reaches a file of the repository, and its `#anchor` a heading of that
 * file (GitHub's anchors), so moving text between guides cannot leave a dead link behind.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, repositoryDocs } from './check.js';

/** GitHub's anchor of a heading: lower case, markup and punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown file's headings (outside code blocks), with GitHub's -1, -2… for repeats. */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h = !fence && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const base = anchorOf(h[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n ? `${base}-${n}` : base);
  }
  return anchors;
}

/** Relative links of a Markdown file that do not resolve: `[text](target)` outside code, as `doc: target — why`. */
export function brokenLinks(doc: string, markdown: string, read: (path: string) => string | undefined): string[] {
  const out: string[] = [];
  const prose = markdown.replace(/^\s*(```|~~~)[\s\S]*?^\s*\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = m[1]!;
    if (/^[a-z][\w+.-]*:/i.test(target)) continue; // https:, mailto:
    const [path = '', anchor] = target.split('#');
    const file = path ? normalize(join(dirname(doc), decodeURIComponent(path))) : doc;
    const text = read(file);
    if (text === undefined) out.push(`${doc}: ${target} — no file ${file}`);
    else if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(text).has(anchor)) out.push(`${doc}: ${target} — no heading with anchor #${anchor} in ${file}`);
  }
  return out;
}

const readRepo = (path: string): string | undefined => {
  const full = join(ROOT, path);
  if (!existsSync(full)) return undefined;
  return statSync(full).isDirectory() ? '' : readFileSync(full, 'utf8');
};

describe('README and guides', () => {
  it('README.md is at most 250 lines', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });

  it('every guide starts with its title and one line saying what it covers', () => {
    for (const [doc, text] of Object.entries(repositoryDocs())) {
      if (doc === 'README.md') continue;
      const [title, blank, lead, after] = text.split('\n');
      expect(title, doc).toMatch(/^# \S/);
      expect(blank, doc).toBe('');
      expect(lead, doc).toMatch(/^\S.*\.$/);
      expect(after, doc).toBe('');
    }
  });

  it('every relative link of README.md and docs/*.md reaches a file, and its #anchor a heading', () => {
    const docs = repositoryDocs();
    expect(Object.entries(docs).flatMap(([doc, text]) => brokenLinks(doc, text, readRepo))).toEqual([]);
  });

  it('the README links every guide in docs/', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const guides = Object.keys(repositoryDocs()).filter((d) => d !== 'README.md');
    expect(guides.filter((g) => !readme.includes(`](${g})`))).toEqual([]);
  });

  it('the link check names a missing file, a missing anchor, and passes good ones (GitHub anchors)', () => {
    const files: Record<string, string> = {
      'docs/a.md': '# Devtools for your miniapp (`superqi-devtools`)\n\n## Errors\n\n## Errors\n\n```md\n# Not a heading\n```\n',
    };
    const read = (p: string) => files[p];
    const md = [
      '[ok](docs/a.md#devtools-for-your-miniapp-superqi-devtools) [ok](docs/a.md#errors-1) [web](https://x.example/#y)',
      '[gone](docs/b.md) [bad](docs/a.md#not-a-heading) [self](#nowhere) `[code](docs/c.md)`',
    ].join('\n');
    expect(brokenLinks('README.md', md, read)).toEqual([
      'README.md: docs/b.md — no file docs/b.md',
      'README.md: docs/a.md#not-a-heading — no heading with anchor #not-a-heading in docs/a.md',
      'README.md: #nowhere — no file README.md',
    ]);
  });
});
