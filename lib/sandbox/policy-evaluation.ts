// IAM's documented policy evaluation, for the identity-based and resource-based policies the
// sandbox meets. Whatever it cannot decide (an unknown operator, a key it has no value for, a
// malformed element) makes an Allow statement not apply and a Deny statement apply.

export type ContextValue = string | readonly string[];

export type PolicyType = "identity-based" | "resource-based";

export type RequestPrincipal =
  | { kind: "role-session"; accountId: string; roleArn: string; sessionArn: string }
  | { kind: "service"; service: string }
  /** An unsigned request: only "*" (or {"AWS": "*"}) names it. */
  | { kind: "anonymous" };

export type AuthorizationRequest = {
  principal: RequestPrincipal;
  action: string;
  /** The resource's ARN, or "*" for an action on no particular resource (ListAllMyBuckets). */
  resource: string;
  /** Condition keys the request carries, by name in any case. */
  context: Readonly<Record<string, ContextValue>>;
  /**
   * Keys whose value the caller knows for every request: one of these missing from `context` is
   * absent, as on AWS. A policy that tests any other key cannot be decided.
   */
  knownKeys: readonly string[];
};

export type PolicyDecision =
  | { result: "allowed" }
  | { result: "explicit-deny"; policyType: PolicyType }
  | { result: "implicit-deny"; policyType: PolicyType };

type Tri = boolean | "unknown";
/** How a resource-based Allow names the caller: its account only delegates to identity policies. */
type Grant = "none" | "account" | "direct";
type Verdict = { deny: boolean; grant: Grant };
type PolicyKind = "identity" | "resource";

type Prepared = {
  request: AuthorizationRequest;
  values: Map<string, readonly string[]>;
  known: Set<string>;
};

/**
 * Same account: an explicit Deny anywhere denies; otherwise an identity policy's Allow, or a
 * resource policy's Allow naming the caller itself, allows. Cross-account: both must allow.
 */
export function authorize(input: {
  request: AuthorizationRequest;
  identityPolicies: readonly unknown[];
  resourcePolicy?: unknown;
  crossAccount: boolean;
}): PolicyDecision {
  const prepared = prepare(input.request);
  const identity = input.identityPolicies.map((policy) =>
    evaluatePolicy(policy, prepared, "identity"),
  );
  const resource: Verdict =
    input.resourcePolicy === undefined
      ? { deny: false, grant: "none" }
      : evaluatePolicy(input.resourcePolicy, prepared, "resource");
  if (identity.some(({ deny }) => deny)) {
    return { result: "explicit-deny", policyType: "identity-based" };
  }
  if (resource.deny) return { result: "explicit-deny", policyType: "resource-based" };
  const identityAllows = identity.some(({ grant }) => grant !== "none");
  if (!input.crossAccount) {
    return identityAllows || resource.grant === "direct"
      ? { result: "allowed" }
      : { result: "implicit-deny", policyType: "identity-based" };
  }
  if (identityAllows && resource.grant !== "none") return { result: "allowed" };
  // AWS names the identity policy only when the resource policy granted this very principal.
  return {
    result: "implicit-deny",
    policyType:
      !identityAllows && resource.grant === "direct" ? "identity-based" : "resource-based",
  };
}

/** A role trust policy must itself allow the principal, without a Deny. */
export function trustPolicyAllows(trustPolicy: unknown, request: AuthorizationRequest): boolean {
  const verdict = evaluatePolicy(trustPolicy, prepare(request), "resource");
  return !verdict.deny && verdict.grant === "direct";
}

function prepare(request: AuthorizationRequest): Prepared {
  const values = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(request.context)) {
    const list = typeof value === "string" ? [value] : value;
    if (list.length > 0) values.set(key.toLowerCase(), list);
  }
  const known = new Set([...request.knownKeys.map((key) => key.toLowerCase()), ...values.keys()]);
  return { request, values, known };
}

function lookUp(prepared: Prepared, key: string): readonly string[] | "absent" | "unknown" {
  const name = key.toLowerCase();
  if (!prepared.known.has(name)) return "unknown";
  return prepared.values.get(name) ?? "absent";
}

const and = (...values: Tri[]): Tri =>
  values.includes(false) ? false : values.includes("unknown") ? "unknown" : true;
const or = (values: Tri[]): Tri =>
  values.includes(true) ? true : values.includes("unknown") ? "unknown" : false;
