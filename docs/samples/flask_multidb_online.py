for name, rec in engines.items():
    # One database after the other, each in a transaction Alembic owns.
    with rec["engine"].connect() as connection:
        logger.info("Migrating database %s" % (name or "<default>"))
        context.configure(
            connection=connection,
            upgrade_token="%s_upgrades" % name,
            downgrade_token="%s_downgrades" % name,
            target_metadata=get_metadata(name),
            **conf_args,
        )
        with context.begin_transaction():
            context.run_migrations(engine_name=name)
