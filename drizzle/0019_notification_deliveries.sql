CREATE TABLE `notification_deliveries` (
	`petition_id` text NOT NULL,
	`seq` integer NOT NULL,
	`recipient` text NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`attempts` integer NOT NULL,
	`last_error` text,
	`held_until` integer,
	`sent_at` integer,
	`message_id` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`petition_id`, `seq`, `recipient`, `channel`)
);
