CREATE TABLE "notification_deliveries" (
	"petition_id" text NOT NULL,
	"seq" integer NOT NULL,
	"recipient" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"attempts" integer NOT NULL,
	"last_error" text,
	"held_until" bigint,
	"sent_at" bigint,
	"message_id" text,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "notification_deliveries_petition_id_seq_recipient_channel_pk" PRIMARY KEY("petition_id","seq","recipient","channel")
);
