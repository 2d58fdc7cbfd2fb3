import type {
  Compilable,
  CompiledQuery,
  DialectAdapter,
  Kysely,
  QueryResult,
  Transaction,
} from 'kysely';
import type { Database } from './schema';

/** Where a value goes: a named parameter of the query, bound on every run. */
class Slot {
  constructor(readonly name: string) {}
}

/** Stands for parameter `name` while the query is built: `where('id', '=', param('id'))`. */
export type Param<P> = <K extends keyof P & string>(name: K) => P[K];

interface Compiled<O> {
  template: CompiledQuery<O>;
  /** For each `?` / `$n` of the SQL, the parameter's name, or the constant the query was built with. */
  slots: readonly (Slot | { value: unknown })[];
}

type Db = Kysely<Database> | Transaction<Database>;

/** Every prepared query made, for the test that checks their plans. */
const made: PreparedQuery<never, unknown>[] = [];

/**
 * A query built and compiled once for each dialect, then run with new parameters (ADR 24): under
 * load, building and compiling Kysely queries on every request cost a fifth of the server's time.
 * The SQL is Kysely's own, so SQLite and PostgreSQL keep one query text each, as everywhere else.
 * Only plain values can be parameters: an `in` list of varying length changes the SQL text.
 */
export class PreparedQuery<P extends object, O> {
  /** By dialect adapter: a store's transactions share their store's adapter. */
  readonly #compiled = new WeakMap<DialectAdapter, Compiled<O>>();

  constructor(private readonly build: (db: Kysely<Database>, param: Param<P>) => Compilable<O>) {
    made.push(this as unknown as PreparedQuery<never, unknown>);
  }

  /** The SQL this query runs on `db`'s dialect. */
  sql(db: Db): string {
    return this.#compile(db).template.sql;
  }

  execute(db: Db, values: P): Promise<QueryResult<O>> {
    const compiled = this.#compile(db);
    const parameters = compiled.slots.map((slot) => {
      if (!(slot instanceof Slot)) return slot.value;
      const value = (values as Record<string, unknown>)[slot.name];
      if (value === undefined) throw new Error(`Query parameter "${slot.name}" is missing.`);
      return value;
    });
    return db.executeQuery<O>({ ...compiled.template, parameters });
  }

  /** The rows of a read. */
  async rows(db: Db, values: P): Promise<O[]> {
    return (await this.execute(db, values)).rows;
  }

  async first(db: Db, values: P): Promise<O | undefined> {
    return (await this.execute(db, values)).rows[0];
  }

  /** Rows inserted, updated or deleted by a write. */
  async changes(db: Db, values: P): Promise<bigint> {
    return (await this.execute(db, values)).numAffectedRows ?? 0n;
  }

  #compile(db: Db): Compiled<O> {
    const executor = db.getExecutor();
    let compiled = this.#compiled.get(executor.adapter);
    if (compiled) return compiled;
    // A plugin (`withSchema` is one) changes the SQL, and the cache knows only the dialect.
    if (executor.plugins.length > 0) throw new Error('A prepared query cannot run with plugins.');
    const asked = new Set<string>();
    const param = ((name: string) => {
      asked.add(name);
      return new Slot(name);
    }) as unknown as Param<P>;
    const template = this.build(db, param).compile();
    const slots = template.parameters.map((value) => (value instanceof Slot ? value : { value }));
    for (const name of asked) {
      if (!slots.some((slot) => slot instanceof Slot && slot.name === name)) {
        throw new Error(`Query parameter "${name}" is not a bound parameter of its SQL.`);
      }
    }
    compiled = { template, slots };
    this.#compiled.set(executor.adapter, compiled);
    return compiled;
  }
}

/** The prepared queries made so far (by the modules loaded). */
export function preparedQueries(): readonly PreparedQuery<never, unknown>[] {
  return made;
}

/** Shorthand for `new PreparedQuery(build)`. */
export function prepared<P extends object, O>(
  build: (db: Kysely<Database>, param: Param<P>) => Compilable<O>,
): PreparedQuery<P, O> {
  return new PreparedQuery(build);
}

/**
 * Inserts whole rows into `table`, as `db.insertInto(table).values(row)` would: the columns are the
 * row's own keys, one prepared insert for each set of keys met. A row with an `undefined` value
 * (the column's default, in Kysely) is rare and goes through Kysely as it is.
 */
export class PreparedInsert<T extends keyof Database> {
  readonly #byColumns = new Map<string, PreparedQuery<Record<string, unknown>, unknown>>();

  constructor(private readonly table: T) {}

  async execute(db: Db, row: object): Promise<void> {
    const values = row as Record<string, unknown>;
    const columns = Object.keys(values);
    if (columns.some((column) => values[column] === undefined)) {
      await db
        .insertInto(this.table)
        .values(row as never)
        .execute();
      return;
    }
    const key = columns.join(',');
    let query = this.#byColumns.get(key);
    if (!query) {
      query = prepared((builder, param) =>
        builder
          .insertInto(this.table)
          .values(Object.fromEntries(columns.map((column) => [column, param(column)])) as never),
      );
      this.#byColumns.set(key, query);
    }
    await query.execute(db, values);
  }
}
