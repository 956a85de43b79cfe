-- IdentityServer4 3.x resources: ApiScopes are children of ApiResources.
SELECT pg_temp.child_table('IdentityClaims', 'IdentityResources', 'IdentityResourceId',
    '"Type" character varying(200) NOT NULL, "IdentityResourceId" integer NOT NULL');
CREATE TABLE "ApiResources" ("Id" serial NOT NULL, "Enabled" boolean NOT NULL, "Name" character varying(200) NOT NULL,
    "DisplayName" character varying(200) NULL, "Description" character varying(1000) NULL, "Created" timestamp without time zone NOT NULL,
    "Updated" timestamp without time zone NULL, "LastAccessed" timestamp without time zone NULL, "NonEditable" boolean NOT NULL,
    CONSTRAINT "PK_ApiResources" PRIMARY KEY ("Id"));
SELECT pg_temp.child_table('ApiClaims', 'ApiResources', 'ApiResourceId',
    '"Type" character varying(200) NOT NULL, "ApiResourceId" integer NOT NULL');
SELECT pg_temp.child_table('ApiScopes', 'ApiResources', 'ApiResourceId',
    '"Name" character varying(200) NOT NULL, "DisplayName" character varying(200) NULL, '
    '"Description" character varying(1000) NULL, "Required" boolean NOT NULL, "Emphasize" boolean NOT NULL, '
    '"ShowInDiscoveryDocument" boolean NOT NULL, "ApiResourceId" integer NOT NULL');
SELECT pg_temp.child_table('ApiScopeClaims', 'ApiScopes', 'ApiScopeId',
    '"Type" character varying(200) NOT NULL, "ApiScopeId" integer NOT NULL');
SELECT pg_temp.child_table('ApiSecrets', 'ApiResources', 'ApiResourceId',
    '"Description" character varying(1000) NULL, "Value" character varying(4000) NOT NULL, '
    '"Expiration" timestamp without time zone NULL, "Type" character varying(250) NOT NULL, '
    '"Created" timestamp without time zone NOT NULL, "ApiResourceId" integer NOT NULL');
