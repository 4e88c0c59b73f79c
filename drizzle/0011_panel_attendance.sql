ALTER TABLE `panel_members` ADD `present` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Panels projected before presence was recorded: who voted was present (the only attendance then known).
UPDATE `panel_members` SET `present` = `attended`;
