-- A dead event starts over: due now, with a full maximum age again.
UPDATE callback_event
SET status = 'Pending', attempts = 0, retry_since = now(), next_attempt_at = now(), last_error = NULL
WHERE id = $1 AND status = 'Dead'
RETURNING id
