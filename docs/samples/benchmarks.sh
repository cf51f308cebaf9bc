.venv/bin/nox -s bench                               # 1M rows: migrations, small tables, autogenerate
.venv/bin/nox -s bench -- --rows 10000000            # 10M rows
.venv/bin/nox -s bench -- --build-workers 0,2        # also the package's build with 0, then 2 workers
.venv/bin/python benchmarks/run.py --only small-tables --small-load   # small tables, under load
.venv/bin/python benchmarks/run.py --url postgresql+psycopg://user@host/db   # your server
