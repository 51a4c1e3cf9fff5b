// The markers in SQLite's compiled batch reads (cadence-reads.ts `compiledReads`) that the
// run worker replaces by values; a module of its own, so the worker loads nothing else.
export const readMarkers = { today: '\u0000today', limit: '\u0000limit', afterOn: '\u0000afterOn', afterId: '\u0000afterId', accountIds: '\u0000accountIds', caseIds: '\u0000caseIds' } as const;
