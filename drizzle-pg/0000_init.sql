CREATE TABLE "outbox" (
	"petition_id" text NOT NULL,
	"seq" integer NOT NULL,
	"recipient_role" text NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" bigint NOT NULL,
	"sent_at" bigint,
	CONSTRAINT "outbox_petition_id_seq_pk" PRIMARY KEY("petition_id","seq")
);
--> statement-breakpoint
CREATE TABLE "petition_appeals" (
	"petition_id" text NOT NULL,
	"level" text NOT NULL,
	"requested_at" bigint NOT NULL,
	"unit_id" text NOT NULL,
	CONSTRAINT "petition_appeals_petition_id_level_pk" PRIMARY KEY("petition_id","level")
);
--> statement-breakpoint
CREATE TABLE "petition_deadlines" (
	"petition_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"kind" text NOT NULL,
	"unit_id" text,
	"started_at" bigint NOT NULL,
	"due_at" bigint NOT NULL,
	"paused_ms" bigint NOT NULL,
	"warned_at" bigint,
	"met_at" bigint,
	"overdue_at" bigint,
	"lapsed_at" bigint,
	"provisional" boolean DEFAULT false NOT NULL,
	CONSTRAINT "petition_deadlines_petition_id_ordinal_pk" PRIMARY KEY("petition_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"petition_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" bigint NOT NULL,
	"actor_id" text,
	"actor_role" text,
	"note" text,
	"data_json" text NOT NULL,
	CONSTRAINT "petition_events_petition_id_seq_pk" PRIMARY KEY("petition_id","seq")
);
--> statement-breakpoint
CREATE TABLE "petition_ratings" (
	"petition_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"target" text NOT NULL,
	"level" text NOT NULL,
	"unit_id" text,
	"at" bigint NOT NULL,
	"latest" boolean DEFAULT false NOT NULL,
	CONSTRAINT "petition_ratings_petition_id_ordinal_pk" PRIMARY KEY("petition_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "petition_urges" (
	"petition_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"unit_id" text,
	"issued_at" bigint NOT NULL,
	"due_at" bigint,
	"answered_at" bigint,
	"overdue_at" bigint,
	CONSTRAINT "petition_urges_petition_id_id_pk" PRIMARY KEY("petition_id","id")
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"num" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "petitions_num_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" text NOT NULL,
	"workflow_id" text NOT NULL,
	"status" text NOT NULL,
	"stage" text NOT NULL,
	"unit_id" text,
	"review_unit_id" text,
	"acting_unit_id" text,
	"category" text NOT NULL,
	"accused_unit_id" text,
	"channel" text NOT NULL,
	"summary" text NOT NULL,
	"content" text NOT NULL,
	"petitioner_name" text NOT NULL,
	"petitioner_key" text NOT NULL,
	"matter_key" text,
	"is_repeat" boolean NOT NULL,
	"is_first_time" boolean NOT NULL,
	"repeat_of" text,
	"received_at" bigint NOT NULL,
	"registered_at" bigint NOT NULL,
	"accepted_at" bigint,
	"handling_due_at" bigint,
	"delivered_at" bigint,
	"handling_route" text,
	"forwarded_to" text,
	"direct" boolean DEFAULT false NOT NULL,
	"review_requested" boolean NOT NULL,
	"rated" boolean DEFAULT false NOT NULL,
	"repeated_at" bigint,
	"closed_at" bigint,
	"escalated_leader_id" text,
	"escalation_proposed" boolean DEFAULT false NOT NULL,
	"due_at" bigint,
	"overdue" boolean NOT NULL,
	"due_soon" boolean NOT NULL,
	"last_seq" integer NOT NULL,
	"state_json" text NOT NULL,
	"updated_at" bigint NOT NULL,
	"petitioner_id_number" text,
	"petitioner_phone" text,
	"petitioner_address" text,
	"due_paused" boolean DEFAULT false NOT NULL,
	CONSTRAINT "petitions_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "holiday_calendars" (
	"year" integer PRIMARY KEY NOT NULL,
	"holidays" jsonb NOT NULL,
	"working_weekends" jsonb NOT NULL,
	"source" text NOT NULL,
	"published_at" bigint,
	"published_by" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"fan_out_id" text
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"panel_id" text NOT NULL,
	"member_id" text NOT NULL,
	"petition_id" text NOT NULL,
	"verdict" text NOT NULL,
	"comment" text,
	"at" bigint NOT NULL,
	CONSTRAINT "evaluations_panel_id_member_id_petition_id_pk" PRIMARY KEY("panel_id","member_id","petition_id")
);
--> statement-breakpoint
CREATE TABLE "panel_cases" (
	"panel_id" text NOT NULL,
	"petition_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"verdict" text,
	"votes" integer NOT NULL,
	CONSTRAINT "panel_cases_panel_id_petition_id_pk" PRIMARY KEY("panel_id","petition_id")
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"panel_id" text NOT NULL,
	"member_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"attended" boolean NOT NULL,
	"present" boolean DEFAULT false NOT NULL,
	CONSTRAINT "panel_members_panel_id_member_id_pk" PRIMARY KEY("panel_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "panels" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"quorum" integer NOT NULL,
	"convened_at" bigint NOT NULL,
	"convened_by" text NOT NULL,
	"deadline_at" bigint NOT NULL,
	"closed_at" bigint,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personal_data_access_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "personal_data_access_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" bigint NOT NULL,
	"principal_id" text NOT NULL,
	"role" text NOT NULL,
	"petition_id" text NOT NULL,
	"outcome" text NOT NULL,
	"fields" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_days" (
	"day" integer NOT NULL,
	"unit_id" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"not_accepted" integer DEFAULT 0 NOT NULL,
	"registered" integer DEFAULT 0 NOT NULL,
	"repeats" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"first_time" integer DEFAULT 0 NOT NULL,
	"offline" integer DEFAULT 0 NOT NULL,
	"statutory_route" integer DEFAULT 0 NOT NULL,
	"not_disclosable" integer DEFAULT 0 NOT NULL,
	"eligible" integer DEFAULT 0 NOT NULL,
	"eligible_rated" integer DEFAULT 0 NOT NULL,
	"unit_ratings" integer DEFAULT 0 NOT NULL,
	"unit_satisfied" integer DEFAULT 0 NOT NULL,
	"bureau_ratings" integer DEFAULT 0 NOT NULL,
	"bureau_satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "statistics_days_day_unit_id_pk" PRIMARY KEY("day","unit_id")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"principal_id" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" text,
	"member_id" text,
	"label" text,
	"created_at" bigint DEFAULT (extract(epoch from clock_timestamp()) * 1000)::bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" text
);
--> statement-breakpoint
CREATE TABLE "petition_search" (
	"num" bigint PRIMARY KEY NOT NULL,
	"bigrams" text NOT NULL,
	"unigrams" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("sent_at","created_at");--> statement-breakpoint
CREATE INDEX "petition_deadlines_kind_due_idx" ON "petition_deadlines" USING btree ("kind","due_at","unit_id","met_at");--> statement-breakpoint
CREATE INDEX "petition_ratings_at_idx" ON "petition_ratings" USING btree ("at","target","latest","unit_id","level");--> statement-breakpoint
CREATE INDEX "petition_ratings_unit_at_idx" ON "petition_ratings" USING btree ("unit_id","at","target","latest","level");--> statement-breakpoint
CREATE INDEX "petition_urges_unit_issued_idx" ON "petition_urges" USING btree ("unit_id","issued_at","kind","overdue_at");--> statement-breakpoint
CREATE INDEX "petitions_received_idx" ON "petitions" USING btree ("received_at","num");--> statement-breakpoint
CREATE INDEX "petitions_due_idx" ON "petitions" USING btree ("due_at","num");--> statement-breakpoint
CREATE INDEX "petitions_unit_received_idx" ON "petitions" USING btree ("unit_id","received_at","num");--> statement-breakpoint
CREATE INDEX "petitions_review_unit_received_idx" ON "petitions" USING btree ("review_unit_id","received_at","num");--> statement-breakpoint
CREATE INDEX "petitions_unit_overdue_idx" ON "petitions" USING btree ("unit_id","overdue","received_at","num");--> statement-breakpoint
CREATE INDEX "petitions_status_idx" ON "petitions" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "petitions_leader_received_idx" ON "petitions" USING btree ("escalated_leader_id","received_at","num");--> statement-breakpoint
CREATE INDEX "petitions_proposed_received_idx" ON "petitions" USING btree ("escalation_proposed","received_at","num");--> statement-breakpoint
CREATE INDEX "petitions_repeat_idx" ON "petitions" USING btree ("petitioner_key","matter_key","registered_at");--> statement-breakpoint
CREATE INDEX "petitions_repeat_of_idx" ON "petitions" USING btree ("repeat_of","registered_at");--> statement-breakpoint
CREATE INDEX "petitions_overdue_idx" ON "petitions" USING btree ("overdue","unit_id");--> statement-breakpoint
CREATE INDEX "petitions_accused_idx" ON "petitions" USING btree ("accused_unit_id");--> statement-breakpoint
CREATE INDEX "petitions_stats_due_idx" ON "petitions" USING btree ("handling_due_at","unit_id","delivered_at");--> statement-breakpoint
CREATE INDEX "petitions_stats_unit_due_idx" ON "petitions" USING btree ("unit_id","handling_due_at","delivered_at");--> statement-breakpoint
CREATE INDEX "petitions_stats_delivered_idx" ON "petitions" USING btree ("delivered_at","unit_id","handling_due_at","channel","rated","is_first_time","review_requested","repeated_at","category","handling_route","forwarded_to");--> statement-breakpoint
CREATE INDEX "petitions_stats_unit_delivered_idx" ON "petitions" USING btree ("unit_id","delivered_at","handling_due_at","channel","rated","is_first_time","review_requested","repeated_at","category","handling_route","forwarded_to");--> statement-breakpoint
CREATE INDEX "petitions_stats_received_idx" ON "petitions" USING btree ("received_at","unit_id","forwarded_to","delivered_at","status");--> statement-breakpoint
CREATE INDEX "petitions_stats_unit_received_idx" ON "petitions" USING btree ("unit_id","received_at","forwarded_to","delivered_at","status");--> statement-breakpoint
CREATE INDEX "petitions_stats_registered_idx" ON "petitions" USING btree ("registered_at","unit_id","is_repeat");--> statement-breakpoint
CREATE INDEX "petitions_stats_unit_registered_idx" ON "petitions" USING btree ("unit_id","registered_at","is_repeat");--> statement-breakpoint
CREATE INDEX "petitions_stats_received_open_idx" ON "petitions" USING btree ("received_at","unit_id","delivered_at","forwarded_to") WHERE forwarded_to IS NULL;--> statement-breakpoint
CREATE INDEX "petitions_stats_first_time_idx" ON "petitions" USING btree ("delivered_at","unit_id","repeated_at","is_first_time","review_requested") WHERE is_first_time AND NOT review_requested;--> statement-breakpoint
CREATE INDEX "panel_cases_petition_idx" ON "panel_cases" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "panel_members_member_idx" ON "panel_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "panels_closed_idx" ON "panels" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "personal_data_access_petition_idx" ON "personal_data_access_log" USING btree ("petition_id","id");--> statement-breakpoint
CREATE INDEX "personal_data_access_principal_idx" ON "personal_data_access_log" USING btree ("principal_id","id");--> statement-breakpoint
CREATE INDEX "petition_search_bigrams_idx" ON "petition_search" USING gin (array_to_tsvector(string_to_array("bigrams", ' ')));--> statement-breakpoint
CREATE INDEX "petition_search_unigrams_idx" ON "petition_search" USING gin (array_to_tsvector(string_to_array("unigrams", ' ')));