SELECT id, secret_ciphertext FROM storage_location WHERE secret_ciphertext IS NOT NULL ORDER BY id FOR UPDATE
