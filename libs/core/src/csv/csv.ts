/**
 * Rows as RFC 4180 CSV (CRLF line ends). A cell a spreadsheet would run as a formula (a name like
 * "=HYPERLINK(…)") is kept as text with a leading apostrophe; numbers, negative ones included, stay numbers.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const defuse = (v: string) => (/^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v);
  const quote = (raw: string) => {
    const v = defuse(raw);
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}
