using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace KhuyenCong.Showcase.Data.Migrations;

/// <summary>
/// Geography, accounts (ASP.NET Core Identity), producers, products with their photos and documents, and the audit
/// trail. No store types: each provider maps the CLR types itself, so this one migration serves SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(ShowcaseDb))]
[Migration("20261121000000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AdministrativeUnits",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 10, nullable: false),
                Name = table.Column<string>(maxLength: 120, nullable: false),
                SearchKey = table.Column<string>(maxLength: 120, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
                ValidFrom = table.Column<DateOnly>(nullable: false),
                ValidTo = table.Column<DateOnly>(nullable: true),
                IsSample = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AdministrativeUnits", x => x.Id);
                table.ForeignKey(
                    name: "FK_AdministrativeUnits_AdministrativeUnits_ParentId",
                    column: x => x.ParentId,
                    principalTable: "AdministrativeUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<long>(nullable: false),
                ActorId = table.Column<string>(maxLength: 200, nullable: false),
                ActorName = table.Column<string>(maxLength: 200, nullable: false),
                Action = table.Column<string>(maxLength: 80, nullable: false),
                EntityType = table.Column<string>(maxLength: 80, nullable: false),
                EntityId = table.Column<string>(maxLength: 80, nullable: false),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Producers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LegalForm = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                SearchKey = table.Column<string>(maxLength: 200, nullable: false),
                RegistrationNumber = table.Column<string>(maxLength: 30, nullable: false),
                RegistrationDate = table.Column<DateOnly>(nullable: true),
                TaxCode = table.Column<string>(maxLength: 14, nullable: true),
                Address = table.Column<string>(maxLength: 300, nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                Representative = table.Column<string>(maxLength: 120, nullable: false),
                RepresentativePosition = table.Column<string>(maxLength: 120, nullable: true),
                Phone = table.Column<string>(maxLength: 20, nullable: false),
                Email = table.Column<string>(maxLength: 120, nullable: true),
                Website = table.Column<string>(maxLength: 200, nullable: true),
                Latitude = table.Column<double>(nullable: true),
                Longitude = table.Column<double>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Producers", x => x.Id);
                table.ForeignKey(
                    name: "FK_Producers_AdministrativeUnits_UnitId",
                    column: x => x.UnitId,
                    principalTable: "AdministrativeUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "UnitSuccessions",
            columns: table => new
            {
                PredecessorId = table.Column<Guid>(nullable: false),
                SuccessorId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UnitSuccessions", x => new { x.PredecessorId, x.SuccessorId });
                table.ForeignKey(
                    name: "FK_UnitSuccessions_AdministrativeUnits_PredecessorId",
                    column: x => x.PredecessorId,
                    principalTable: "AdministrativeUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_UnitSuccessions_AdministrativeUnits_SuccessorId",
                    column: x => x.SuccessorId,
                    principalTable: "AdministrativeUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                FullName = table.Column<string>(maxLength: 120, nullable: false),
                Position = table.Column<string>(maxLength: 120, nullable: true),
                UnitId = table.Column<Guid>(nullable: true),
                ProducerId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<long>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUsers_AdministrativeUnits_UnitId",
                    column: x => x.UnitId,
                    principalTable: "AdministrativeUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Producers_ProducerId",
                    column: x => x.ProducerId,
                    principalTable: "Producers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Products",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProducerId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                SearchKey = table.Column<string>(maxLength: 200, nullable: false),
                Group = table.Column<string>(maxLength: 40, nullable: false),
                Story = table.Column<string>(maxLength: 4000, nullable: false),
                Materials = table.Column<string>(maxLength: 2000, nullable: true),
                Process = table.Column<string>(maxLength: 2000, nullable: true),
                Market = table.Column<string>(maxLength: 2000, nullable: true),
                Specifications = table.Column<string>(maxLength: 2000, nullable: true),
                PriceMin = table.Column<long>(nullable: true),
                PriceMax = table.Column<long>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Products", x => x.Id);
                table.ForeignKey(
                    name: "FK_Products_Producers_ProducerId",
                    column: x => x.ProducerId,
                    principalTable: "Producers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProductDocuments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(maxLength: 40, nullable: false),
                Number = table.Column<string>(maxLength: 60, nullable: true),
                Issuer = table.Column<string>(maxLength: 200, nullable: true),
                IssuedOn = table.Column<DateOnly>(nullable: true),
                ExpiresOn = table.Column<DateOnly>(nullable: true),
                BlobKey = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 60, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                UploadedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProductDocuments", x => x.Id);
                table.ForeignKey(
                    name: "FK_ProductDocuments_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProductPhotos",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                View = table.Column<string>(maxLength: 40, nullable: false),
                LargeKey = table.Column<string>(maxLength: 200, nullable: false),
                ThumbnailKey = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 60, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Width = table.Column<int>(nullable: false),
                Height = table.Column<int>(nullable: false),
                UploadedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProductPhotos", x => x.Id);
                table.ForeignKey(
                    name: "FK_ProductPhotos_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AdministrativeUnits_Code_ValidFrom",
            table: "AdministrativeUnits",
            columns: new[] { "Code", "ValidFrom" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AdministrativeUnits_ParentId",
            table: "AdministrativeUnits",
            column: "ParentId");

        migrationBuilder.CreateIndex(
            name: "IX_AdministrativeUnits_SearchKey",
            table: "AdministrativeUnits",
            column: "SearchKey");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUsers_ProducerId",
            table: "AspNetUsers",
            column: "ProducerId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUsers_UnitId",
            table: "AspNetUsers",
            column: "UnitId");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_At",
            table: "AuditEntries",
            column: "At");

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_EntityType_EntityId",
            table: "AuditEntries",
            columns: new[] { "EntityType", "EntityId" });

        migrationBuilder.CreateIndex(
            name: "IX_Producers_SearchKey",
            table: "Producers",
            column: "SearchKey");

        migrationBuilder.CreateIndex(
            name: "IX_Producers_UnitId",
            table: "Producers",
            column: "UnitId");

        migrationBuilder.CreateIndex(
            name: "IX_ProductDocuments_BlobKey",
            table: "ProductDocuments",
            column: "BlobKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ProductDocuments_ProductId",
            table: "ProductDocuments",
            column: "ProductId");

        migrationBuilder.CreateIndex(
            name: "IX_ProductPhotos_LargeKey",
            table: "ProductPhotos",
            column: "LargeKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ProductPhotos_ProductId",
            table: "ProductPhotos",
            column: "ProductId");

        migrationBuilder.CreateIndex(
            name: "IX_ProductPhotos_ThumbnailKey",
            table: "ProductPhotos",
            column: "ThumbnailKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Products_ProducerId",
            table: "Products",
            column: "ProducerId");

        migrationBuilder.CreateIndex(
            name: "IX_Products_SearchKey",
            table: "Products",
            column: "SearchKey");

        migrationBuilder.CreateIndex(
            name: "IX_UnitSuccessions_SuccessorId",
            table: "UnitSuccessions",
            column: "SuccessorId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ProductPhotos");
        migrationBuilder.DropTable(name: "ProductDocuments");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "Products");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "UnitSuccessions");
        migrationBuilder.DropTable(name: "Producers");
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "AspNetRoles");
        migrationBuilder.DropTable(name: "AdministrativeUnits");
    }
}
