CREATE TABLE "petition_materials" (
	"petition_id" text NOT NULL,
	"hash" text NOT NULL,
	"ordinal" integer NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"uploaded_at" bigint NOT NULL,
	"uploaded_by" text NOT NULL,
	CONSTRAINT "petition_materials_petition_id_hash_pk" PRIMARY KEY("petition_id","hash")
);
--> statement-breakpoint
CREATE INDEX "petition_materials_hash_idx" ON "petition_materials" USING btree ("hash");