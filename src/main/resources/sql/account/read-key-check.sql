SELECT check_value FROM secret_key_check WHERE id = 1
