// The cash benchmark's bank files: camt.053.001.02 documents, one statement per currency
// account each, with lines of every matching scenario (src/matching-eval): RF references,
// invoice numbers written loosely or mistyped, name and amount only, combined payments,
// partials, bank charges deducted, wrong references, other currencies, money that pays no
// invoice), plus the bank's own charges and some batch bookings of several transactions.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BankLine, OpenInvoice } from '../src/core/matching/types.ts';
import { formatDecimal } from '../src/core/money.ts';
import { Random } from '../src/demo/random.ts';
import type { GenContext } from '../src/matching-eval/context.ts';
import type { SimAccount } from '../src/matching-eval/ledger.ts';
import { makeLine } from '../src/matching-eval/lines.ts';
import { scenarioWeights, scenarios } from '../src/matching-eval/scenarios.ts';
import type { CashLedger } from './cash-ledger.ts';

/** What was written: the files, and how many lines of each scenario they hold. */
export type BenchStatements = {
  readonly files: readonly string[];
  readonly lines: number;
  readonly byScenario: Readonly<Record<string, number>>;
  /** The bank reference of each line that truly pays invoices -> their numbers. */
  readonly truth: ReadonlyMap<string, readonly string[]>;
};

type Tx = { readonly line: BankLine; readonly id: string };

/** Generates `lines` bank lines against the ledger and writes them as `files` camt.053 files in `dir`. */
export function writeStatements(dir: string, ledger: CashLedger, lines: number, files: number, seed = 7): BenchStatements {
  const random = new Random(seed);
  const byId = new Map(ledger.accounts.map((a) => [a.id, a]));
  const ctx: GenContext = { random, ledger, used: new Set(), accountOf: (inv: OpenInvoice) => byId.get(inv.accountId) as SimAccount };
  const total = scenarios.reduce((s, k) => s + scenarioWeights[k], 0);
  const byScenario: Record<string, number> = {};
  const all: Tx[] = [];
  const truth = new Map<string, string[]>();
  const numberOf = (id: number): string => (ledger.invoices[id - 1] as OpenInvoice).number;
  while (all.length < lines) {
    let line: BankLine;
    let scenario: string;
    if (random.chance(0.01)) {
      scenario = 'bank_charges';
      line = charges(random, random.pick(ledger.invoices));
    } else {
      let roll = random.next() * total;
      const picked = scenarios.find((k) => (roll -= scenarioWeights[k]) < 0) ?? 'no_match';
      const made = makeLine(ctx, picked) ?? makeLine(ctx, 'name_amount');
      if (made === null) continue;
      scenario = made.scenario;
      line = made.line;
      if (made.truth.length > 0) truth.set(bankRef(all.length), made.truth.map(numberOf));
    }
    byScenario[scenario] = (byScenario[scenario] ?? 0) + 1;
    all.push({ line, id: bankRef(all.length) });
  }
  const paths: string[] = [];
  const per = Math.ceil(lines / files);
  for (let f = 0; f < files; f++) {
    const path = join(dir, `statement-${String(f + 1).padStart(3, '0')}.xml`);
    writeFileSync(path, camtDocument(random, all.slice(f * per, (f + 1) * per), `S${f + 1}`));
    paths.push(path);
  }
  return { files: paths, lines: all.length, byScenario, truth };
}

function bankRef(position: number): string {
  return `BNK${String(position + 1).padStart(8, '0')}`;
}

function charges(random: Random, sample: OpenInvoice): BankLine {
  const note = random.pick(['Kontoführungsgebühren', 'Account maintenance fee', 'Frais de tenue de compte', 'Entgelt Auslandsüberweisung']);
  return { amountMinor: -BigInt(random.int(150, 4_500)), currency: sample.currency, bookingDate: sample.dueDate, counterpartyName: null, counterpartyIban: null, reference: null, remittance: note, endToEndId: null };
}

const ourIban: Readonly<Record<string, string>> = {
  EUR: 'DE89370400440532013000', GBP: 'GB29NWBK60161331926819', USD: 'DE02100100109307118603', CHF: 'CH9300762011623852957', SEK: 'SE4550000000058398257466',
};

