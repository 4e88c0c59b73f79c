DROP INDEX `petitions_stats_delivered_idx`;--> statement-breakpoint
DROP INDEX `petitions_stats_unit_delivered_idx`;--> statement-breakpoint
CREATE INDEX `petitions_stats_received_idx` ON `petitions` (`received_at`,`unit_id`,`forwarded_to`,`delivered_at`,`status`);--> statement-breakpoint
CREATE INDEX `petitions_stats_unit_received_idx` ON `petitions` (`unit_id`,`received_at`,`forwarded_to`,`delivered_at`,`status`);--> statement-breakpoint
CREATE INDEX `petitions_stats_delivered_idx` ON `petitions` (`delivered_at`,`unit_id`,`handling_due_at`,`channel`,`rated`,`is_first_time`,`review_requested`,`repeated_at`,`category`,`handling_route`,`forwarded_to`);--> statement-breakpoint
CREATE INDEX `petitions_stats_unit_delivered_idx` ON `petitions` (`unit_id`,`delivered_at`,`handling_due_at`,`channel`,`rated`,`is_first_time`,`review_requested`,`repeated_at`,`category`,`handling_route`,`forwarded_to`);