-- Who the last invite told that the slot falls outside their shift: a reschedule that changes nothing
-- else for a person sends them nothing, but one that changes what their invite says to them does.
ALTER TABLE debrief_invite ADD COLUMN uncovered_ids TEXT NOT NULL DEFAULT '';
