SELECT count(*) FILTER (WHERE status = 'Dead') AS dead, count(*) FILTER (WHERE status = 'Pending') AS pending
FROM callback_event
WHERE status IN ('Dead', 'Pending')
