using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Showcase.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue9Contest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_CalendarOverrides",
                table: "CalendarOverrides");

            migrationBuilder.RenameColumn(
                name: "ConflictSameCommune",
                table: "Rounds",
                newName: "RequireDeclaration");

            migrationBuilder.DropColumn(
                name: "ComplaintDeadline",
                table: "Rounds");

            migrationBuilder.AddColumn<Guid>(
                name: "RegionId",
                table: "Rounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.RenameColumn(
                name: "ResolveBy",
                table: "Complaints",
                newName: "ReceivedOn");

            migrationBuilder.AlterColumn<int>(
                name: "MinimumSheets",
                table: "Rounds",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "Conflicts",
                table: "Rounds",
                type: "INTEGER",
                maxLength: 40,
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "External",
                table: "PanelMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateIssuedOn",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecisionDate",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionNumber",
                table: "Entries",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionSigner",
                table: "Entries",
                type: "TEXT",
                maxLength: 160,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DossierGroup",
                table: "Entries",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DossierId",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DossierProductName",
                table: "Entries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DossierVersion",
                table: "Entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LowerValidUntil",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "NominationId",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoticeMethod",
                table: "Entries",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NoticeOn",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RevocationDate",
                table: "Entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationNumber",
                table: "Entries",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                table: "Entries",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationSigner",
                table: "Entries",
                type: "TEXT",
                maxLength: 160,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SupplementaryDecision",
                table: "Entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<Guid>(
                name: "EntryId",
                table: "Complaints",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Complaints",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ComplainantName",
                table: "Complaints",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ComplainantProducerId",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Complaints",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "Id",
                table: "CalendarOverrides",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "UnitId",
                table: "CalendarOverrides",
                type: "TEXT",
                nullable: true);

            // Existing days keep their rows: each gets its own key before the key is made (all were given the empty Guid).
            migrationBuilder.Sql("UPDATE \"CalendarOverrides\" SET \"Id\" = upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)));");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CalendarOverrides",
                table: "CalendarOverrides",
                column: "Id");

            migrationBuilder.CreateTable(
                name: "DossierVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierVersions_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetRoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceRoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LetterNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LetterSigner = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_Rounds_SourceRoundId",
                        column: x => x.SourceRoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Rounds_TargetRoundId",
                        column: x => x.TargetRoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DossierFiles",
                columns: table => new
                {
                    DossierVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BlobKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierFiles", x => new { x.DossierVersionId, x.BlobKey });
                    table.ForeignKey(
                        name: "FK_DossierFiles_DossierVersions_DossierVersionId",
                        column: x => x.DossierVersionId,
                        principalTable: "DossierVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegionProvinces",
                columns: table => new
                {
                    ProvinceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionProvinces", x => x.ProvinceId);
                    table.ForeignKey(
                        name: "FK_RegionProvinces_AdministrativeUnits_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "AdministrativeUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RegionProvinces_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_RegionId",
                table: "Rounds",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_NominationId",
                table: "Entries",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ComplainantProducerId",
                table: "Complaints",
                column: "ComplainantProducerId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarOverrides_Date_UnitId",
                table: "CalendarOverrides",
                columns: new[] { "Date", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarOverrides_UnitId",
                table: "CalendarOverrides",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierFiles_BlobKey",
                table: "DossierFiles",
                column: "BlobKey");

            migrationBuilder.CreateIndex(
                name: "IX_DossierVersions_EntryId_Number",
                table: "DossierVersions",
                columns: new[] { "EntryId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_SourceRoundId",
                table: "Nominations",
                column: "SourceRoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_TargetRoundId",
                table: "Nominations",
                column: "TargetRoundId");

            migrationBuilder.CreateIndex(
                name: "IX_RegionProvinces_RegionId",
                table: "RegionProvinces",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Code",
                table: "Regions",
                column: "Code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CalendarOverrides_AdministrativeUnits_UnitId",
                table: "CalendarOverrides",
                column: "UnitId",
                principalTable: "AdministrativeUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Complaints_Producers_ComplainantProducerId",
                table: "Complaints",
                column: "ComplainantProducerId",
                principalTable: "Producers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Entries_Nominations_NominationId",
                table: "Entries",
                column: "NominationId",
                principalTable: "Nominations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Rounds_Regions_RegionId",
                table: "Rounds",
                column: "RegionId",
                principalTable: "Regions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Rounds keep the checks they ran with: facility, registration and address always, commune as set; every
            // round asks for declarations as before.
            migrationBuilder.Sql("UPDATE \"Rounds\" SET \"Conflicts\" = CASE WHEN \"RequireDeclaration\" = 1 THEN 15 ELSE 7 END, \"RequireDeclaration\" = 1;");

            // Complaints: received the day they were filed (Vietnam time), by the entrant, online.
            migrationBuilder.Sql("UPDATE \"Complaints\" SET \"ReceivedOn\" = date(\"FiledAt\" / 1000 + 25200, 'unixepoch'), \"Kind\" = 'Complaint', \"Channel\" = 'Online', \"ComplainantName\" = \"FiledByName\", \"ComplainantProducerId\" = (SELECT \"ProducerId\" FROM \"Entries\" WHERE \"Entries\".\"Id\" = \"Complaints\".\"EntryId\");");

            // A decision belongs to each entry (Điều 17.2–17.3): the round's decision becomes that of each entry it
            // decided, its notice the day the in-app notices went out, the certificate's issue date the decision's.
            migrationBuilder.Sql("UPDATE \"Entries\" SET \"DecisionNumber\" = r.\"RecognitionNumber\", \"DecisionDate\" = r.\"RecognitionDate\", \"DecisionSigner\" = r.\"RecognitionSigner\", \"NoticeOn\" = r.\"RecognitionDate\", \"NoticeMethod\" = 'InApp', \"CertificateIssuedOn\" = CASE WHEN \"Entries\".\"State\" = 'Recognised' THEN r.\"RecognitionDate\" END FROM \"Rounds\" AS r WHERE r.\"Id\" = \"Entries\".\"RoundId\" AND \"Entries\".\"State\" IN ('Recognised', 'NotRecognised') AND r.\"RecognitionNumber\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CalendarOverrides_AdministrativeUnits_UnitId",
                table: "CalendarOverrides");

            migrationBuilder.DropForeignKey(
                name: "FK_Complaints_Producers_ComplainantProducerId",
                table: "Complaints");

            migrationBuilder.DropForeignKey(
                name: "FK_Entries_Nominations_NominationId",
                table: "Entries");

            migrationBuilder.DropForeignKey(
                name: "FK_Rounds_Regions_RegionId",
                table: "Rounds");

            migrationBuilder.DropTable(
                name: "DossierFiles");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "RegionProvinces");

            migrationBuilder.DropTable(
                name: "DossierVersions");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_RegionId",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Entries_NominationId",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ComplainantProducerId",
                table: "Complaints");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CalendarOverrides",
                table: "CalendarOverrides");

            migrationBuilder.DropIndex(
                name: "IX_CalendarOverrides_Date_UnitId",
                table: "CalendarOverrides");

            migrationBuilder.DropIndex(
                name: "IX_CalendarOverrides_UnitId",
                table: "CalendarOverrides");

            migrationBuilder.DropColumn(
                name: "Conflicts",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "External",
                table: "PanelMembers");

            migrationBuilder.DropColumn(
                name: "CertificateIssuedOn",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "DecisionDate",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "DecisionNumber",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "DecisionSigner",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "DossierGroup",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "DossierId",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "DossierProductName",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "DossierVersion",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "LowerValidUntil",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "NominationId",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "NoticeMethod",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "NoticeOn",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "RevocationDate",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "RevocationNumber",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "RevocationSigner",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "SupplementaryDecision",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ComplainantName",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ComplainantProducerId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "CalendarOverrides");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "CalendarOverrides");

            migrationBuilder.RenameColumn(
                name: "RequireDeclaration",
                table: "Rounds",
                newName: "ConflictSameCommune");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "Rounds");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ComplaintDeadline",
                table: "Rounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.RenameColumn(
                name: "ReceivedOn",
                table: "Complaints",
                newName: "ResolveBy");

            migrationBuilder.AlterColumn<int>(
                name: "MinimumSheets",
                table: "Rounds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "EntryId",
                table: "Complaints",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_CalendarOverrides",
                table: "CalendarOverrides",
                column: "Date");
        }
    }
}
