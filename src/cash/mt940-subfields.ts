// The :86: information field in its three common shapes: German ?nn subfields with SEPA
// keywords, Dutch /KEY/value/ pairs, and free text.

/** What a :86: field says about the counterparty and the payment. */
export type Details = {
  readonly name: string | null;
  readonly account: string | null;
  readonly endToEndId: string | null;
  /** A reference the payee chose and the payer repeated: Dutch structured REMI, else null. */
  readonly structuredReference: string | null;
  readonly remittance: string | null;
  /** SEPA keywords (EREF, KREF, MREF, CRED, SVWZ, ABWA, ...) or Dutch keys, as found. */
  readonly keys: Readonly<Record<string, string>>;
};

const none: Details = {
  name: null,
  account: null,
  endToEndId: null,
  structuredReference: null,
  remittance: null,
  keys: {},
};

/** Reads a :86: value (lines joined with "\n"). */
export function parseDetails(value: string): Details {
  const separator = /^\s*\d{3}([?>])/.exec(value)?.[1];
  if (separator !== undefined) return german(value.replaceAll(separator, '?'));
  const flat = value.replace(/[ \t]*\r?\n/g, '');
  if (new RegExp(`^\\s*/(${dutchKeys.join('|')})/`).test(flat)) return dutch(flat);
  return freeText(value);
}

const sepaKeys = [
  'EREF',
  'KREF',
  'MREF',
  'CRED',
  'DEBT',
  'COAM',
  'OAMT',
  'SVWZ',
  'ABWA',
  'ABWE',
  'IBAN',
  'BIC',
];

/**
 * German DK format: `GVC?00posting text?10prima nota?20..?29 purpose?30 BLZ/BIC?31 account
 * ?32?33 name?60..?63 more purpose` (Triodos writes `>` for `?`). Lines wrap anywhere, so line breaks (and the blanks
 * before them) are removed. A SEPA keyword starts a purpose subfield and runs until the next
 * one; purpose text before any keyword is the remittance when there is no SVWZ.
 */
function german(value: string): Details {
  const flat = value.replace(/[ \t]*\r?\n/g, '').replace(/^\s*\d{3}/, '');
  const sub = new Map<string, string>();
  for (const m of flat.matchAll(/\?(\d{2})([^?]*)/g)) {
    const key = m[1] ?? '';
    sub.set(key, (sub.get(key) ?? '') + (m[2] ?? ''));
  }
  const purposeParts = [...range(20, 29), ...range(60, 63)].map((n) => sub.get(String(n)) ?? '');
  const keys: Record<string, string> = {};
  let current: string | null = null;
  let loose = '';
  for (const part of purposeParts) {
    const key = sepaKeys.find((k) => part.startsWith(`${k}+`));
    if (key !== undefined) {
      current = key;
      keys[key] = (keys[key] ?? '') + part.slice(key.length + 1);
    } else if (current !== null) {
      keys[current] = (keys[current] ?? '') + part;
    } else {
      loose += part;
    }
  }
  const name = `${sub.get('32') ?? ''}${sub.get('33') ?? ''}`.trim();
  const eref = keys['EREF']?.trim() ?? '';
  return {
    name: name === '' ? null : name,
    account: blank(sub.get('31') ?? sub.get('38')),
    endToEndId: eref === '' || eref.toUpperCase() === 'NOTPROVIDED' ? null : eref,
    structuredReference: null,
    remittance: blank(keys['SVWZ'] ?? loose),
    keys,
  };
}

const dutchKeys = [
  'EREF',
  'KREF',
  'MARF',
  'CSID',
  'BENM',
  'ORDP',
  'NAME',
  'ID',
  'ADDR',
  'IBAN',
  'BIC',
  'CNTP',
  'REMI',
  'ISDT',
  'RTRN',
  'RTYP',
  'TRTP',
  'PURP',
  'ULTC',
  'ULTD',
  'ULTB',
  'EXCH',
  'CHGS',
  'SVCL',
  'BUSP',
  'PREF',
  'IREF',
  'OCMT',
  'COAM',
];

/** Dutch banks' `/KEY/value` pairs (ING, Rabobank, ABN AMRO SEPA): /NAME/, /IBAN/, /CNTP/, /REMI/. */
function dutch(flat: string): Details {
  const keys: Record<string, string> = {};
  const marker = new RegExp(`/(${dutchKeys.join('|')})/`, 'g');
  const hits = [...flat.matchAll(marker)];
  hits.forEach((hit, i) => {
    const start = (hit.index ?? 0) + hit[0].length;
    const end = hits[i + 1]?.index ?? flat.length;
    const key = hit[1] ?? '';
    if (!(key in keys)) keys[key] = flat.slice(start, end).replace(/\/+$/, '');
  });
  const counterparty = (keys['CNTP'] ?? '').split('/');
  const remi = keys['REMI'] ?? '';
  const structured = /^STRD\/(?:CUR|ISO)\/(.+)$/.exec(remi)?.[1] ?? null;
  const text = structured === null ? remi.replace(/^USTD\/\//, '') : null;
  return {
    name: blank(keys['NAME'] ?? counterparty[2]),
    account: blank(keys['IBAN'] ?? counterparty[0]),
    endToEndId: blank(keys['EREF'] === 'NOTPROVIDED' ? undefined : keys['EREF']),
    structuredReference: blank(structured ?? undefined),
    remittance: blank(text ?? undefined),
    keys,
  };
}

/** Free text: a line cut at the full 65 characters joins the next directly, others with a space. */
function freeText(value: string): Details {
  const lines = value.split('\n');
  let text = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const wrapped = previous !== undefined && previous.length >= 65 && !/\s$/.test(previous);
    const glue = i === 0 || wrapped ? '' : ' ';
    text += glue + line.trim();
  });
  const cleaned = text.replace(/\s+/g, ' ').trim();
  const leadingAccount = /^([A-Z]{2}\d{2}[A-Z0-9]{10,30})\s/.exec(cleaned)?.[1];
  return { ...none, account: leadingAccount ?? null, remittance: blank(cleaned) };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function blank(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
