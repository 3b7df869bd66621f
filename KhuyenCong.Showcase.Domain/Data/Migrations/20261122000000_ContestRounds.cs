using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KhuyenCong.Showcase.Data.Migrations;

/// <summary>
/// Contest rounds with their criteria, entries and timelines, complaints, the holiday corrections, the council and
/// jury with conflict declarations and assignments, score sheets, and the in-app inbox.
/// </summary>
[DbContext(typeof(ShowcaseDb))]
[Migration("20261122000000_ContestRounds")]
public sealed class ContestRounds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CalendarOverrides",
            columns: table => new
            {
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 120, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarOverrides", x => x.Date);
            });

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 200, nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                Link = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                ReadAt = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Rounds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 30, nullable: false),
                Level = table.Column<string>(maxLength: 40, nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Organiser = table.Column<string>(maxLength: 200, nullable: false),
                EstablishmentNumber = table.Column<string>(maxLength: 60, nullable: true),
                EstablishmentDate = table.Column<DateOnly>(nullable: true),
                EstablishmentSigner = table.Column<string>(maxLength: 160, nullable: true),
                RegistrationOpens = table.Column<DateOnly>(nullable: false),
                RegistrationCloses = table.Column<DateOnly>(nullable: false),
                ReviewUntil = table.Column<DateOnly>(nullable: false),
                JudgingFrom = table.Column<DateOnly>(nullable: false),
                JudgingTo = table.Column<DateOnly>(nullable: false),
                AnnouncementOn = table.Column<DateOnly>(nullable: false),
                PassMark = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                Quota = table.Column<int>(nullable: true),
                Blind = table.Column<bool>(nullable: false),
                MinimumSheets = table.Column<int>(nullable: false),
                ConflictSameCommune = table.Column<bool>(nullable: false),
                Assignment = table.Column<string>(maxLength: 40, nullable: false),
                JudgeCap = table.Column<int>(nullable: true),
                State = table.Column<string>(maxLength: 40, nullable: false),
                CriteriaFrozenAt = table.Column<long>(nullable: true),
                RecognitionNumber = table.Column<string>(maxLength: 60, nullable: true),
                RecognitionDate = table.Column<DateOnly>(nullable: true),
                RecognitionSigner = table.Column<string>(maxLength: 160, nullable: true),
                ComplaintDeadline = table.Column<DateOnly>(nullable: true),
                FundingLineId = table.Column<Guid>(nullable: true),
                NextEntryNumber = table.Column<int>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Rounds", x => x.Id);
                table.ForeignKey(
                    name: "FK_Rounds_AdministrativeUnits_UnitId",
                    column: x => x.UnitId,
                    principalTable: "AdministrativeUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PanelMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 200, nullable: false),
                FullName = table.Column<string>(maxLength: 120, nullable: false),
                Position = table.Column<string>(maxLength: 120, nullable: true),
                Body = table.Column<string>(maxLength: 40, nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                Groups = table.Column<int>(nullable: false),
                DeclaredAt = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PanelMembers", x => x.Id);
                table.ForeignKey(
                    name: "FK_PanelMembers_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RoundCriteria",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                Group = table.Column<string>(maxLength: 40, nullable: false),
                Code = table.Column<string>(maxLength: 10, nullable: false),
                Name = table.Column<string>(maxLength: 300, nullable: false),
                MaxPoints = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                Order = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoundCriteria", x => x.Id);
                table.ForeignKey(
                    name: "FK_RoundCriteria_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Entries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                ProducerId = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 40, nullable: true),
                State = table.Column<string>(maxLength: 40, nullable: false),
                DeclaresSelfMade = table.Column<bool>(nullable: false),
                DeclaresMassProducible = table.Column<bool>(nullable: false),
                DeclaresStandards = table.Column<bool>(nullable: false),
                AnnualCapacity = table.Column<string>(maxLength: 500, nullable: true),
                Workers = table.Column<int>(nullable: true),
                AnnualRevenue = table.Column<long>(nullable: true),
                Highlights = table.Column<string>(maxLength: 3000, nullable: true),
                EconomicValue = table.Column<string>(maxLength: 3000, nullable: true),
                SocialAndEnvironment = table.Column<string>(maxLength: 3000, nullable: true),
                CultureAndAesthetics = table.Column<string>(maxLength: 3000, nullable: true),
                ReturnReason = table.Column<string>(maxLength: 2000, nullable: true),
                RejectionReason = table.Column<string>(maxLength: 40, nullable: true),
                RejectionNote = table.Column<string>(maxLength: 2000, nullable: true),
                NominatedFromEntryId = table.Column<Guid>(nullable: true),
                LowerScore = table.Column<decimal>(precision: 6, scale: 3, nullable: true),
                LowerDecisionNumber = table.Column<string>(maxLength: 60, nullable: true),
                LowerDecisionDate = table.Column<DateOnly>(nullable: true),
                LowerRoundName = table.Column<string>(maxLength: 200, nullable: true),
                Score = table.Column<decimal>(precision: 6, scale: 3, nullable: true),
                Rank = table.Column<int>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                SubmittedAt = table.Column<long>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Entries", x => x.Id);
                table.ForeignKey(
                    name: "FK_Entries_Entries_NominatedFromEntryId",
                    column: x => x.NominatedFromEntryId,
                    principalTable: "Entries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Entries_Producers_ProducerId",
                    column: x => x.ProducerId,
                    principalTable: "Producers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Entries_Products_ProductId",
                    column: x => x.ProductId,
                    principalTable: "Products",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Entries_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Complaints",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                FiledById = table.Column<string>(maxLength: 200, nullable: false),
                FiledByName = table.Column<string>(maxLength: 200, nullable: false),
                FiledAt = table.Column<long>(nullable: false),
                Reasons = table.Column<string>(maxLength: 4000, nullable: false),
                ResolveBy = table.Column<DateOnly>(nullable: false),
                State = table.Column<string>(maxLength: 40, nullable: false),
                Resolution = table.Column<string>(maxLength: 4000, nullable: true),
                ResolvedById = table.Column<string>(maxLength: 200, nullable: true),
                ResolvedByName = table.Column<string>(maxLength: 200, nullable: true),
                ResolvedAt = table.Column<long>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Complaints", x => x.Id);
                table.ForeignKey(
                    name: "FK_Complaints_Entries_EntryId",
                    column: x => x.EntryId,
                    principalTable: "Entries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Complaints_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ConflictDeclarations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 200, nullable: false),
                HasConflict = table.Column<bool>(nullable: false),
                Automatic = table.Column<bool>(nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
                DeclaredAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConflictDeclarations", x => x.Id);
                table.ForeignKey(
                    name: "FK_ConflictDeclarations_Entries_EntryId",
                    column: x => x.EntryId,
                    principalTable: "Entries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ConflictDeclarations_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "EntryEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                At = table.Column<long>(nullable: false),
                ActorId = table.Column<string>(maxLength: 200, nullable: false),
                ActorName = table.Column<string>(maxLength: 200, nullable: false),
                Action = table.Column<string>(maxLength: 60, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EntryEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_EntryEvents_Entries_EntryId",
                    column: x => x.EntryId,
                    principalTable: "Entries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "JudgeAssignments",
            columns: table => new
            {
                RoundId = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_JudgeAssignments", x => new { x.RoundId, x.EntryId, x.UserId });
                table.ForeignKey(
                    name: "FK_JudgeAssignments_Entries_EntryId",
                    column: x => x.EntryId,
                    principalTable: "Entries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_JudgeAssignments_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ScoreSheets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                JudgeId = table.Column<string>(maxLength: 200, nullable: false),
                State = table.Column<string>(maxLength: 40, nullable: false),
                Comments = table.Column<string>(maxLength: 4000, nullable: true),
                UpdatedAt = table.Column<long>(nullable: false),
                SubmittedAt = table.Column<long>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScoreSheets", x => x.Id);
                table.ForeignKey(
                    name: "FK_ScoreSheets_Entries_EntryId",
                    column: x => x.EntryId,
                    principalTable: "Entries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ScoreSheets_Rounds_RoundId",
                    column: x => x.RoundId,
                    principalTable: "Rounds",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ComplaintAttachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ComplaintId = table.Column<Guid>(nullable: false),
                BlobKey = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 60, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ComplaintAttachments", x => x.Id);
                table.ForeignKey(
                    name: "FK_ComplaintAttachments_Complaints_ComplaintId",
                    column: x => x.ComplaintId,
                    principalTable: "Complaints",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SheetScores",
            columns: table => new
            {
                SheetId = table.Column<Guid>(nullable: false),
                CriterionId = table.Column<Guid>(nullable: false),
                Points = table.Column<decimal>(precision: 5, scale: 2, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SheetScores", x => new { x.SheetId, x.CriterionId });
                table.ForeignKey(
                    name: "FK_SheetScores_RoundCriteria_CriterionId",
                    column: x => x.CriterionId,
                    principalTable: "RoundCriteria",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_SheetScores_ScoreSheets_SheetId",
                    column: x => x.SheetId,
                    principalTable: "ScoreSheets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ComplaintAttachments_BlobKey",
            table: "ComplaintAttachments",
            column: "BlobKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ComplaintAttachments_ComplaintId",
            table: "ComplaintAttachments",
            column: "ComplaintId");

        migrationBuilder.CreateIndex(
            name: "IX_Complaints_EntryId",
            table: "Complaints",
            column: "EntryId");

        migrationBuilder.CreateIndex(
            name: "IX_Complaints_RoundId",
            table: "Complaints",
            column: "RoundId");

        migrationBuilder.CreateIndex(
            name: "IX_ConflictDeclarations_EntryId",
            table: "ConflictDeclarations",
            column: "EntryId");

        migrationBuilder.CreateIndex(
            name: "IX_ConflictDeclarations_RoundId_EntryId_UserId_Automatic",
            table: "ConflictDeclarations",
            columns: new[] { "RoundId", "EntryId", "UserId", "Automatic" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Entries_NominatedFromEntryId",
            table: "Entries",
            column: "NominatedFromEntryId");

        migrationBuilder.CreateIndex(
            name: "IX_Entries_ProducerId",
            table: "Entries",
            column: "ProducerId");

        migrationBuilder.CreateIndex(
            name: "IX_Entries_ProductId",
            table: "Entries",
            column: "ProductId");

        migrationBuilder.CreateIndex(
            name: "IX_Entries_RoundId_Code",
            table: "Entries",
            columns: new[] { "RoundId", "Code" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Entries_RoundId_State",
            table: "Entries",
            columns: new[] { "RoundId", "State" });

        migrationBuilder.CreateIndex(
            name: "IX_EntryEvents_EntryId",
            table: "EntryEvents",
            column: "EntryId");

        migrationBuilder.CreateIndex(
            name: "IX_JudgeAssignments_EntryId",
            table: "JudgeAssignments",
            column: "EntryId");

        migrationBuilder.CreateIndex(
            name: "IX_Notifications_UserId_ReadAt",
            table: "Notifications",
            columns: new[] { "UserId", "ReadAt" });

        migrationBuilder.CreateIndex(
            name: "IX_PanelMembers_RoundId_UserId_Body",
            table: "PanelMembers",
            columns: new[] { "RoundId", "UserId", "Body" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_RoundCriteria_RoundId",
            table: "RoundCriteria",
            column: "RoundId");

        migrationBuilder.CreateIndex(
            name: "IX_Rounds_Level_UnitId_Year",
            table: "Rounds",
            columns: new[] { "Level", "UnitId", "Year" });

        migrationBuilder.CreateIndex(
            name: "IX_Rounds_UnitId",
            table: "Rounds",
            column: "UnitId");

        migrationBuilder.CreateIndex(
            name: "IX_ScoreSheets_EntryId_JudgeId",
            table: "ScoreSheets",
            columns: new[] { "EntryId", "JudgeId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ScoreSheets_RoundId_State",
            table: "ScoreSheets",
            columns: new[] { "RoundId", "State" });

        migrationBuilder.CreateIndex(
            name: "IX_SheetScores_CriterionId",
            table: "SheetScores",
            column: "CriterionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SheetScores");
        migrationBuilder.DropTable(name: "ComplaintAttachments");
        migrationBuilder.DropTable(name: "ScoreSheets");
        migrationBuilder.DropTable(name: "JudgeAssignments");
        migrationBuilder.DropTable(name: "EntryEvents");
        migrationBuilder.DropTable(name: "ConflictDeclarations");
        migrationBuilder.DropTable(name: "Complaints");
        migrationBuilder.DropTable(name: "Entries");
        migrationBuilder.DropTable(name: "RoundCriteria");
        migrationBuilder.DropTable(name: "PanelMembers");
        migrationBuilder.DropTable(name: "Rounds");
        migrationBuilder.DropTable(name: "Notifications");
        migrationBuilder.DropTable(name: "CalendarOverrides");
    }
}
