-- IdentityServer4 3.x resources: ApiScopes are children of ApiResources.
CREATE TABLE "IdentityClaims" ("Id" serial NOT NULL, "Type" character varying(200) NOT NULL, "IdentityResourceId" integer NOT NULL,
    CONSTRAINT "PK_IdentityClaims" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IdentityClaims_IdentityResources_IdentityResourceId" FOREIGN KEY ("IdentityResourceId") REFERENCES "IdentityResources" ("Id") ON DELETE CASCADE);
CREATE TABLE "ApiResources" ("Id" serial NOT NULL, "Enabled" boolean NOT NULL, "Name" character varying(200) NOT NULL,
    "DisplayName" character varying(200) NULL, "Description" character varying(1000) NULL, "Created" timestamp without time zone NOT NULL,
    "Updated" timestamp without time zone NULL, "LastAccessed" timestamp without time zone NULL, "NonEditable" boolean NOT NULL,
    CONSTRAINT "PK_ApiResources" PRIMARY KEY ("Id"));
CREATE TABLE "ApiClaims" ("Id" serial NOT NULL, "Type" character varying(200) NOT NULL, "ApiResourceId" integer NOT NULL,
    CONSTRAINT "PK_ApiClaims" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApiClaims_ApiResources_ApiResourceId" FOREIGN KEY ("ApiResourceId") REFERENCES "ApiResources" ("Id") ON DELETE CASCADE);
CREATE TABLE "ApiScopes" ("Id" serial NOT NULL, "Name" character varying(200) NOT NULL, "DisplayName" character varying(200) NULL,
    "Description" character varying(1000) NULL, "Required" boolean NOT NULL, "Emphasize" boolean NOT NULL,
    "ShowInDiscoveryDocument" boolean NOT NULL, "ApiResourceId" integer NOT NULL, CONSTRAINT "PK_ApiScopes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApiScopes_ApiResources_ApiResourceId" FOREIGN KEY ("ApiResourceId") REFERENCES "ApiResources" ("Id") ON DELETE CASCADE);
CREATE TABLE "ApiScopeClaims" ("Id" serial NOT NULL, "Type" character varying(200) NOT NULL, "ApiScopeId" integer NOT NULL,
    CONSTRAINT "PK_ApiScopeClaims" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApiScopeClaims_ApiScopes_ApiScopeId" FOREIGN KEY ("ApiScopeId") REFERENCES "ApiScopes" ("Id") ON DELETE CASCADE);
CREATE TABLE "ApiSecrets" ("Id" serial NOT NULL, "Description" character varying(1000) NULL, "Value" character varying(4000) NOT NULL,
    "Expiration" timestamp without time zone NULL, "Type" character varying(250) NOT NULL, "Created" timestamp without time zone NOT NULL,
    "ApiResourceId" integer NOT NULL, CONSTRAINT "PK_ApiSecrets" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ApiSecrets_ApiResources_ApiResourceId" FOREIGN KEY ("ApiResourceId") REFERENCES "ApiResources" ("Id") ON DELETE CASCADE);
