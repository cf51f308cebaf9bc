alembic revision --autogenerate -m "unique ad and day"
alembic-safe-unique check
alembic upgrade head
