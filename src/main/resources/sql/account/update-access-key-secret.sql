UPDATE access_key SET secret_ciphertext = $2 WHERE id = $1
