def include_object(object, name, type_, reflected, compare_to):
    # Partitions are tables in the catalog but not in your models: autogenerate skips them.
    return not (type_ == "table" and reflected and compare_to is None)
