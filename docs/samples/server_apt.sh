sudo apt install postgresql   # Debian/Ubuntu: the release's PostgreSQL, started as a service
sudo -u postgres createuser --createdb "$USER"   # a role with your login name
createdb myapp                # a database you own; psql myapp to look inside
# alembic.ini: sqlalchemy.url = postgresql+psycopg:///myapp   (the local socket, as you)
