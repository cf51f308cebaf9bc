# migrations/env.py, as `litestar database init` wrote it, with two changes:
from alembic.autogenerate import rewriter

import alembic_safe_unique  # 1. the package's ops and rewriter

writer = rewriter.Rewriter().chain(alembic_safe_unique.rewriter)  # 2. was: rewriter.Rewriter()
