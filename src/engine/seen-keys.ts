/**
 * A fixed-size Bloom filter of strings: `mightHave` is false only for a key never added, and
 * true for about 2 in 1,000 keys never added when a million were (2 MiB, four probes).
 * An import into an empty ledger uses it to look up in the store only the invoice numbers that
 * may already have come earlier in the same file, instead of every number: memory stays at
 * 2 MiB however large the file, where a set of the numbers themselves would grow with it.
 */
export class SeenKeys {
  readonly #bits: Uint32Array;
  readonly #mask: number;

  /** `log2Bits`: the filter's size as a power of two (default 2^24 bits = 2 MiB). */
  constructor(log2Bits = 24) {
    this.#bits = new Uint32Array(2 ** (log2Bits - 5));
    this.#mask = 2 ** log2Bits - 1;
  }

  add(key: string): void {
    const [h1, h2] = hashes(key);
    for (let i = 0; i < probes; i++) {
      const bit = (h1 + i * h2) & this.#mask;
      this.#bits[bit >>> 5] = (this.#bits[bit >>> 5] as number) | (1 << (bit & 31));
    }
  }

  mightHave(key: string): boolean {
    const [h1, h2] = hashes(key);
    for (let i = 0; i < probes; i++) {
      const bit = (h1 + i * h2) & this.#mask;
      if (((this.#bits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

const probes = 4;

/** Two independent 32-bit FNV-1a hashes (different offset bases); the second one made odd. */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}
