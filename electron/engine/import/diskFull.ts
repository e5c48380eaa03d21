// A write that failed because the disk (or a quota, or a file-size limit) is full, said plainly. The
// staging folder's segment files (Node: ENOSPC, EFBIG, EDQUOT) and DuckDB's writes to the case file
// and its log ("No space left on device", "File too large") both end here: the file's transaction is
// rolled back, so the message says that nothing of it was kept and what to do.

const CODES = new Set(['ENOSPC', 'EFBIG', 'EDQUOT']);
const MESSAGES = /no space left on device|file too large|disk quota exceeded/i;

/** Whether an error is a write refused for want of space. */
export function isDiskFull(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as NodeJS.ErrnoException).code;
  return (code !== undefined && CODES.has(code)) || MESSAGES.test(e.message);
}

/** The message for a file whose import a full disk stopped, or null for any other failure. */
export function diskFullMessage(e: unknown): string | null {
  if (!isDiskFull(e)) return null;
  const where = /could not write file "([^"]+)"/i.exec((e as Error).message)?.[1];
  return (
    `the disk is full (or a file-size limit was reached) while writing ${where ?? 'the parsed rows to the temporary folder'}: ` +
    'nothing from this file was kept; free some space and import it again'
  );
}
