// Turns each complete record the scanner finds into a sign-in or audit row: decodes and parses it,
// classifies it, maps it, and keeps the counts and clues the reader's summary is made of.
import type { FormatVariant, InputFormat, ReadError } from '../../rowContract.js';
import type { ReaderSink, ReaderSummary } from '../types.js';
import { classifyEntraRecord } from './classifyEntraRecord.js';
import { decodeUnits, type CodeUnits } from './codeUnits.js';
import { EntraFields } from './entraFields.js';
import type { ScanEvents } from './jsonRecordScanner.js';
import { mapAuditRow } from './mapAuditRow.js';
import { mapSigninRow, type MappedRow } from './mapSigninRow.js';
import type { TableColumns, WrapperKey } from './scanFrames.js';
import { readTableColumns, rowAsJson } from './queryApiTable.js';

export class EntraRecordHandler implements ScanEvents {
  private signins = 0;
  private audits = 0;
  private skippedRecords = 0;
  private readonly seen = new Set<WrapperKey | 'diagnostic' | 'log-analytics'>();

  constructor(
    private readonly sink: ReaderSink,
    private readonly maxDepth: number,
    private readonly encodingName: string,
  ) {}

  record(units: CodeUnits, recordNo: number, offset: number, table: TableColumns | null): void {
    const fail = (why: string): void => this.skipped(recordError(recordNo, offset, why));
    const text = decodeUnits(units);
    if (text === null) return fail(`not valid ${this.encodingName} text; skipped`);
    let value: unknown;
    try {
      // Safe: the scanner has already bounded this record's nesting depth and size.
      value = JSON.parse(text);
    } catch (e) {
      return fail(`not valid JSON (${(e as Error).message}); skipped`);
    }
    if (table && Array.isArray(value)) return this.tableRow(table, value, recordNo, offset);
    // The scanner only hands on values that start with '{', so this is defence in depth.
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return fail('not a JSON object; skipped');
    this.emit(EntraFields.fromObject(value, this.maxDepth), text, recordNo, offset);
  }

  private tableRow(table: TableColumns, values: unknown[], recordNo: number, offset: number): void {
    const { columns } = table;
    if (!columns) {
      // One message per table: every row of it has the same problem.
      if (table.rowsWithoutColumnsReported) this.skippedRecords++;
      else {
        table.rowsWithoutColumnsReported = true;
        const why =
          "the table's column list is missing or unreadable, so its rows cannot be read; skipped them all";
        this.skipped(recordError(recordNo, offset, why));
      }
      return;
    }
    if (values.length !== columns.length) {
      const why = `the row has ${values.length} values for ${columns.length} columns`;
      this.sink.error(recordError(recordNo, offset, why));
    }
    this.emit(
      EntraFields.fromRow(columns, values, this.maxDepth),
      rowAsJson(columns, values),
      recordNo,
      offset,
    );
  }

  private emit(fields: EntraFields, raw: string, recordNo: number, offset: number): void {
    const record = classifyEntraRecord(fields);
    if (typeof record === 'string') return this.skipped(recordError(recordNo, offset, `${record}; skipped`));
    if (record.shape !== 'graph') this.seen.add(record.shape);
    let mapped: MappedRow<{ ts: bigint | null }>;
    if (record.kind === 'signin') {
      const m = mapSigninRow(record, raw, recordNo);
      this.signins++;
      this.sink.row({ kind: 'signin', row: m.row });
      mapped = m;
    } else {
      const m = mapAuditRow(record, raw, recordNo);
      this.audits++;
      this.sink.row({ kind: 'audit', row: m.row });
      mapped = m;
    }
    if (mapped.row.ts === null) {
      const why =
        mapped.timeText === null
          ? 'has no time'
          : `has a time this reader cannot read ("${mapped.timeText}")`;
      this.sink.error(recordError(recordNo, offset, `${why}; imported without one`));
    }
  }

  columns(units: CodeUnits, offset: number): string[] | null {
    const result = readTableColumns(decodeUnits(units));
    if (typeof result === 'string') this.problem({ message: result, offset });
    return typeof result === 'string' ? null : result;
  }

  skipped(error: ReadError): void {
    this.skippedRecords++;
    this.sink.error(error);
  }

  problem(error: ReadError): void {
    this.sink.error(error);
  }

  wrapper(key: WrapperKey): void {
    this.seen.add(key);
  }

  summary(topLevelValues: number): ReaderSummary {
    return {
      format: this.format(),
      variant: this.variant(topLevelValues),
      records: this.signins + this.audits,
      skipped: this.skippedRecords,
    };
  }

  private format(): InputFormat {
    if (this.signins && this.audits) return 'entra-mixed';
    return this.audits ? 'entra-audits' : 'entra-signins';
  }

  private variant(topLevelValues: number): FormatVariant {
    if (this.seen.has('tables')) return 'log-analytics-query-api';
    if (this.seen.has('records') || this.seen.has('diagnostic')) return 'diagnostic-settings';
    if (this.seen.has('log-analytics')) return 'log-analytics';
    return topLevelValues > 1 ? 'json-lines' : 'graph';
  }
}

// The place travels in the fields only (the CLI and the UI render it from them), never in the words.
function recordError(recordNo: number, offset: number, why: string): ReadError {
  return { message: why, offset, record: recordNo };
}
