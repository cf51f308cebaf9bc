alembic-safe-unique dedupe-revision uq_ad_counter_ad_id_day --keep newest --order-by hits
alembic-safe-unique check   # the unique is now reported as deduplicated first
alembic upgrade head
