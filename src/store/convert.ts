/** Integers arrive as number (SQLite, int4) or string (PostgreSQL int8): make them bigint. */
export function toBigInt(value: number | string | bigint): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}

/** Ids arrive as number or string; make them number. */
export function toId(value: number | string | bigint): number {
  return typeof value === 'number' ? value : Number(value);
}
