package org.haven.messaging;

/** Where a record came from on its topic; offsets only compare within one partition. */
public record RecordPosition(int partition, long offset) {
}
