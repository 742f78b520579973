// A MySQL lexer just deep enough to find statement boundaries, identifiers and user names the way
// the server does: quotes, backticks, comments and the mysql client's `\G` terminator.

export type TokenType =
  | "word"
  | "number"
  | "identifier"
  | "string"
  | "punct"
  | "space"
  | "comment"
  | "executableComment"
  | "clientCommand";

export interface Token {
  type: TokenType;
  /** Exactly as typed, so an untouched statement is reassembled byte for byte. */
  text: string;
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; unterminated: string };

const WORD_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const NUMBER = /^(\d+(e\d*)?|0x[0-9a-f]+|0b[01]+)$/i;

export function lex(sql: string): LexResult {
  const tokens: Token[] = [];
  let index = 0;
  const push = (type: TokenType, end: number) => {
    tokens.push({ type, text: sql.slice(index, end) });
    index = end;
  };

  while (index < sql.length) {
    const char = sql[index] ?? "";
    const next = sql[index + 1] ?? "";

    if (/\s/.test(char)) {
      let end = index + 1;
      while (end < sql.length && /\s/.test(sql[end] ?? "")) end++;
      push("space", end);
    } else if (
      char === "#" ||
      (char === "-" && next === "-" && /^(\s|$)/.test(sql[index + 2] ?? ""))
    ) {
      const newline = sql.indexOf("\n", index);
      push("comment", newline === -1 ? sql.length : newline);
    } else if (char === "/" && next === "*") {
      const close = sql.indexOf("*/", index + 2);
      if (close === -1) return { ok: false, unterminated: "/*" };
      const executable = sql[index + 2] === "!" || sql.startsWith("M!", index + 2);
      push(executable ? "executableComment" : "comment", close + 2);
    } else if (char === "'" || char === '"') {
      const end = quotedEnd(sql, index, char, true);
      if (end === -1) return { ok: false, unterminated: char };
      push("string", end);
    } else if (char === "`") {
      const end = quotedEnd(sql, index, "`", false);
      if (end === -1) return { ok: false, unterminated: "`" };
      push("identifier", end);
    } else if (char === "\\" && /[A-Za-z]/.test(next)) {
      push("clientCommand", index + 2);
    } else if (WORD_CHAR.test(char)) {
      let end = index + 1;
      while (end < sql.length && WORD_CHAR.test(sql[end] ?? "")) end++;
      push(NUMBER.test(sql.slice(index, end)) ? "number" : "word", end);
    } else {
      push("punct", index + 1);
    }
  }
  return { ok: true, tokens };
}

/** Index just past the closing quote; doubled quotes (and backslashes in strings) escape. */
function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let index = start + 1;
  while (index < sql.length) {
    const char = sql[index];
    if (backslashEscapes && char === "\\") {
      index += 2;
    } else if (char === quote) {
      if (sql[index + 1] === quote) index += 2;
      else return index + 1;
    } else {
      index++;
    }
  }
  return -1;
}

export interface Statement {
  tokens: Token[];
  /** The statement as typed, without its terminator. */
  text: string;
}

export type SplitResult =
  { ok: true; statements: Statement[] } | { ok: false; unterminated: string };

/**
 * Splits what an attendee typed into statements as the mysql client does: at `;`, `\G` or `\g`,
 * and a `USE db` line also ends at its newline.
 */
export function splitStatements(sql: string): SplitResult {
  const lexed = lex(sql);
  if (!lexed.ok) return lexed;
  const statements: Statement[] = [];
  let current: Token[] = [];
  const flush = () => {
    const text = current
      .map((token) => token.text)
      .join("")
      .trim();
    if (current.some(isSignificant)) statements.push({ tokens: current, text });
    current = [];
  };
  for (const token of lexed.tokens) {
    const terminator =
      (token.type === "punct" && token.text === ";") ||
      (token.type === "clientCommand" && /^\\[Gg]$/.test(token.text));
    if (terminator) {
      flush();
      continue;
    }
    if (token.type === "space" && token.text.includes("\n") && isUseCommand(current)) {
      flush();
      continue;
    }
    current.push(token);
  }
  flush();
  return { ok: true, statements };
}

function isUseCommand(tokens: Token[]): boolean {
  const first = tokens.find(isSignificant);
  return first?.type === "word" && first.text.toUpperCase() === "USE";
}

export function isSignificant(token: Token): boolean {
  return token.type !== "space" && token.type !== "comment";
}

/** The value of a 'string' or "string" literal. */
export function stringValue(text: string): string {
  const quote = text[0] ?? "'";
  const body = text.slice(1, -1);
  let value = "";
  for (let index = 0; index < body.length; index++) {
    const char = body[index] ?? "";
    if (char === "\\" && index + 1 < body.length) {
      const escaped = body[++index] ?? "";
      value += BACKSLASH_ESCAPES[escaped] ?? escaped;
    } else if (char === quote && body[index + 1] === quote) {
      value += quote;
      index++;
    } else {
      value += char;
    }
  }
  return value;
}

const BACKSLASH_ESCAPES: Record<string, string> = {
  "0": "\0",
  b: "\b",
  n: "\n",
  r: "\r",
  t: "\t",
  Z: "\x1a",
  "%": "\\%",
  _: "\\_",
};

/** The name a word or `backticked` identifier stands for. */
export function identifierValue(token: Token): string {
  return token.type === "identifier" ? token.text.slice(1, -1).replace(/``/g, "`") : token.text;
}

export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/`/g, "``")}\``;
}

export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\0/g, "\\0")}'`;
}