const not = (value: Tri): Tri => (value === "unknown" ? value : !value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A policy element's strings: one string or a non-empty array of them; undefined if malformed. */
function stringsOf(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  return list.length > 0 && list.every((item) => typeof item === "string") ? list : undefined;
}

function evaluatePolicy(policy: unknown, prepared: Prepared, kind: PolicyKind): Verdict {
  const verdict: Verdict = { deny: false, grant: "none" };
  if (!isRecord(policy)) return verdict;
  const variables = policy.Version === "2012-10-17";
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  for (const statement of statements) {
    if (!isRecord(statement)) continue;
    const effect = statement.Effect;
    if (effect !== "Allow" && effect !== "Deny") continue;
    const principal: Grant | "unknown" =
      kind === "resource" ? principalMatch(statement, prepared.request.principal) : "direct";
    const applies = and(
      principal === "unknown" ? "unknown" : principal !== "none",
      actionMatches(statement, prepared.request.action),
      resourceMatches(statement, prepared, kind, variables),
      conditionMatches(statement.Condition, prepared, variables),
    );
    if (effect === "Deny" && applies !== false) verdict.deny = true;
    if (effect === "Allow" && applies === true && principal !== "unknown") {
      if (principal === "direct" || verdict.grant === "none") verdict.grant = principal;
    }
  }
  return verdict;
}

type Element = { patterns: string[]; negated: boolean } | "missing" | "unknown";

function elementOf(statement: Record<string, unknown>, name: string, notName: string): Element {
  const plain = statement[name];
  const negated = statement[notName];
  if (plain !== undefined && negated !== undefined) return "unknown";
  if (plain === undefined && negated === undefined) return "missing";
  const patterns = stringsOf(plain ?? negated);
  return patterns ? { patterns, negated: plain === undefined } : "unknown";
}

function actionMatches(statement: Record<string, unknown>, action: string): Tri {
  const element = elementOf(statement, "Action", "NotAction");
  if (element === "missing" || element === "unknown") return "unknown";
  const listed = element.patterns.some(
    (pattern) =>
      pattern === "*" || (pattern.includes(":") && globRegex([pattern], true).test(action)),
  );
  return element.negated ? !listed : listed;
}

function resourceMatches(
  statement: Record<string, unknown>,
  prepared: Prepared,
  kind: PolicyKind,
  variables: boolean,
): Tri {
  const element = elementOf(statement, "Resource", "NotResource");
  // A resource-based policy without Resource (a trust policy) is about the resource it is on.
  if (element === "missing") return kind === "resource" ? true : "unknown";
  if (element === "unknown") return "unknown";
  const listed = or(
    element.patterns.map((pattern) =>
      arnMatches(pattern, prepared.request.resource, prepared, variables),
    ),
  );
  return element.negated ? not(listed) : listed;
}

/**
 * For a Deny, NotPrincipal spares the caller only if it lists the session, its role and its
 * account (as IAM documents for role sessions); a partial list makes the statement undecidable.
 */
function principalMatch(
  statement: Record<string, unknown>,
  principal: RequestPrincipal,
): Grant | "unknown" {
  const named = statement.Principal;
  const excluded = statement.NotPrincipal;
  if ((named === undefined) === (excluded === undefined)) return "unknown";
  const matches = principalValues(named ?? excluded, principal);
  if (matches === "unknown") return "unknown";
  if (named !== undefined) {
    if (matches.includes("direct")) return "direct";
    if (matches.includes("account")) return "account";
    return matches.includes("unknown") ? "unknown" : "none";
  }
  if (matches.includes("unknown")) return "unknown";
  const identities: ValueMatch[] =
    principal.kind === "role-session" ? ["direct-session", "direct-role", "account"] : ["direct"];
  const listed = identities.filter((identity) => matches.includes(identity)).length;
  if (listed === 0) return "direct";
  return listed === identities.length ? "none" : "unknown";
}

type ValueMatch = "direct" | "direct-session" | "direct-role" | "account" | "unknown" | "none";

/** Which of the caller's identities each value of a Principal element names. */
function principalValues(element: unknown, principal: RequestPrincipal): ValueMatch[] | "unknown" {
  if (element === "*") return ["direct", "direct-session", "direct-role", "account"];
  if (!isRecord(element)) return "unknown";
  const matches: ValueMatch[] = [];
  for (const [type, value] of Object.entries(element)) {
    const values = stringsOf(value);
    if (!values) return "unknown";
    for (const text of values) {
      if (type === "AWS" && text === "*") {
        matches.push("direct", "direct-session", "direct-role", "account");
      } else if (text.includes("*") || text.includes("?")) {
        matches.push("unknown");
      } else if (type === "AWS" && principal.kind === "role-session") {
        if (text === principal.sessionArn) matches.push("direct", "direct-session");
        else if (text === principal.roleArn) matches.push("direct", "direct-role");
        else if (
          text === principal.accountId ||
          text === `arn:aws:iam::${principal.accountId}:root`
        )
          matches.push("account");
      } else if (type === "Service" && principal.kind === "service") {
        if (text.toLowerCase() === principal.service.toLowerCase()) matches.push("direct");
      }
    }
  }
  return matches;
}

type Piece = { text: string; literal: boolean };

/**
 * A policy string with its variables (policy version 2012-10-17) filled in from the request;
 * wildcards stay wildcards only in the policy's own text. "absent": a variable names a key the
 * request does not have, so the string matches nothing.
 */
function expand(
  text: string,
  prepared: Prepared,
  variables: boolean,
): Piece[] | "absent" | "unknown" {
  if (!variables || !text.includes("${")) return [{ text, literal: false }];
  const pieces: Piece[] = [];
  let rest = text;
  for (let start = rest.indexOf("${"); start >= 0; start = rest.indexOf("${")) {
    const end = rest.indexOf("}", start);
    if (end < 0) return "unknown";
    pieces.push({ text: rest.slice(0, start), literal: false });
    const name = rest.slice(start + 2, end);
    if (name === "*" || name === "?" || name === "$") {
      pieces.push({ text: name, literal: true });
    } else {
      if (!/^[A-Za-z0-9:_\-/.]+$/.test(name)) return "unknown";
      const values = lookUp(prepared, name);
      if (values === "unknown" || values === "absent") return values;
      if (values.length !== 1) return "unknown";
      pieces.push({ text: values[0] ?? "", literal: true });
    }
    rest = rest.slice(end + 1);
  }
  pieces.push({ text: rest, literal: false });
  return pieces;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

function globRegex(pieces: (string | Piece)[], ignoreCase: boolean, arnSegments = false): RegExp {
  let colons = 0;
  const source = pieces
    .map((piece) => (typeof piece === "string" ? { text: piece, literal: false } : piece))
    .map(({ text, literal }) =>
      literal
        ? escapeRegex(text)
        : [...text]
            .map((character) => {
              // In an ARN, wildcards before the resource part stay inside their segment.
              const within = arnSegments && colons < 5 ? "[^:]" : "[\\s\\S]";
              if (character === ":") colons += 1;
              if (character === "*") return `${within}*`;
              if (character === "?") return within;
              return escapeRegex(character);
            })
            .join(""),
    )
    .join("");
  return new RegExp(`^${source}$`, ignoreCase ? "i" : "");
}

/** Case-sensitive, each of the six colon-separated ARN parts matched on its own. */
function arnMatches(pattern: string, arn: string, prepared: Prepared, variables: boolean): Tri {
  if (pattern === "*") return true;
  const pieces = expand(pattern, prepared, variables);
  if (pieces === "absent") return false;
  if (pieces === "unknown") return "unknown";
  const separators = pieces
    .filter(({ literal }) => !literal)
    .reduce((count, { text }) => count + text.split(":").length - 1, 0);
  if (separators < 5) return "unknown";
  return globRegex(pieces, false, true).test(arn);
}

type ValueTest = (
  requestValue: string,
  policyValue: string,
  prepared: Prepared,
  variables: boolean,
) => Tri;

function textOf(policyValue: string, prepared: Prepared, variables: boolean) {
  const pieces = expand(policyValue, prepared, variables);
  return typeof pieces === "string" ? pieces : pieces.map(({ text }) => text).join("");
}

const stringEquals: ValueTest = (requestValue, policyValue, prepared, variables) => {
  const text = textOf(policyValue, prepared, variables);
  return text === "unknown" ? text : text !== "absent" && text === requestValue;
};

const stringEqualsIgnoreCase: ValueTest = (requestValue, policyValue, prepared, variables) => {
  const text = textOf(policyValue, prepared, variables);
  if (text === "unknown") return text;
  return text !== "absent" && text.toLowerCase() === requestValue.toLowerCase();
};

const stringLike: ValueTest = (requestValue, policyValue, prepared, variables) => {
  const pieces = expand(policyValue, prepared, variables);
  if (pieces === "unknown") return pieces;
  return pieces !== "absent" && globRegex(pieces, false).test(requestValue);
};

const arnLike: ValueTest = (requestValue, policyValue, prepared, variables) =>
  arnMatches(policyValue, requestValue, prepared, variables);

function parseNumber(text: string): number | undefined {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.trim()) ? Number(text) : undefined;
}

/** ISO 8601 (UTC unless it says otherwise) or seconds since the epoch. */
function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      trimmed,
    );
  if (!match) return undefined;
  const [, day = "", time, zone] = match;
  const normalisedZone = !zone || zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const parsed = Date.parse(time ? `${day}T${time}${normalisedZone}` : `${day}T00:00:00Z`);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function compared(
  parse: (text: string) => number | undefined,
  holds: (request: number, policy: number) => boolean,
): ValueTest {
  return (requestValue, policyValue) => {
    const request = parse(requestValue);
    const policy = parse(policyValue);
    return request === undefined || policy === undefined ? "unknown" : holds(request, policy);
  };
}

