// The Log Analytics query API answers {"tables":[{"name":..,"columns":[{"name","type"}],"rows":[[..]]}]}:
// each row is an array of values in column order. Rows become records by column name, and their
// `raw` text is an object built from the row, since the file holds no object for it.

/** The column names of a table's "columns" array, or why they cannot be read. */
export function readTableColumns(text: string | null): string[] | string {
  if (text === null) return "a table's column list is not valid text";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `a table's column list is not valid JSON (${(e as Error).message})`;
  }
  if (!Array.isArray(value)) return "a table's column list is not an array";
  const names: string[] = [];
  for (const column of value) {
    const name = column !== null && typeof column === 'object' ? (column as { name?: unknown }).name : column;
    if (typeof name !== 'string') return "a table's column list has a column without a name";
    names.push(name);
  }
  return names;
}

/** The row as a JSON object text, keys in column order; missing trailing values are null. */
export function rowAsJson(columns: readonly string[], row: readonly unknown[]): string {
  const members: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    members.push(`${JSON.stringify(columns[i])}:${JSON.stringify(row[i] ?? null)}`);
  }
  return `{${members.join(',')}}`;
}
