# --8<-- [start:libpq]
# migrations/env.py, psycopg or psycopg2: both ends notice a connection gone silent.
CONNECT_ARGS = {
    # This process: probes after 30 s of silence, every 10 s, and 3 unanswered end the
    # connection; data left unacknowledged for 60 s ends it too (Linux).
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 60000,
    # The server: the same for its end, so a vanished migration's session ends, and with it
    # its locks (the per-index advisory lock, an attach's ACCESS EXCLUSIVE).
    "options": "-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10"
    " -c tcp_keepalives_count=3 -c tcp_user_timeout=60000",
}
# --8<-- [end:libpq]

# --8<-- [start:asyncpg]
# migrations/env.py, asyncpg: it takes no keepalive options for its own end; the server's
# end still notices a vanished migration and ends its session and its locks.
CONNECT_ARGS = {
    "server_settings": {
        "tcp_keepalives_idle": "30",
        "tcp_keepalives_interval": "10",
        "tcp_keepalives_count": "3",
        "tcp_user_timeout": "60000",
    }
}
# --8<-- [end:asyncpg]
