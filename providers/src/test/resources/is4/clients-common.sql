-- Client child tables, identical in IdentityServer4 3.x and 4.x (ConfigurationDb migrations, Npgsql provider).
CREATE TABLE "ClientClaims" ("Id" serial NOT NULL, "Type" character varying(250) NOT NULL, "Value" character varying(250) NOT NULL,
    "ClientId" integer NOT NULL, CONSTRAINT "PK_ClientClaims" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClientClaims_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE);
CREATE TABLE "ClientCorsOrigins" ("Id" serial NOT NULL, "Origin" character varying(150) NOT NULL, "ClientId" integer NOT NULL,
    CONSTRAINT "PK_ClientCorsOrigins" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClientCorsOrigins_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE);
CREATE TABLE "ClientGrantTypes" ("Id" serial NOT NULL, "GrantType" character varying(250) NOT NULL, "ClientId" integer NOT NULL,
    CONSTRAINT "PK_ClientGrantTypes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClientGrantTypes_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE);
CREATE TABLE "ClientIdPRestrictions" ("Id" serial NOT NULL, "Provider" character varying(200) NOT NULL, "ClientId" integer NOT NULL,
    CONSTRAINT "PK_ClientIdPRestrictions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClientIdPRestrictions_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE);
CREATE TABLE "ClientPostLogoutRedirectUris" ("Id" serial NOT NULL, "PostLogoutRedirectUri" character varying(2000) NOT NULL,
    "ClientId" integer NOT NULL, CONSTRAINT "PK_ClientPostLogoutRedirectUris" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClientPostLogoutRedirectUris_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE);
CREATE TABLE "ClientProperties" ("Id" serial NOT NULL, "ClientId" integer NOT NULL, "Key" character varying(250) NOT NULL,
    "Value" character varying(2000) NOT NULL, CONSTRAINT "PK_ClientProperties" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClientProperties_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE);
CREATE TABLE "ClientRedirectUris" ("Id" serial NOT NULL, "RedirectUri" character varying(2000) NOT NULL, "ClientId" integer NOT NULL,
    CONSTRAINT "PK_ClientRedirectUris" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClientRedirectUris_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE);
CREATE TABLE "ClientScopes" ("Id" serial NOT NULL, "Scope" character varying(200) NOT NULL, "ClientId" integer NOT NULL,
    CONSTRAINT "PK_ClientScopes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClientScopes_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE);
CREATE TABLE "ClientSecrets" ("Id" serial NOT NULL, "ClientId" integer NOT NULL, "Description" character varying(2000) NULL,
    "Value" character varying(4000) NOT NULL, "Expiration" timestamp without time zone NULL, "Type" character varying(250) NOT NULL,
    "Created" timestamp without time zone NOT NULL, CONSTRAINT "PK_ClientSecrets" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClientSecrets_Clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "Clients" ("Id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "IX_Clients_ClientId" ON "Clients" ("ClientId");
CREATE TABLE "IdentityResources" ("Id" serial NOT NULL, "Enabled" boolean NOT NULL, "Name" character varying(200) NOT NULL,
    "DisplayName" character varying(200) NULL, "Description" character varying(1000) NULL, "Required" boolean NOT NULL,
    "Emphasize" boolean NOT NULL, "ShowInDiscoveryDocument" boolean NOT NULL, "Created" timestamp without time zone NOT NULL,
    "Updated" timestamp without time zone NULL, "NonEditable" boolean NOT NULL, CONSTRAINT "PK_IdentityResources" PRIMARY KEY ("Id"));
CREATE UNIQUE INDEX "IX_IdentityResources_Name" ON "IdentityResources" ("Name");
-- PersistedGrantDbContext
CREATE TABLE "PersistedGrants" ("Key" character varying(200) NOT NULL, "Type" character varying(50) NOT NULL,
    "SubjectId" character varying(200) NULL, "ClientId" character varying(200) NOT NULL,
    "CreationTime" timestamp without time zone NOT NULL, "Expiration" timestamp without time zone NULL,
    "Data" character varying(50000) NOT NULL, CONSTRAINT "PK_PersistedGrants" PRIMARY KEY ("Key"));
CREATE TABLE "DeviceCodes" ("UserCode" character varying(200) NOT NULL, "DeviceCode" character varying(200) NOT NULL,
    "SubjectId" character varying(200) NULL, "ClientId" character varying(200) NOT NULL,
    "CreationTime" timestamp without time zone NOT NULL, "Expiration" timestamp without time zone NOT NULL,
    "Data" character varying(50000) NOT NULL, CONSTRAINT "PK_DeviceCodes" PRIMARY KEY ("UserCode"));
