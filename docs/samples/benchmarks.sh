.venv/bin/nox -s bench                               # 1M rows (about 2 minutes)
.venv/bin/nox -s bench -- --rows 10000000            # 10M rows (about 3 minutes)
.venv/bin/python benchmarks/run.py --url postgresql+psycopg://user@host/db   # your server
