/**
 * A progress line on a terminal (stderr), redrawn at most ten times a second; silent when
 * stderr is not a terminal, so logs and pipes stay clean.
 */
export class Progress {
  readonly #enabled: boolean;
  readonly #label: string;
  readonly #total: number;
  #last = 0;
  #shown = false;

  constructor(enabled: boolean, label: string, totalBytes: number) {
    this.#enabled = enabled;
    this.#label = label;
    this.#total = totalBytes;
  }

  /** Reports bytes read so far and records seen. */
  update(bytes: number, records: number): void {
    if (!this.#enabled) return;
    const now = performance.now();
    if (now - this.#last < 100) return;
    this.#last = now;
    this.#shown = true;
    const pct = this.#total > 0 ? Math.min(100, Math.floor((bytes / this.#total) * 100)) : 0;
    const width = 24;
    const filled = Math.round((pct / 100) * width);
    const bar = '#'.repeat(filled) + '.'.repeat(width - filled);
    process.stderr.write(`\r${this.#label} [${bar}] ${String(pct).padStart(3)}%  ${mb(bytes)}/${mb(this.#total)} MB  ${records.toLocaleString('en')} rows `);
  }

  /** Clears the line. */
  done(): void {
    if (this.#enabled && this.#shown) process.stderr.write('\r\x1b[2K');
  }
}

function mb(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}
