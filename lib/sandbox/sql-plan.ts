// Turns one statement an attendee typed at `mysql -h <RDS endpoint> -u admin -p` into what the
// sandbox runs inside the attendee's namespace: the statement with database and user names
// prefixed, a call to a namespace procedure (user management), or a refusal. The namespace's
// MariaDB privileges, not this rewrite, are what keep attendees apart: a name the rewrite misses
// fails with an access error instead of reaching another namespace.
import type { MessageRef } from "@/lib/lab/types";
import {
  type Statement,
  type Token,
  identifierValue,
  isSignificant,
  quoteIdentifier,
  quoteString,
  stringValue,
} from "@/lib/sandbox/sql-tokens";

export interface PlanContext {
  /** e.g. `sb_123456789012_`; every attendee database and user name gets it. */
  prefix: string;
  /** The RDS master user the attendee logs in as (the lab's `admin`). */
  masterUsername: string;
  /** The attendee's current database (without the prefix), for `GRANT … ON *`. */
  database: string | null;
}

export interface UserName {
  user: string;
  host: string;
}

export type ProcedureCall =
  | { procedure: "create_user"; args: [string, string, string | null, boolean] }
  | { procedure: "drop_user"; args: [string, string, boolean] }
  | { procedure: "alter_user_password"; args: [string, string, string, boolean] }
  | { procedure: "rename_user"; args: [string, string, string, string] }
  | { procedure: "revoke_all"; args: [string, string] };

export type RefusalReason =
  | "notAllowed"
  | "executableComment"
  | "clientCommand"
  | "masterUser"
  | "anonymousUser"
  | "userOption"
  | "grantForm"
  | "showDatabasesWhere";

export interface EmulatedError {
  errno: number;
  code: string;
  sqlState: string;
  message: string;
}

export type Plan =
  | { kind: "query"; sql: string; grant: boolean }
  | { kind: "calls"; calls: ProcedureCall[] }
  | { kind: "showGrants"; user: UserName | null }
  | { kind: "showDatabases"; like: string | null }
  | { kind: "showWarnings"; errorsOnly: boolean }
  | { kind: "flushPrivileges" }
  | { kind: "refused"; reason: RefusalReason; message: MessageRef }
  | { kind: "error"; error: EmulatedError };

/** What the sandbox runs, for the documentation and the refusal message. */
export const ALLOWED_STATEMENTS = [
  "CREATE DATABASE",
  "ALTER DATABASE",
  "DROP DATABASE",
  "USE",
  "CREATE USER",
  "ALTER USER",
  "DROP USER",
  "RENAME USER",
  "SET PASSWORD",
  "GRANT",
  "REVOKE",
  "FLUSH PRIVILEGES",
  "SHOW DATABASES",
  "SHOW TABLES",
  "SHOW TABLE STATUS",
  "SHOW COLUMNS",
  "SHOW INDEX",
  "SHOW CREATE TABLE",
  "SHOW CREATE DATABASE",
  "SHOW GRANTS",
  "SHOW WARNINGS",
  "SHOW ERRORS",
  "DESCRIBE",
  "EXPLAIN",
  "CREATE TABLE",
  "ALTER TABLE",
  "DROP TABLE",
  "TRUNCATE TABLE",
  "SELECT",
  "INSERT",
  "REPLACE",
  "UPDATE",
  "DELETE",
] as const;

/** MySQL 5.7/8.x refuse longer user names; the sandbox keeps that limit. */
export const MAX_USER_NAME_LENGTH = 32;

const SYSTEM_SCHEMAS = new Set(["information_schema", "mysql", "performance_schema", "sys"]);

const AUTH_PLUGINS = new Set(["mysql_native_password", "caching_sha2_password", "sha256_password"]);

const QUERY_STARTS = new Set(["SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE"]);

