-- The append trigger reads the head under its row lock. Appenders that lock the head first
-- (SELECT … FOR UPDATE) are unaffected; an appender that writes against the head it remembers from
-- its last batch (audit.BatchAppender, to save that round trip) waits here for any concurrent
-- appender and is then checked against the head as it really is: a stale sequence or chain link is
-- rejected, never accepted on an old snapshot. See docs/audit-log.md, "Appending".
CREATE OR REPLACE FUNCTION access_log_check_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head access_log_head%ROWTYPE;
BEGIN
    SELECT * INTO head FROM access_log_head WHERE id = 1 FOR UPDATE;
    IF NEW.sequence <> head.next_sequence OR NEW.previous_hash <> head.last_hash THEN
        RAISE EXCEPTION 'access_log append out of order (sequence %, expected %)', NEW.sequence, head.next_sequence
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    UPDATE access_log_head SET next_sequence = NEW.sequence + 1, last_hash = NEW.leaf_hash WHERE id = 1;
    RETURN NEW;
END;
$$;

-- Time ranges are served by a BRIN index instead of a B-tree: entries are appended in time order, so
-- each block range covers a narrow span of occurred_at, and a BRIN entry is updated once per block
-- range rather than once per appended entry (one B-tree fewer to maintain on every append).
DROP INDEX access_log_time_idx;
CREATE INDEX access_log_time_brin ON access_log USING brin (occurred_at);
