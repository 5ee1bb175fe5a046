INSERT INTO account_callback (account_id, url, auth_key, event_types) VALUES ($1, $2, $3, $4)
ON CONFLICT (account_id) DO UPDATE SET url = excluded.url, auth_key = excluded.auth_key,
                                       event_types = excluded.event_types
