import type { InputProblem } from '../core/ledger.ts';

/** One item read from an input file: a record with its place, or a problem with it. */
export type ImportItem<T> =
  | {
      readonly kind: 'record';
      readonly where: string;
      readonly record: T;
      /** `fingerprint(record)`, when the reader computed it already (on its parser thread). */
      readonly fingerprint?: string;
    }
  | { readonly kind: 'problem'; readonly problem: InputProblem };

/**
 * The items of an import: one by one, or in batches as a large file's reader produces them
 * (one async step per batch instead of per item: a million of those cost about half a second).
 */
export type ImportItems<T> =
  | AsyncIterable<ImportItem<T>>
  | Iterable<ImportItem<T>>
  | { readonly batches: AsyncIterable<readonly ImportItem<T>[]> };

/** The items in batches, whichever way they came. */
export async function* itemBatches<T>(items: ImportItems<T>): AsyncGenerator<readonly ImportItem<T>[]> {
  if ('batches' in items) yield* items.batches;
  else for await (const item of items) yield [item];
}

/** What an import did: all of the file, or (rejected) none of it, with every problem found. */
export type ImportReport = {
  readonly file: string;
  readonly status: 'imported' | 'rejected';
  readonly records: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** The first problems (at most `ImportProblems.keep`); `problemCount` counts them all. */
  readonly problems: readonly InputProblem[];
  readonly problemCount: number;
};

/** Collects problems; keeps the first thousand in memory and counts the rest. */
export class ImportProblems {
  static readonly keep = 1000;
  #list: InputProblem[] = [];
  #count = 0;

  add(problem: InputProblem): void {
    this.#count += 1;
    if (this.#list.length < ImportProblems.keep) this.#list.push(problem);
  }

  get count(): number {
    return this.#count;
  }

  list(): readonly InputProblem[] {
    return this.#list;
  }
}
