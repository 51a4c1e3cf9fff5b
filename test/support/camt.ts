// Writes small camt.053 statements for cash-application tests.

export type CamtEntry = {
  readonly amount: string;
  readonly currency?: string;
  /** Money out (DBIT); default money in. */
  readonly debit?: boolean;
  readonly name?: string;
  readonly iban?: string;
  /** Structured creditor reference (CdtrRefInf/Ref). */
  readonly ref?: string;
  /** Unstructured remittance text. */
  readonly text?: string;
  readonly endToEnd?: string;
  /** The bank's own reference; it becomes the entry id. */
  readonly bankRef: string;
  readonly booked?: string;
};

/** A camt.053.001.02 document with one statement of `entries` on DE89 3704 0044 0532 0130 00. */
export function camt053(entries: readonly CamtEntry[], statementId = 'STMT-1'): string {
  const ntry = entries.map((e) => {
    const side = e.debit ? 'Cdtr' : 'Dbtr';
    const party = e.name === undefined ? '' : `<${side}><Nm>${e.name}</Nm></${side}>`;
    const acct = e.iban === undefined ? '' : `<${side}Acct><Id><IBAN>${e.iban}</IBAN></Id></${side}Acct>`;
    const strd = e.ref === undefined ? '' : `<Strd><CdtrRefInf><Ref>${e.ref}</Ref></CdtrRefInf></Strd>`;
    const ustrd = e.text === undefined ? '' : `<Ustrd>${e.text}</Ustrd>`;
    return `
      <Ntry>
        <Amt Ccy="${e.currency ?? 'EUR'}">${e.amount}</Amt>
        <CdtDbtInd>${e.debit ? 'DBIT' : 'CRDT'}</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${e.booked ?? '2026-03-10'}</Dt></BookgDt>
        <ValDt><Dt>${e.booked ?? '2026-03-10'}</Dt></ValDt>
        <AcctSvcrRef>${e.bankRef}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>${e.endToEnd ?? 'NOTPROVIDED'}</EndToEndId></Refs>
          <RltdPties>${party}${acct}</RltdPties>
          <RmtInf>${ustrd}${strd}</RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-${statementId}</MsgId><CreDtTm>2026-03-10T18:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${statementId}</Id>
      <CreDtTm>2026-03-10T18:00:00+01:00</CreDtTm>
      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>${ntry.join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}
