// Reads the styling a terminal receives: every SGR sequence (`ESC [ params m`), its
// parameters split by `;`, the arguments of an extended colour (38;5;n, 38;2;r;g;b and
// the `:` forms) kept with their code, so `38;5;1` is one colour and not a colour plus bold.
const SGR = /\x1b\[([0-9;:]*)m/g;

export interface SgrParameter {
  /** the parameter as written, extended colour arguments included: '1', '31', '38;5;208' */
  text: string;
  code: number;
}

export function sgrParameters(raw: string): SgrParameter[] {
  const found: SgrParameter[] = [];
  for (const match of raw.matchAll(SGR)) {
    const params = match[1]!.split(';');
    for (let i = 0; i < params.length; i++) {
      const param = params[i]!;
      // an empty parameter is 0 (a reset), as in `ESC [ m`
      const code = Number(param.split(':')[0] || '0');
      let text = param;
      if ((code === 38 || code === 48 || code === 58) && !param.includes(':')) {
        const extra = params[i + 1] === '5' ? 2 : params[i + 1] === '2' ? 4 : 0;
        text = params.slice(i, i + 1 + extra).join(';');
        i += extra;
      }
      found.push({ text, code });
    }
  }
  return found;
}

/** Foreground, background and underline colours, set or reset. */
export function isColor(code: number): boolean {
  return (
    (code >= 30 && code <= 39) ||
    (code >= 40 && code <= 49) ||
    (code >= 90 && code <= 97) ||
    (code >= 100 && code <= 107) ||
    code === 58 ||
    code === 59
  );
}

export function colorParameters(raw: string): string[] {
  return sgrParameters(raw)
    .filter((param) => isColor(param.code))
    .map((param) => param.text);
}

export function usesCode(raw: string, code: number): boolean {
  return sgrParameters(raw).some((param) => param.code === code);
}

/** The bold and dim in force where `text` first appears in `raw` (escape sequences skipped). */
export function styleOf(raw: string, text: string): { bold: boolean; dim: boolean; color: boolean } | undefined {
  let plain = '';
  const styles: Array<{ bold: boolean; dim: boolean; color: boolean }> = [];
  let style = { bold: false, dim: false, color: false };
  const apply = (params: SgrParameter[]) => {
    style = { ...style };
    for (const { code } of params) {
      if (code === 0) style = { bold: false, dim: false, color: false };
      else if (code === 1) style.bold = true;
      else if (code === 2) style.dim = true;
      else if (code === 22) style.bold = style.dim = false;
      else if (code === 39 || code === 49) style.color = false;
      else if (isColor(code)) style.color = true;
    }
  };
  // any other escape sequence (cursor moves, erasing) is skipped and leaves the style as is
  const parts = raw.split(/(\x1b\[[0-9;:?]*[A-Za-z]|\x1b\][^\x07]*\x07)/);
  for (const part of parts) {
    if (part.startsWith('\x1b')) {
      if (part.endsWith('m') && !part.includes('?')) apply(sgrParameters(part));
      continue;
    }
    for (const char of part) {
      plain += char;
      for (let i = 0; i < char.length; i++) styles.push(style);
    }
  }
  const at = plain.indexOf(text);
  return at < 0 ? undefined : styles[at];
}

/** The text without its SGR sequences. */
export function withoutSgr(raw: string): string {
  return raw.replace(SGR, '');
}
