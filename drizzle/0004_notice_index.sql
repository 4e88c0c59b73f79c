DROP INDEX `petition_deadlines_kind_due_idx`;--> statement-breakpoint
CREATE INDEX `petition_deadlines_kind_due_idx` ON `petition_deadlines` (`kind`,`due_at`,`unit_id`,`met_at`);