const boolEquals: ValueTest = (requestValue, policyValue) => {
  const policy = policyValue.toLowerCase();
  if (policy !== "true" && policy !== "false") return "unknown";
  return requestValue.toLowerCase() === policy;
};

const equal = (a: number, b: number) => a === b;
const less = (a: number, b: number) => a < b;
const lessOrEqual = (a: number, b: number) => a <= b;
const greater = (a: number, b: number) => a > b;
const greaterOrEqual = (a: number, b: number) => a >= b;

/** Negated operators hold when no policy value matches, and when the key is absent. */
const OPERATORS: Record<string, { test: ValueTest; negated: boolean }> = {
  StringEquals: { test: stringEquals, negated: false },
  StringNotEquals: { test: stringEquals, negated: true },
  StringEqualsIgnoreCase: { test: stringEqualsIgnoreCase, negated: false },
  StringNotEqualsIgnoreCase: { test: stringEqualsIgnoreCase, negated: true },
  StringLike: { test: stringLike, negated: false },
  StringNotLike: { test: stringLike, negated: true },
  NumericEquals: { test: compared(parseNumber, equal), negated: false },
  NumericNotEquals: { test: compared(parseNumber, equal), negated: true },
  NumericLessThan: { test: compared(parseNumber, less), negated: false },
  NumericLessThanEquals: { test: compared(parseNumber, lessOrEqual), negated: false },
  NumericGreaterThan: { test: compared(parseNumber, greater), negated: false },
  NumericGreaterThanEquals: { test: compared(parseNumber, greaterOrEqual), negated: false },
  DateEquals: { test: compared(parseDate, equal), negated: false },
  DateNotEquals: { test: compared(parseDate, equal), negated: true },
  DateLessThan: { test: compared(parseDate, less), negated: false },
  DateLessThanEquals: { test: compared(parseDate, lessOrEqual), negated: false },
  DateGreaterThan: { test: compared(parseDate, greater), negated: false },
  DateGreaterThanEquals: { test: compared(parseDate, greaterOrEqual), negated: false },
  Bool: { test: boolEquals, negated: false },
  ArnEquals: { test: arnLike, negated: false },
  ArnLike: { test: arnLike, negated: false },
  ArnNotEquals: { test: arnLike, negated: true },
  ArnNotLike: { test: arnLike, negated: true },
};

