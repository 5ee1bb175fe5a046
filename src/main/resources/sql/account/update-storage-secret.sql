UPDATE storage_location SET secret_ciphertext = $2 WHERE id = $1
