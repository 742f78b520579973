import "server-only";
import type { AwsClients } from "@/lib/aws/client";
import { readHealthCheckNames, readHealthChecks } from "@/lib/aws/monitoring";
import { readZoneRecords } from "@/lib/aws/route53";
import type { HealthCheckSummary, RecordSetSummary } from "@/lib/aws/types";
import type { SharedZone } from "@/lib/lab/app-services";

/** What the whole class has made in the instructor's account: one view shared by every attendee. */
export type ClassZoneView = {
  records: RecordSetSummary[];
  /** Every health check of the instructor's account, with its console Name. */
  healthChecks: HealthCheckSummary[];
};

/**
 * Route 53 allows five requests a second per account, and the class shares one account: the
 * zone is read once per interval for everybody, however many attendees watch.
 */
const VIEW_TTL_MS = 5_000;
/** Names change rarely (a rename in the console): re-read now and then, not on every view. */
const NAMES_TTL_MS = 5 * 60_000;

type ZoneState = {
  view?: { at: number; value: ClassZoneView };
  reading?: { generation: number; promise: Promise<ClassZoneView> };
  generation: number;
  names: { at: number; byId: Map<string, string | undefined> };
};

// Per process: one view of each class zone.
const zones = ((
  globalThis as { __aws101ClassZones?: Map<string, ZoneState> }
).__aws101ClassZones ??= new Map());

function zoneState(zoneId: string): ZoneState {
  let state = zones.get(zoneId);
  if (!state) {
    state = { generation: 0, names: { at: Date.now(), byId: new Map() } };
    zones.set(zoneId, state);
  }
  return state;
}

/** After a change through the portal, the next view reads the zone again, Names included. */
export function invalidateClassZone(zoneId: string) {
  const state = zoneState(zoneId);
  state.generation += 1;
  state.view = undefined;
  // A do-it-for-me may have just named a health check the view knew as unnamed.
  state.names = { at: Date.now(), byId: new Map() };
}

async function readView(aws: AwsClients, zone: SharedZone, state: ZoneState) {
  const [records, healthChecks] = await Promise.all([
    readZoneRecords(aws, zone.zoneId),
    readHealthChecks(aws),
  ]);
  if (Date.now() - state.names.at > NAMES_TTL_MS) state.names = { at: Date.now(), byId: new Map() };
  const unnamed = healthChecks
    .filter((check) => !state.names.byId.has(check.id))
    .map((check) => check.id);
  if (unnamed.length > 0) {
    for (const [id, name] of Object.entries(await readHealthCheckNames(aws, unnamed))) {
      state.names.byId.set(id, name);
    }
  }
  return {
    records,
    healthChecks: healthChecks.map((check) => ({ ...check, name: state.names.byId.get(check.id) })),
  };
}

/**
 * The class zone as of at most a few seconds ago, read with the session of whoever asks first
 * (any attendee the role admits sees the same zone).
 */
export async function classZoneView(aws: AwsClients, zone: SharedZone): Promise<ClassZoneView> {
  const state = zoneState(zone.zoneId);
  if (state.view && Date.now() - state.view.at < VIEW_TTL_MS) return state.view.value;
  if (state.reading && state.reading.generation === state.generation) return state.reading.promise;
  const generation = state.generation;
  const promise = readView(aws, zone, state);
  state.reading = { generation, promise };
  try {
    const value = await promise;
    if (state.generation === generation) state.view = { at: Date.now(), value };
    return value;
  } finally {
    if (state.reading?.promise === promise) state.reading = undefined;
  }
}
