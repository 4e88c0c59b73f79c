CREATE TABLE "notification_reads" (
	"principal_id" text NOT NULL,
	"petition_id" text NOT NULL,
	"seq" integer NOT NULL,
	"read_at" bigint NOT NULL,
	CONSTRAINT "notification_reads_principal_id_petition_id_seq_pk" PRIMARY KEY("principal_id","petition_id","seq")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"petition_id" text NOT NULL,
	"seq" integer NOT NULL,
	"recipient" text NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_recipient_idx" ON "notifications" USING btree ("petition_id","seq","recipient");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient","id");--> statement-breakpoint
-- The supervisors' outbox becomes their notifications: the same events, in the words of
-- domain/petition/notices.ts, without the summary the outbox quoted (a supervisor reads the petitioner masked).
-- Older events are not addressed to units now: a unit's list starts with the events after this migration.
INSERT INTO "notifications" ("petition_id", "seq", "recipient", "kind", "message", "created_at")
SELECT o."petition_id", o."seq", 'ROLE:SUPERVISOR', o."kind",
  '信访事项 ' || o."petition_id" || CASE o."kind"
    WHEN 'URGED' THEN CASE e."data_json"::jsonb ->> 'kind'
      WHEN 'REMINDER' THEN ' 期限将至，已自动催办'
      WHEN 'SUPERVISION' THEN ' 已逾期，已自动督办'
      ELSE ' 收到督办，请按期答复' END
    WHEN 'URGE_OVERDUE' THEN ' 的督办逾期未答复'
    WHEN 'OVERDUE' THEN ' 已超期'
    WHEN 'ESCALATION_PROPOSED' THEN ' 符合提级包案条件，建议提级'
    ELSE ' ' || o."kind" END,
  o."created_at"
FROM "outbox" o LEFT JOIN "petition_events" e ON e."petition_id" = o."petition_id" AND e."seq" = o."seq"
ORDER BY o."created_at", o."petition_id", o."seq";
