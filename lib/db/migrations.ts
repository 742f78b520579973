import { sql, type Kysely, type Migration, type MigrationProvider } from "kysely";

// Written in the dialect-neutral subset Kysely offers, so the same migrations run on SQLite and PostgreSQL.
const migrations: Record<string, Migration> = {
  "0001_foundation": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("instructors")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("join_code", "text", (c) => c.notNull().unique())
        .addColumn("region", "text", (c) => c.notNull())
        .addColumn("ends_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.references("instructors.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("attendees")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("event_id", "text", (c) =>
          c.notNull().references("events.id").onDelete("cascade"),
        )
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("email", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("attendees_event").on("attendees").column("event_id").execute();
      await db.schema
        .createTable("aws_credentials")
        .addColumn("attendee_id", "text", (c) =>
          c.primaryKey().references("attendees.id").onDelete("cascade"),
        )
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("principal_arn", "text", (c) => c.notNull())
        .addColumn("region", "text", (c) => c.notNull())
        .addColumn("ciphertext", "text", (c) => c.notNull())
        .addColumn("iv", "text", (c) => c.notNull())
        .addColumn("tag", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("step_status")
        .addColumn("attendee_id", "text", (c) =>
          c.notNull().references("attendees.id").onDelete("cascade"),
        )
        .addColumn("step_id", "text", (c) => c.notNull())
        .addColumn("module_id", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("items_json", "text", (c) => c.notNull())
        .addColumn("first_checked_at", "text", (c) => c.notNull())
        .addColumn("last_checked_at", "text", (c) => c.notNull())
        .addColumn("passed_at", "text")
        .addColumn("fail_count", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("step_status_pk", ["attendee_id", "step_id"])
        .execute();
      await db.schema
        .createTable("activity")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("attendee_id", "text", (c) =>
          c.notNull().references("attendees.id").onDelete("cascade"),
        )
        .addColumn("step_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("activity_attendee_step")
        .on("activity")
        .columns(["attendee_id", "step_id"])
        .execute();
      await db.schema
        .createTable("secret_downloads")
        .addColumn("token", "text", (c) => c.primaryKey())
        .addColumn("attendee_id", "text", (c) =>
          c.notNull().references("attendees.id").onDelete("cascade"),
        )
        .addColumn("filename", "text", (c) => c.notNull())
        .addColumn("ciphertext", "text", (c) => c.notNull())
        .addColumn("iv", "text", (c) => c.notNull())
        .addColumn("tag", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0002_step_memory": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("step_memory")
        .addColumn("attendee_id", "text", (c) =>
          c.notNull().references("attendees.id").onDelete("cascade"),
        )
        .addColumn("step_id", "text", (c) => c.notNull())
        .addColumn("value_json", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("step_memory_pk", ["attendee_id", "step_id"])
        .execute();
    },
  },
  "0003_app_services": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("events").addColumn("shared_domain", "text").execute();
      await db.schema.alterTable("events").addColumn("shared_zone_id", "text").execute();
      await db.schema.alterTable("events").addColumn("instructor_account_id", "text").execute();
      await db.schema.alterTable("events").addColumn("crossaccount_role", "text").execute();
      await db.schema.alterTable("attendees").addColumn("initials", "text").execute();
      await db.schema
        .createIndex("attendees_event_initials")
        .on("attendees")
        .columns(["event_id", "initials"])
        .unique()
        .execute();
      await db.schema
        .createTable("attendee_addresses")
        .addColumn("attendee_id", "text", (c) =>
          c.notNull().references("attendees.id").onDelete("cascade"),
        )
        .addColumn("event_id", "text", (c) => c.notNull())
        .addColumn("public_ip", "text", (c) => c.notNull())
        .addColumn("seen_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("attendee_addresses_pk", ["attendee_id", "public_ip"])
        .execute();
      await db.schema
        .createIndex("attendee_addresses_by_ip")
        .on("attendee_addresses")
        .columns(["event_id", "public_ip"])
        .execute();
    },
  },
  "0004_status_store": {
    async up(db: Kysely<unknown>) {
      // The second level of the status store: what another instance and the instructor grid read.
      await db.schema
        .createTable("module_status")
        .addColumn("attendee_id", "text", (c) =>
          c.notNull().references("attendees.id").onDelete("cascade"),
        )
        .addColumn("module_id", "text", (c) => c.notNull())
        .addColumn("status_json", "text", (c) => c.notNull())
        .addColumn("checked_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("module_status_pk", ["attendee_id", "module_id"])
        .execute();
    },
  },
  "0005_audit_log": {
    async up(db: Kysely<unknown>) {
      // No foreign keys: the record of what was done in someone's AWS outlives their row.
      await db.schema
        .createTable("audit_log")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("event_id", "text", (c) => c.notNull())
        .addColumn("actor_kind", "text", (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.notNull())
        .addColumn("attendee_id", "text", (c) => c.notNull())
        .addColumn("account_id", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("step_id", "text")
        .addColumn("entry_id", "text")
        .addColumn("entry_kind", "text")
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("error_code", "text")
        .addColumn("aws_requests", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("audit_log_event")
        .on("audit_log")
        .columns(["event_id", "created_at"])
        .execute();
    },
  },
  "0008_shared_state": {
    async up(db: Kysely<unknown>) {
      // What several portal instances must agree on: who holds an account's do-it-for-me, who runs a
      // periodic sweep, and every limiter's recent events.
      await db.schema
        .createTable("leases")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("holder", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("rate_events")
        .addColumn("limiter", "text", (c) => c.notNull())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("rate_events_by_key")
        .on("rate_events")
        .columns(["limiter", "key", "at"])
        .execute();
      await db.schema.createIndex("rate_events_by_time").on("rate_events").column("at").execute();
      // Where the attendee last came from: a background refresh checks "My IP" rules against it.
      await db.schema.alterTable("attendees").addColumn("last_client_ip", "text").execute();
    },
  },
  "0006_cleanup_runs": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("cleanup_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("event_id", "text", (c) =>
          c.notNull().references("events.id").onDelete("cascade"),
        )
        .addColumn("instructor_id", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .execute();
      await db.schema
        .createIndex("cleanup_runs_event")
        .on("cleanup_runs")
        .columns(["event_id", "created_at"])
        .execute();
      await db.schema
        .createTable("cleanup_run_attendees")
        .addColumn("run_id", "text", (c) =>
          c.notNull().references("cleanup_runs.id").onDelete("cascade"),
        )
        .addColumn("attendee_id", "text", (c) => c.notNull())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("deleted", "integer", (c) => c.notNull())
        .addColumn("left_over", "integer", (c) => c.notNull())
        .addColumn("report_json", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("cleanup_run_attendees_pk", ["run_id", "attendee_id"])
        .execute();
    },
  },
  "0007_instructor_console": {
    async up(db: Kysely<unknown>) {
      const events = () => db.schema.alterTable("events");
      await events().addColumn("starts_at", "text").execute();
      await events()
        .addColumn("language", "text", (c) => c.notNull().defaultTo("ko"))
        .execute();
      await events()
        .addColumn("joining_open", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      await events().addColumn("attendee_cap", "integer").execute();
      await events()
        .addColumn("aws_mode", "text", (c) => c.notNull().defaultTo("sandbox"))
        .execute();
      await events().addColumn("role_arn_template", "text").execute();
      await events().addColumn("external_id", "text").execute();
      await events().addColumn("modules_enabled", "text").execute();
      await events().addColumn("timer_ends_at", "text").execute();
      await events().addColumn("timer_paused_ms", "integer").execute();
      await db.schema
        .alterTable("attendees")
        .addColumn("timer_extra_ms", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable("event_instructors")
        .addColumn("event_id", "text", (c) =>
          c.notNull().references("events.id").onDelete("cascade"),
        )
        .addColumn("instructor_id", "text", (c) =>
          c.notNull().references("instructors.id").onDelete("cascade"),
        )
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("added_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("event_instructors_pk", ["event_id", "instructor_id"])
        .execute();
      await db.schema
        .createIndex("event_instructors_by_instructor")
        .on("event_instructors")
        .column("instructor_id")
        .execute();
      await sql`insert into event_instructors (event_id, instructor_id, role, added_at)
        select id, created_by, 'owner', created_at from events where created_by is not null`.execute(
        db,
      );
      await db.schema
        .createTable("broadcasts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("event_id", "text", (c) =>
          c.notNull().references("events.id").onDelete("cascade"),
        )
        .addColumn("instructor_id", "text")
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("broadcasts_event")
        .on("broadcasts")
        .columns(["event_id", "created_at"])
        .execute();
      await db.schema
        .createTable("help_requests")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("event_id", "text", (c) =>
          c.notNull().references("events.id").onDelete("cascade"),
        )
        .addColumn("attendee_id", "text", (c) =>
          c.notNull().references("attendees.id").onDelete("cascade"),
        )
        .addColumn("step_id", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("resolved_at", "text")
        .addColumn("resolved_by", "text")
        .execute();
      await db.schema
        .createIndex("help_requests_event")
        .on("help_requests")
        .columns(["event_id", "resolved_at"])
        .execute();
    },
  },
  "0008_instructor_invites": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("instructor_invites")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("event_id", "text", (c) =>
          c.notNull().references("events.id").onDelete("cascade"),
        )
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("invited_by", "text", (c) => c.references("instructors.id").onDelete("set null"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
      await db.schema
        .createIndex("instructor_invites_event")
        .on("instructor_invites")
        .column("event_id")
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
