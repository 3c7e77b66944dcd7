/**
 * The fenced code blocks of a Markdown file, with the directives written as HTML comments on the
 * lines right before each block (docs/development.md, "Code blocks in the docs", says what each means):
 *   <!-- check: vite.config.ts -->            the block is that file (imports between blocks resolve)
 *   <!-- check:package vitest checkout.js --> the block is that file of a consumer project (also
 *                                             read by scripts/check-package.mjs, which runs it)
 *   <!-- prelude: page, jest -->              declarations the fragment needs (test/docs/preludes/*.d.ts)
 *   <!-- same-as: examples/x.mjs -->          the block is a copy of that file, which a test runs
 */

/** One fenced block. */
export interface Block {
  /** The Markdown file, relative to the repository. */
  doc: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string's first word (`ts`, `sh`…), '' when none. */
  lang: string;
  /** The block's text, de-indented by the fence's indentation. */
  text: string;
  /** The file the block is (`check:` or `check:package`), if it names one. */
  file?: string;
  /** Prelude names. */
  preludes: string[];
  /** The repository file the block copies, if any. */
  sameAs?: string;
  /** Directive comments that are none of the above (a typo must not pass silently). */
  unknown: string[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/;
const COMMENT = /^\s*<!--\s*([\s\S]*?)\s*-->\s*$/;

/** The fenced blocks of `text` (a Markdown file named `doc`). */
export function blocksOf(doc: string, text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', lang = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j]!.trim().startsWith(fence) && lines[j]!.trim().replace(/[`~]/g, '') === ''); j++) {
      body.push(lines[j]!.startsWith(indent) ? lines[j]!.slice(indent.length) : lines[j]!.trimStart());
    }
    const block: Block = { doc, line: i + 1, lang, text: body.join('\n') + '\n', preludes: [], unknown: [] };
    // directives: the comment lines right above the fence (blank lines between are allowed)
    for (let k = i - 1; k >= 0; k--) {
      if (lines[k]!.trim() === '') continue;
      const c = COMMENT.exec(lines[k]!);
      if (!c) break;
      readDirective(block, c[1]!);
    }
    blocks.push(block);
    i = j;
  }
  return blocks;
}

function readDirective(block: Block, d: string): void {
  let m: RegExpExecArray | null;
  if ((m = /^check:package\s+(\S+)\s+(\S+)$/.exec(d))) block.file = `${m[1]}/${m[2]}`;
  else if ((m = /^check:\s*(\S+)$/.exec(d))) block.file = m[1]!;
  else if ((m = /^prelude:\s*(.+)$/.exec(d))) block.preludes.push(...m[1]!.split(',').map((s) => s.trim()).filter(Boolean));
  else if ((m = /^same-as:\s*(\S+)$/.exec(d))) block.sameAs = m[1]!;
  else block.unknown.push(d);
}
