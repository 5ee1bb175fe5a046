-- Replicas starting together take turns (released at the end of the transaction).
SELECT pg_advisory_xact_lock(hashtext('vod-gateway secret_key_check'))