/** One camt.053 document: a statement per currency, about one entry in fifty a batch of two to four credits. */
function camtDocument(random: Random, txs: readonly Tx[], id: string): string {
  const byCurrency = new Map<string, Tx[]>();
  for (const t of txs) {
    const list = byCurrency.get(t.line.currency) ?? [];
    list.push(t);
    byCurrency.set(t.line.currency, list);
  }
  const statements = [...byCurrency].map(([currency, list]) => {
    const entries: string[] = [];
    for (let i = 0; i < list.length; ) {
      const size = random.chance(0.02) ? random.int(2, 4) : 1;
      const batch = list.slice(i, i + size);
      i += batch.length;
      entries.push(batch.length > 1 && batch.every((t) => t.line.amountMinor > 0n) ? batchEntry(batch, currency) : batch.map((t) => entry(t, currency)).join(''));
    }
    return `
    <Stmt>
      <Id>${id}-${currency}</Id>
      <CreDtTm>2026-05-29T18:00:00+01:00</CreDtTm>
      <Acct><Id><IBAN>${ourIban[currency] ?? ourIban['EUR']}</IBAN></Id><Ccy>${currency}</Ccy></Acct>${entries.join('')}
    </Stmt>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-${id}</MsgId><CreDtTm>2026-05-29T18:00:00+01:00</CreDtTm></GrpHdr>${statements.join('')}
  </BkToCstmrStmt>
</Document>
`;
}

function entry(t: Tx, currency: string): string {
  const l = t.line;
  const credit = l.amountMinor > 0n;
  const abs = credit ? l.amountMinor : -l.amountMinor;
  return `
      <Ntry>
        <Amt Ccy="${currency}">${formatDecimal(abs, l.currency)}</Amt>
        <CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${l.bookingDate ?? '2026-05-29'}</Dt></BookgDt>
        <ValDt><Dt>${l.bookingDate ?? '2026-05-29'}</Dt></ValDt>
        <AcctSvcrRef>${t.id}</AcctSvcrRef>
        <NtryDtls>${details(t, false)}</NtryDtls>
      </Ntry>`;
}

/** A batch booking: one entry for the sum, one TxDtls with its own amount and bank reference per payment. */
function batchEntry(batch: readonly Tx[], currency: string): string {
  const first = batch[0] as Tx;
  const sum = batch.reduce((s, t) => s + t.line.amountMinor, 0n);
  return `
      <Ntry>
        <Amt Ccy="${currency}">${formatDecimal(sum, first.line.currency)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${first.line.bookingDate ?? '2026-05-29'}</Dt></BookgDt>
        <ValDt><Dt>${first.line.bookingDate ?? '2026-05-29'}</Dt></ValDt>
        <AcctSvcrRef>${first.id}-B</AcctSvcrRef>
        <NtryDtls><Btch><NbOfTxs>${batch.length}</NbOfTxs></Btch>${batch.map((t) => details(t, true)).join('')}</NtryDtls>
      </Ntry>`;
}

function details(t: Tx, withAmount: boolean): string {
  const l = t.line;
  const side = l.amountMinor > 0n ? 'Dbtr' : 'Cdtr';
  const party = l.counterpartyName === null ? '' : `<${side}><Nm>${xml(l.counterpartyName)}</Nm></${side}>`;
  const acct = l.counterpartyIban === null ? '' : `<${side}Acct><Id><IBAN>${l.counterpartyIban}</IBAN></Id></${side}Acct>`;
  const ustrd = l.remittance === null ? '' : `<Ustrd>${xml(l.remittance)}</Ustrd>`;
  const strd = l.reference === null ? '' : `<Strd><CdtrRefInf><Ref>${xml(l.reference)}</Ref></CdtrRefInf></Strd>`;
  const amount = withAmount ? `<AmtDtls><TxAmt><Amt Ccy="${l.currency}">${formatDecimal(l.amountMinor, l.currency)}</Amt></TxAmt></AmtDtls>` : '';
  return `
          <TxDtls>
            <Refs>${withAmount ? `<AcctSvcrRef>${t.id}</AcctSvcrRef>` : ''}<EndToEndId>${xml(l.endToEndId ?? 'NOTPROVIDED')}</EndToEndId></Refs>${amount}
            <RltdPties>${party}${acct}</RltdPties>
            <RmtInf>${ustrd}${strd}</RmtInf>
          </TxDtls>`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
