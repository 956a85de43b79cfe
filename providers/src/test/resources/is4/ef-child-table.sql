-- EF Core's shape of a dependent table: "Id" serial primary key PK_<table>, the given columns, and a cascading foreign
-- key FK_<table>_<parent>_<column> to the parent's "Id". In pg_temp, so that the schema holds only EF's tables.
CREATE FUNCTION pg_temp.child_table(name text, parent text, fk text, columns text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TABLE %I ("Id" serial NOT NULL, %s, CONSTRAINT %I PRIMARY KEY ("Id"), '
            || 'CONSTRAINT %I FOREIGN KEY (%I) REFERENCES %I ("Id") ON DELETE CASCADE)',
        name, columns, 'PK_' || name, 'FK_' || name || '_' || parent || '_' || fk, fk, parent);
END $$;
