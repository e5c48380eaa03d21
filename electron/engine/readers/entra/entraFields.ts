// Case-insensitive access to one JSON object's members. The same field is `userPrincipalName` in Graph,
// `UserPrincipalName` in Log Analytics and sometimes `type`/`Type` or `Level`/`level` within one
// source, so every lookup goes by lower-cased name. A Map (not a plain object) holds them, so a
// `__proto__` key is just another name.
import { parseNestedJson } from './nestedJson.js';

export class EntraFields {
  private constructor(
    private readonly byName: Map<string, unknown>,
    private readonly maxDepth: number,
  ) {}

  static fromObject(object: object, maxDepth: number): EntraFields {
    const byName = new Map<string, unknown>();
    const record = object as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const name = key.toLowerCase();
      // The first spelling wins when a record carries both (diagnostic records: `Level` and `level`).
      if (!byName.has(name)) byName.set(name, record[key]);
    }
    return new EntraFields(byName, maxDepth);
  }

  /** A query-API row: values by position, named by the table's columns. */
  static fromRow(columns: readonly string[], row: readonly unknown[], maxDepth: number): EntraFields {
    const byName = new Map<string, unknown>();
    for (let i = 0; i < columns.length && i < row.length; i++) {
      const name = columns[i]!.toLowerCase();
      if (!byName.has(name)) byName.set(name, row[i]);
    }
    return new EntraFields(byName, maxDepth);
  }

  /** Present and neither null nor an empty string. */
  has(name: string): boolean {
    const v = this.byName.get(name);
    return v !== undefined && v !== null && v !== '';
  }

  value(name: string): unknown {
    return this.byName.get(name);
  }

  /** A string (or number or boolean, as text); null when absent, empty or structured. */
  text(name: string): string | null {
    const v = this.byName.get(name);
    if (typeof v === 'string') return v === '' ? null : v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return null;
  }

  /** The first of several names that has text. */
  firstText(...names: string[]): string | null {
    for (const name of names) {
      const t = this.text(name);
      if (t !== null) return t;
    }
    return null;
  }

  /** A nested object, given as an object or as JSON text in a string. */
  object(name: string): EntraFields | null {
    const v = this.structured(name);
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? EntraFields.fromObject(v, this.maxDepth)
      : null;
  }

  /** A nested array, given as an array or as JSON text in a string. */
  list(name: string): unknown[] | null {
    const v = this.structured(name);
    return Array.isArray(v) ? v : null;
  }

  /** Reads an element of a nested array as fields, when it is an object. */
  fieldsOf(element: unknown): EntraFields | null {
    return element !== null && typeof element === 'object' && !Array.isArray(element)
      ? EntraFields.fromObject(element, this.maxDepth)
      : null;
  }

  private structured(name: string): unknown {
    const v = this.byName.get(name);
    return typeof v === 'string' ? parseNestedJson(v, this.maxDepth) : v;
  }
}

/** A whole-number code from a number or a numeric string ("50126"); null otherwise or out of int32. */
export function toErrorCode(v: unknown): number | null {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*-?\d{1,10}\s*$/.test(v)) n = Number(v);
  else return null;
  return Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 ? n : null;
}

/** true/false from a boolean or its text ("true", "False"); null otherwise. */
export function toBoolean(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  return null;
}
