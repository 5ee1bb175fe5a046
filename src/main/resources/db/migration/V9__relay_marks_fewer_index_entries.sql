-- Issue 14: the relay marks every job Dispatched, and each mark wrote an entry into this index, which no statement
-- reads (results find their job by id, the backlog counts Pending jobs). Dropping it saves an index write per job
-- relayed.
DROP INDEX IF EXISTS transcode_job_dispatched_idx;
