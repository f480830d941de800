-- A row with no payload is sent as a tombstone (a null value): on a compacted state topic it removes its key.
ALTER TABLE haven_outbox ALTER COLUMN payload DROP NOT NULL;