/** Clause keywords that end a FROM list at their nesting level. */
const FROM_LIST_ENDS = new Set([
  "WHERE",
  "GROUP",
  "ORDER",
  "HAVING",
  "LIMIT",
  "WINDOW",
  "UNION",
  "EXCEPT",
  "INTERSECT",
  "FOR",
  "LOCK",
  "INTO",
  "ON",
  "USING",
  "SET",
  "RETURNING",
  "VALUES",
  "VALUE",
  "SELECT",
]);

export function escapeLikePattern(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function isSystemSchema(name: string): boolean {
  return SYSTEM_SCHEMAS.has(name.toLowerCase());
}

class ParseFailure extends Error {
  constructor(readonly plan: Plan) {
    super("statement not planned");
  }
}

/** A statement's tokens with comments dropped, addressed by significant-token position. */
class Tokens {
  private readonly all: Token[];
  private readonly positions: number[];

  constructor(statement: Statement) {
    this.all = statement.tokens.map((token) =>
      token.type === "comment" ? { type: "space", text: " " } : { ...token },
    );
    this.positions = this.all.flatMap((token, index) => (isSignificant(token) ? [index] : []));
  }

  get length(): number {
    return this.positions.length;
  }

  at(index: number): Token | undefined {
    const position = this.positions[index];
    return position === undefined ? undefined : this.all[position];
  }

  word(index: number): string | null {
    const token = this.at(index);
    return token?.type === "word" ? token.text.toUpperCase() : null;
  }

  isWord(index: number, ...words: string[]): boolean {
    const word = this.word(index);
    return word !== null && words.includes(word);
  }

  isPunct(index: number, text: string): boolean {
    const token = this.at(index);
    return token?.type === "punct" && token.text === text;
  }

  isName(index: number): boolean {
    const type = this.at(index)?.type;
    return type === "word" || type === "identifier";
  }

  name(index: number): string {
    const token = this.at(index);
    return token ? identifierValue(token) : "";
  }

  /** Skips optional words in order, e.g. IF NOT EXISTS. */
  skip(index: number, ...words: string[]): number {
    let position = index;
    for (const word of words) {
      if (!this.isWord(position, word)) return index;
      position++;
    }
    return position;
  }

  replace(index: number, text: string): void {
    const position = this.positions[index];
    const token = position === undefined ? undefined : this.all[position];
    if (token) token.text = text;
  }

  /** Replaces the tokens from..to (inclusive) with one piece of text. */
  replaceRange(from: number, to: number, text: string): void {
    this.replace(from, text);
    for (let index = from + 1; index <= to; index++) this.replace(index, "");
  }

  /** Whether the tokens at index and index + 1 touch (no space between), as in host names. */
  adjacent(index: number): boolean {
    const a = this.positions[index];
    const b = this.positions[index + 1];
    return a !== undefined && b === a + 1;
  }

  /** The source text from a significant token to the end, for a MySQL-style syntax error. */
  textFrom(index: number): { near: string; line: number } {
    const position = this.positions[index] ?? this.all.length;
    const before = this.all
      .slice(0, position)
      .map((token) => token.text)
      .join("");
    const rest = this.all
      .slice(position)
      .map((token) => token.text)
      .join("");
    return { near: rest.slice(0, 80), line: before.split("\n").length };
  }

  sql(): string {
    return this.all
      .map((token) => token.text)
      .join("")
      .trim();
  }
}

export function planStatement(statement: Statement, context: PlanContext): Plan {
  const executable = statement.tokens.find((token) => token.type === "executableComment");
  if (executable) return refused("executableComment", "sandboxSql.refused.executableComment");
  const command = statement.tokens.find((token) => token.type === "clientCommand");
  if (command) {
    return refused("clientCommand", "sandboxSql.refused.clientCommand", { command: command.text });
  }
  try {
    return new Planner(new Tokens(statement), context).plan();
  } catch (error) {
    if (error instanceof ParseFailure) return error.plan;
    throw error;
  }
}

function refused(
  reason: RefusalReason,
  key: MessageRef["key"],
  params?: MessageRef["params"],
): Plan {
  return { kind: "refused", reason, message: params ? { key, params } : { key } };
}

function mysqlError(errno: number, code: string, sqlState: string, message: string): Plan {
  return { kind: "error", error: { errno, code, sqlState, message } };
}

class Planner {
  constructor(
    private readonly tokens: Tokens,
    private readonly context: PlanContext,
  ) {}

  plan(): Plan {
    const t = this.tokens;
    const first = t.word(0);
    if (t.isPunct(0, "(")) return this.query(0);
    switch (first) {
      case "SELECT":
      case "WITH":
      case "DELETE":
        return this.query(0);
      case "INSERT":
      case "REPLACE":
        return this.insert();
      case "UPDATE":
        return this.update();
      case "USE":
        return this.use();
      case "CREATE":
        return this.create();
      case "ALTER":
        return this.alter();
      case "DROP":
        return this.drop();
      case "TRUNCATE":
        this.tableReference(t.skip(1, "TABLE"));
        return this.finish();
      case "DESCRIBE":
      case "DESC":
      case "EXPLAIN":
        return this.describe();
      case "SHOW":
        return this.show();
      case "GRANT":
      case "REVOKE":
        return this.grant(first === "GRANT");
      case "RENAME":
        if (t.isWord(1, "USER")) return this.renameUser();
        break;
      case "SET":
        if (t.isWord(1, "PASSWORD")) return this.setPassword();
        break;
      case "FLUSH":
        if (t.isWord(1, "PRIVILEGES") && t.length === 2) return { kind: "flushPrivileges" };
        break;
    }
    return this.notAllowed();
  }

  private notAllowed(): Plan {
    const words = [0, 1]
      .map((index) => this.tokens.at(index))
      .filter((token): token is Token => token?.type === "word")
      .map((token) => token.text.toUpperCase());
    return refused("notAllowed", "sandboxSql.refused.notAllowed", {
      statement: words.join(" ") || (this.tokens.at(0)?.text ?? ""),
      allowed: ALLOWED_STATEMENTS.join(", "),
    });
  }

  private finish(grant = false): Plan {
    return { kind: "query", sql: this.tokens.sql(), grant };
  }

  // ---- names -------------------------------------------------------------------------------

  private database(index: number): void {
    if (!this.tokens.isName(index)) return;
    const name = this.tokens.name(index);
    if (!isSystemSchema(name)) {
      this.tokens.replace(index, quoteIdentifier(this.context.prefix + name));
    }
  }

  /** `db.table` or `table` where a table is expected; returns the index after it. */
  private tableReference(index: number): number {
    const t = this.tokens;
    if (!t.isName(index)) return index;
    if (t.isPunct(index + 1, ".") && t.isName(index + 2)) {
      this.database(index);
      return index + 3;
    }
    return index + 1;
  }

  /**
   * Walks a statement body: `db.table.column` anywhere, and tables after FROM / JOIN (and commas
   * of a FROM list) wherever a query is, tables after REFERENCES and ALTER TABLE's RENAME TO.
   */
  private walk(start: number, options: { topIsQuery: boolean; listAt?: number }): void {
    const t = this.tokens;
    const isQuery: boolean[] = [options.topIsQuery];
    const inList: boolean[] = [false];
    let index = start;
    if (options.listAt !== undefined) {
      inList[0] = true;
      index = this.tableReference(options.listAt);
    }
    while (index < t.length) {
      const depth = isQuery.length - 1;
      if (t.isPunct(index, "(")) {
        isQuery.push(t.isWord(index + 1, "SELECT", "WITH"));
        inList.push(false);
        index++;
        continue;
      }
      if (t.isPunct(index, ")")) {
        if (isQuery.length > 1) {
          isQuery.pop();
          inList.pop();
        }
        index++;
        continue;
      }
      if (t.isPunct(index, ",") && inList[depth]) {
        index = Math.max(this.tableReference(index + 1), index + 1);
        continue;
      }
      if (this.isThreePartName(index)) {
        this.database(index);
        index += 5;
        continue;
      }
      const word = t.word(index);
      if (word === "REFERENCES") {
        index = this.tableReference(index + 1);
        continue;
      }
      if (word === "RENAME" && !t.isWord(index + 1, "COLUMN", "INDEX", "KEY")) {
        index = this.tableReference(t.skip(t.skip(index + 1, "TO"), "AS"));
        continue;
      }
      if (isQuery[depth]) {
        if (word === "FROM" || word === "JOIN" || word === "STRAIGHT_JOIN") {
          inList[depth] = true;
          index = this.tableReference(index + 1);
          continue;
        }
        if (word && FROM_LIST_ENDS.has(word)) inList[depth] = false;
      }
      index++;
    }
  }

  private isThreePartName(index: number): boolean {
    const t = this.tokens;
    return (
      t.isName(index) &&
      !t.isPunct(index - 1, ".") &&
      t.isPunct(index + 1, ".") &&
      t.isName(index + 2) &&
      t.isPunct(index + 3, ".") &&
      (t.isName(index + 4) || t.isPunct(index + 4, "*"))
    );
  }

  // ---- data and table statements --------------------------------------------------------------

  private query(start: number): Plan {
    this.walk(start, { topIsQuery: true });
    return this.finish();
  }

  private insert(): Plan {
    const t = this.tokens;
    let index = 1;
    while (t.isWord(index, "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE")) index++;
    index = t.skip(index, "INTO");
    this.walk(this.tableReference(index), { topIsQuery: true });
    return this.finish();
  }

  private update(): Plan {
    const t = this.tokens;
    let index = 1;
    while (t.isWord(index, "LOW_PRIORITY", "IGNORE")) index++;
    this.walk(index, { topIsQuery: true, listAt: index });
    return this.finish();
  }

  private describe(): Plan {
    const t = this.tokens;
    let index = 1;
    while (t.isWord(index, "EXTENDED", "PARTITIONS", "ANALYZE")) index++;
    if (t.isWord(index, "FORMAT") && t.isPunct(index + 1, "=")) index += 3;
    if (t.isPunct(index, "(") || QUERY_STARTS.has(t.word(index) ?? "")) {
      this.walk(index, { topIsQuery: true });
      return this.finish();
    }
    this.tableReference(index);
    return this.finish();
  }

  private use(): Plan {
    const t = this.tokens;
    if (!t.isName(1) || t.length !== 2) return this.syntaxError(t.isName(1) ? 2 : 1);
    this.database(1);
    return this.finish();
  }

  private create(): Plan {
    const t = this.tokens;
    if (t.isWord(1, "DATABASE", "SCHEMA")) {
      this.database(t.skip(2, "IF", "NOT", "EXISTS"));
      return this.finish();
    }
    if (t.isWord(1, "USER")) return this.createUser();
    let index = t.skip(1, "OR", "REPLACE");
    index = t.skip(index, "TEMPORARY");
    if (t.isWord(index, "TABLE")) {
      index = this.tableReference(t.skip(index + 1, "IF", "NOT", "EXISTS"));
      if (t.isWord(index, "LIKE")) index = this.tableReference(index + 1);
      else if (t.isPunct(index, "(") && t.isWord(index + 1, "LIKE")) {
        index = this.tableReference(index + 2);
      }
      this.walk(index, { topIsQuery: true });
      return this.finish();
    }
    return this.notAllowed();
  }

  private alter(): Plan {
    const t = this.tokens;
    if (t.isWord(1, "DATABASE", "SCHEMA")) {
      const options = ["CHARACTER", "CHARSET", "COLLATE", "DEFAULT", "UPGRADE", "COMMENT"];
      if (t.isName(2) && !t.isWord(2, ...options)) this.database(2);
      return this.finish();
    }
    if (t.isWord(1, "USER")) return this.alterUser();
    let index = 1;
    while (t.isWord(index, "ONLINE", "IGNORE")) index++;
    if (t.isWord(index, "TABLE")) {
      index = this.tableReference(t.skip(index + 1, "IF", "EXISTS"));
      this.walk(index, { topIsQuery: false });
      return this.finish();
    }
    return this.notAllowed();
  }

  private drop(): Plan {
    const t = this.tokens;
    if (t.isWord(1, "DATABASE", "SCHEMA")) {
      this.database(t.skip(2, "IF", "EXISTS"));
      return this.finish();
    }
    if (t.isWord(1, "USER")) return this.dropUser();
    const index = t.skip(1, "TEMPORARY");
    if (t.isWord(index, "TABLE", "TABLES")) {
      const list = t.skip(index + 1, "IF", "EXISTS");
      this.walk(list, { topIsQuery: false, listAt: list });
      return this.finish();
    }
    return this.notAllowed();
  }

  // ---- SHOW ------------------------------------------------------------------------------------

  private show(): Plan {
    const t = this.tokens;
    let index = 1;
    if (t.isWord(index, "DATABASES", "SCHEMAS")) {
      if (t.length === 2) return { kind: "showDatabases", like: null };
      if (t.isWord(2, "LIKE") && t.at(3)?.type === "string" && t.length === 4) {
        return { kind: "showDatabases", like: stringValue(t.at(3)?.text ?? "''") };
      }
      if (t.isWord(2, "WHERE")) {
        return refused("showDatabasesWhere", "sandboxSql.refused.showDatabasesWhere");
      }
      return this.syntaxError(2);
    }
    if (t.isWord(index, "GRANTS")) return this.showGrants();
    if (t.isWord(index, "WARNINGS", "ERRORS") && (t.length === 2 || t.isWord(2, "LIMIT"))) {
      return { kind: "showWarnings", errorsOnly: t.isWord(index, "ERRORS") };
    }
    if (t.isWord(index, "CREATE")) {
      if (t.isWord(2, "DATABASE", "SCHEMA")) {
        this.database(t.skip(3, "IF", "NOT", "EXISTS"));
        return this.finish();
      }
      if (t.isWord(2, "TABLE")) {
        this.tableReference(3);
        return this.finish();
      }
      return this.notAllowed();
    }
    index = t.skip(index, "FULL");
    if (t.isWord(index, "TABLES") || (t.isWord(index, "TABLE") && t.isWord(index + 1, "STATUS"))) {
      index += t.isWord(index, "TABLE") ? 2 : 1;
      if (t.isWord(index, "FROM", "IN")) this.database(index + 1);
      return this.finish();
    }
    if (t.isWord(index, "COLUMNS", "FIELDS", "INDEX", "INDEXES", "KEYS")) {
      if (!t.isWord(index + 1, "FROM", "IN")) return this.syntaxError(index + 1);
      index = this.tableReference(index + 2);
      if (t.isWord(index, "FROM", "IN")) this.database(index + 1);
      return this.finish();
    }
    return this.notAllowed();
  }

  private showGrants(): Plan {
    const t = this.tokens;
    if (t.length === 2) return { kind: "showGrants", user: null };
    if (!t.isWord(2, "FOR")) return this.syntaxError(2);
    const spec = this.userSpec(3, { allowMaster: true });
    if (spec.next !== t.length) return this.syntaxError(spec.next);
    return { kind: "showGrants", user: spec.master ? null : spec.name };
  }

  // ---- GRANT / REVOKE --------------------------------------------------------------------------

  private grant(isGrant: boolean): Plan {
    const t = this.tokens;
    if (t.isWord(1, "PROXY")) return refused("grantForm", "sandboxSql.refused.grantForm");
    let on = -1;
    let depth = 0;
    for (let index = 1; index < t.length; index++) {
      if (t.isPunct(index, "(")) depth++;
      else if (t.isPunct(index, ")")) depth--;
      else if (depth === 0 && (t.isWord(index, "ON") || t.isWord(index, isGrant ? "TO" : "FROM"))) {
        on = index;
        break;
      }
    }
    if (on === -1) return this.syntaxError(t.length);
    if (!t.isWord(on, "ON")) {
      return isGrant ? refused("grantForm", "sandboxSql.refused.grantForm") : this.revokeAll(on);
    }
    let index = t.skip(on + 1, "TABLE");
    if (t.isWord(index, "FUNCTION", "PROCEDURE", "PACKAGE")) index++;
    index = this.privilegeLevel(index);
    if (!t.isWord(index, isGrant ? "TO" : "FROM")) return this.syntaxError(index);
    this.rewriteGrantees(index + 1, isGrant);
    return this.finish(true);
  }

  /** `*`, `*.*`, `db.*`, `db.table`, `table`; returns the index after the level. */
  private privilegeLevel(index: number): number {
    const t = this.tokens;
    if (t.isPunct(index, "*")) {
      if (t.isPunct(index + 1, ".") && t.isPunct(index + 2, "*")) return index + 3;
      const current = this.context.database;
      if (current !== null && !isSystemSchema(current)) {
        t.replace(index, `${this.databasePattern(current)}.*`);
      }
      return index + 1;
    }
    if (!t.isName(index)) throw new ParseFailure(this.syntaxError(index));
    if (!t.isPunct(index + 1, ".")) return index + 1;
    const name = t.name(index);
    if (t.isPunct(index + 2, "*")) {
      if (!isSystemSchema(name)) t.replace(index, this.databasePattern(name));
      return index + 3;
    }
    this.database(index);
    return index + 3;
  }

  /** Database-level grants take LIKE patterns: the prefix's own `_` must not be a wildcard. */
  private databasePattern(name: string): string {
    return quoteIdentifier(escapeLikePattern(this.context.prefix) + name);
  }

  private revokeAll(from: number): Plan {
    const t = this.tokens;
    const comma = t.skip(2, "PRIVILEGES");
    const shape =
      t.isWord(1, "ALL") &&
      t.isPunct(comma, ",") &&
      t.isWord(comma + 1, "GRANT") &&
      t.isWord(comma + 2, "OPTION") &&
      comma + 3 === from;
    if (!shape) return refused("grantForm", "sandboxSql.refused.grantForm");
    const users = this.userNames(from + 1);
    return {
      kind: "calls",
      calls: users.map(({ user, host }) => ({ procedure: "revoke_all", args: [user, host] })),
    };
  }

  // ---- user management ---------------------------------------------------------------------------

  private createUser(): Plan {
    const t = this.tokens;
    const ifNotExists = t.isWord(2, "IF") && t.isWord(3, "NOT") && t.isWord(4, "EXISTS");
    const calls: ProcedureCall[] = [];
    let index = ifNotExists ? 5 : 2;
    for (;;) {
      const spec = this.userSpec(index, { allowMaster: false });
      this.checkLength(spec.name);
      const auth = this.authentication(spec.next);
      calls.push({
        procedure: "create_user",
        args: [spec.name.user, spec.name.host, auth.password, ifNotExists],
      });
      index = auth.next;
      if (t.isPunct(index, ",")) {
        index++;
        continue;
      }
      if (index < t.length) return refused("userOption", "sandboxSql.refused.userOption");
      return { kind: "calls", calls };
    }
  }

  private dropUser(): Plan {
    const ifExists = this.tokens.isWord(2, "IF") && this.tokens.isWord(3, "EXISTS");
    const users = this.userNames(ifExists ? 4 : 2);
    return {
      kind: "calls",
      calls: users.map(({ user, host }) => ({
        procedure: "drop_user",
        args: [user, host, ifExists],
      })),
    };
  }

  private alterUser(): Plan {
    const t = this.tokens;
    const ifExists = t.isWord(2, "IF") && t.isWord(3, "EXISTS");
    const calls: ProcedureCall[] = [];
    let index = ifExists ? 4 : 2;
    for (;;) {
      const spec = this.userSpec(index, { allowMaster: false });
      const auth = this.authentication(spec.next);
      if (auth.password === null) return refused("userOption", "sandboxSql.refused.userOption");
      calls.push({
        procedure: "alter_user_password",
        args: [spec.name.user, spec.name.host, auth.password, ifExists],
      });
      index = auth.next;
      if (t.isPunct(index, ",")) {
        index++;
        continue;
      }
      if (index < t.length) return refused("userOption", "sandboxSql.refused.userOption");
      return { kind: "calls", calls };
    }
  }

  private renameUser(): Plan {
    const t = this.tokens;
    const calls: ProcedureCall[] = [];
    let index = 2;
    for (;;) {
      const from = this.userSpec(index, { allowMaster: false });
      if (!t.isWord(from.next, "TO")) return this.syntaxError(from.next);
      const to = this.userSpec(from.next + 1, { allowMaster: false });
      this.checkLength(to.name);
      calls.push({
        procedure: "rename_user",
        args: [from.name.user, from.name.host, to.name.user, to.name.host],
      });
      index = to.next;
      if (t.isPunct(index, ",")) {
        index++;
        continue;
      }
      if (index < t.length) return this.syntaxError(index);
      return { kind: "calls", calls };
    }
  }

  /** SET PASSWORD [FOR user] = 'plain' | PASSWORD('plain'), with MySQL 5.7+/8 meaning. */
  private setPassword(): Plan {
    const t = this.tokens;
    if (!t.isWord(2, "FOR"))
      return refused("masterUser", "sandboxSql.refused.masterUser", this.master());
    const spec = this.userSpec(3, { allowMaster: false });
    let index = spec.next;
    if (!t.isPunct(index, "=")) return this.syntaxError(index);
    index++;
    let password: string;
    if (t.at(index)?.type === "string") {
      password = stringValue(t.at(index)?.text ?? "''");
      index++;
    } else if (
      t.isWord(index, "PASSWORD") &&
      t.isPunct(index + 1, "(") &&
      t.at(index + 2)?.type === "string" &&
      t.isPunct(index + 3, ")")
    ) {
      password = stringValue(t.at(index + 2)?.text ?? "''");
      index += 4;
    } else {
      return this.syntaxError(index);
    }
    if (index !== t.length) return this.syntaxError(index);
    return {
      kind: "calls",
      calls: [
        {
          procedure: "alter_user_password",
          args: [spec.name.user, spec.name.host, password, false],
        },
      ],
    };
  }

  private master() {
    return { user: this.context.masterUsername };
  }

  private checkLength(name: UserName): void {
    if (name.user.length > MAX_USER_NAME_LENGTH) {
      throw new ParseFailure(
        mysqlError(
          1470,
          "ER_WRONG_STRING_LENGTH",
          "HY000",
          `String '${name.user}' is too long for user name (should be no longer than ${MAX_USER_NAME_LENGTH})`,
        ),
      );
    }
  }

  /** `IDENTIFIED BY 'pw'`, `IDENTIFIED WITH plugin [BY 'pw']`, or nothing. */
  private authentication(index: number): { password: string | null; next: number } {
    const t = this.tokens;
    if (!t.isWord(index, "IDENTIFIED")) return { password: null, next: index };
    let position = index + 1;
    if (t.isWord(position, "WITH")) {
      const token = t.at(position + 1);
      const plugin = token?.type === "string" ? stringValue(token.text) : t.name(position + 1);
      if (!token || !(t.isName(position + 1) || token.type === "string")) {
        throw new ParseFailure(this.syntaxError(position + 1));
      }
      if (!AUTH_PLUGINS.has(plugin.toLowerCase())) {
        throw new ParseFailure(
          mysqlError(1524, "ER_PLUGIN_IS_NOT_LOADED", "HY000", `Plugin '${plugin}' is not loaded`),
        );
      }
      position += 2;
      if (!t.isWord(position, "BY")) {
        throw new ParseFailure(refused("userOption", "sandboxSql.refused.userOption"));
      }
    }
    if (!t.isWord(position, "BY")) throw new ParseFailure(this.syntaxError(position));
    if (t.isWord(position + 1, "PASSWORD")) {
      throw new ParseFailure(refused("userOption", "sandboxSql.refused.userOption"));
    }
    const literal = t.at(position + 1);
    if (literal?.type !== "string") throw new ParseFailure(this.syntaxError(position + 1));
    return { password: stringValue(literal.text), next: position + 2 };
  }

  /** A comma-separated list of user names (no options). */
  private userNames(index: number): UserName[] {
    const names: UserName[] = [];
    let position = index;
    for (;;) {
      const spec = this.userSpec(position, { allowMaster: false });
      names.push(spec.name);
      position = spec.next;
      if (this.tokens.isPunct(position, ",")) {
        position++;
        continue;
      }
      if (position < this.tokens.length) throw new ParseFailure(this.syntaxError(position));
      return names;
    }
  }

  /** GRANT/REVOKE grantees, rewritten in place to the namespaced names; options after them stay. */
  private rewriteGrantees(index: number, isGrant: boolean): void {
    const t = this.tokens;
    let position = index;
    for (;;) {
      const spec = this.userSpec(position, { allowMaster: false });
      t.replaceRange(
        position,
        spec.next - 1,
        `${quoteString(this.context.prefix + spec.name.user)}@${quoteString(spec.name.host)}`,
      );
      position = spec.next;
      if (isGrant && t.isWord(position, "IDENTIFIED")) {
        // MySQL 8 removed GRANT … IDENTIFIED BY: users are created with CREATE USER first.
        throw new ParseFailure(this.syntaxError(position));
      }
      if (!t.isPunct(position, ",")) return;
      position++;
    }
  }

  /** `name`, `'name'@'host'`, name@host, CURRENT_USER[()]. */
  private userSpec(
    index: number,
    options: { allowMaster: boolean },
  ): { name: UserName; next: number; master: boolean } {
    const t = this.tokens;
    const token = t.at(index);
    if (t.isWord(index, "CURRENT_USER")) {
      const next = t.isPunct(index + 1, "(") && t.isPunct(index + 2, ")") ? index + 3 : index + 1;
      if (!options.allowMaster) {
        throw new ParseFailure(
          refused("masterUser", "sandboxSql.refused.masterUser", this.master()),
        );
      }
      return { name: { user: this.context.masterUsername, host: "%" }, next, master: true };
    }
    if (
      !token ||
      !(token.type === "word" || token.type === "identifier" || token.type === "string")
    ) {
      throw new ParseFailure(this.syntaxError(index));
    }
    const user = token.type === "string" ? stringValue(token.text) : identifierValue(token);
    let next = index + 1;
    let host = "%";
    if (t.isPunct(next, "@")) {
      const hostToken = t.at(next + 1);
      if (hostToken?.type === "string") {
        host = stringValue(hostToken.text);
        next += 2;
      } else if (hostToken?.type === "identifier") {
        host = identifierValue(hostToken);
        next += 2;
      } else if (hostToken?.type === "word" || hostToken?.type === "number") {
        // Unquoted host names and addresses, e.g. form_user@localhost or @10.0.0.1.
        let end = next + 1;
        host = hostToken.text;
        while (
          t.adjacent(end) &&
          (t.isPunct(end + 1, ".") || ["word", "number"].includes(t.at(end + 1)?.type ?? ""))
        ) {
          host += t.at(end + 1)?.text ?? "";
          end++;
        }
        next = end + 1;
      } else {
        throw new ParseFailure(this.syntaxError(next + 1));
      }
    }
    if (user === "")
      throw new ParseFailure(refused("anonymousUser", "sandboxSql.refused.anonymousUser"));
    const master = user === this.context.masterUsername;
    if (master && !options.allowMaster) {
      throw new ParseFailure(refused("masterUser", "sandboxSql.refused.masterUser", this.master()));
    }
    return { name: { user, host }, next, master };
  }

  private syntaxError(index: number): Plan {
    const { near, line } = this.tokens.textFrom(index);
    return mysqlError(
      1064,
      "ER_PARSE_ERROR",
      "42000",
      `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${near}' at line ${line}`,
    );
  }
}
