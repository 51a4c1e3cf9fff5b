// BAI2 physical lines into logical records: "/"-terminated, several per line or one per line,
// with 88 continuation records folded into the record they continue.

/** A logical record: its two-digit code, its fields, its line, and any text continued in 88s. */
export type Bai2Record = {
  readonly code: string;
  readonly fields: readonly string[];
  readonly line: number;
  /** The raw remainder after the fixed fields of a 16 record: free text, commas and all. */
  readonly raw: string;
  readonly continuations: readonly string[];
};

// A record ends at "/" when another record code follows on the same line ("... PPD/ 16,142,...").
const nextRecord = /\/\s*(?=(?:01|02|03|16|49|88|98|99),)/g;

/** Splits BAI2 text into logical records; 88s are attached to the record before them. */
export function splitBai2(text: string): Bai2Record[] {
  const physical: { text: string; line: number }[] = [];
  text.split(/\r\n|\r|\n/).forEach((lineText, i) => {
    for (const part of lineText.split(nextRecord)) {
      if (part.trim() !== '') physical.push({ text: part.trim(), line: i + 1 });
    }
  });
  const records: Bai2Record[] = [];
  for (const p of physical) {
    const last = records.at(-1);
    if (!/^\d{2}[,:]/.test(p.text) && last !== undefined) {
      // A physical line wrapped without an 88: it continues the previous record's text.
      const raw = `${stripEnd(last.raw)} ${p.text}`;
      records[records.length - 1] = { ...last, raw, fields: stripEnd(raw).split(',') };
      continue;
    }
    const code = p.text.slice(0, 2);
    // "88:" for "88," occurs in the wild (moov-io/bai2 issue 113); the code is what counts.
    const body = p.text.slice(3);
    if (code === '88' && last !== undefined) {
      records[records.length - 1] = { ...last, continuations: [...last.continuations, body] };
      continue;
    }
    records.push({
      code,
      fields: stripEnd(body).split(','),
      line: p.line,
      raw: body,
      continuations: [],
    });
  }
  return records;
}

/** The fields of a record with its continuations appended (03 summaries continue in 88s). */
export function allFields(record: Bai2Record): string[] {
  return [...record.fields, ...record.continuations.flatMap((c) => stripEnd(c).split(','))];
}

/** Removes the "/" record terminator and trailing blanks. */
export function stripEnd(text: string): string {
  return text.replace(/\s*\/?\s*$/, '');
}
