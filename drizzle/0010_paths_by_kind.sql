ALTER TABLE `petitions` ADD `handling_route` text;--> statement-breakpoint
ALTER TABLE `petitions` ADD `forwarded_to` text;--> statement-breakpoint
ALTER TABLE `petitions` ADD `direct` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Every petition accepted before paths by kind was heard and answered under Art. 31 (六), whatever its category:
-- its workflow replays on that path, and its row says so.
UPDATE `petitions` SET `handling_route` = 'HEARD_AND_ANSWERED' WHERE `accepted_at` IS NOT NULL;
