ALTER TABLE `petitions` ADD `accused_unit_id` text;--> statement-breakpoint
CREATE INDEX `petitions_accused_idx` ON `petitions` (`accused_unit_id`);--> statement-breakpoint
-- Accusations projected before the column: their respondent unit, from the snapshot every row keeps.
UPDATE `petitions` SET `accused_unit_id` = json_extract(`state_json`, '$.respondentUnitId') WHERE `category` = 'ACCUSATION';
