-- Which due date each action's reminder and overdue notice were sent for: a changed due date re-arms both.
ALTER TABLE action_item
    ADD COLUMN reminded_for      DATE,
    ADD COLUMN overdue_noticed_for DATE;
