docker run --name pg18 -e POSTGRES_PASSWORD=postgres -p 5432:5432 -d postgres:18
# alembic.ini: sqlalchemy.url = postgresql+psycopg://postgres:postgres@localhost:5432/postgres
docker exec -it pg18 psql -U postgres   # psql, inside the container
docker stop pg18 && docker rm pg18      # stop it; rm deletes it and its data
