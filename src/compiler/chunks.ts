// Cuts a document into chunks that parse the same alone as in place: each chunk but
// the last ends with a top-level phase break line (`---` after a blank line).
// parse.ts checks every cut, so this only has to be right in the common case.

export interface Chunk {
  text: string;
  /** 1-based line and 0-based offset of the chunk's first character in the document */
  line: number;
  offset: number;
  /** document line of the break the chunk ends with (unused for the last chunk) */
  breakLine: number;
}

const BREAK = /^(?:-{3,}|\*{3,}|_{3,})[ \t]*\r?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONTMATTER_FENCE = /^---[ \t]*\r?$/;

export function chunkDocument(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 1;
  let line = 1;
  let position = 0;
  let previousBlank = false;
  let fence: string | null = null;
  let inFrontmatter = FRONTMATTER_FENCE.test(firstLine(text));
  let frontmatterOpened = false;
  while (position < text.length) {
    let next = text.indexOf('\n', position);
    if (next === -1) next = text.length;
    const content = text.slice(position, next);
    const after = next + 1;
    if (inFrontmatter) {
      if (frontmatterOpened && FRONTMATTER_FENCE.test(content)) inFrontmatter = false;
      frontmatterOpened = true;
    } else if (fence !== null) {
      const match = FENCE.exec(content);
      if (match && match[1]![0] === fence[0] && match[1]!.length >= fence.length && content.trim() === match[1]) fence = null;
    } else {
      const match = FENCE.exec(content);
      if (match) fence = match[1]!;
      else if (previousBlank && BREAK.test(content) && after < text.length && !FRONTMATTER_FENCE.test(firstLine(text, after))) {
        chunks.push({ text: text.slice(chunkStart, after), line: chunkLine, offset: chunkStart, breakLine: line });
        chunkStart = after;
        chunkLine = line + 1;
      }
    }
    previousBlank = content.trim() === '';
    position = after;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), line: chunkLine, offset: chunkStart, breakLine: 0 });
  return chunks;
}

function firstLine(text: string, from = 0): string {
  const end = text.indexOf('\n', from);
  return text.slice(from, end === -1 ? text.length : end);
}
