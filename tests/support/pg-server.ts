import pg from "pg";
import { parsePostgresUrl, pgClientConfig, withDatabase } from "../../scripts/db/pg-url";

/** Runs `sql` on the maintenance database of the server `databaseUrl` is on (to create or drop databases). */
export async function onServer(databaseUrl: string, sql: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client(pgClientConfig(parsePostgresUrl(withDatabase(databaseUrl, "postgres"))));
  await client.connect();
  try {
    await sql(client);
  } finally {
    await client.end();
  }
}
