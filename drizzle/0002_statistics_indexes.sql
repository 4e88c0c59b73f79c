DROP INDEX `petitions_repeat_idx`;--> statement-breakpoint
DROP INDEX `petitions_repeat_of_idx`;--> statement-breakpoint
CREATE INDEX `petitions_repeat_idx` ON `petitions` (`petitioner_key`,`matter_key`,`registered_at`);--> statement-breakpoint
CREATE INDEX `petitions_repeat_of_idx` ON `petitions` (`repeat_of`,`registered_at`);