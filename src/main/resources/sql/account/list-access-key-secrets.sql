SELECT id, secret_ciphertext FROM access_key ORDER BY id FOR UPDATE
