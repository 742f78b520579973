import "server-only";
import { EventEmitter } from "node:events";
import { sql } from "kysely";
import pg from "pg";
import { databaseKind, urlOf, type PortalDb } from "@/lib/db/connection";
import { log } from "@/lib/log";

/**
 * "Something changed, read it again": what one portal instance tells every other one sharing the
 * database (PostgreSQL LISTEN/NOTIFY), and itself. On SQLite there is only one instance, so an
 * in-process emitter is all there is. Payloads are keys, never data: listeners re-read the rows.
 */
export type ChangeTopic = "status" | "event";

const CHANNEL = "aws101_changes";

type Feed = { emitter: EventEmitter; listener?: Promise<pg.Client> };

type Feeds = { byUrl: Map<string, Feed>; byConnection: WeakMap<PortalDb, Feed> };

// One per process: every PostgreSQL connection to a URL shares one listener; each SQLite
// connection (tests open many in memory) has its own feed.
const feeds = ((globalThis as { __aws101ChangeFeeds?: Feeds }).__aws101ChangeFeeds ??= {
  byUrl: new Map(),
  byConnection: new WeakMap(),
});

function newFeed(): Feed {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return { emitter };
}

function feedFor(db: PortalDb): Feed {
  const url = urlOf(db);
  const postgres = databaseKind(url) === "postgres";
  let feed = postgres ? feeds.byUrl.get(url) : feeds.byConnection.get(db);
  if (!feed) {
    feed = newFeed();
    if (postgres) feeds.byUrl.set(url, feed);
    else feeds.byConnection.set(db, feed);
  }
  return feed;
}

const parsePayload = (payload: string): [ChangeTopic, string] | undefined => {
  const split = payload.indexOf(":");
  const topic = payload.slice(0, split);
  return topic === "status" || topic === "event" ? [topic, payload.slice(split + 1)] : undefined;
};

async function connectListener(url: string, feed: Feed): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("notification", (message) => {
    const parsed = message.payload ? parsePayload(message.payload) : undefined;
    if (parsed) feed.emitter.emit(parsed[0], parsed[1]);
  });
  client.on("error", (error) => {
    log().warn({ err: error }, "change feed connection lost; reconnecting");
    feed.listener = undefined;
    // Whatever changed while we were away is re-read by the listeners' own refreshes.
    if (feed.emitter.eventNames().length > 0) void ensureListening(url, feed);
  });
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  return client;
}

function ensureListening(url: string, feed: Feed) {
  feed.listener ??= connectListener(url, feed).catch((error: unknown) => {
    feed.listener = undefined;
    throw error;
  });
  return feed.listener;
}

/** Tells every instance (this one included) that `key` of `topic` changed. */
export async function publishChange(db: PortalDb, topic: ChangeTopic, key: string) {
  if (databaseKind(urlOf(db)) === "sqlite") {
    feedFor(db).emitter.emit(topic, key);
    return;
  }
  await sql`select pg_notify(${CHANNEL}, ${`${topic}:${key}`})`.execute(db);
}

/** Calls `listener` with the key of every change of `topic`, from any instance. */
export async function subscribeChanges(
  db: PortalDb,
  topic: ChangeTopic,
  listener: (key: string) => void,
): Promise<() => void> {
  const url = urlOf(db);
  const feed = feedFor(db);
  if (databaseKind(url) === "postgres") await ensureListening(url, feed);
  feed.emitter.on(topic, listener);
  return () => feed.emitter.off(topic, listener);
}

/** Closes the listening connection (tests, shutdown). */
export async function closeChangeFeed(db: PortalDb) {
  const feed = feeds.byUrl.get(urlOf(db));
  feeds.byUrl.delete(urlOf(db));
  const client = await feed?.listener?.catch(() => undefined);
  await client?.end();
}
