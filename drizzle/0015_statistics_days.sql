CREATE TABLE `statistics_days` (
	`day` integer NOT NULL,
	`unit_id` text NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`not_accepted` integer DEFAULT 0 NOT NULL,
	`registered` integer DEFAULT 0 NOT NULL,
	`repeats` integer DEFAULT 0 NOT NULL,
	`delivered` integer DEFAULT 0 NOT NULL,
	`on_time` integer DEFAULT 0 NOT NULL,
	`first_time` integer DEFAULT 0 NOT NULL,
	`offline` integer DEFAULT 0 NOT NULL,
	`statutory_route` integer DEFAULT 0 NOT NULL,
	`not_disclosable` integer DEFAULT 0 NOT NULL,
	`eligible` integer DEFAULT 0 NOT NULL,
	`eligible_rated` integer DEFAULT 0 NOT NULL,
	`unit_ratings` integer DEFAULT 0 NOT NULL,
	`unit_satisfied` integer DEFAULT 0 NOT NULL,
	`bureau_ratings` integer DEFAULT 0 NOT NULL,
	`bureau_satisfied` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `unit_id`)
);
--> statement-breakpoint
CREATE INDEX `petitions_stats_received_open_idx` ON `petitions` (`received_at`,`unit_id`,`delivered_at`,`forwarded_to`) WHERE forwarded_to IS NULL;--> statement-breakpoint
CREATE INDEX `petitions_stats_first_time_idx` ON `petitions` (`delivered_at`,`unit_id`,`repeated_at`,`is_first_time`,`review_requested`) WHERE is_first_time AND NOT review_requested;