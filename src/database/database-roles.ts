import { Client } from 'pg';
import { HISTORY_TABLES } from './history-tables';

/** The group role the migrations grant to (see migration ServiceRole1796251974754). */
export const SERVICE_GROUP_ROLE = 'grants_service';

/** The service's connection is a role that could rewrite history; the message says what to change. */
export class DatabaseRoleError extends Error {
  override readonly name = 'DatabaseRoleError';
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const userOf = (url: string) => decodeURIComponent(new URL(url).username) || 'postgres';

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'grant-engine' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * As the owner, makes sure the login named in the service's URL exists, with no power of its own
 * and as a member of the service's group role. A fresh machine then needs nothing but `npm start`;
 * a password in the URL becomes the new login's password. An existing login is left as it is
 * (except for the membership): `assertServiceRole` refuses one with too much power.
 */
export async function ensureServiceLogin(ownerUrl: string, serviceUrl: string): Promise<void> {
  const login = userOf(serviceUrl);
  if (login === userOf(ownerUrl)) return;
  const password = decodeURIComponent(new URL(serviceUrl).password);
  await withClient(ownerUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login]);
    if (!found.rowCount) {
      try {
        await client.query(
          `CREATE ROLE ${quoteIdent(login)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE` +
            (password ? ` PASSWORD ${client.escapeLiteral(password)}` : ''),
        );
      } catch (error) {
        // Another process (the worker starting beside the API) created it in the meantime.
        const code = (error as { code?: string }).code;
        if (code !== '42710' && code !== '23505') throw error;
      }
    }
    const member = await client.query('SELECT pg_has_role($1, $2, $3) AS member', [
      login,
      SERVICE_GROUP_ROLE,
      'MEMBER',
    ]);
    if (!(member.rows[0] as { member: boolean }).member) {
      await client.query(`GRANT ${quoteIdent(SERVICE_GROUP_ROLE)} TO ${quoteIdent(login)}`);
    }
  });
}

/**
 * Refuses a service connection that could rewrite history: a superuser (it can switch triggers off),
 * a role that may create roles, one that owns (or may act as the owner of) a table of the schema (it
 * can disable or drop the append-only triggers), or one granted UPDATE, DELETE or TRUNCATE on a
 * history table.
 */
export async function assertServiceRole(serviceUrl: string): Promise<void> {
  const found = await withClient(serviceUrl, (client) =>
    client.query<{
      login: string;
      superuser: boolean;
      createrole: boolean;
      owned: string[];
      changeable: string[];
    }>(
      `WITH tables AS (
         SELECT c.oid, c.relname::text AS name, c.relowner
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p'))
       SELECT current_user AS login, r.rolsuper AS superuser, r.rolcreaterole AS createrole,
              coalesce((SELECT array_agg(name ORDER BY name) FROM tables
                         WHERE pg_has_role(current_user, relowner, 'MEMBER')), '{}') AS owned,
              coalesce((SELECT array_agg(name ORDER BY name) FROM tables
                         WHERE name = ANY($1) AND has_table_privilege(current_user, oid, 'UPDATE, DELETE, TRUNCATE')),
                       '{}') AS changeable
         FROM pg_roles r WHERE r.rolname = current_user`,
      [HISTORY_TABLES],
    ),
  );
  const { login, superuser, createrole, owned, changeable } = found.rows[0];
  const list = (names: string[]) => `${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
  const why = superuser
    ? 'is a superuser'
    : createrole
      ? 'may create roles'
      : owned.length
        ? `owns tables (${list(owned)})`
        : changeable.length
          ? `may change or remove rows of history tables (${list(changeable)})`
          : null;
  if (why) {
    throw new DatabaseRoleError(
      `The service's database login "${login}" ${why}, so it could rewrite the append-only history: ` +
        `run the service as a login that owns nothing (DATABASE_URL) and migrations as the owner ` +
        `(DATABASE_MIGRATION_URL); see docs/operations.md, "Database roles"`,
    );
  }
}
