git clone https://github.com/alembic-safe-unique/alembic-safe-unique.git
pip install "./alembic-safe-unique[psycopg]"    # psycopg 3
pip install "./alembic-safe-unique[psycopg2]"   # or psycopg2
pip install "./alembic-safe-unique[asyncpg]"    # or asyncpg, with `alembic init -t async`
