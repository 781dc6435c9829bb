"""Alembic environment: runs on the app's connection, or on `-x url=...` from the command line."""

from alembic import context
from sqlalchemy import create_engine

from sendboard.store.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///alembic-dev.db")
    with create_engine(url).connect() as conn:
        run(conn)
        conn.commit()
