git clone https://github.com/alembic-safe-unique/alembic-safe-unique.git
pip install "./alembic-safe-unique[psycopg]"   # psycopg 3; or [psycopg2]; or [asyncpg] (alembic init -t async)
