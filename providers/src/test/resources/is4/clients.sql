-- IdentityServer4 "Clients" (ConfigurationDb migrations, Npgsql provider). The columns between /*4.x and 4.x*/ came
-- with 4.x (RequireRequestObject, AllowedIdentityTokenSigningAlgorithms); Is4Database opens them for a 4.x database.
CREATE TABLE "Clients" ("Id" serial NOT NULL, "Enabled" boolean NOT NULL, "ClientId" character varying(200) NOT NULL,
    "ProtocolType" character varying(200) NOT NULL, "RequireClientSecret" boolean NOT NULL, "ClientName" character varying(200) NULL,
    "Description" character varying(1000) NULL, "ClientUri" character varying(2000) NULL, "LogoUri" character varying(2000) NULL,
    "RequireConsent" boolean NOT NULL, "AllowRememberConsent" boolean NOT NULL, "AlwaysIncludeUserClaimsInIdToken" boolean NOT NULL,
    "RequirePkce" boolean NOT NULL, "AllowPlainTextPkce" boolean NOT NULL, /*4.x "RequireRequestObject" boolean NOT NULL, 4.x*/"AllowAccessTokensViaBrowser" boolean NOT NULL,
    "FrontChannelLogoutUri" character varying(2000) NULL, "FrontChannelLogoutSessionRequired" boolean NOT NULL,
    "BackChannelLogoutUri" character varying(2000) NULL, "BackChannelLogoutSessionRequired" boolean NOT NULL,
    "AllowOfflineAccess" boolean NOT NULL, "IdentityTokenLifetime" integer NOT NULL, /*4.x "AllowedIdentityTokenSigningAlgorithms" character varying(100) NULL, 4.x*/"AccessTokenLifetime" integer NOT NULL,
    "AuthorizationCodeLifetime" integer NOT NULL, "ConsentLifetime" integer NULL, "AbsoluteRefreshTokenLifetime" integer NOT NULL,
    "SlidingRefreshTokenLifetime" integer NOT NULL, "RefreshTokenUsage" integer NOT NULL, "UpdateAccessTokenClaimsOnRefresh" boolean NOT NULL,
    "RefreshTokenExpiration" integer NOT NULL, "AccessTokenType" integer NOT NULL, "EnableLocalLogin" boolean NOT NULL,
    "IncludeJwtId" boolean NOT NULL, "AlwaysSendClientClaims" boolean NOT NULL, "ClientClaimsPrefix" character varying(200) NULL,
    "PairWiseSubjectSalt" character varying(200) NULL, "Created" timestamp without time zone NOT NULL,
    "Updated" timestamp without time zone NULL, "LastAccessed" timestamp without time zone NULL, "UserSsoLifetime" integer NULL,
    "UserCodeType" character varying(100) NULL, "DeviceCodeLifetime" integer NOT NULL, "NonEditable" boolean NOT NULL,
    CONSTRAINT "PK_Clients" PRIMARY KEY ("Id"));
-- Its child tables, identical in 3.x and 4.x.
SELECT pg_temp.child_table('ClientClaims', 'Clients', 'ClientId',
    '"Type" character varying(250) NOT NULL, "Value" character varying(250) NOT NULL, "ClientId" integer NOT NULL');
SELECT pg_temp.child_table('ClientCorsOrigins', 'Clients', 'ClientId',
    '"Origin" character varying(150) NOT NULL, "ClientId" integer NOT NULL');
SELECT pg_temp.child_table('ClientGrantTypes', 'Clients', 'ClientId',
    '"GrantType" character varying(250) NOT NULL, "ClientId" integer NOT NULL');
SELECT pg_temp.child_table('ClientIdPRestrictions', 'Clients', 'ClientId',
    '"Provider" character varying(200) NOT NULL, "ClientId" integer NOT NULL');
SELECT pg_temp.child_table('ClientPostLogoutRedirectUris', 'Clients', 'ClientId',
    '"PostLogoutRedirectUri" character varying(2000) NOT NULL, "ClientId" integer NOT NULL');
SELECT pg_temp.child_table('ClientProperties', 'Clients', 'ClientId',
    '"ClientId" integer NOT NULL, "Key" character varying(250) NOT NULL, "Value" character varying(2000) NOT NULL');
SELECT pg_temp.child_table('ClientRedirectUris', 'Clients', 'ClientId',
    '"RedirectUri" character varying(2000) NOT NULL, "ClientId" integer NOT NULL');
SELECT pg_temp.child_table('ClientScopes', 'Clients', 'ClientId',
    '"Scope" character varying(200) NOT NULL, "ClientId" integer NOT NULL');
SELECT pg_temp.child_table('ClientSecrets', 'Clients', 'ClientId',
    '"ClientId" integer NOT NULL, "Description" character varying(2000) NULL, '
    '"Value" character varying(4000) NOT NULL, "Expiration" timestamp without time zone NULL, '
    '"Type" character varying(250) NOT NULL, "Created" timestamp without time zone NOT NULL');
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
