-- IdentityServer4 4.x resources: standalone ApiScopes, linked to ApiResources by ApiResourceScopes.
SELECT pg_temp.child_table('IdentityResourceClaims', 'IdentityResources', 'IdentityResourceId',
    '"IdentityResourceId" integer NOT NULL, "Type" character varying(200) NOT NULL');
CREATE TABLE "ApiResources" ("Id" serial NOT NULL, "Enabled" boolean NOT NULL, "Name" character varying(200) NOT NULL,
    "DisplayName" character varying(200) NULL, "Description" character varying(1000) NULL,
    "AllowedAccessTokenSigningAlgorithms" character varying(100) NULL, "ShowInDiscoveryDocument" boolean NOT NULL,
    "Created" timestamp without time zone NOT NULL, "Updated" timestamp without time zone NULL,
    "LastAccessed" timestamp without time zone NULL, "NonEditable" boolean NOT NULL, CONSTRAINT "PK_ApiResources" PRIMARY KEY ("Id"));
CREATE TABLE "ApiScopes" ("Id" serial NOT NULL, "Enabled" boolean NOT NULL, "Name" character varying(200) NOT NULL,
    "DisplayName" character varying(200) NULL, "Description" character varying(1000) NULL, "Required" boolean NOT NULL,
    "Emphasize" boolean NOT NULL, "ShowInDiscoveryDocument" boolean NOT NULL, CONSTRAINT "PK_ApiScopes" PRIMARY KEY ("Id"));
SELECT pg_temp.child_table('ApiResourceClaims', 'ApiResources', 'ApiResourceId',
    '"ApiResourceId" integer NOT NULL, "Type" character varying(200) NOT NULL');
SELECT pg_temp.child_table('ApiResourceScopes', 'ApiResources', 'ApiResourceId',
    '"Scope" character varying(200) NOT NULL, "ApiResourceId" integer NOT NULL');
SELECT pg_temp.child_table('ApiResourceSecrets', 'ApiResources', 'ApiResourceId',
    '"ApiResourceId" integer NOT NULL, "Description" character varying(1000) NULL, '
    '"Value" character varying(4000) NOT NULL, "Expiration" timestamp without time zone NULL, '
    '"Type" character varying(250) NOT NULL, "Created" timestamp without time zone NOT NULL');
SELECT pg_temp.child_table('ApiScopeClaims', 'ApiScopes', 'ScopeId',
    '"ScopeId" integer NOT NULL, "Type" character varying(200) NOT NULL');
