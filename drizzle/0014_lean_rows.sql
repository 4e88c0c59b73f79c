ALTER TABLE `petitions` ADD `petitioner_id_number` text;--> statement-breakpoint
ALTER TABLE `petitions` ADD `petitioner_phone` text;--> statement-breakpoint
ALTER TABLE `petitions` ADD `petitioner_address` text;--> statement-breakpoint
ALTER TABLE `petitions` ADD `due_paused` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Rows projected before the lean columns, from the snapshot every row keeps: the petitioner's identifiers, and
-- whether an open clock is paused and counted by the hour (db/lean-columns.ts states the same rule).
UPDATE `petitions` SET
  `petitioner_id_number` = json_extract(`state_json`, '$.petitioner.idNumber'),
  `petitioner_phone` = json_extract(`state_json`, '$.petitioner.phone'),
  `petitioner_address` = json_extract(`state_json`, '$.petitioner.address'),
  `due_paused` = EXISTS (SELECT 1 FROM json_each(`state_json`, '$.deadlines') AS d
    WHERE json_extract(d.value, '$.metAt') IS NULL AND json_extract(d.value, '$.lapsedAt') IS NULL
      AND json_extract(d.value, '$.pausedSince') IS NOT NULL AND json_extract(d.value, '$.count') IS NULL);
