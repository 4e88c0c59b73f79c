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
CREATE TABLE `petition_appeals` (
	`petition_id` text NOT NULL,
	`level` text NOT NULL,
	`requested_at` integer NOT NULL,
	`unit_id` text NOT NULL,
	PRIMARY KEY(`petition_id`, `level`)
);
--> statement-breakpoint
CREATE TABLE `petition_deadlines` (
	`petition_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`kind` text NOT NULL,
	`unit_id` text,
	`started_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`paused_ms` integer NOT NULL,
	`warned_at` integer,
	`met_at` integer,
	`overdue_at` integer,
	`lapsed_at` integer,
	PRIMARY KEY(`petition_id`, `ordinal`)
);
--> statement-breakpoint
CREATE INDEX `petition_deadlines_kind_due_idx` ON `petition_deadlines` (`kind`,`due_at`);--> statement-breakpoint
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
CREATE TABLE `petition_ratings` (
	`petition_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`target` text NOT NULL,
	`level` text NOT NULL,
	`unit_id` text,
	`at` integer NOT NULL,
	PRIMARY KEY(`petition_id`, `ordinal`)
);
--> statement-breakpoint
CREATE INDEX `petition_ratings_at_idx` ON `petition_ratings` (`at`,`target`);--> statement-breakpoint
CREATE TABLE `petitions` (
	`num` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
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
	`is_first_time` integer NOT NULL,
	`repeat_of` text,
	`received_at` integer NOT NULL,
	`registered_at` integer NOT NULL,
	`accepted_at` integer,
	`handling_due_at` integer,
	`delivered_at` integer,
	`review_requested` integer NOT NULL,
	`closed_at` integer,
	`due_at` integer,
	`overdue` integer NOT NULL,
	`due_soon` integer NOT NULL,
	`last_seq` integer NOT NULL,
	`state_json` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `petitions_id_unique` ON `petitions` (`id`);--> statement-breakpoint
CREATE INDEX `petitions_received_idx` ON `petitions` (`received_at`,`num`);--> statement-breakpoint
CREATE INDEX `petitions_due_idx` ON `petitions` (`due_at`,`num`);--> statement-breakpoint
CREATE INDEX `petitions_unit_received_idx` ON `petitions` (`unit_id`,`received_at`,`num`);--> statement-breakpoint
CREATE INDEX `petitions_review_unit_received_idx` ON `petitions` (`review_unit_id`,`received_at`,`num`);--> statement-breakpoint
CREATE INDEX `petitions_unit_overdue_idx` ON `petitions` (`unit_id`,`overdue`,`received_at`,`num`);--> statement-breakpoint
CREATE INDEX `petitions_status_idx` ON `petitions` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `petitions_repeat_idx` ON `petitions` (`petitioner_key`,`matter_key`);--> statement-breakpoint
CREATE INDEX `petitions_repeat_of_idx` ON `petitions` (`repeat_of`);--> statement-breakpoint
CREATE INDEX `petitions_overdue_idx` ON `petitions` (`overdue`,`unit_id`);--> statement-breakpoint
CREATE INDEX `petitions_stats_due_idx` ON `petitions` (`handling_due_at`,`unit_id`,`delivered_at`);--> statement-breakpoint
CREATE INDEX `petitions_stats_delivered_idx` ON `petitions` (`delivered_at`,`unit_id`,`handling_due_at`);--> statement-breakpoint
CREATE INDEX `petitions_stats_registered_idx` ON `petitions` (`registered_at`,`unit_id`,`is_repeat`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` text
);
