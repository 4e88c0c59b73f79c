DROP INDEX `petition_ratings_at_idx`;--> statement-breakpoint
ALTER TABLE `petition_ratings` ADD `latest` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `petition_ratings_unit_at_idx` ON `petition_ratings` (`unit_id`,`at`,`target`,`latest`,`level`);--> statement-breakpoint
CREATE INDEX `petition_ratings_at_idx` ON `petition_ratings` (`at`,`target`,`latest`,`unit_id`,`level`);--> statement-breakpoint
DROP INDEX `petitions_stats_delivered_idx`;--> statement-breakpoint
ALTER TABLE `petitions` ADD `rated` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `petitions` ADD `repeated_at` integer;--> statement-breakpoint
CREATE INDEX `petitions_stats_unit_due_idx` ON `petitions` (`unit_id`,`handling_due_at`,`delivered_at`);--> statement-breakpoint
CREATE INDEX `petitions_stats_unit_delivered_idx` ON `petitions` (`unit_id`,`delivered_at`,`handling_due_at`,`channel`,`rated`,`is_first_time`,`review_requested`,`repeated_at`);--> statement-breakpoint
CREATE INDEX `petitions_stats_unit_registered_idx` ON `petitions` (`unit_id`,`registered_at`,`is_repeat`);--> statement-breakpoint
CREATE INDEX `petitions_stats_delivered_idx` ON `petitions` (`delivered_at`,`unit_id`,`handling_due_at`,`channel`,`rated`,`is_first_time`,`review_requested`,`repeated_at`);--> statement-breakpoint
-- Backfill the new flags for rows projected before them (new projections write them directly).
UPDATE `petition_ratings` SET `latest` = (`ordinal` = (SELECT max(r2.`ordinal`) FROM `petition_ratings` r2 WHERE r2.`petition_id` = `petition_ratings`.`petition_id` AND r2.`target` = `petition_ratings`.`target`));--> statement-breakpoint
UPDATE `petitions` SET `rated` = EXISTS (SELECT 1 FROM `petition_ratings` r WHERE r.`petition_id` = `petitions`.`id`);--> statement-breakpoint
UPDATE `petitions` SET `repeated_at` = (SELECT min(l.`registered_at`) FROM `petitions` l WHERE l.`registered_at` > `petitions`.`registered_at` AND (l.`repeat_of` = `petitions`.`id` OR (l.`petitioner_key` = `petitions`.`petitioner_key` AND l.`matter_key` = `petitions`.`matter_key`)));
