// The values of one record, its own and those of the templates nested in them, as three flat arrays
// reused from record to record: reading a record allocates nothing per value.
export class ValueTable {
  types = new Uint8Array(64);
  offsets = new Int32Array(64);
  sizes = new Int32Array(64);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(type: number, offset: number, size: number): void {
    if (this.length === this.types.length) this.grow();
    this.types[this.length] = type;
    this.offsets[this.length] = offset;
    this.sizes[this.length] = size;
    this.length++;
  }

  private grow(): void {
    const n = this.types.length * 2;
    const types = new Uint8Array(n);
    const offsets = new Int32Array(n);
    const sizes = new Int32Array(n);
    types.set(this.types);
    offsets.set(this.offsets);
    sizes.set(this.sizes);
    [this.types, this.offsets, this.sizes] = [types, offsets, sizes];
  }
}
