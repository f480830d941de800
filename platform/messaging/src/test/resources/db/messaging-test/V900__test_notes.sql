-- Only for the library's own tests: an entity whose pending changes an outbox insert must not flush.
CREATE TABLE test_note (id UUID PRIMARY KEY, text VARCHAR(200) NOT NULL);
