INSERT INTO secret_key_check (id, check_value) VALUES (1, $1)
ON CONFLICT (id) DO UPDATE SET check_value = EXCLUDED.check_value, updated_at = now()
