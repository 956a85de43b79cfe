-- IdentityServer4 4.x resources: standalone ApiScopes, linked to ApiResources by ApiResourceScopes.
CREATE TABLE "IdentityResourceClaims" ("Id" serial NOT NULL, "IdentityResourceId" integer NOT NULL, "Type" character varying(200) NOT NULL,
    CONSTRAINT "PK_IdentityResourceClaims" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IdentityResourceClaims_IdentityResources_IdentityResourceId" FOREIGN KEY ("IdentityResourceId") REFERENCES "IdentityResources" ("Id") ON DELETE CASCADE);
CREATE TABLE "ApiResources" ("Id" serial NOT NULL, "Enabled" boolean NOT NULL, "Name" character varying(200) NOT NULL,
    "DisplayName" character varying(200) NULL, "Description" character varying(1000) NULL,
    "AllowedAccessTokenSigningAlgorithms" character varying(100) NULL, "ShowInDiscoveryDocument" boolean NOT NULL,
    "Created" timestamp without time zone NOT NULL, "Updated" timestamp without time zone NULL,
    "LastAccessed" timestamp without time zone NULL, "NonEditable" boolean NOT NULL, CONSTRAINT "PK_ApiResources" PRIMARY KEY ("Id"));
CREATE TABLE "ApiScopes" ("Id" serial NOT NULL, "Enabled" boolean NOT NULL, "Name" character varying(200) NOT NULL,
    "DisplayName" character varying(200) NULL, "Description" character varying(1000) NULL, "Required" boolean NOT NULL,
    "Emphasize" boolean NOT NULL, "ShowInDiscoveryDocument" boolean NOT NULL, CONSTRAINT "PK_ApiScopes" PRIMARY KEY ("Id"));
CREATE TABLE "ApiResourceClaims" ("Id" serial NOT NULL, "ApiResourceId" integer NOT NULL, "Type" character varying(200) NOT NULL,
    CONSTRAINT "PK_ApiResourceClaims" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApiResourceClaims_ApiResources_ApiResourceId" FOREIGN KEY ("ApiResourceId") REFERENCES "ApiResources" ("Id") ON DELETE CASCADE);
CREATE TABLE "ApiResourceScopes" ("Id" serial NOT NULL, "Scope" character varying(200) NOT NULL, "ApiResourceId" integer NOT NULL,
    CONSTRAINT "PK_ApiResourceScopes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApiResourceScopes_ApiResources_ApiResourceId" FOREIGN KEY ("ApiResourceId") REFERENCES "ApiResources" ("Id") ON DELETE CASCADE);
CREATE TABLE "ApiResourceSecrets" ("Id" serial NOT NULL, "ApiResourceId" integer NOT NULL, "Description" character varying(1000) NULL,
    "Value" character varying(4000) NOT NULL, "Expiration" timestamp without time zone NULL, "Type" character varying(250) NOT NULL,
    "Created" timestamp without time zone NOT NULL, CONSTRAINT "PK_ApiResourceSecrets" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApiResourceSecrets_ApiResources_ApiResourceId" FOREIGN KEY ("ApiResourceId") REFERENCES "ApiResources" ("Id") ON DELETE CASCADE);
CREATE TABLE "ApiScopeClaims" ("Id" serial NOT NULL, "ScopeId" integer NOT NULL, "Type" character varying(200) NOT NULL,
    CONSTRAINT "PK_ApiScopeClaims" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApiScopeClaims_ApiScopes_ScopeId" FOREIGN KEY ("ScopeId") REFERENCES "ApiScopes" ("Id") ON DELETE CASCADE);
