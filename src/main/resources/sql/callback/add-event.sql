INSERT INTO callback_event (account_id, media_id, event_type, url, payload) VALUES ($1, $2, $3, $4, $5)
