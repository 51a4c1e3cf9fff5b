// The words the letter layout prints itself (the text above and below the table comes from
// the templates). Languages without an entry use English.

/** Printed labels of a letter. */
export type LetterLabels = {
  readonly date: string;
  readonly customer: string;
  readonly reference: string;
  readonly invoice: string;
  readonly issued: string;
  readonly due: string;
  readonly daysOverdue: string;
  readonly open: string;
  readonly totalOpen: string;
  readonly interest: (law: string, rate: string, until: string) => string;
  readonly fixedCompensation: string;
  readonly totalDue: string;
  readonly page: (n: number, of: number) => string;
};

const en: LetterLabels = {
  date: 'Date',
  customer: 'Customer no.',
  reference: 'Reference',
  invoice: 'Invoice',
  issued: 'Issued',
  due: 'Due',
  daysOverdue: 'Days overdue',
  open: 'Open',
  totalOpen: 'Total open',
  interest: (law, rate, until) => `Interest (${law}, ${rate} p.a., to ${until})`,
  fixedCompensation: 'Fixed compensation',
  totalDue: 'Total due',
  page: (n, of) => `Page ${n} of ${of}`,
};

const byLanguage: Readonly<Record<string, LetterLabels>> = {
  en,
  de: {
    date: 'Datum',
    customer: 'Kundennr.',
    reference: 'Referenz',
    invoice: 'Rechnung',
    issued: 'Datum',
    due: 'Fällig am',
    daysOverdue: 'Tage überfällig',
    open: 'Offen',
    totalOpen: 'Summe offen',
    interest: (law, rate, until) => `Verzugszinsen (${law}, ${rate} p. a., bis ${until})`,
    fixedCompensation: 'Verzugspauschale',
    totalDue: 'Gesamtforderung',
    page: (n, of) => `Seite ${n} von ${of}`,
  },
  fr: {
    date: 'Date',
    customer: 'N° client',
    reference: 'Référence',
    invoice: 'Facture',
    issued: 'Date',
    due: 'Échéance',
    daysOverdue: 'Jours de retard',
    open: 'Restant dû',
    totalOpen: 'Total restant dû',
    interest: (law, rate, until) => `Pénalités de retard (${law}, ${rate} par an, au ${until})`,
    fixedCompensation: 'Indemnité forfaitaire',
    totalDue: 'Total dû',
    page: (n, of) => `Page ${n} sur ${of}`,
  },
  es: {
    date: 'Fecha',
    customer: 'N.º de cliente',
    reference: 'Referencia',
    invoice: 'Factura',
    issued: 'Fecha',
    due: 'Vencimiento',
    daysOverdue: 'Días de retraso',
    open: 'Pendiente',
    totalOpen: 'Total pendiente',
    interest: (law, rate, until) => `Intereses de demora (${law}, ${rate} anual, hasta ${until})`,
    fixedCompensation: 'Indemnización fija',
    totalDue: 'Total adeudado',
    page: (n, of) => `Página ${n} de ${of}`,
  },
  nl: {
    date: 'Datum',
    customer: 'Klantnr.',
    reference: 'Kenmerk',
    invoice: 'Factuur',
    issued: 'Datum',
    due: 'Vervaldatum',
    daysOverdue: 'Dagen te laat',
    open: 'Open',
    totalOpen: 'Totaal open',
    interest: (law, rate, until) => `Rente (${law}, ${rate} per jaar, t/m ${until})`,
    fixedCompensation: 'Vaste vergoeding',
    totalDue: 'Totaal verschuldigd',
    page: (n, of) => `Pagina ${n} van ${of}`,
  },
};

/** The labels for a template language, English when there are none. */
export function letterLabels(language: string): LetterLabels {
  return byLanguage[language] ?? en;
}
