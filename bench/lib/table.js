// The one table the bench prints: what | median | spread (min–max) | budget | pass/fail.

/** true / false against the row's budget, or null when it has none (a figure to watch). */
export function passes(row) {
  if (!row.budget || !Number.isFinite(row.median)) return row.budget ? false : null;
  const { op, value } = row.budget;
  if (op === '<') return row.median < value;
  if (op === '<=') return row.median <= value;
  if (op === '>=') return row.median >= value;
  throw new Error(`unknown budget operator ${op}`);
}

export function formatNumber(value, unit) {
  if (!Number.isFinite(value)) return '—';
  if (unit === '/s') return Math.round(value).toLocaleString('en-US');
  if (unit === '×') return value.toFixed(2);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  return value.toFixed(1);
}

const withUnit = (text, unit) => (text === '—' ? text : unit === '×' ? `${text}×` : unit === '%' ? `${text}%` : `${text} ${unit}`);

export function formatTable(rows) {
  const header = ['what', 'median', 'spread (min–max)', 'budget', 'pass/fail'];
  const lines = rows.map((row) => [
    row.what,
    withUnit(formatNumber(row.median, row.unit), row.unit),
    `${formatNumber(row.min, row.unit)}–${formatNumber(row.max, row.unit)}`,
    row.budget ? `${row.budget.op === '>=' ? '≥' : row.budget.op === '<=' ? '≤' : '<'} ${withUnit(formatNumber(row.budget.value, row.unit), row.unit)}` : '',
    row.pass === null ? '' : row.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' │ ');
  return [format(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...lines.map(format)].join('\n');
}
