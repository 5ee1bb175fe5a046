-- A failed attempt: retried after $3 ms, or dead when that retry would fall after the maximum age ($4 ms since
-- retry_since), or at once when the failure is permanent ($5: the URL or its address is refused).
UPDATE callback_event
SET attempts = attempts + 1,
    last_error = $2,
    next_attempt_at = now() + make_interval(secs => $3 / 1000.0),
    status = CASE WHEN $5 OR now() + make_interval(secs => $3 / 1000.0) > retry_since + make_interval(secs => $4 / 1000.0)
                  THEN 'Dead' ELSE 'Pending' END
WHERE id = $1
RETURNING status
