import { SqlExecutor } from '@galley/messaging';

const camelNames = new Map<string, string>();

/** `customer_id` → `customerId`; names without an underscore are kept as they are. */
export function camelName(column: string): string {
  let name = camelNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
    camelNames.set(column, name);
  }
  return name;
}

/**
 * The rows of a statement, as `Row`: columns are named in SQL as they are (`customer_id`) and arrive
 * camelCased (`customerId`), so statements need no hand-written `AS "camelCase"` aliases. On a
 * service's DataSource int8 already arrives as a number (see `serviceTypeParsers`), timestamptz as
 * Date and json(b) as values, so a row is used as it comes. UPDATE/DELETE … RETURNING, which TypeORM answers as
 * `[rows, count]`, give their rows too.
 */
export async function queryRows<Row>(sql: SqlExecutor, text: string, params?: unknown[]): Promise<Row[]> {
  return camelRows<Row>(returnedRows(await sql.query(text, params)));
}

/** The first row of a statement, or null when it returned none. */
export async function queryRow<Row>(sql: SqlExecutor, text: string, params?: unknown[]): Promise<Row | null> {
  const rows = await queryRows<Row>(sql, text, params);
  return rows[0] ?? null;
}

function returnedRows(result: unknown): Record<string, unknown>[] {
  if (!Array.isArray(result)) return [];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as Record<string, unknown>[];
  return result as Record<string, unknown>[];
}

function camelRows<Row>(rows: Record<string, unknown>[]): Row[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const names = columns.map(camelName);
  // Every row of a result has the same columns: when none needs renaming, the rows are used as they are.
  if (names.every((name, index) => name === columns[index])) return rows as Row[];
  return rows.map((row) => {
    const renamed: Record<string, unknown> = {};
    for (let index = 0; index < columns.length; index += 1) renamed[names[index]] = row[columns[index]];
    return renamed as Row;
  });
}
