// Template rendering and dispatch to a local SMTP server, each against a floor measured here:
// rendering against a one-line Liquid template over the same content; dispatch against
// sending the same number of already-rendered messages straight through the SMTP provider.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import { smtpEmailProvider } from '../src/channels/index.ts';
import { fixedClock } from '../src/core/clock.ts';
import { asCurrency, type CurrencyCode } from '../src/core/currency.ts';
import type { InvoiceRecord } from '../src/core/ledger.ts';
import { addDays, type LocalDate } from '../src/core/local-date.ts';
import { presets } from '../src/core/policy/index.ts';
import { channelDeliverer } from '../src/dispatch/deliverer.ts';
import { dispatchTouches } from '../src/engine/dispatch-touches.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { dateHolidaysLookup } from '../src/calendar/date-holidays.ts';
import { BusinessCalendar } from '../src/core/business-calendar.ts';
import { cadenceStore } from '../src/store/cadence-store.ts';
import { dispatchStore } from '../src/store/dispatch-store.ts';
import { ledgerStore } from '../src/store/ledger-store.ts';
import { openStore } from '../src/store/open-store.ts';
import { loadTemplates, renderReminder, sampleContents } from '../src/templates/index.ts';
import { smtpSink } from '../test/support/smtp-sink.ts';

const today = '2026-03-17' as LocalDate;
const clock = fixedClock(new Date(`${today}T10:00:00Z`));

export async function dispatchBench(dir: string): Promise<string[]> {
  const templates = await loadTemplates(null);
  const content = sampleContents('de', 'formal').at(-1);
  if (!content) throw new Error('no sample content');
  const renders = 3000;
  const floorEngine = new Liquid();
  const floorTemplate = floorEngine.parse('{{ account.name }}: {{ invoices.size }} invoices, {{ currency }} open');
  let started = performance.now();
  for (let i = 0; i < renders; i++) floorEngine.renderSync(floorTemplate, content);
  const floorRender = (performance.now() - started) / 1000;
  started = performance.now();
  for (let i = 0; i < renders; i++) renderReminder(templates, content, 'email');
  const render = (performance.now() - started) / 1000;

  const sink = await smtpSink();
  const provider = smtpEmailProvider({ host: '127.0.0.1', port: sink.port, tls: 'none', auth: null });
  rmSync(dir, { recursive: true, force: true });
  const store = await openStore({ kind: 'sqlite', dataDir: dir });
  const eur = asCurrency('EUR') as CurrencyCode;
  const accounts = 500;
  const records = Array.from({ length: accounts * 2 }, (_, i): { kind: 'record'; where: string; record: InvoiceRecord } => {
    const a = i % accounts;
    const due = addDays(today, -7 - (i % 3));
    return { kind: 'record', where: String(i), record: { number: `D-${i}`, kind: 'invoice', accountRef: `A${a}`, accountName: `Kunde ${a} GmbH`, currency: eur, issueDate: addDays(due, -30), dueDate: due, dueDateSource: 'explicit', totalMinor: 123456n, openMinor: 123456n, paymentReference: null, poNumber: null, terms: null, correctsNumber: null, buyerEmail: `ap@k${a}.example`, country: 'DE', instalments: [] } };
  });
  await importInvoices(ledgerStore(store.db, clock), { file: 'bench', fileHash: 'bench', items: records, defaults: { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' } });
  const policy = presets['b2b-net30'] as NonNullable<(typeof presets)[string]>;
  await runDunning(cadenceStore(store.db, store.dialect, clock, store.dialect === 'sqlite' ? store.location : null), today, { calendar: new BusinessCalendar(dateHolidaysLookup()), policyFor: () => policy });
  await store.db.updateTable('touches').set({ status: 'approved' }).execute();
  const touches = Number((await store.db.selectFrom('touches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  const rendered = renderReminder(templates, content, 'email');
  started = performance.now();
  for (let i = 0; i < touches; i++) {
    await provider.send({ to: `ap@floor${i}.example`, from: 'ar@creditor.example', replyTo: 'ar@creditor.example', subject: rendered.subject, text: rendered.text, html: rendered.html, attachments: [], idempotencyKey: `floor-${i}` });
  }
  const floorSend = (performance.now() - started) / 1000;
  const deliverer = channelDeliverer({
    templates,
    creditor: { name: 'Creditor GmbH', addressLines: ['Hauptstr. 1', '10115 Berlin'], email: 'ar@creditor.example', phone: '', bank: null, paymentLink: null, portalLink: null },
    email: { provider, from: 'ar@creditor.example', replies: { kind: 'plus', mailbox: 'ar@creditor.example' } },
    letterDir: join(dir, 'letters'),
    paper: 'A4',
    sms: null,
    whatsapp: null,
  });
  started = performance.now();
  const report = await dispatchTouches(dispatchStore(store.db, store.dialect), deliverer, { now: () => clock.now(), today, policyFor: () => policy, paused: false });
  const dispatch = (performance.now() - started) / 1000;
  provider.close();
  await store.close();
  await sink.stop();
  return [
    '## Messages: rendering and dispatch',
    '',
    `Rendering: ${renders.toLocaleString('en')} consolidated German formal-step emails (subject, text, HTML, invoice table, interest), against a one-line`,
    'Liquid template over the same content. Dispatch: `dispatchTouches` on the embedded store (claim, guard re-check, render,',
    'send, per-channel record) to an SMTP server on loopback in the same process, against sending the same number of',
    'already-rendered messages straight through the SMTP provider (one connection per message in both).',
    '',
    '| what | count | floor | Dunwise | per second | ratio |',
    '|---|---:|---:|---:|---:|---:|',
    `| template rendering | ${renders.toLocaleString('en')} | ${floorRender.toFixed(2)} s | ${render.toFixed(2)} s | ${Math.round(renders / render).toLocaleString('en')} renders/s | ${(render / floorRender).toFixed(1)}× |`,
    `| dispatch (email) | ${report.sent.toLocaleString('en')} of ${touches} | ${floorSend.toFixed(2)} s | ${dispatch.toFixed(2)} s | ${Math.round(report.sent / dispatch).toLocaleString('en')} messages/s | ${(dispatch / floorSend).toFixed(2)}× |`,
    '',
  ];
}