function conditionMatches(condition: unknown, prepared: Prepared, variables: boolean): Tri {
  if (condition === undefined) return true;
  if (!isRecord(condition)) return "unknown";
  return and(
    ...Object.entries(condition).map(([operator, block]) =>
      isRecord(block)
        ? and(
            ...Object.entries(block).map(([key, policyValue]) =>
              keyMatches(operator, key, policyValue, prepared, variables),
            ),
          )
        : "unknown",
    ),
  );
}

function keyMatches(
  operatorName: string,
  key: string,
  policyValue: unknown,
  prepared: Prepared,
  variables: boolean,
): Tri {
  const [, set, base = "", ifExists] =
    /^(?:(ForAllValues|ForAnyValue):)?(.+?)(IfExists)?$/.exec(operatorName) ?? [];
  const policyValues = (Array.isArray(policyValue) ? policyValue : [policyValue]).map((value) =>
    ["string", "number", "boolean"].includes(typeof value) ? String(value) : undefined,
  );
  const values = lookUp(prepared, key);
  if (values === "unknown" || policyValues.length === 0 || policyValues.includes(undefined)) {
    return "unknown";
  }
  const expected = policyValues as string[];
  if (base === "Null") {
    if (set || ifExists || !expected.every((value) => /^(true|false)$/i.test(value))) {
      return "unknown";
    }
    return expected.some((value) => (value.toLowerCase() === "true") === (values === "absent"));
  }
  const operator = OPERATORS[base];
  if (!operator) return "unknown";
  if (values === "absent") {
    if (ifExists || set === "ForAllValues") return true;
    return set === "ForAnyValue" ? false : operator.negated;
  }
  const holdsFor = (value: string) => {
    const matched = or(expected.map((policy) => operator.test(value, policy, prepared, variables)));
    return operator.negated ? not(matched) : matched;
  };
  if (set === "ForAllValues") return and(...values.map(holdsFor));
  if (set === "ForAnyValue") return or(values.map(holdsFor));
  return values.length === 1 ? holdsFor(values[0] ?? "") : "unknown";
}
