SELECT EXISTS (SELECT 1 FROM transcode_job WHERE id = $1)
