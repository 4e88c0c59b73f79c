CREATE TABLE `api_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`principal_id` text NOT NULL,
	`role` text NOT NULL,
	`unit_id` text,
	`member_id` text,
	`label` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `petition_events` (
	`petition_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor_role` text,
	`note` text,
	`data_json` text NOT NULL,
	PRIMARY KEY(`petition_id`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `petitions` (
	`id` text PRIMARY KEY NOT NULL,
	`workflow_id` text NOT NULL,
	`status` text NOT NULL,
	`stage` text NOT NULL,
	`unit_id` text,
	`review_unit_id` text,
	`acting_unit_id` text,
	`category` text NOT NULL,
	`channel` text NOT NULL,
	`summary` text NOT NULL,
	`content` text NOT NULL,
	`petitioner_name` text NOT NULL,
	`petitioner_key` text NOT NULL,
	`matter_key` text,
	`is_repeat` integer NOT NULL,
	`repeat_of` text,
	`received_at` integer NOT NULL,
	`registered_at` integer NOT NULL,
	`accepted_at` integer,
	`delivered_at` integer,
	`closed_at` integer,
	`due_at` integer,
	`overdue` integer NOT NULL,
	`due_soon` integer NOT NULL,
	`last_seq` integer NOT NULL,
	`state_json` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `petitions_status_idx` ON `petitions` (`status`);--> statement-breakpoint
CREATE INDEX `petitions_unit_idx` ON `petitions` (`unit_id`);--> statement-breakpoint
CREATE INDEX `petitions_received_idx` ON `petitions` (`received_at`);--> statement-breakpoint
CREATE INDEX `petitions_due_idx` ON `petitions` (`due_at`);--> statement-breakpoint
CREATE INDEX `petitions_review_unit_idx` ON `petitions` (`review_unit_id`);--> statement-breakpoint
CREATE INDEX `petitions_repeat_idx` ON `petitions` (`petitioner_key`,`matter_key`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` text
);
