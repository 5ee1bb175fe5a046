-- Due events, leased to this dispatcher for $2 ms (other replicas skip them until then) and returned with the
-- signing key of their account. A dispatcher that dies mid-send leaves the lease to expire: retried after it.
UPDATE callback_event e
SET next_attempt_at = now() + make_interval(secs => $2 / 1000.0)
FROM (SELECT id FROM callback_event
      WHERE status = 'Pending' AND next_attempt_at <= now()
      ORDER BY next_attempt_at
      LIMIT $1
      FOR UPDATE SKIP LOCKED) due
WHERE e.id = due.id
RETURNING e.id, e.url, e.payload, e.attempts,
          (SELECT auth_key FROM account_callback a WHERE a.account_id = e.account_id) AS auth_key
