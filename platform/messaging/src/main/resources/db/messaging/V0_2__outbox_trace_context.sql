-- The W3C trace context of the transaction that recorded each event, sent as the record's traceparent
-- header so that one incident's whole chain, across services and Kafka, is one trace.
ALTER TABLE haven_outbox ADD COLUMN traceparent VARCHAR(100);
