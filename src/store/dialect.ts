/** The two stores Dunwise runs on: embedded SQLite (default) and a PostgreSQL server. */
export type StoreDialect = 'sqlite' | 'postgres';
