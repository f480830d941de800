-- Why a debrief was last moved or cancelled: free text a supervisor typed. It stays in this database;
-- DebriefRescheduled and DebriefCancelled carried it until dataversion 2.
ALTER TABLE debrief ADD COLUMN change_reason VARCHAR(500);
