UPDATE callback_event
SET status = 'Delivered', attempts = attempts + 1, delivered_at = now(), last_error = NULL
WHERE id = $1
