import { randomBytes } from "node:crypto";
import { type Connection, createConnection } from "mysql2/promise";

/** Where the tests find MariaDB/MySQL as an administrator; loopback by default. */
export const admin = {
  host: process.env.SAMPLE_APP_TEST_DB_HOST ?? "127.0.0.1",
  port: Number(process.env.SAMPLE_APP_TEST_DB_PORT ?? 3306),
  user: process.env.SAMPLE_APP_TEST_DB_USER ?? "root",
  password: process.env.SAMPLE_APP_TEST_DB_PASSWORD ?? "",
};

export interface LabDatabase {
  host: string;
  port: number;
  name: string;
  user: string;
  password: string;
  /** Runs SQL as the administrator, inside the lab database. */
  admin(sql: string, params?: unknown[]): Promise<unknown>;
  drop(): Promise<void>;
}

export function labTableSql(passwordColumnLength: number): string {
  return `CREATE TABLE IF NOT EXISTS users (
    id INT AUTO_INCREMENT,
    name VARCHAR(255) NOT NULL,
    email VARCHAR(255) NOT NULL,
    password VARCHAR(${passwordColumnLength}) NOT NULL,
    attachment VARCHAR(255),
    PRIMARY KEY (id)
  )`;
}

/**
 * The lab's "MySQL Database 설정" steps with unique names: CREATE DATABASE, CREATE USER,
 * GRANT, USE, CREATE TABLE. `passwordColumnLength: 35` is the original lab's schema.
 */
export async function createLabDatabase(options: {
  prefix: string;
  passwordColumnLength?: number;
  /** false: skip the lab's CREATE DATABASE step (the GRANT still names it). */
  createDatabase?: boolean;
  createTable?: boolean;
}): Promise<LabDatabase> {
  const suffix = randomBytes(4).toString("hex");
  const name = `${options.prefix}_${suffix}`;
  const user = `${options.prefix.slice(0, 20)}_${suffix}`;
  const password = "asdf1234";
  const connection: Connection = await createConnection({ ...admin, charset: "utf8mb4" });
  try {
    const createDatabase = options.createDatabase !== false;
    if (createDatabase) await connection.query(`CREATE DATABASE ${name}`);
    await connection.query(`CREATE USER ${user} IDENTIFIED BY '${password}'`);
    await connection.query(`GRANT ALL PRIVILEGES ON ${name}.* TO ${user}`);
    if (createDatabase && options.createTable !== false) {
      await connection.query(`USE ${name}`);
      await connection.query(labTableSql(options.passwordColumnLength ?? 255));
    }
  } finally {
    await connection.end();
  }
  const runAsAdmin = async (sql: string, params: unknown[] = []) => {
    const session = await createConnection({ ...admin, database: name, charset: "utf8mb4" });
    try {
      const [result] = await session.query(sql, params);
      return result;
    } finally {
      await session.end();
    }
  };
  return {
    host: admin.host,
    port: admin.port,
    name,
    user,
    password,
    admin: runAsAdmin,
    async drop() {
      const session = await createConnection(admin);
      try {
        await session.query(`DROP DATABASE IF EXISTS ${name}`);
        await session.query(`DROP USER IF EXISTS ${user}`);
      } finally {
        await session.end();
      }
    },
  };
}
