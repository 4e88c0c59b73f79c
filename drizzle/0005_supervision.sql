CREATE TABLE `outbox` (
	`petition_id` text NOT NULL,
	`seq` integer NOT NULL,
	`recipient_role` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	PRIMARY KEY(`petition_id`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `outbox_unsent_idx` ON `outbox` (`sent_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `petition_urges` (
	`petition_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`unit_id` text,
	`issued_at` integer NOT NULL,
	`due_at` integer,
	`answered_at` integer,
	`overdue_at` integer,
	PRIMARY KEY(`petition_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `petition_urges_unit_issued_idx` ON `petition_urges` (`unit_id`,`issued_at`,`kind`,`overdue_at`);--> statement-breakpoint
ALTER TABLE `petitions` ADD `escalated_leader_id` text;--> statement-breakpoint
ALTER TABLE `petitions` ADD `escalation_proposed` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `petitions_leader_received_idx` ON `petitions` (`escalated_leader_id`,`received_at`,`num`);--> statement-breakpoint
CREATE INDEX `petitions_proposed_received_idx` ON `petitions` (`escalation_proposed`,`received_at`,`num`);