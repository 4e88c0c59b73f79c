CREATE TABLE `evaluations` (
	`panel_id` text NOT NULL,
	`member_id` text NOT NULL,
	`petition_id` text NOT NULL,
	`verdict` text NOT NULL,
	`comment` text,
	`at` integer NOT NULL,
	PRIMARY KEY(`panel_id`, `member_id`, `petition_id`)
);
--> statement-breakpoint
CREATE TABLE `panel_cases` (
	`panel_id` text NOT NULL,
	`petition_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`verdict` text,
	`votes` integer NOT NULL,
	PRIMARY KEY(`panel_id`, `petition_id`)
);
--> statement-breakpoint
CREATE INDEX `panel_cases_petition_idx` ON `panel_cases` (`petition_id`);--> statement-breakpoint
CREATE TABLE `panel_members` (
	`panel_id` text NOT NULL,
	`member_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`attended` integer NOT NULL,
	PRIMARY KEY(`panel_id`, `member_id`)
);
--> statement-breakpoint
CREATE INDEX `panel_members_member_idx` ON `panel_members` (`member_id`);--> statement-breakpoint
CREATE TABLE `panels` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`quorum` integer NOT NULL,
	`convened_at` integer NOT NULL,
	`convened_by` text NOT NULL,
	`deadline_at` integer NOT NULL,
	`closed_at` integer,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `panels_closed_idx` ON `panels` (`closed_at`);