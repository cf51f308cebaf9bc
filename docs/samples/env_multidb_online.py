def run_migrations_online() -> None:
    """One database after the other, each in a transaction that Alembic owns.

    The template opens one transaction per database itself and commits them all at the end;
    a concurrent build has to commit and step out, which Alembic can only do in a transaction
    of its own (otherwise: TransactionOwnershipError). The hook is called once per database;
    every database's uniques are split into the same build and attach revisions.
    """
    for name in re.split(r",\s*", db_names):
        engine = engine_from_config(
            context.config.get_section(name, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
        )
        with engine.connect() as connection:
            logger.info("Migrating database %s" % name)
            context.configure(
                connection=connection,
                upgrade_token="%s_upgrades" % name,
                downgrade_token="%s_downgrades" % name,
                target_metadata=target_metadata.get(name),
                process_revision_directives=alembic_safe_unique.rewriter,
            )
            with context.begin_transaction():
                context.run_migrations(engine_name=name)
