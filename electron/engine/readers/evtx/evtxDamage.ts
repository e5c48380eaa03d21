// The one error the .evtx reader throws inside itself: a structure that does not hold (a size past its
// chunk, an unknown token, a loop of templates). It never leaves the reader: the record it was reading
// is reported with its offset and skipped, and reading goes on with the next one.

export class EvtxDamage extends Error {
  constructor(
    message: string,
    /** Offset inside the chunk where the structure that failed was read, when known. */
    readonly chunkOffset?: number,
  ) {
    super(message);
    this.name = 'EvtxDamage';
  }
}
